/**
 * The distro builds recorded in the built-in entries, judged on the exact running builds a node reports: the build
 * just before the distro's fix is affected and the advice names the distro's own fixed package (never an upstream
 * version), the fixed build and later ones are fixed. Every row here restates one advisory quoted in the entry's
 * references; a change to the entry, to release parsing or to the verdict that breaks it fails here.
 */
import { describe, expect, it } from "vitest";
import { loadBuiltinKb } from "./load-builtin";
import { parseKernelRelease } from "../engine/versions/parse-kernel-release";
import { adviseOn } from "../engine/versions/test-entries";

const AS_OF = new Date("2026-12-01T00:00:00Z");
const KB = new Map(loadBuiltinKb().entries.map((e) => [e.id, e]));

type Row = {
  kb: string;
  /** `uname -r` as the log prints it. */
  release: string;
  /** `#101-Ubuntu SMP …` / `#1 SMP Debian 5.10.209-2 …` from the `CPU: … Comm:` line or banner. */
  build?: string;
  banner?: string;
  status: "affected" | "fixed" | "unknown";
  /** Substring the upgrade must contain (the distro's package and advisory); null: no upgrade at all. */
  upgrade?: string | null;
};

function judge(row: Row) {
  const kb = KB.get(row.kb);
  if (!kb) throw new Error(`no built-in entry ${row.kb}`);
  return adviseOn({ kernel: parseKernelRelease(row.release, row.build, row.banner), kb, entries: KB, asOf: AS_OF });
}

function check(row: Row) {
  const { v, rec } = judge(row);
  expect(v.status, v.reason).toBe(row.status);
  if (row.upgrade === null) expect(rec.upgrade, rec.upgrade?.text).toBeUndefined();
  else if (row.upgrade !== undefined) {
    expect(rec.upgrade?.text ?? "", rec.summary).toContain(row.upgrade);
    // The distro's own package, never "only the upstream fix is known".
    expect(rec.upgrade?.upstreamOnly ?? false, rec.upgrade?.text).toBe(false);
  }
}

const ubuntu = (abi: string, upload: string, base: string, hwe?: string) => ({
  release: `${abi}-generic`,
  build: `#${upload}${hwe ? `~${hwe}.1` : ""}-Ubuntu SMP`,
  banner: `(Ubuntu ${abi}.${upload}${hwe ? `~${hwe}.1` : ""}-generic ${base})`,
});

