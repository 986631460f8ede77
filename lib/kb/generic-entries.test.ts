/**
 * Class-level (generic) entries and related entries of the built-in KB, on the composed logs of testdata/kb:
 * a generic entry is a candidate below 0.5 that says what would make it specific; a specific entry whose evidence is
 * in the log ranks above it; entries an entry lists as related show up as related (score 0), never as matches.
 */
import { readdirSync } from "node:fs";
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
});
