/**
 * KB entries used by the versions and match tests, built from the incident research notes
 * (/work/shared/research/incidents/): fix commits and first fixed releases as recorded there.
 */
import { kbEntrySchema, type KbEntry, type KbEntryInput } from "../../kb/schema";
import type { Finding, Match } from "../types";
import type { KernelRelease } from "./parse-kernel-release";
import { computeVerdict } from "./verdict";
import { recommend } from "./recommend";

export function entry(input: KbEntryInput): KbEntry {
  return kbEntrySchema.parse(input);
}

/** The verdict on `kernel` for `kb` and the recommendation a finding matching only `kb` gets (tests only). */
export function adviseOn(options: { kernel: KernelRelease; kb: KbEntry; entries: Map<string, KbEntry>; asOf: Date }) {
  const { kernel, kb, entries, asOf } = options;
  const v = computeVerdict({ kernel, entry: kb });
  const match: Match = {
    kbId: kb.id,
    title: kb.title,
    score: 0.9,
    reasons: [],
    verdict: v.status,
    confidence: v.confidence,
    verdictReason: v.reason,
    ...(v.fixedIn ? { fixedIn: v.fixedIn } : {}),
    origin: "builtin",
  };
  const finding = { id: "f1", kind: "bug", title: "t", altTitles: [], headline: "", frames: [], corrupted: false, panicked: false, source: { file: "x", line: 1 }, report: [], signature: "", matches: [match] } as Finding;
  return { v, rec: recommend({ findings: [finding], entries, kernel, asOf })! };
}

/** Incident 1: CVE-2024-42281, fa5ef655615a "bpf: Fix a segment issue when downgrading gso_size". */
export const SKB_SEGMENT_GSO_BUG = entry({
  id: "skb-segment-gso-bug",
  title: "kernel BUG in skb_segment after bpf_skb_adjust_room shrinks gso_size (Calico eBPF)",
  summary: "GSO of a frag_list GRO skb whose gso_size was lowered by a BPF program hits BUG_ON in skb_segment.",
  component: "kernel",
  signatures: [
    { kind: "title", value: "kernel BUG in skb_segment", weight: 0.6 },
    { kind: "source-file", value: "net/core/skbuff.c", weight: 0.3 },
    { kind: "guilty-frame", value: "skb_segment", weight: 0.5 },
    { kind: "frames", values: ["skb_segment", "__skb_gso_segment"], weight: 0.3 },
  ],
  fixes: [
    {
      commit: "fa5ef655615a01533035c6139248c5b33aa27028",
      title: "bpf: Fix a segment issue when downgrading gso_size",
      mainline: "6.11",
      cve: "CVE-2024-42281",
      branches: [
        { branch: "6.10", fixed: "6.10.3", commit: "ec4eea14d75f" },
        { branch: "6.6", fixed: "6.6.44", commit: "c3496314c53e" },
        { branch: "6.1", fixed: "6.1.103", commit: "11ec79f5c7f7" },
        { branch: "5.15", fixed: "5.15.165", commit: "f6bb8c90cab9" },
        { branch: "5.10", fixed: "5.10.224", commit: "dda518dea60d" },
        { branch: "5.4", fixed: "5.4.282", commit: "a689f5eb13a9" },
      ],
    },
    {
      commit: "2d7afdcbc9d32423f177ee12b7c93783aea338fb",
      title: "skbuff: Account for tail adjustment during pull operations",
      role: "related",
      mainline: "6.2",
      branches: [{ branch: "6.1", fixed: "6.1.2" }],
    },
  ],
  workarounds: [{ title: "Disable GRO/GSO on the affected NICs", commands: ["ethtool -K <dev> gro off gso off"] }],
  references: [{ url: "https://github.com/projectcalico/calico/issues/8771", kind: "issue" }],
  related: ["unregister-netdevice-refcount"],
  tags: ["calico", "ebpf"],
});

/** Incident 4: kmem accounting on RHEL 7, fixed in kernel-3.10.0-1062.4.1.el7 (RHSA-2019:3055). */
export const RHEL7_KMEM_ACCOUNTING = entry({
  id: "rhel7-kmem-accounting",
  title: "RHEL/CentOS 7 kmem accounting leaks memcg slab caches (SLUB failures in container cgroups)",
  summary: "runc/kubelet enable kmem accounting; 3.10 kernels cannot reclaim it and slab allocations fail.",
  component: "kernel",
  signatures: [
    { kind: "kind", value: "slab-alloc-failure", weight: 0.1, required: true },
    { kind: "detail", key: "memcgChildCache", pattern: "^true$", weight: 0.6, required: true },
    { kind: "kernel", pattern: "^3\\.10\\.0-.*\\.el7", weight: 0.3 },
    { kind: "kind", value: "soft-lockup", weight: 0.05 },
  ],
  fixes: [
    {
      title: "kmem accounting fixes in the RHEL 7.7 z-stream",
      distros: [{ distro: "rhel", release: "7", fixed: "3.10.0-1062.4.1.el7", advisory: "RHSA-2019:3055" }],
    },
  ],
  workarounds: [
    { title: "Disable kmem accounting at boot", commands: ['grubby --update-kernel=ALL --args="cgroup.memory=nokmem"', "reboot"] },
  ],
  references: [{ url: "https://access.redhat.com/errata/RHSA-2019:3055", kind: "advisory" }],
});

