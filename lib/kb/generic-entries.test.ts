/**
 * Class-level (generic) entries and related entries of the built-in KB, on the composed logs of testdata/kb:
 * a generic entry is a candidate below 0.5 that says what would make it specific; a specific entry whose evidence is
 * in the log ranks above it; entries an entry lists as related show up as related (score 0), never as matches.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildKbIndex } from "../engine/match/build-kb-index";
import { matchFinding } from "../engine/match/match-finding";
import { frames, makeFinding } from "../engine/match/test-findings";
import { triage, type TriageKb } from "../engine/triage";
import type { Finding } from "../engine/types";
import { readKbCase } from "./corpus-cases";
import { NONE_FITS_MAX_SCORE } from "./evaluate-expect";
import { loadBuiltinKb } from "./load-builtin";
import { parseKernelRelease } from "../engine/versions/parse-kernel-release";
import { adviseOn } from "../engine/versions/test-entries";

const DIR = path.resolve(import.meta.dirname, "../../testdata/kb");
const NOW = new Date("2026-12-01T00:00:00Z");
const { entries } = loadBuiltinKb();
const byId = new Map(entries.map((e) => [e.id, e]));
const index = buildKbIndex(entries);
const kb: TriageKb = { index, entries: byId };
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith(".log"))
  .sort()
  .map((f) => readKbCase(DIR, f));
const findingsOf = async (log: string): Promise<Finding[]> =>
  (await triage([{ name: "kb.log", data: new TextEncoder().encode(log) }], { kb, now: NOW })).findings;

describe("generic (class-level) entries", () => {
  const generic = entries.filter((e) => e.generic);

  it("exist and each says what evidence would point at a specific cause", () => {
    expect(generic.length).toBeGreaterThanOrEqual(5);
    for (const e of generic) expect(e.specificWhen?.length ?? 0, e.id).toBeGreaterThan(20);
  });

  it("stay below 0.5 on every composed log, and never rank above a specific entry with evidence", async () => {
    let seen = 0;
    for (const c of cases) {
      for (const f of await findingsOf(c.log)) {
        const matches = f.matches.filter((m) => !m.related);
        for (const [i, m] of matches.entries()) {
          if (!byId.get(m.kbId)?.generic) continue;
          seen++;
          expect(m.score, `${c.file}: ${m.kbId}`).toBeLessThan(NONE_FITS_MAX_SCORE);
          expect(m.generic, `${c.file}: ${m.kbId} is flagged generic`).toBe(true);
          expect(m.specificWhen, `${c.file}: ${m.kbId} carries specificWhen`).toBeTruthy();
          // A specific entry at the generic cap or above comes first.
          const later = matches.slice(i + 1).filter((o) => !byId.get(o.kbId)?.generic && o.score >= m.score);
          expect(later.map((o) => o.kbId), `${c.file}: specific entries ranked below ${m.kbId}`).toEqual([]);
        }
      }
    }
    expect(seen).toBeGreaterThanOrEqual(10);
  });

  it("a storage entry with its device named just before the hung task ranks above hung-task-io-wait", async () => {
    for (const file of ["nvme-io-timeout.log", "ata-link-errors.log", "nfs-server-not-responding.log"]) {
      const c = cases.find((k) => k.file === file)!;
      const hung = (await findingsOf(c.log)).find((f) => f.kind === "hung-task")!;
      const ids = hung.matches.filter((m) => !m.related).map((m) => m.kbId);
      expect(ids[0], file).toBe(c.kbId);
      expect(hung.matches[0].score, file).toBeGreaterThanOrEqual(NONE_FITS_MAX_SCORE);
      expect(ids, file).toContain("hung-task-io-wait");
    }
  });
});

describe("advice on a class-level entry", () => {
  const generic = entries.filter((e) => e.generic);
  // An end-of-life upstream line, vendor kernels of several families and a maintained line: none may read an upgrade as the fix.
  const releases = ["5.5.0-openpower1", "5.15.0-91-generic", "3.10.0-1160.el7.x86_64", "4.14.336-253.554.amzn2.x86_64", "6.1.1-1.el9.elrepo.x86_64", "5.4.17-2136.330.7.1.el8uek.x86_64"];

  it.each(releases)("never presents an upgrade as the fix and says what would name a specific bug (%s)", (release) => {
    let checked = 0;
    for (const kb of generic) {
      const { v, rec } = adviseOn({ kernel: parseKernelRelease(release), kb, entries: byId, asOf: NOW });
      expect(v.status, `${kb.id}: ${v.reason}`).toBe("unknown");
      expect(v.fixedIn, kb.id).toBeUndefined();
      expect(rec.upgrade, `${kb.id}: ${rec.upgrade?.text}`).toBeUndefined();
      expect(rec.summary, kb.id).not.toMatch(/upgrade [\d.]+ →|→ [\d.]+ or later|fixed in \d/);
      expect(rec.summary, kb.id).toContain("no upgrade fixes a class of problems");
      expect(rec.summary, kb.id).toContain(`a specific known bug would match when ${kb.specificWhen!.replace(/\.$/, "")}`);
      expect(v.reason, kb.id).toMatch(/not one bug/);
      checked++;
    }
    expect(checked).toBe(generic.length);
  });

  it("the soft lockup on 5.5.0-openpower1 (an end-of-life line) gets no '5.5.0 → 6.1' advice", async () => {
    const file = path.resolve(import.meta.dirname, "../../testdata/real/soft-lockup/c9b-gh-dasharo-415-ppc64le-softlockup-panic-openpower-header-cut.log");
    const incident = await triage([{ name: "c9b.log", data: readFileSync(file) }], { kb, now: NOW });
    const rec = incident.recommendation!;
    expect(rec.kbId).toBe("soft-lockup-generic");
    expect(rec.upgrade).toBeUndefined();
    expect(rec.summary).not.toMatch(/→ 6\.1/);
    expect(rec.summary).toMatch(/a specific known bug would match when the RIP function/);
    for (const h of incident.headlines ?? []) expect(h.upgrade, h.summary).toBeUndefined();
  });
});

describe("related entries", () => {
  it("are listed as related (score 0) under the entry that names them, on the entry's own log", async () => {
    let checked = 0;
    for (const c of cases) {
      const entry = byId.get(c.kbId)!;
      if (entry.related.length === 0) continue;
      const own = (await findingsOf(c.log)).find((f) => f.matches.find((m) => !m.related)?.kbId === c.kbId);
      if (!own || own.matches[0].kbId !== c.kbId) continue;
      for (const id of entry.related) {
        const shown = own.matches.find((m) => m.kbId === id);
        if (!shown) continue;
        // A related entry is either shown as related with score 0 or matched on its own evidence — never both.
        if (shown.related) expect(shown.score, `${c.file}: ${id}`).toBe(0);
        else expect(shown.score, `${c.file}: ${id} matched on its own`).toBeGreaterThanOrEqual(0.2);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it("a btrfs transaction waiting for its ordered extents is waiting for data I/O", () => {
    // raspberrypi/firmware#1035: btrfs-transacti behind a LUKS USB disk under rsync (4.14 ARM "(f) from (g)" stack)
    const hang = makeFinding({
      kind: "hung-task",
      title: "INFO: task hung in btrfs_start_ordered_extent",
      frames: frames("schedule", "btrfs_start_ordered_extent", "btrfs_wait_ordered_range", "__btrfs_wait_cache_io"),
      report: [
        "INFO: task btrfs-transacti:1357 blocked for more than 120 seconds.",
        "[<8079dff8>] (schedule) from [<7f50b754>] (btrfs_start_ordered_extent+0x128/0x158 [btrfs])",
        "[<7f50b754>] (btrfs_start_ordered_extent [btrfs]) from [<7f50bcfc>] (btrfs_wait_ordered_range+0x140/0x18c [btrfs])",
      ],
    });
    const ioWait = (f: Finding) => matchFinding(f, index, {}).find((m) => !m.related && m.kbId === "hung-task-io-wait")?.score ?? 0;
    const matched = matchFinding(hang, index, {}).filter((m) => !m.related).map((m) => m.kbId);
    expect(matched[0]).toBe("hung-task-io-wait");
    // a btrfs hang on a lock (the cleaner on a rwsem) has only the module's frames for it
    const cleaner = makeFinding({
      kind: "hung-task",
      title: "INFO: task hung in btrfs_delete_unused_bgs",
      frames: frames("schedule", "rwsem_down_write_failed", "down_write", "btrfs_delete_unused_bgs", "cleaner_kthread"),
      report: ["INFO: task btrfs-cleaner:4934 blocked for more than 120 seconds.", " [<ffffffffc0477f0d>] btrfs_delete_unused_bgs+0x10d/0x5b0 [btrfs]"],
    });
    expect(ioWait(cleaner)).toBeLessThan(ioWait(hang));
  });
  it("the same hung task with no storage named nearby leaves the storage entries out of the matches", () => {
    const hang = makeFinding({
      kind: "hung-task",
      title: "INFO: task hung in jbd2_journal_commit_transaction",
      frames: frames("io_schedule", "bit_wait_io", "jbd2_journal_commit_transaction"),
      report: ["INFO: task jbd2/sda1-8:363 blocked for more than 120 seconds.", " io_schedule+0x16/0x40"],
    });
    const ms = matchFinding(hang, index, {});
    const matched = ms.filter((m) => !m.related).map((m) => m.kbId);
    expect(matched[0]).toBe("hung-task-io-wait");
    for (const id of ["nvme-io-timeout", "ata-link-errors", "nfs-server-not-responding", "scsi-command-timeout-abort"]) {
      expect(matched, id).not.toContain(id);
    }
  });
  it("a hung task whose stack was cut, right after the SCSI error handler reset the device, waits for I/O", () => {
    const cut = (context?: string[]) =>
      makeFinding({
        kind: "hung-task",
        title: "INFO: task hung in corrupted",
        frames: frames("__schedule"),
        report: ["INFO: task systemd-journal:109135 blocked for more than 120 seconds.", " __schedule+0x291/0x8a0"],
        ...(context && { context }),
      });
    const ids = (f: Finding) => matchFinding(f, index, {}).filter((m) => !m.related).map((m) => m.kbId);
    expect(ids(cut(["hpsa 0000:03:00.0: scsi 0:1:0:4: resetting logical Direct-Access HP LOGICAL VOLUME RAID-5"]))[0]).toBe("hung-task-io-wait");
    expect(ids(cut([" hpsa_eh_device_reset_handler+0x3e4/0x7b0 [hpsa]", " scsi_eh_ready_devs+0x333/0xbf0", " scsi_error_handler+0x4c3/0x5b0"]))[0]).toBe("hung-task-io-wait");
    expect(ids(cut())).not.toContain("hung-task-io-wait");
  });
  it("journald's journal-offline thread (it only fsync()s journal files) blocked with no stack waits for I/O", () => {
    // `dmesg | grep "blocked for more than"`: the header line is all there is. The thread's name says what it waits
    // on, as jbd2/xfsaild do; journald's main thread (systemd-journal, above) does not, so it stays unnamed.
    const header = (line: string) => makeFinding({ kind: "hung-task", title: "INFO: task hung", frames: [], report: [line] });
    const ids = (f: Finding) => matchFinding(f, index, {}).filter((m) => !m.related).map((m) => m.kbId);
    expect(ids(header("INFO: task journal-offline:25164 blocked for more than 120 seconds."))[0]).toBe("hung-task-io-wait");
    expect(ids(header("INFO: task systemd-journal:612 blocked for more than 120 seconds."))).not.toContain("hung-task-io-wait");
  });
});

describe("specific evidence on hung tasks", () => {
  it("a namespace creation blocked in copy_net_ns with ?-marked frames is an RTNL/netns-mutex hang", () => {
    const hang = makeFinding({
      kind: "hung-task",
      title: "INFO: task hung in copy_net_ns",
      frames: [],
      report: [
        "INFO: task docker:10467 blocked for more than 120 seconds.",
        " [<ffffffff8154a41b>] ? mutex_lock+0x1b/0x2a",
        " [<ffffffff814465ba>] ? copy_net_ns+0x9a/0x160",
      ],
    });
    const [best] = matchFinding(hang, index, {});
    expect(best.kbId).toBe("hung-task-rtnl-lock");
    expect(best.score).toBeGreaterThanOrEqual(NONE_FITS_MAX_SCORE);
  });

  it("NFS frames explain a hung task, never a crash in NFS code", () => {
    const nfsLine = " nfs_file_fsync+0x3a/0x80 [nfs]";
    const hang = makeFinding({ kind: "hung-task", title: "INFO: task hung in nfs_file_fsync", report: ["INFO: task java:812 blocked for more than 120 seconds.", nfsLine] });
    const crash = makeFinding({ kind: "null-deref", title: "BUG: unable to handle kernel NULL pointer dereference in nfs_file_fsync", report: [nfsLine] });
    const score = (f: Finding) => matchFinding(f, index, {}).find((m) => m.kbId === "nfs-server-not-responding" && !m.related)?.score ?? 0;
    expect(score(hang)).toBeGreaterThanOrEqual(0.45);
    expect(score(crash)).toBe(0);
  });

  it("ceph_writepages_start in a hung stack is not the folio relock without the folio-lock wait under it", () => {
    // linux-fsdevel (CephFS servers): writeback's iput() waits in evict for its own writeback; the relock bug's sign
    // is __folio_lock right under ceph_writepages_start
    const report = (...frames: string[]) => ["INFO: task kworker/u777:6:1270802 blocked for more than 122 seconds.", " Workqueue: writeback wb_workfn (flush-ceph-3)", ...frames.map((f) => ` ${f}`)];
    const score = (f: Finding) => matchFinding(f, index, {}).find((m) => m.kbId === "ceph-writepages-folio-relock-hang" && !m.related)?.score ?? 0;
    const iput = makeFinding({ kind: "hung-task", title: "INFO: task hung in evict", frames: frames("inode_wait_for_writeback", "evict", "ceph_put_wrbuffer_cap_refs", "ceph_invalidate_folio", "ceph_writepages_start", "do_writepages"),
      report: report("inode_wait_for_writeback+0x71/0xb0", "evict+0xcf/0x200", "ceph_put_wrbuffer_cap_refs+0xdd/0x220", "ceph_invalidate_folio+0x97/0xc0", "ceph_writepages_start+0x127b/0x14d0") });
    expect(score(iput)).toBeLessThan(0.5);
    const relock = makeFinding({ kind: "hung-task", title: "INFO: task hung in ceph_writepages_start", frames: frames("io_schedule", "folio_wait_bit_common", "__folio_lock", "ceph_writepages_start", "do_writepages"),
      report: report("io_schedule+0x4c/0x80", "__folio_lock+0x17/0x30", "ceph_writepages_start+0x4f9/0x14d0") });
    expect(score(relock)).toBeGreaterThanOrEqual(0.5);
  });

  it("an NFS server's own thread blocked in its exported filesystem is that filesystem's hang, not a client waiting for a server", () => {
    // linux-btrfs (Proxmox NFS backup server): nfsd's COMMIT waits for btrfs folio locks; its only SUNRPC frames are the
    // server's svc_* dispatch, which say nothing about a server that stopped answering
    const hang = makeFinding({
      kind: "hung-task",
      title: "INFO: task hung in extent_write_cache_pages",
      report: [
        "INFO: task nfsd:5123 blocked for more than 122 seconds.",
        " io_schedule+0x4c/0x80",
        " folio_wait_bit_common+0x122/0x2e0",
        " __folio_lock+0x17/0x30",
        " extent_write_cache_pages+0x36e/0x7f0 [btrfs]",
        " nfsd_commit+0x9f/0x180 [nfsd]",
        " svc_process_common+0x464/0x6f0 [sunrpc]",
        " svc_process+0x136/0x1f0 [sunrpc]",
        " svc_recv+0x7bb/0x9a0 [sunrpc]",
      ],
    });
    const ids = matchFinding(hang, index, {}).filter((m) => !m.related).map((m) => m.kbId);
    expect(ids[0]).toBe("hung-task-io-wait");
    expect(ids).not.toContain("nfs-server-not-responding");
    // a client's SUNRPC wait still names the entry
    const client = makeFinding({ kind: "hung-task", title: "INFO: task hung in rpc_wait_bit_killable", report: ["INFO: task ls:9 blocked for more than 120 seconds.", " __rpc_execute+0xf5/0x1d0 [sunrpc]"] });
    expect(matchFinding(client, index, {}).filter((m) => !m.related).map((m) => m.kbId)).toContain("nfs-server-not-responding");
  });
});

describe("storage and network symptoms: a bare event is a candidate, the hang it causes is the entry", () => {
  const matched = (f: Finding) => matchFinding(f, index, {}).filter((m) => !m.related);
  const relatedIds = (f: Finding) => matchFinding(f, index, {}).filter((m) => m.related).map((m) => m.kbId);
  const nvmeTimeout = (...lines: string[]) => makeFinding({ kind: "io-error", title: "nvme: I/O timeout", headline: lines[0], report: lines });
  const nvmeTimeoutThen = (line: string, after: string) => makeFinding({ kind: "io-error", title: "nvme: I/O timeout", report: [line], context: [after] });

  it("an NVMe timeout that was aborted (or reset) is an nvme-io-timeout candidate below 0.5 that says what would make it specific", () => {
    for (const f of [
      nvmeTimeout("nvme nvme1: I/O 775 QID 2 timeout, aborting", "nvme nvme1: I/O 779 QID 2 timeout, aborting"),
      nvmeTimeout("nvme nvme0: I/O 900 (I/O Cmd) QID 2 timeout, aborting", "nvme nvme0: I/O 900 QID 2 timeout, reset controller"),
    ]) {
      const [best] = matched(f);
      expect(best.kbId).toBe("nvme-io-timeout");
      expect(best.score).toBeGreaterThanOrEqual(0.3);
      expect(best.score).toBeLessThan(NONE_FITS_MAX_SCORE);
      expect(best.reasons.join(" "), "the reason says what would make it specific").toMatch(/tasks hang/);
    }
  });

  it("a timeout whose controller then went away is the entry; a polled completion (missed interrupt) is not", () => {
    const gone = nvmeTimeoutThen("nvme nvme2: I/O 0 QID 0 timeout, reset controller", "nvme nvme3: Removing after probe failure status: -19");
    expect(matched(gone)[0].kbId).toBe("nvme-io-timeout");
    expect(matched(gone)[0].score).toBeGreaterThanOrEqual(NONE_FITS_MAX_SCORE);
    const polled = nvmeTimeout("nvme nvme0: I/O 210 QID 4 timeout, completion polled");
    expect(matched(polled).map((m) => m.kbId)).not.toContain("nvme-io-timeout");
    expect(relatedIds(polled)).toContain("nvme-io-timeout");
  });

  it("reads 6.9+'s tag and opcode form of the timeout line the same way", () => {
    const reset = nvmeTimeoutThen("nvme nvme1: I/O tag 27 (e01b) opcode 0x2 (Admin Cmd) QID 0 timeout, reset controller", "nvme nvme1: Device not ready; aborting reset, CSTS=0x1");
    const [best] = matched(reset);
    expect(best.kbId).toBe("nvme-io-timeout");
    expect(best.reasons.join(" "), "the reset rule read the line").toMatch(/controller was reset/);
    const polled = nvmeTimeout("nvme nvme0: I/O tag 210 (00d2) opcode 0x1 (I/O Cmd) QID 4 timeout, completion polled");
    expect(matched(polled).map((m) => m.kbId)).not.toContain("nvme-io-timeout");
  });

  // The finding `nfs: server X not responding, still trying` gives (events, `nfs-server-not-responding` row).
  const nfsEvent = makeFinding({
    kind: "io-error",
    title: "nfs: server not responding",
    headline: "nfs: server 10.36.3.5 not responding, still trying",
    report: ["nfs: server 10.36.3.5 not responding, still trying"],
    details: { server: "10.36.3.5", softMount: false },
  });

  it("the NFS client's own report is a nfs-server-not-responding candidate, never hung-task-io-wait (a hung-task entry)", () => {
    const ms = matched(nfsEvent);
    expect(ms[0].kbId).toBe("nfs-server-not-responding");
    expect(ms[0].score).toBeLessThan(NONE_FITS_MAX_SCORE);
    expect(ms.map((m) => m.kbId)).not.toContain("hung-task-io-wait");
  });

  it("a NIC watchdog warning printed after NFS lost its server is the watchdog, not an NFS or I/O-wait hang", () => {
    const watchdog = makeFinding({
      kind: "warning",
      title: "WARNING in dev_watchdog",
      guiltyFrame: "dev_watchdog",
      frames: frames("dev_watchdog", "call_timer_fn"),
      report: ["WARNING: CPU: 0 PID: 7 at net/sched/sch_generic.c:442 dev_watchdog+0x2dc/0x2e4", "NETDEV WATCHDOG: eth0 (ethoc): transmit queue 0 timed out"],
      context: ["nfs: server 10.0.0.27 not responding, still trying"],
    });
    const ids = matched(watchdog).map((m) => m.kbId);
    expect(ids[0]).toBe("netdev-watchdog-tx-timeout");
    expect(ids).not.toContain("nfs-server-not-responding");
    expect(ids).not.toContain("hung-task-io-wait");
  });

  it("a driver's own TX timeout (mlx5, virtio_net, bnxt) is a netdev-watchdog-tx-timeout candidate; the same line inside an RCU stall is not", () => {
    for (const [driver, line] of [
      ["mlx5_core", "mlx5_core 0000:3b:00.0 eth0: TX timeout on queue: 3, SQ: 0x1c9, CQ: 0x4a5, SQ Cons: 0x0 SQ Prod: 0x2d, usecs since last trans: 17316000"],
      ["virtio_net", "virtio_net virtio1 eth0: TX timeout on queue: 0, sq: output.0, vq: 0x1, name: output.0, 5120000 usecs ago"],
      ["bnxt_en", "bnxt_en 0000:04:00.0 eth0: TX timeout detected, starting reset task!"],
    ]) {
      const f = makeFinding({ kind: "other", title: `${driver}: TX timeout`, headline: line, report: [line], details: { driver, device: "eth0" } });
      const [best] = matched(f);
      expect(best?.kbId, driver).toBe("netdev-watchdog-tx-timeout");
      expect(best.score, driver).toBeLessThan(NONE_FITS_MAX_SCORE);
      expect(best.specificWhen, driver).toBeTruthy();
    }
    const stall = makeFinding({
      kind: "rcu-stall",
      title: "INFO: rcu detected stall in ebt_do_table",
      report: [
        "rcu: INFO: rcu_sched self-detected stall on CPU",
        "mlx5_core 0000:3b:00.0 eth0: TX timeout on queue: 3, SQ: 0x1c9, CQ: 0x4a5, SQ Cons: 0x0 SQ Prod: 0x2d, usecs since last trans: 17316000",
        "NETDEV WATCHDOG: eth0 (mlx5_core): transmit queue 3 timed out",
      ],
    });
    expect(matched(stall).map((m) => m.kbId)).not.toContain("netdev-watchdog-tx-timeout");
  });
});

describe("virtio-net control virtqueue: a stall and a BUG in the same function are different bugs", () => {
  const matched = (f: Finding) => matchFinding(f, index, {}).filter((m) => !m.related);
  const bugAt = (kind: Finding["kind"], title: string, line: string): Finding =>
    makeFinding({ kind, title, headline: line, report: [line, "pc : virtnet_send_command+0x150/0x158"], frames: frames("virtnet_send_command", "virtnet_set_rx_mode"), guiltyFrame: "virtnet_send_command" });
  it("the busy wait (soft lockup or RCU stall in virtnet_send_command) is the Ubuntu 5.15 entry; a BUG_ON there is not", () => {
    for (const kind of ["soft-lockup", "rcu-stall"] as const) {
      const f = bugAt(kind, "BUG: soft lockup in virtnet_send_command", "watchdog: BUG: soft lockup - CPU#1 stuck for 26s! [systemd-udevd:165]");
      expect(matched(f).map((m) => m.kbId), kind).toContain("ubuntu-5-15-virtio-net-soft-lockup");
    }
    // evansm7/vftool#21: 5.12 arm64 guest, bridge over a virtio-net device without a control virtqueue
    const bug = bugAt("bug", "kernel BUG in virtnet_send_command", "kernel BUG at drivers/net/virtio_net.c:1664!");
    expect(matched(bug).filter((m) => m.score >= NONE_FITS_MAX_SCORE).map((m) => m.kbId)).not.toContain("ubuntu-5-15-virtio-net-soft-lockup");
  });
});

describe("OOM: the lone 4.19+ summary line", () => {
  it("`oom-kill:constraint=CONSTRAINT_MEMCG,…` alone (as the events give it) is memcg-oom-kill", () => {
    const line =
      "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=cri-containerd-1.scope,mems_allowed=0,oom_memcg=/kubepods.slice/kubepods-burstable.slice/pod1,task_memcg=/kubepods.slice/kubepods-burstable.slice/pod1/cri-containerd-1.scope,task=java,pid=4242,uid=0";
    const f = makeFinding({
      kind: "oom",
      title: "OOM: memory cgroup out of memory",
      headline: line,
      report: [line],
      details: { victim: "java", victimPid: 4242, memcg: true, constraint: "CONSTRAINT_MEMCG", oomMemcg: "/kubepods.slice/kubepods-burstable.slice/pod1" },
    });
    const [best] = matchFinding(f, index, {}).filter((m) => !m.related);
    expect(best.kbId).toBe("memcg-oom-kill");
    expect(best.score).toBeGreaterThanOrEqual(NONE_FITS_MAX_SCORE);
  });
});

describe("OOM with nothing left to kill: a capture kernel only with capture-kernel evidence", () => {
  // The no-killable-processes line and the deadlock panic are one event; early boot or a host whose tasks are all
  // unkillable prints them too, so they alone must not make the kdump entry a match.
  const oomDeadlock = [
    "[ 3893.943876] Out of memory and no killable processes...",
    "[ 3893.943877] Kernel panic - not syncing: System is deadlocked on memory",
    "[ 3893.943879] CPU: 3 PID: 724 Comm: systemd-userdbd Not tainted 5.10.35 #1",
  ];
  const kdumpScore = async (log: string[]): Promise<number> => {
    const scores = (await findingsOf(log.join("\n") + "\n")).flatMap((f) =>
      f.matches.filter((m) => !m.related && m.kbId === "kdump-crashkernel-too-small").map((m) => m.score),
    );
    return Math.max(0, ...scores);
  };

  it("the panic alone on an ordinary host stays below 0.5", async () => {
    expect(await kdumpScore(oomDeadlock)).toBeLessThan(NONE_FITS_MAX_SCORE);
  });

  it("the same panic in a kernel booted with elfcorehdr= is the kdump entry", async () => {
    const capture = [
      "[    0.000000] Kernel command line: BOOT_IMAGE=/boot/vmlinuz-5.15.0-91-generic ro reset_devices systemd.unit=kdump-tools-dump.service nr_cpus=1 irqpoll nousb elfcorehdr=2998216K",
      ...oomDeadlock,
    ];
    expect(await kdumpScore(capture)).toBeGreaterThanOrEqual(NONE_FITS_MAX_SCORE);
  });
});

describe("node-event entries reach every wording of their event", () => {
  const top = async (lines: string[]) => {
    const log = lines.map((l) => `Aug 13 10:00:00 n1 kernel: ${l}`).join("\n") + "\n";
    return (await findingsOf(log)).map((f) => f.matches.filter((m) => !m.related)[0]?.kbId);
  };
  // A message rule is looked up by a word every top-level alternative pins (requiredWords): an alternative ending
  // `Tx timeout\s*$` pins none (the `*` blurs the word), which unkeys the whole rule and lost the mtk and i40e
  // wordings below, not only the new one.
  it.each([
    "mlx5_core 0000:3b:00.0 eth0: TX timeout on queue: 3, SQ: 0x1c9, CQ: 0x4a, SQ Cons: 0x0 SQ Prod: 0x2f, usecs since last trans: 13552000",
    "i40e 0000:08:00.1: eth9: tx_timeout recovery level 1",
    "mtk_soc_eth 1e100000.ethernet eth0: transmit timed out",
    "r8152 4-1:1.0 eth1: Tx timeout",
  ])("a driver's own TX timeout line is netdev-watchdog-tx-timeout: %s", async (line) => {
    expect(await top([line])).toEqual(["netdev-watchdog-tx-timeout"]);
  });

  it("btrfs's mount-time error counters are btrfs-fs-error", async () => {
    expect(await top(["BTRFS info (device dm-1): bdev /dev/mapper/AM-2 errs: wr 29, rd 0, flush 0, corrupt 21, gen 0"])).toEqual(["btrfs-fs-error"]);
  });

  it("a sync(2) hung behind writeback (iterate_supers under sys_sync) waits for I/O", async () => {
    // balena-os/balena-jetson#166: a large image write starved the task's sync() for 120 s.
    const hung = [
      "INFO: task balenad:4049 blocked for more than 120 seconds.",
      "      Not tainted 4.9.140-l4t-r32.4 #1",
      '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
      "balenad         D    0  4049      1 0x00000008",
      "Call trace:",
      "[<ffffff80080863a4>] __switch_to+0x9c/0xc0",
      "[<ffffff8008f0d09c>] __schedule+0x22c/0x570",
      "[<ffffff8008f0d420>] schedule+0x40/0xa8",
      "[<ffffff8008f1057c>] rwsem_down_read_failed+0xd4/0x128",
      "[<ffffff8008f0f8a8>] down_read+0x58/0x60",
      "[<ffffff8008263568>] iterate_supers+0x78/0x138",
      "[<ffffff800829bac0>] sys_sync+0x50/0xc0",
      "[<ffffff8008083900>] el0_svc_naked+0x34/0x38",
    ];
    expect(await top(hung)).toEqual(["hung-task-io-wait"]);
  });
});
