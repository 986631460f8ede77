import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { triage } from "../../../engine/triage";
import type { Incident } from "../../../engine/types";
import type { KbEntry, KbEntryInput } from "../../../kb/schema";
import { kbEntrySchema } from "../../../kb/schema";
import { seedKb } from "../seed-kb";
import { KbEditError } from "./errors";
import { allKbEntries, diffRevisions, getKbEntry, importKbEntries, kbRevisions, listKbEntries, revertKbEntry, saveKbEntry } from "./kb-store";
import { previewRuleChange } from "./preview";
import { rematchIncidentIfStale } from "./rematch-incidents";
import { createTestDb, type TestDb } from "../../test-db";
import { inlineJobQueue } from "../../jobs/inline-job-queue";
import { JOB_FUNCTIONS } from "../../jobs/job-functions";
import { LocalDirectoryStore } from "../../storage/upload-store";
import { entriesToYaml, parseKbYaml } from "./yaml-form";

const LOG = path.resolve(import.meta.dirname, "../../../../testdata/logs/null-deref/ip6mr-sk-done.log");
/** The raw log after the golden header (header lines, a blank line, then the log). */
const logText = readFileSync(LOG, "utf8").split(/\n\n/).slice(1).join("\n\n");

function teamEntry(partial: Partial<KbEntryInput> = {}): KbEntry {
  return kbEntrySchema.parse({
    id: "ip6mr-netns-null",
    title: "NULL deref in ip6mr_sk_done on netns setup",
    summary: "Creating a network namespace fails half-way and ip6mr cleanup dereferences NULL.",
    component: "kernel",
    signatures: [{ kind: "guilty-frame", value: "ip6mr_sk_done", weight: 0.8 }],
    ...partial,
  });
}

let env: TestDb;
let incident: Incident;
/** Re-matching jobs run at once, in this process: the save returns with its job ended. */
const jobs = () => ({ queue: inlineJobQueue({ db: env.db, store: new LocalDirectoryStore("/nonexistent"), cliPath: "", jobs: JOB_FUNCTIONS }) });
const INCIDENT_ID = "incident-one";

beforeAll(async () => {
  env = await createTestDb();
  await seedKb(env.db, []);
  // A real incident from the engine, stored without KB matches as the web helper stores it.
  incident = await triage([{ name: "node.log", data: new TextEncoder().encode(logText) }]);
  await env.db.incident.create({
    data: {
      id: INCIDENT_ID,
      title: incident.findings[0]?.title ?? "none",
      result: JSON.stringify(incident),
      findings: { create: incident.findings.map((f) => ({ findingId: f.id, signature: f.signature, title: f.title, kind: f.kind })) },
    },
  });
});
afterAll(async () => env.cleanup());