/** Incident 3 part C: cilium#30746, fixed in Cilium 1.15.1. */
export const CILIUM_DIRECT_ROUTING_PANIC = entry({
  id: "cilium-direct-routing-nil-panic",
  title: "cilium-agent panics in NetIPv4ToHost32 when direct routing device has no IPv4",
  summary: "getDirectRouting returned nil; byteorder.NetIPv4ToHost32 indexed it.",
  component: "cilium",
  signatures: [
    { kind: "component", value: "cilium-agent", weight: 0.2, required: true },
    { kind: "frame", value: "github.com/cilium/cilium/pkg/byteorder.NetIPv4ToHost32", weight: 0.6 },
    { kind: "message", pattern: "index out of range \\[\\d+\\] with length 0", weight: 0.3 },
  ],
  fixes: [
    {
      ref: "cilium/cilium#30757",
      title: "node_addressing: fix edge case where getDirectRouting returns nil",
      repository: "cilium/cilium",
      components: [{ component: "cilium", branch: "1.15", fixed: "1.15.1" }],
    },
  ],
  workarounds: [{ title: "Set the direct routing device explicitly", commands: ["--set nodePort.directRoutingDevice=<nic>"] }],
});

/** CVE-2020-36776 edge case: introduced in 5.8 mainline, backported into 4.14.189/4.19.134/5.4.53 and never fixed there. */
export const CVE_2020_36776 = entry({
  id: "CVE-2020-36776",
  title: "thermal/drivers/cpufreq_cooling: Fix slab OOB issue",
  summary: "Imported from the kernel CVE record.",
  component: "kernel",
  origin: "imported",
  signatures: [{ kind: "frame", value: "cpufreq_set_cur_state", weight: 0.4 }],
  introduced: { mainline: "5.8" },
  fixes: [
    {
      commit: "34ab17cc6c2c1ac93d7e5d53bb972df9a968f085",
      title: "thermal/drivers/cpufreq_cooling: Fix slab OOB issue",
      mainline: "5.13",
      branches: [
        { branch: "5.10", fixed: "5.10.36" },
        { branch: "5.11", fixed: "5.11.20" },
        { branch: "5.12", fixed: "5.12.3" },
        { branch: "4.14", introduced: "4.14.189" },
        { branch: "4.19", introduced: "4.19.134" },
        { branch: "5.4", introduced: "5.4.53" },
      ],
    },
  ],
});

/** Incident 5: af6d10345ca7 "ipv6: remove max_size check inline with ipv4" (v6.3; 6.1.73, 5.4.267, 4.19.305). */
export const IPV6_ROUTE_MAX_SIZE = entry({
  id: "ipv6-route-max-size",
  title: "IPv6 dst cache limit net.ipv6.route.max_size makes dst_alloc fail",
  summary: "ip6_dst_gc refuses new dst entries above max_size (default 4096); packets get Network is unreachable.",
  component: "kernel",
  signatures: [{ kind: "kind", value: "route-cache-full", weight: 0.6, required: true }, { kind: "message", pattern: "net\\.ipv(?:6|\\[4\\|6\\])\\.route\\.max_size", weight: 0.3 }],
  fixes: [
    {
      commit: "af6d10345ca76670c1b7c37799f0d5576ccef277",
      title: "ipv6: remove max_size check inline with ipv4",
      mainline: "6.3",
      branches: [
        { branch: "6.1", fixed: "6.1.73", commit: "0f22c8a6efe6" },
        { branch: "5.4", fixed: "5.4.267" },
        { branch: "4.19", fixed: "4.19.305" },
      ],
    },
  ],
  workarounds: [{ title: "Raise the IPv6 route cache limit", commands: ["sysctl -w net.ipv6.route.max_size=32768"] }],
});

/** Incident 2: ac1499fcd40f (CVE-2025-68241), a bug that reached stable branches late (e.g. 5.10.65). */
export const FNHE_REBIND = entry({
  id: "CVE-2025-68241",
  title: "ipv4: route: Prevent rt_bind_exception() from rebinding stale fnhe",
  summary: "Imported from the kernel CVE record.",
  component: "kernel",
  origin: "imported",
  signatures: [{ kind: "kind", value: "netdev-refcount", weight: 0.2 }],
  introduced: { mainline: "5.15" },
  fixes: [
    {
      commit: "ac1499fcd40fe06479e9b933347b837ccabc2a40",
      title: "ipv4: route: Prevent rt_bind_exception() from rebinding stale fnhe",
      mainline: "6.18",
      branches: [
        { branch: "6.17", fixed: "6.17.9" },
        { branch: "6.12", fixed: "6.12.59" },
        { branch: "6.6", fixed: "6.6.117" },
        { branch: "6.1", fixed: "6.1.159" },
        { branch: "5.15", fixed: "5.15.197" },
        { branch: "5.10", introduced: "5.10.65", fixed: "5.10.247" },
        { branch: "5.4", introduced: "5.4.146", fixed: "5.4.302" },
        { branch: "4.19", introduced: "4.19.207" },
      ],
    },
  ],
});

/**
 * Synthetic: a bug introduced in 5.12 (commit 097b9146c0e2, as CVE-2022-49142's), fixed in 5.18 and 5.15.33, never
 * backported into an older stable line; the WARNING title alone scores 0.9 × 0.9 (imported).
 */
export const INTRODUCED_5_12 = entry({
  id: "CVE-2099-0001",
  title: "net: synthetic bug introduced in 5.12",
  summary: "Synthetic record for the introduction rule.",
  component: "kernel",
  origin: "imported",
  signatures: [{ kind: "title", value: "WARNING in skb_try_coalesce", weight: 0.9 }],
  introduced: { mainline: "5.12", commit: "097b9146c0e26aabaa6ff3e5ea536a53f5254a79" },
  fixes: [{ commit: "2b88cba55883", title: "fix", mainline: "5.18", branches: [{ branch: "5.15", fixed: "5.15.33" }] }],
});