describe("distro builds of the built-in entries", () => {
  describe("ipv6-route-cache-full (CVE-2023-52340)", () => {
    const kb = "ipv6-route-cache-full";
    it.each<[string, Row]>([
      ["Ubuntu 22.04 5.15.0-101 is affected; USN-6725-1 names 5.15.0-102", { kb, ...ubuntu("5.15.0-101", "111", "5.15.143"), status: "affected", upgrade: "5.15.0-101.111 → 5.15.0-102 or later (Ubuntu 22.04 package, USN-6725-1)" }],
      ["Ubuntu 22.04 5.15.0-102.112 is fixed", { kb, ...ubuntu("5.15.0-102", "112", "5.15.146"), status: "fixed", upgrade: null }],
      ["Ubuntu 22.04 ABI 5.15.0-102 alone is fixed (the notice fixes the whole ABI)", { kb, release: "5.15.0-102-generic", status: "fixed", upgrade: null }],
      ["Ubuntu 22.04 ABI 5.15.0-91 alone is affected", { kb, release: "5.15.0-91-generic", status: "affected", upgrade: "→ 5.15.0-102 or later (Ubuntu 22.04 package, USN-6725-1)" }],
      ["Ubuntu 20.04 HWE 5.15.0-101 is affected", { kb, ...ubuntu("5.15.0-101", "111", "5.15.143", "20.04"), status: "affected", upgrade: "→ 5.15.0-102 or later (Ubuntu 20.04 package, USN-6725-1)" }],
      ["Ubuntu 20.04 5.4.0-174 is affected; USN-6726-1 names 5.4.0-176", { kb, ...ubuntu("5.4.0-174", "193", "5.4.265"), status: "affected", upgrade: "5.4.0-174.193 → 5.4.0-176 or later (Ubuntu 20.04 package, USN-6726-1)" }],
      ["Ubuntu 20.04 5.4.0-176 is fixed", { kb, ...ubuntu("5.4.0-176", "196", "5.4.268"), status: "fixed", upgrade: null }],
      ["Ubuntu 18.04 HWE 5.4.0-150 is affected; USN-6726-1 names 5.4.0-175", { kb, ...ubuntu("5.4.0-150", "167", "5.4.233", "18.04"), status: "affected", upgrade: "→ 5.4.0-175 or later (Ubuntu 18.04 package, USN-6726-1)" }],
      ["RHEL 8.9 z-stream is affected; RHSA-2024:3138 names 4.18.0-553.el8_10", { kb, release: "4.18.0-513.24.1.el8_9.x86_64", status: "affected", upgrade: "4.18.0-513.24.1.el8_9 → 4.18.0-553.el8_10 or later (RHEL-family 8.10 package, RHSA-2024:3138)" }],
      ["CentOS 8.0 (hybridnet's 4.18.0-80.el8) is affected", { kb, release: "4.18.0-80.el8.x86_64", status: "affected", upgrade: "→ 4.18.0-553.el8_10" }],
      ["RHEL 8.10 GA is fixed", { kb, release: "4.18.0-553.el8_10.x86_64", status: "fixed", upgrade: null }],
      ["RHEL 8.10 z-stream is fixed", { kb, release: "4.18.0-553.16.1.el8_10.x86_64", status: "fixed", upgrade: null }],
      ["Amazon Linux 2 kernel-5.15 before ALAS2KERNEL-5.15-2024-033 is affected", { kb, release: "5.15.138-89.157.amzn2.x86_64", status: "affected", upgrade: "5.15.138-89.157.amzn2 → 5.15.145-95.156.amzn2 or later (Amazon Linux 2 package, ALAS2KERNEL-5.15-2024-033)" }],
      ["Amazon Linux 2 5.15.145-95.156.amzn2 is fixed", { kb, release: "5.15.145-95.156.amzn2.x86_64", status: "fixed", upgrade: null }],
    ])("%s", (_, row) => check(row));
  });

  describe("skb-segment-gso-bug (CVE-2024-42281)", () => {
    const kb = "skb-segment-gso-bug";
    it.each<[string, Row]>([
      ["Ubuntu 22.04 5.15.0-124 is affected; USN-7100-1 names 5.15.0-125", { kb, ...ubuntu("5.15.0-124", "134", "5.15.167"), status: "affected", upgrade: "5.15.0-124.134 → 5.15.0-125 or later (Ubuntu 22.04 package, USN-7100-1)" }],
      ["Ubuntu 22.04 5.15.0-125 is fixed", { kb, ...ubuntu("5.15.0-125", "135", "5.15.167"), status: "fixed", upgrade: null }],
      ["Ubuntu 20.04 HWE 5.15.0-124 is affected", { kb, ...ubuntu("5.15.0-124", "134", "5.15.167", "20.04"), status: "affected", upgrade: "(Ubuntu 20.04 package, USN-7100-1)" }],
      ["Ubuntu 20.04 5.4.0-196 is affected; USN-7088-1 names 5.4.0-200", { kb, ...ubuntu("5.4.0-196", "216", "5.4.281"), status: "affected", upgrade: "5.4.0-196.216 → 5.4.0-200 or later (Ubuntu 20.04 package, USN-7088-1)" }],
      ["Ubuntu 20.04 5.4.0-200 is fixed", { kb, ...ubuntu("5.4.0-200", "220", "5.4.284"), status: "fixed", upgrade: null }],
      ["Ubuntu 18.04 HWE 5.4.0-196 is affected", { kb, ...ubuntu("5.4.0-196", "216", "5.4.281", "18.04"), status: "affected", upgrade: "(Ubuntu 18.04 package, USN-7088-1)" }],
      ["Debian 11 5.10.209-2 is affected; DLA-3912-1 names 5.10.226-1", { kb, release: "5.10.0-28-amd64", build: "#1 SMP Debian 5.10.209-2 (2024-01-31)", status: "affected", upgrade: "5.10.209-2 → 5.10.226-1 or later (Debian 11 package, DLA-3912-1)" }],
      ["Debian 11 5.10.226-1 is fixed", { kb, release: "5.10.0-33-amd64", build: "#1 SMP Debian 5.10.226-1 (2024-10-03)", status: "fixed", upgrade: null }],
    ])("%s", (_, row) => check(row));
  });

  describe("virtio-net-napi-skb-cache-put-warning (CVE-2024-43835)", () => {
    const kb = "virtio-net-napi-skb-cache-put-warning";
    it.each<[string, Row]>([
      ["Ubuntu 22.04 5.15.0-119 is affected; USN-7100-1 names 5.15.0-125", { kb, ...ubuntu("5.15.0-119", "129", "5.15.160"), status: "affected", upgrade: "→ 5.15.0-125 or later (Ubuntu 22.04 package, USN-7100-1)" }],
      ["Ubuntu 22.04 5.15.0-125 is fixed", { kb, ...ubuntu("5.15.0-125", "135", "5.15.167"), status: "fixed", upgrade: null }],
      ["Ubuntu 20.04 HWE 5.15.0-125 is fixed", { kb, ...ubuntu("5.15.0-125", "135", "5.15.167", "20.04"), status: "fixed", upgrade: null }],
      ["Ubuntu 20.04 5.4.0-190 is affected; USN-7088-1 names 5.4.0-200", { kb, ...ubuntu("5.4.0-190", "210", "5.4.278"), status: "affected", upgrade: "→ 5.4.0-200 or later (Ubuntu 20.04 package, USN-7088-1)" }],
      ["Ubuntu 20.04 ABI 5.4.0-200 alone is fixed", { kb, release: "5.4.0-200-generic", status: "fixed", upgrade: null }],
      ["Debian 11 5.10.223-1 is affected", { kb, release: "5.10.0-32-amd64", build: "#1 SMP Debian 5.10.223-1 (2024-08-10)", status: "affected", upgrade: "→ 5.10.226-1 or later (Debian 11 package, DLA-3912-1)" }],
      ["Debian 11 5.10.226-1 is fixed", { kb, release: "5.10.0-33-amd64", build: "#1 SMP Debian 5.10.226-1 (2024-10-03)", status: "fixed", upgrade: null }],
    ])("%s", (_, row) => check(row));
  });

  describe("nfs-flexfiles-cancel-io-null-deref (CVE-2024-26868)", () => {
    const kb = "nfs-flexfiles-cancel-io-null-deref";
    it.each<[string, Row]>([
      ["RHEL 9.4 z-stream before RHSA-2024:5363 is affected", { kb, release: "5.14.0-427.28.1.el9_4.x86_64", status: "affected", upgrade: "5.14.0-427.28.1.el9_4 → 5.14.0-427.31.1.el9_4 or later (RHEL-family 9.4 package, RHSA-2024:5363)" }],
      ["RHEL 9.4 5.14.0-427.31.1.el9_4 is fixed", { kb, release: "5.14.0-427.31.1.el9_4.x86_64", status: "fixed", upgrade: null }],
      ["RHEL 9.5 is fixed", { kb, release: "5.14.0-503.11.1.el9_5.x86_64", status: "fixed", upgrade: null }],
    ])("%s", (_, row) => check(row));
  });

  describe("ALAS2023-2024-696 (Amazon Linux 2023, 6.1.84-99.169.amzn2023): CVE-2024-26868, CVE-2024-26958", () => {
    it.each<[string, Row]>(
      ["nfs-flexfiles-cancel-io-null-deref", "nfs-direct-write-refcount-uaf"].flatMap((kb) => [
        [`${kb}: AL2023 6.1.79-99.164 is affected`, { kb, release: "6.1.79-99.164.amzn2023.x86_64", status: "affected", upgrade: "6.1.79-99.164.amzn2023 → 6.1.84-99.169.amzn2023 or later (Amazon Linux 2023 package, ALAS2023-2024-696)" }],
        [`${kb}: AL2023 6.1.84-99.169 is fixed`, { kb, release: "6.1.84-99.169.amzn2023.x86_64", status: "fixed", upgrade: null }],
        [`${kb}: AL2023 6.1.90-99.173 is fixed`, { kb, release: "6.1.90-99.173.amzn2023.x86_64", status: "fixed", upgrade: null }],
      ]),
    )("%s", (_, row) => check(row));
  });

  describe("tcp-rearm-rto-null-deref (CVE-2024-47684)", () => {
    const kb = "tcp-rearm-rto-null-deref";
    it.each<[string, Row]>([
      ["Ubuntu 22.04 5.15.0-126 is affected; USN-7166-1 names 5.15.0-127", { kb, ...ubuntu("5.15.0-126", "136", "5.15.167"), status: "affected", upgrade: "5.15.0-126.136 → 5.15.0-127 or later (Ubuntu 22.04 package, USN-7166-1)" }],
      ["Ubuntu 22.04 5.15.0-127 is fixed", { kb, ...ubuntu("5.15.0-127", "137", "5.15.167"), status: "fixed", upgrade: null }],
      ["Amazon Linux 2 kernel-5.10 before ALAS2KERNEL-5.10-2024-072 is affected", { kb, release: "5.10.226-214.880.amzn2.x86_64", status: "affected", upgrade: "5.10.226-214.880.amzn2 → 5.10.227-219.884.amzn2 or later (Amazon Linux 2 package, ALAS2KERNEL-5.10-2024-072)" }],
      ["Amazon Linux 2 5.10.227-219.884.amzn2 is fixed", { kb, release: "5.10.227-219.884.amzn2.x86_64", status: "fixed", upgrade: null }],
      ["Amazon Linux 2 kernel-5.4 before ALAS2KERNEL-5.4-2025-090 is affected", { kb, release: "5.4.285-197.384.amzn2.x86_64", status: "affected", upgrade: "→ 5.4.286-201.385.amzn2 or later (Amazon Linux 2 package, ALAS2KERNEL-5.4-2025-090)" }],
      ["Amazon Linux 2 5.4.286-201.385.amzn2 is fixed", { kb, release: "5.4.286-201.385.amzn2.x86_64", status: "fixed", upgrade: null }],
      ["Oracle UEK6 el8 build before ELSA-2024-12884 is affected", { kb, release: "5.4.17-2136.336.5.1.el8uek.x86_64", status: "affected", upgrade: "5.4.17-2136.336.5.1.el8uek → 5.4.17-2136.338.4.1.el8uek or later (Oracle UEK UEK6 package, ELSA-2024-12884)" }],
      ["Oracle UEK6 el7 build before is affected", { kb, release: "5.4.17-2136.330.7.1.el7uek.x86_64", status: "affected", upgrade: "(Oracle UEK UEK6 package, ELSA-2024-12884)" }],
      ["Oracle UEK6 5.4.17-2136.338.4.1.el8uek is fixed", { kb, release: "5.4.17-2136.338.4.1.el8uek.x86_64", status: "fixed", upgrade: null }],
      ["Oracle UEK6 el7 5.4.17-2136.338.4.1 is fixed", { kb, release: "5.4.17-2136.338.4.1.el7uek.x86_64", status: "fixed", upgrade: null }],
      ["Oracle UEK6 later build is fixed", { kb, release: "5.4.17-2136.340.1.el8uek.x86_64", status: "fixed", upgrade: null }],
      ["SLES 12 SP5 4.12.14-122.231-default is affected; SUSE-SU-2025:0034-1 names 4.12.14-122.234.1", { kb, release: "4.12.14-122.231-default", status: "affected", upgrade: "(SUSE 12-SP5 package, SUSE-SU-2025:0034-1)" }],
      ["SLES 12 SP5 4.12.14-122.234-default is fixed", { kb, release: "4.12.14-122.234-default", status: "fixed", upgrade: null }],
      ["SLES 12 SP5 4.12.14-122.237-default is fixed", { kb, release: "4.12.14-122.237-default", status: "fixed", upgrade: null }],
    ])("%s", (_, row) => check(row));
  });

  describe("geneve-xmit-mac-header-warning (CVE-2024-56636)", () => {
    const kb = "geneve-xmit-mac-header-warning";
    it.each<[string, Row]>([
      ["Amazon Linux 2 kernel-5.15 5.15.173 is affected; ALAS2KERNEL-5.15-2025-061 names 5.15.176-118.170", { kb, release: "5.15.173-118.169.amzn2.x86_64", status: "affected", upgrade: "5.15.173-118.169.amzn2 → 5.15.176-118.170.amzn2 or later (Amazon Linux 2 package, ALAS2KERNEL-5.15-2025-061)" }],
      ["Amazon Linux 2 5.15.176-118.170.amzn2 is fixed", { kb, release: "5.15.176-118.170.amzn2.x86_64", status: "fixed", upgrade: null }],
    ])("%s", (_, row) => check(row));
  });

  describe("RHSA-2024:5101 (RHEL 8.10, 4.18.0-553.16.1.el8_10): CVE-2024-26614, CVE-2024-26958, CVE-2024-36904", () => {
    it.each<[string, Row]>(
      ["tcp-accept-queue-spinlock-warning", "nfs-direct-write-refcount-uaf", "tcp-twsk-unique-refcount-warning"].flatMap((kb) => [
        [`${kb}: RHEL 8.10 GA is affected`, { kb, release: "4.18.0-553.el8_10.x86_64", status: "affected", upgrade: "4.18.0-553.el8_10 → 4.18.0-553.16.1.el8_10 or later (RHEL-family 8.10 package, RHSA-2024:5101)" }],
        [`${kb}: RHEL 8.10 4.18.0-553.16.1.el8_10 is fixed`, { kb, release: "4.18.0-553.16.1.el8_10.x86_64", status: "fixed", upgrade: null }],
      ]),
    )("%s", (_, row) => check(row));
  });

  describe("tcp-twsk-unique-refcount-warning (CVE-2024-36904): RHEL EUS streams", () => {
    const kb = "tcp-twsk-unique-refcount-warning";
    it.each<[string, Row]>([
      ["RHEL 8.8 EUS before RHSA-2024:6206 is affected", { kb, release: "4.18.0-477.67.1.el8_8.x86_64", status: "affected", upgrade: "4.18.0-477.67.1.el8_8 → 4.18.0-477.70.1.el8_8 or later (RHEL-family 8.8 package, RHSA-2024:6206)" }],
      ["RHEL 8.8 EUS 4.18.0-477.70.1.el8_8 is fixed", { kb, release: "4.18.0-477.70.1.el8_8.x86_64", status: "fixed", upgrade: null }],
      ["RHEL 9.2 EUS before RHSA-2024:4823 is affected", { kb, release: "5.14.0-284.73.1.el9_2.x86_64", status: "affected", upgrade: "5.14.0-284.73.1.el9_2 → 5.14.0-284.75.1.el9_2 or later (RHEL-family 9.2 package, RHSA-2024:4823)" }],
      ["RHEL 9.2 EUS 5.14.0-284.75.1.el9_2 is fixed", { kb, release: "5.14.0-284.75.1.el9_2.x86_64", status: "fixed", upgrade: null }],
    ])("%s", (_, row) => check(row));
  });

  describe("SUSE 15 SP5/SP6, the -default and the real-time codestreams", () => {
    it.each<[string, Row]>([
      ["tcp-rearm: SP5 150500.55.80 is affected; SUSE-SU-2024:4364-1 names 150500.55.88", { kb: "tcp-rearm-rto-null-deref", release: "5.14.21-150500.55.80-default", status: "affected", upgrade: "5.14.21-150500.55.80 → 5.14.21-150500.55.88 or later (SUSE 15-SP5 package, SUSE-SU-2024:4364-1)" }],
      ["tcp-rearm: SP5 150500.55.88 is fixed", { kb: "tcp-rearm-rto-null-deref", release: "5.14.21-150500.55.88-default", status: "fixed", upgrade: null }],
      ["virtio-net-hdr-gso-csum: SP5 150500.55.73 is affected", { kb: "virtio-net-hdr-gso-csum-warning", release: "5.14.21-150500.55.73-default", status: "affected", upgrade: "(SUSE 15-SP5 package, SUSE-SU-2024:4364-1)" }],
      ["virtio-net-hdr-gso-csum: SP5 150500.55.91 is fixed", { kb: "virtio-net-hdr-gso-csum-warning", release: "5.14.21-150500.55.91-default", status: "fixed", upgrade: null }],
      ["ice-pf-reset: SP5 150500.55.52 is affected", { kb: "ice-pf-reset-null-deref", release: "5.14.21-150500.55.52-default", status: "affected", upgrade: "→ 5.14.21-150500.55.88 or later (SUSE 15-SP5 package, SUSE-SU-2024:4364-1)" }],
      ["ice-pf-reset: SP5 150500.55.88 is fixed", { kb: "ice-pf-reset-null-deref", release: "5.14.21-150500.55.88-default", status: "fixed", upgrade: null }],
      ["skb-segment: SP6 150600.23.17 is affected; SUSE-SU-2024:3383-1 names 150600.23.22", { kb: "skb-segment-gso-bug", release: "6.4.0-150600.23.17-default", status: "affected", upgrade: "6.4.0-150600.23.17 → 6.4.0-150600.23.22 or later (SUSE 15-SP6 package, SUSE-SU-2024:3383-1)" }],
      ["skb-segment: SP6 150600.23.22 is fixed", { kb: "skb-segment-gso-bug", release: "6.4.0-150600.23.22-default", status: "fixed", upgrade: null }],
      ["skb-segment: SP6 rt 150600.10.5 is affected; SUSE-SU-2024:3195-1 names rt 150600.10.8", { kb: "skb-segment-gso-bug", release: "6.4.0-150600.10.5-rt", status: "affected", upgrade: "6.4.0-150600.10.5 → 6.4.0-150600.10.8 or later (SUSE 15-SP6 rt package, SUSE-SU-2024:3195-1)" }],
      ["skb-segment: SP6 rt 150600.10.8 is fixed", { kb: "skb-segment-gso-bug", release: "6.4.0-150600.10.8-rt", status: "fixed", upgrade: null }],
      ["virtio-net-hdr-gso-csum: SP6 rt 150600.10.8 is fixed", { kb: "virtio-net-hdr-gso-csum-warning", release: "6.4.0-150600.10.8-rt", status: "fixed", upgrade: null }],
      ["virtio-net-hdr-gso-csum: SP6 150600.23.7 is affected", { kb: "virtio-net-hdr-gso-csum-warning", release: "6.4.0-150600.23.7-default", status: "affected", upgrade: "(SUSE 15-SP6 package, SUSE-SU-2024:3383-1)" }],
      ["mlx5-health: SP6 150600.23.14 is affected; SUSE-SU-2024:2802-1 names 150600.23.17", { kb: "mlx5-health-timer-after-removal", release: "6.4.0-150600.23.14-default", status: "affected", upgrade: "→ 6.4.0-150600.23.17 or later (SUSE 15-SP6 package, SUSE-SU-2024:2802-1)" }],
      ["mlx5-health: SP6 150600.23.17 is fixed", { kb: "mlx5-health-timer-after-removal", release: "6.4.0-150600.23.17-default", status: "fixed", upgrade: null }],
      ["mlx5-health: SP6 azure 150600.8.5 is affected; SUSE-SU-2024:2896-1 names azure 150600.8.8", { kb: "mlx5-health-timer-after-removal", release: "6.4.0-150600.8.5-azure", status: "affected", upgrade: "→ 6.4.0-150600.8.8 or later (SUSE 15-SP6 azure package, SUSE-SU-2024:2896-1)" }],
      ["mlx5-health: SP6 azure 150600.8.8 is fixed", { kb: "mlx5-health-timer-after-removal", release: "6.4.0-150600.8.8-azure", status: "fixed", upgrade: null }],
      ["mlx5-health: SP5 azure 150500.33.60 is affected; SUSE-SU-2024:2947-1 names azure 150500.33.63", { kb: "mlx5-health-timer-after-removal", release: "5.14.21-150500.33.60-azure", status: "affected", upgrade: "(SUSE 15-SP5 azure package, SUSE-SU-2024:2947-1)" }],
      ["mlx5-health: SP5 -default has no recorded build: unknown, never the azure build's verdict", { kb: "mlx5-health-timer-after-removal", release: "5.14.21-150500.55.80-default", status: "unknown", upgrade: null }],
      ["skb-segment: SP6 azure (its own codestream, no build recorded) is never judged by -default's 150600.23.22", { kb: "skb-segment-gso-bug", release: "6.4.0-150600.8.5-azure", status: "unknown", upgrade: null }],
    ])("%s", (_, row) => check(row));
  });

  describe("Amazon Linux 2023 and Oracle UEK6/UEK7", () => {
    it.each<[string, Row]>([
      ["tcp-rearm: AL2023 6.1.112-124.190 is affected; ALAS2023-2025-794 names 6.1.115-126.197", { kb: "tcp-rearm-rto-null-deref", release: "6.1.112-124.190.amzn2023.x86_64", status: "affected", upgrade: "6.1.112-124.190.amzn2023 → 6.1.115-126.197.amzn2023 or later (Amazon Linux 2023 package, ALAS2023-2025-794)" }],
      ["tcp-rearm: AL2023 6.1.115-126.197 is fixed", { kb: "tcp-rearm-rto-null-deref", release: "6.1.115-126.197.amzn2023.x86_64", status: "fixed", upgrade: null }],
      ["tcp-rearm: AL2023 6.1.119-126.201 is fixed", { kb: "tcp-rearm-rto-null-deref", release: "6.1.119-126.201.amzn2023.aarch64", status: "fixed", upgrade: null }],
      ["tcp-rearm: UEK7 5.15.0-302.167.6 (el9) is affected; ELSA-2024-12887 names 5.15.0-303.171.5.2", { kb: "tcp-rearm-rto-null-deref", release: "5.15.0-302.167.6.el9uek.x86_64", status: "affected", upgrade: "5.15.0-302.167.6.el9uek → 5.15.0-303.171.5.2.el9uek or later (Oracle UEK UEK7 package, ELSA-2024-12887)" }],
      ["tcp-rearm: UEK7 el8 build before is affected", { kb: "tcp-rearm-rto-null-deref", release: "5.15.0-300.163.18.el8uek.x86_64", status: "affected", upgrade: "(Oracle UEK UEK7 package, ELSA-2024-12887)" }],
      ["tcp-rearm: UEK7 el9 5.15.0-303.171.5.2 is fixed", { kb: "tcp-rearm-rto-null-deref", release: "5.15.0-303.171.5.2.el9uek.x86_64", status: "fixed", upgrade: null }],
      ["tcp-rearm: UEK7 el8 5.15.0-303.171.5.2 is fixed", { kb: "tcp-rearm-rto-null-deref", release: "5.15.0-303.171.5.2.el8uek.x86_64", status: "fixed", upgrade: null }],
      ["virtio-net-napi: UEK6 5.4.17-2136.336.5.1 is affected; ELSA-2024-12813 names 5.4.17-2136.337.5", { kb: "virtio-net-napi-skb-cache-put-warning", release: "5.4.17-2136.336.5.1.el8uek.x86_64", status: "affected", upgrade: "→ 5.4.17-2136.337.5.el8uek or later (Oracle UEK UEK6 package, ELSA-2024-12813)" }],
      ["virtio-net-napi: UEK6 el7 5.4.17-2136.337.5 is fixed", { kb: "virtio-net-napi-skb-cache-put-warning", release: "5.4.17-2136.337.5.el7uek.x86_64", status: "fixed", upgrade: null }],
      ["virtio-net-napi: UEK6 5.4.17-2136.338.4.1 is fixed", { kb: "virtio-net-napi-skb-cache-put-warning", release: "5.4.17-2136.338.4.1.el8uek.x86_64", status: "fixed", upgrade: null }],
      ["tcp-twsk: AL2023 6.1.90-99.173 is affected; ALAS2023-2024-643 names 6.1.91-99.172", { kb: "tcp-twsk-unique-refcount-warning", release: "6.1.90-99.173.amzn2023.x86_64", status: "affected", upgrade: "→ 6.1.91-99.172.amzn2023 or later (Amazon Linux 2023 package, ALAS2023-2024-643)" }],
      ["tcp-twsk: AL2023 6.1.91-99.172 is fixed", { kb: "tcp-twsk-unique-refcount-warning", release: "6.1.91-99.172.amzn2023.x86_64", status: "fixed", upgrade: null }],
      ["tcp-twsk: AL2 kernel-5.4 5.4.275-189.375 is affected; ALAS2KERNEL-5.4-2024-069", { kb: "tcp-twsk-unique-refcount-warning", release: "5.4.275-189.375.amzn2.x86_64", status: "affected", upgrade: "→ 5.4.276-189.376.amzn2 or later (Amazon Linux 2 package, ALAS2KERNEL-5.4-2024-069)" }],
      ["tcp-twsk: AL2 kernel-5.15 5.15.160-104.158 is fixed", { kb: "tcp-twsk-unique-refcount-warning", release: "5.15.160-104.158.amzn2.x86_64", status: "fixed", upgrade: null }],
      ["tcp-twsk: AL2 kernel-5.15 5.15.158-103.164 is affected; ALAS2KERNEL-5.15-2024-044", { kb: "tcp-twsk-unique-refcount-warning", release: "5.15.158-103.164.amzn2.x86_64", status: "affected", upgrade: "(Amazon Linux 2 package, ALAS2KERNEL-5.15-2024-044)" }],
      ["tcp-accept-queue: AL2023 6.1.75-99.163 is affected; ALAS2023-2024-517 names 6.1.77-99.164", { kb: "tcp-accept-queue-spinlock-warning", release: "6.1.75-99.163.amzn2023.x86_64", status: "affected", upgrade: "→ 6.1.77-99.164.amzn2023 or later (Amazon Linux 2023 package, ALAS2023-2024-517)" }],
      ["tcp-accept-queue: AL2023 6.1.77-99.164 is fixed", { kb: "tcp-accept-queue-spinlock-warning", release: "6.1.77-99.164.amzn2023.x86_64", status: "fixed", upgrade: null }],
    ])("%s", (_, row) => check(row));
  });

  describe("Ubuntu 24.04 (6.8) and the derivative kernels (aws, azure, gcp, ibm, oracle, lowlatency)", () => {
    it.each<[string, Row]>([
      ["udp-gso: 24.04 6.8.0-79.79 is affected; USN-7764-1 names 6.8.0-84", { kb: "udp-gso-segment-ownership-bug", ...ubuntu("6.8.0-79", "79", "6.8.12"), status: "affected", upgrade: "6.8.0-79.79 → 6.8.0-84 or later (Ubuntu 24.04 package, USN-7764-1)" }],
      ["udp-gso: 24.04 ABI 6.8.0-84 alone is fixed", { kb: "udp-gso-segment-ownership-bug", release: "6.8.0-84-generic", status: "fixed", upgrade: null }],
      ["udp-gso: 24.04 6.8.0-90 is fixed", { kb: "udp-gso-segment-ownership-bug", release: "6.8.0-90-generic", status: "fixed", upgrade: null }],
      ["udp-gso: 24.04 lowlatency 6.8.0-79 shares the generic ABI: affected", { kb: "udp-gso-segment-ownership-bug", release: "6.8.0-79-lowlatency", status: "affected", upgrade: "→ 6.8.0-84 or later (Ubuntu 24.04 package, USN-7764-1)" }],
      ["udp-gso: 24.04 aws 6.8.0-1030 is affected; its own build 6.8.0-1039", { kb: "udp-gso-segment-ownership-bug", release: "6.8.0-1030-aws", status: "affected", upgrade: "→ 6.8.0-1039 or later (Ubuntu 24.04 aws package, USN-7764-1)" }],
      ["udp-gso: 24.04 aws 6.8.0-1039 is fixed", { kb: "udp-gso-segment-ownership-bug", release: "6.8.0-1039-aws", status: "fixed", upgrade: null }],
      ["udp-gso: 24.04 aws-64k 6.8.0-1039 is fixed", { kb: "udp-gso-segment-ownership-bug", release: "6.8.0-1039-aws-64k", status: "fixed", upgrade: null }],
      ["udp-gso: 24.04 gcp 6.8.0-1040 is fixed", { kb: "udp-gso-segment-ownership-bug", release: "6.8.0-1040-gcp", status: "fixed", upgrade: null }],
      ["udp-gso: 22.04 azure 5.15.0-1085 is affected; USN-7510-3 names 5.15.0-1089", { kb: "udp-gso-segment-ownership-bug", release: "5.15.0-1085-azure", build: "#94-Ubuntu SMP", status: "affected", upgrade: "→ 5.15.0-1089 or later (Ubuntu 22.04 azure package, USN-7510-3)" }],
      ["udp-gso: 20.04 azure (5.15 HWE) 5.15.0-1089 is fixed", { kb: "udp-gso-segment-ownership-bug", release: "5.15.0-1089-azure", build: "#98~20.04.1-Ubuntu SMP", status: "fixed", upgrade: null }],
      ["udp-gso: 20.04 ibm 5.4.0-1090 is affected; USN-7516-6 names 5.4.0-1092", { kb: "udp-gso-segment-ownership-bug", release: "5.4.0-1090-ibm", status: "affected", upgrade: "→ 5.4.0-1092 or later (Ubuntu 20.04 ibm package, USN-7516-6)" }],
      ["net-dev-weight: 22.04 azure 5.15.0-1089 is fixed", { kb: "net-dev-weight-zero-backlog", release: "5.15.0-1089-azure", status: "fixed", upgrade: null }],
      ["memcg-oom-dump-tasks: 24.04 oracle 6.8.0-1030 is affected; USN-7703-3 names 6.8.0-1032", { kb: "memcg-oom-dump-tasks-soft-lockup", release: "6.8.0-1030-oracle", status: "affected", upgrade: "→ 6.8.0-1032 or later (Ubuntu 24.04 oracle package, USN-7703-3)" }],
      ["memcg-oom-dump-tasks: 24.04 oracle 6.8.0-1032 is fixed", { kb: "memcg-oom-dump-tasks-soft-lockup", release: "6.8.0-1032-oracle", status: "fixed", upgrade: null }],
      ["memcg-oom-dump-tasks: 24.04 6.8.0-77.77 is affected; USN-7703-1 names 6.8.0-78", { kb: "memcg-oom-dump-tasks-soft-lockup", ...ubuntu("6.8.0-77", "77", "6.8.12"), status: "affected", upgrade: "6.8.0-77.77 → 6.8.0-78 or later (Ubuntu 24.04 package, USN-7703-1)" }],
      ["memcg-oom-dump-tasks: 24.04 ABI 6.8.0-78 alone is fixed", { kb: "memcg-oom-dump-tasks-soft-lockup", release: "6.8.0-78-generic", status: "fixed", upgrade: null }],
      ["memcg-oom-dump-tasks: 24.04 lowlatency 6.8.0-71 shares the generic ABI: affected", { kb: "memcg-oom-dump-tasks-soft-lockup", release: "6.8.0-71-lowlatency", status: "affected", upgrade: "→ 6.8.0-78 or later (Ubuntu 24.04 package, USN-7703-1)" }],
      ["memcg-oom-dump-tasks: 24.04 aws 6.8.0-1033 is affected; its own build 6.8.0-1035", { kb: "memcg-oom-dump-tasks-soft-lockup", release: "6.8.0-1033-aws", status: "affected", upgrade: "→ 6.8.0-1035 or later (Ubuntu 24.04 aws package, USN-7703-1)" }],
      ["memcg-oom-dump-tasks: 24.04 aws 6.8.0-1035 is fixed", { kb: "memcg-oom-dump-tasks-soft-lockup", release: "6.8.0-1035-aws", status: "fixed", upgrade: null }],
      ["memcg-oom-dump-tasks: 22.04 lowlatency HWE 6.8.0-76 is affected", { kb: "memcg-oom-dump-tasks-soft-lockup", release: "6.8.0-76-lowlatency", build: "#76.1~22.04.1-Ubuntu SMP PREEMPT_DYNAMIC", status: "affected", upgrade: "→ 6.8.0-78 or later (Ubuntu 22.04 lowlatency package, USN-7703-1)" }],
      ["memcg-oom-dump-tasks: 22.04 lowlatency HWE 6.8.0-78 is fixed", { kb: "memcg-oom-dump-tasks-soft-lockup", release: "6.8.0-78-lowlatency", build: "#78.1~22.04.1-Ubuntu SMP PREEMPT_DYNAMIC", status: "fixed", upgrade: null }],
      ["memcg-oom-dump-tasks: 22.04 HWE generic 6.8 (linux-hwe-6.8, not in USN-7703-1) is never judged by 24.04's build", { kb: "memcg-oom-dump-tasks-soft-lockup", release: "6.8.0-76-generic", build: "#76~22.04.1-Ubuntu SMP PREEMPT_DYNAMIC", status: "unknown", upgrade: null }],
      ["memcg-oom-dump-tasks: 24.04 generic is never judged by the oracle build", { kb: "memcg-oom-dump-tasks-soft-lockup", release: "6.8.0-1032-generic", status: "unknown", upgrade: null }],
      ["tcp-rearm: 24.04 ibm 6.8.0-1020 is affected; USN-7385-1 names 6.8.0-1022", { kb: "tcp-rearm-rto-null-deref", release: "6.8.0-1020-ibm", status: "affected", upgrade: "→ 6.8.0-1022 or later (Ubuntu 24.04 ibm package, USN-7385-1)" }],
      ["geneve: 24.04 lowlatency 6.8.0-57 is affected; USN-7449-1 names 6.8.0-58", { kb: "geneve-xmit-mac-header-warning", release: "6.8.0-57-lowlatency", status: "affected", upgrade: "→ 6.8.0-58 or later (Ubuntu 24.04 lowlatency package, USN-7449-1)" }],
      ["geneve: 24.04 lowlatency 6.8.0-58 is fixed", { kb: "geneve-xmit-mac-header-warning", release: "6.8.0-58-lowlatency", status: "fixed", upgrade: null }],
      ["geneve: 24.04 azure 6.8.0-1027 is fixed", { kb: "geneve-xmit-mac-header-warning", release: "6.8.0-1027-azure", status: "fixed", upgrade: null }],
      ["tcp-twsk: 24.04 oracle 6.8.0-1008 is affected; USN-6952-1 names 6.8.0-1010", { kb: "tcp-twsk-unique-refcount-warning", release: "6.8.0-1008-oracle", status: "affected", upgrade: "→ 6.8.0-1010 or later (Ubuntu 24.04 oracle package, USN-6952-1)" }],
      ["tcp-accept-queue: 22.04 HWE 6.5.0-28 is affected; USN-6774-1 names 6.5.0-35", { kb: "tcp-accept-queue-spinlock-warning", release: "6.5.0-28-generic", build: "#29~22.04.1-Ubuntu SMP PREEMPT_DYNAMIC", status: "affected", upgrade: "→ 6.5.0-35 or later (Ubuntu 22.04 package, USN-6774-1)" }],
      ["tcp-accept-queue: 22.04 HWE 6.5.0-35 is fixed", { kb: "tcp-accept-queue-spinlock-warning", release: "6.5.0-35-generic", build: "#35~22.04.1-Ubuntu SMP PREEMPT_DYNAMIC", status: "fixed", upgrade: null }],
      ["tcp-accept-queue: 22.04 HWE aws 6.5.0-1018 is affected; its own 6.5.0-1020", { kb: "tcp-accept-queue-spinlock-warning", release: "6.5.0-1018-aws", build: "#18~22.04.1-Ubuntu SMP", status: "affected", upgrade: "→ 6.5.0-1020 or later (Ubuntu 22.04 aws package, USN-6774-1)" }],
      ["mlx5-health: 22.04 lowlatency HWE 6.8.0-40 is affected; USN-7008-1 names 6.8.0-44", { kb: "mlx5-health-timer-after-removal", release: "6.8.0-40-lowlatency", build: "#40.1~22.04.3-Ubuntu SMP PREEMPT_DYNAMIC", status: "affected", upgrade: "→ 6.8.0-44 or later (Ubuntu 22.04 lowlatency package, USN-7008-1)" }],
    ])("%s", (_, row) => check(row));
  });

  describe("Debian 11 and 12 (DSA): the package version from the banner decides, the ABI name alone does not", () => {
    const debian = (abi: string, pkg: string, date: string, flavour = "amd64") => ({
      release: `${abi}-${flavour}`,
      build: `#1 SMP PREEMPT_DYNAMIC Debian ${pkg} (${date})`,
    });
    it.each<[string, Row]>([
      ["virtio-net-napi: Debian 12 6.1.106-3 is affected; DSA-5782-1 names 6.1.112-1", { kb: "virtio-net-napi-skb-cache-put-warning", ...debian("6.1.0-25", "6.1.106-3", "2024-08-26"), status: "affected", upgrade: "6.1.106-3 → 6.1.112-1 or later (Debian 12 package, DSA-5782-1)" }],
      ["virtio-net-napi: Debian 12 6.1.112-1 is fixed", { kb: "virtio-net-napi-skb-cache-put-warning", ...debian("6.1.0-26", "6.1.112-1", "2024-09-30"), status: "fixed", upgrade: null }],
      ["virtio-net-napi: Debian 12 cloud 6.1.76-1 is affected", { kb: "virtio-net-napi-skb-cache-put-warning", ...debian("6.1.0-18", "6.1.76-1", "2024-02-01", "cloud-amd64"), status: "affected", upgrade: "→ 6.1.112-1 or later (Debian 12 package, DSA-5782-1)" }],
      ["virtio-net-napi: Debian 11 is still judged by its own DLA-3912-1, never by bookworm's DSA", { kb: "virtio-net-napi-skb-cache-put-warning", ...debian("5.10.0-32", "5.10.223-1", "2024-08-10"), status: "affected", upgrade: "→ 5.10.226-1 or later (Debian 11 package, DLA-3912-1)" }],
      ["ice-pf-reset: Debian 12 arm64 6.1.99-1 is affected; DSA-5782-1 names 6.1.112-1", { kb: "ice-pf-reset-null-deref", ...debian("6.1.0-23", "6.1.99-1", "2024-07-15", "arm64"), status: "affected", upgrade: "6.1.99-1 → 6.1.112-1 or later (Debian 12 package, DSA-5782-1)" }],
      ["ice-pf-reset: Debian 12 6.1.119-1 is fixed", { kb: "ice-pf-reset-null-deref", ...debian("6.1.0-28", "6.1.119-1", "2024-11-22"), status: "fixed", upgrade: null }],
      ["memcg-oom-dump-tasks: Debian 12 6.1.129-1 is affected; DSA-5900-1 names 6.1.133-1", { kb: "memcg-oom-dump-tasks-soft-lockup", ...debian("6.1.0-31", "6.1.129-1", "2025-03-06"), status: "affected", upgrade: "6.1.129-1 → 6.1.133-1 or later (Debian 12 package, DSA-5900-1)" }],
      ["memcg-oom-dump-tasks: Debian 12 6.1.133-1 is fixed", { kb: "memcg-oom-dump-tasks-soft-lockup", ...debian("6.1.0-33", "6.1.133-1", "2025-04-10"), status: "fixed", upgrade: null }],
      ["udp-gso: Debian 12 cloud 6.1.128-1 is affected; DSA-5900-1 names 6.1.133-1", { kb: "udp-gso-segment-ownership-bug", ...debian("6.1.0-31", "6.1.128-1", "2025-02-07", "cloud-amd64"), status: "affected", upgrade: "→ 6.1.133-1 or later (Debian 12 package, DSA-5900-1)" }],
      ["udp-gso: Debian 12 6.1.135-1 is fixed", { kb: "udp-gso-segment-ownership-bug", ...debian("6.1.0-34", "6.1.135-1", "2025-04-25"), status: "fixed", upgrade: null }],
      ["tcp-twsk: Debian 11 5.10.216-1 is affected; DSA-5703-1 names 5.10.218-1", { kb: "tcp-twsk-unique-refcount-warning", ...debian("5.10.0-29", "5.10.216-1", "2024-05-03"), status: "affected", upgrade: "5.10.216-1 → 5.10.218-1 or later (Debian 11 package, DSA-5703-1)" }],
      ["tcp-twsk: Debian 11 5.10.218-1 is fixed", { kb: "tcp-twsk-unique-refcount-warning", ...debian("5.10.0-30", "5.10.218-1", "2024-06-01"), status: "fixed", upgrade: null }],
      ["udp-gso: Debian 12 ABI name alone (no package in the log) cannot be compared with 6.1.133-1", { kb: "udp-gso-segment-ownership-bug", release: "6.1.0-18-cloud-amd64", status: "unknown", upgrade: null }],
    ])("%s", (_, row) => check(row));

    it("Debian 12 with no recorded build (only bullseye's 5.10.218-1 is) is judged by upstream 6.1.91 and says so", () => {
      const { v, rec } = judge({ kb: "tcp-twsk-unique-refcount-warning", ...debian("6.1.0-18", "6.1.76-1", "2024-02-01"), status: "affected" });
      expect(v.status, v.reason).toBe("affected");
      expect(v.fixedIn).toBe("6.1.91");
      expect(rec.upgrade?.upstreamOnly, rec.upgrade?.text).toBe(true);
      expect(rec.upgrade?.text).toContain("only the upstream fix is known");
      expect(rec.upgrade?.text).not.toContain("5.10.218-1");
    });

    it("the ABI name alone says what is missing and names the fixed package", () => {
      const { v } = judge({ kb: "memcg-oom-dump-tasks-soft-lockup", release: "6.1.0-31-amd64", status: "unknown" });
      expect(v.status).toBe("unknown");
      expect(v.reason).toContain("is not in the log");
      expect(v.reason).toContain("fixed in 6.1.133-1");
      expect(v.reason).toContain("DSA-5900-1");
    });
  });

  it("every recorded distro fix names its advisory, and the entry references that advisory", () => {
    const rows = [...KB.values()].flatMap((e) =>
      e.fixes.flatMap((f) => f.distros.filter((d) => d.fixed).map((d) => ({ id: e.id, d, urls: e.references.map((r) => r.url).join(" ") }))),
    );
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const { id, d, urls } of rows) {
      expect(d.advisory, `${id}: ${d.distro} ${d.release} ${d.fixed}`).toBeTruthy();
      // RHSA-2024:3138 → RHSA-2024:3138 in the errata URL; USN-7100-1, DLA-3912-1 → dla-3912; ALAS2KERNEL-5.15-… → ALASKERNEL-5.15-…
      const key = d.advisory!
        .replace(/^ALAS2(?=KERNEL)/, "ALAS")
        // ALAS2023-2024-696 → AL2023/ALAS-2024-696.html (the advisory id names the release, the page does not)
        .replace(/^ALAS2023-/, "AL2023/ALAS-")
        .replace(/^DLA-(\d+)-\d+$/, "dla-$1")
        // DSA-5782-1 → debian.org/security/2024/dsa-5782
        .replace(/^DSA-(\d+)-\d+$/, "dsa-$1")
        // SUSE-SU-2025:0034-1 → suse-su-20250034-1 in the announcement URL
        .replace(/^SUSE-SU-(\d{4}):(\d+)-(\d+)$/, "suse-su-$1$2-$3");
      expect(urls, `${id}: no reference for ${d.advisory}`).toContain(key);
    }
  });
});