describe("KB editing against a database", () => {
  it("has a finding in the stored incident to match", () => {
    expect(incident.findings.some((f) => f.guiltyFrame === "ip6mr_sk_done")).toBe(true);
  });

  it("previews a new entry: which stored findings it would match, and a pasted log", async () => {
    const preview = await previewRuleChange(env.db, { document: teamEntry(), pastedLog: logText });
    expect(preview.ok).toBe(true);
    expect(preview.incidents).toHaveLength(1);
    expect(preview.incidents[0].changes.every((c) => c.change === "would-match")).toBe(true);
    expect(preview.pasted?.entryMatched).toBe(true);
  });

  it("refuses an invalid document in the preview with the schema's messages", async () => {
    const preview = await previewRuleChange(env.db, { document: { ...teamEntry(), signatures: [] } });
    expect(preview.ok).toBe(false);
    expect(preview.errors.join(" ")).toContain("signatures");
  });

  it("creates an entry, re-matches the stored incident and records the revision", async () => {
    const saved = await saveKbEntry(env.db, { document: teamEntry(), message: "first", author: "alice" }, jobs());
    expect(saved.revision).toBe(1);
    expect(saved.rematch).toMatchObject({ kind: "rematch", status: "done", statusUrl: `/api/jobs/${saved.rematch?.id}`, result: { incidents: 1, changed: 1 } });
    const row = await env.db.incident.findUniqueOrThrow({ where: { id: INCIDENT_ID }, include: { findings: true } });
    const stored = JSON.parse(row.result) as Incident;
    expect(stored.findings.some((f) => f.matches.some((m) => m.kbId === "ip6mr-netns-null"))).toBe(true);
    expect(row.kbIds).toContain("ip6mr-netns-null");
    expect(row.findings.some((f) => f.topKbId === "ip6mr-netns-null")).toBe(true);
    const detail = await getKbEntry(env.db, "ip6mr-netns-null");
    expect(detail.entry.origin).toBe("team");
    expect(detail.revisions).toEqual([expect.objectContaining({ revision: 1, message: "first", authorName: "alice" })]);
    expect(detail.unreachable).toBe(false);
  });

  it("refuses a second entry with the same id as a conflict", async () => {
    await expect(saveKbEntry(env.db, { document: teamEntry(), message: "", author: "bob" }, jobs())).rejects.toMatchObject({ code: "conflict", status: 409 });
  });

  it("previews an edit that would stop matching", async () => {
    const edited = teamEntry({ signatures: [{ kind: "guilty-frame", value: "some_other_function", weight: 0.8 }] });
    const preview = await previewRuleChange(env.db, { document: edited });
    expect(preview.incidents[0].changes.map((c) => c.change)).toContain("would-stop-matching");
  });

  it("saves edits with optimistic concurrency: a stale base revision is a 409", async () => {
    const edited = teamEntry({ summary: "Edited summary text." });
    const saved = await saveKbEntry(env.db, { id: edited.id, document: edited, baseRevision: 1, message: "wording", author: "bob" }, jobs());
    expect(saved.revision).toBe(2);
    const stale = saveKbEntry(env.db, { id: edited.id, document: teamEntry({ summary: "Other edit." }), baseRevision: 1, message: "", author: "carol" }, jobs());
    await expect(stale).rejects.toBeInstanceOf(KbEditError);
    await expect(stale).rejects.toMatchObject({ code: "conflict", currentRevision: 2 });
    expect((await getKbEntry(env.db, edited.id)).entry.summary).toBe("Edited summary text.");
  });

  it("diffs two revisions line by line in YAML form", async () => {
    const diff = await diffRevisions(env.db, "ip6mr-netns-null", 1, 2);
    expect(diff.lines.filter((l) => l.kind === "added").map((l) => l.text)).toEqual(["summary: Edited summary text."]);
    expect(diff.lines.filter((l) => l.kind === "removed")).toHaveLength(1);
    expect(diff.patch).toContain("+summary: Edited summary text.");
    await expect(diffRevisions(env.db, "ip6mr-netns-null", 1, 9)).rejects.toMatchObject({ code: "not-found" });
  });

  it("reverts to an earlier revision as a new revision", async () => {
    const reverted = await revertKbEntry(env.db, "ip6mr-netns-null", 1, "alice", jobs());
    expect(reverted.revision).toBe(3);
    const detail = await getKbEntry(env.db, "ip6mr-netns-null");
    expect(detail.entry.summary).toBe(teamEntry().summary);
    expect(detail.revisions[0]).toMatchObject({ revision: 3, message: "Revert to revision 1" });
  });

  it("turns an edited built-in entry into a team entry", async () => {
    const builtin = teamEntry({ id: "builtin-sample", origin: "builtin", signatures: [{ kind: "title", value: "kernel BUG in x", weight: 0.9 }] });
    await seedKb(env.db, [builtin]);
    const saved = await saveKbEntry(env.db, { id: builtin.id, document: { ...builtin, title: "Renamed built-in" }, baseRevision: 1, message: "fix", author: "dan" }, jobs());
    expect(saved.entry.origin).toBe("team");
    expect((await env.db.kbEntry.findUniqueOrThrow({ where: { id: builtin.id } })).origin).toBe("team");
  });

  it("lists with search and filters", async () => {
    expect((await listKbEntries(env.db, { q: "ip6mr_sk_done" })).items.map((i) => i.id)).toEqual(["ip6mr-netns-null"]);
    expect((await listKbEntries(env.db, { origin: "team" })).total).toBe(2);
    expect((await listKbEntries(env.db, { status: "retired" })).total).toBe(0);
    expect((await listKbEntries(env.db, {})).components).toEqual(["kernel"]);
  });

  it("re-matches an incident outside the saved window when it is opened", async () => {
    const retired = { ...(await getKbEntry(env.db, "ip6mr-netns-null")).entry, status: "retired" as const };
    const current = (await getKbEntry(env.db, "ip6mr-netns-null")).revision;
    await saveKbEntry(env.db, { id: retired.id, document: retired, baseRevision: current, message: "retire", author: "x" }, { ...jobs(), rematchLimit: 0 });
    const row = await env.db.incident.findUniqueOrThrow({ where: { id: INCIDENT_ID } });
    expect(row.kbIds).toContain("ip6mr-netns-null"); // not re-matched yet
    const fresh = await rematchIncidentIfStale(env.db, INCIDENT_ID);
    expect(fresh?.findings.some((f) => f.matches.some((m) => m.kbId === "ip6mr-netns-null"))).toBe(false);
    expect((await env.db.incident.findUniqueOrThrow({ where: { id: INCIDENT_ID } })).kbIds).not.toContain("ip6mr-netns-null");
    expect(await rematchIncidentIfStale(env.db, "no-such-incident")).toBeUndefined();
  });

  it("exports and re-imports the KB without loss; identical entries are left alone", async () => {
    const before = await allKbEntries(env.db);
    const parsed = parseKbYaml(entriesToYaml(before));
    expect(parsed.entries).toEqual(before);
    const again = await importKbEntries(env.db, parsed.imported, "eve", jobs());
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: before.length, conflicts: [] });
    const added = await importKbEntries(env.db, [{ entry: teamEntry({ id: "imported-one", status: "draft" }) }], "eve", jobs());
    expect(added.created).toBe(1);
  });

  it("refuses to let an old export overwrite a newer edit, unless forced, and records what a force overwrote", async () => {
    const id = "stale-import";
    await saveKbEntry(env.db, { document: teamEntry({ id, summary: "version one of the note" }), message: "", author: "ann" }, jobs());
    const oldExport = entriesToYaml(await allKbEntries(env.db), await kbRevisions(env.db));
    expect(oldExport).toMatch(/# base-revision: 1\nid: stale-import/);
    await saveKbEntry(env.db, { id, document: teamEntry({ id, summary: "ann's fix" }), baseRevision: 1, message: "", author: "ann" }, jobs());

    const edited = parseKbYaml(oldExport.replace("summary: version one of the note", "summary: bob's wording of the note"));
    const refused = await importKbEntries(env.db, edited.imported, "bob", jobs());
    expect(refused.conflicts).toEqual([expect.objectContaining({ id, baseRevision: 1, currentRevision: 2 })]);
    expect(refused.updated).toBe(0);
    expect((await getKbEntry(env.db, id)).entry.summary).toBe("ann's fix");

    const unversioned = await importKbEntries(env.db, [{ entry: teamEntry({ id, summary: "no base revision given" }) }], "bob", jobs());
    expect(unversioned.conflicts[0]?.message).toMatch(/no base revision/);

    const forced = await importKbEntries(env.db, edited.imported, "bob", { ...jobs(), force: true });
    expect(forced.overwritten).toEqual([{ id, baseRevision: 1, overwrittenRevision: 2 }]);
    const detail = await getKbEntry(env.db, id);
    expect(detail.entry.summary).toBe("bob's wording of the note");
    expect(detail.revisions[0]?.message).toMatch(/forced over revision 2/);
  });
});
