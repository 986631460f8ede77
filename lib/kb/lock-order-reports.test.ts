/**
 * KB entries whose evidence is the name of a function in the buggy path also see that name in a lockdep lock-order
 * report, where it is only a lock site or a frame of a dependency chain: the report says two locks are taken in both
 * orders, not that the entry's bug (a corrupted or re-initialised lock) happened. Such entries exclude lock-order
 * titles, so the report is listed as related at most, never matched.
 */
import { describe, expect, it } from "vitest";
import { buildKbIndex } from "../engine/match/build-kb-index";
import { triage, type TriageKb } from "../engine/triage";
import { loadBuiltinKb } from "./load-builtin";
import { NONE_FITS_MAX_SCORE } from "./evaluate-expect";

const { entries } = loadBuiltinKb();
const kb: TriageKb = { index: buildKbIndex(entries), entries: new Map(entries.map((e) => [e.id, e])) };
const NOW = new Date("2026-12-01T00:00:00Z");

/** A circular-locking report whose held lock was taken in inet_csk_reqsk_queue_add (an MPTCP error path under it). */
const CIRCULAR = [
  "======================================================",
  "WARNING: possible circular locking dependency detected",
  "6.2.0-rc7 #4 Not tainted",
  "------------------------------------------------------",
  "syz-executor627/1119 is trying to acquire lock:",
  "ffff888005e5c130 (slock-AF_INET){+.-.}-{2:2}, at: subflow_error_report+0x2a/0x60",
  "",
  "but task is already holding lock:",
  "ffff8880062ecac8 (&queue->rskq_lock){+.-.}-{2:2}, at: inet_csk_reqsk_queue_add+0x32/0x120",
  "",
  "which lock already depends on the new lock.",
  "",
  "the existing dependency chain (in reverse order) is:",
  "",
  "-> #1 (&queue->rskq_lock){+.-.}-{2:2}:",
  "       _raw_spin_lock+0x2e/0x40",
  "       inet_csk_complete_hashdance+0x1a2/0x2c0",
  "       tcp_check_req+0x5ea/0xa90",
].join("\n");

describe("lock-order reports and entries keyed on function names", () => {
  it("a circular report quoting the TCP accept queue's functions does not match the accept-queue spinlock bug", async () => {
    const { findings } = await triage([{ name: "lockdep.log", data: new TextEncoder().encode(CIRCULAR) }], { kb, now: NOW });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: "lockdep", title: "possible deadlock in subflow_error_report" });
    const hit = findings[0].matches.find((m) => m.kbId === "tcp-accept-queue-spinlock-warning" && !m.related);
    expect(hit?.score ?? 0).toBeLessThan(NONE_FITS_MAX_SCORE);
  });
});
