/**
 * Reading and editing KB entries in the database: list, read with history, save with optimistic concurrency,
 * revert, diff between revisions. Every save writes a KbRevision, bumps the KB generation (the match index is
 * rebuilt on next use) and queues a job that re-matches the most recent stored incidents (one still waiting to start
 * covers the change: see requestRematchJob); the answer carries that job's state and status URL.
 */
import { kbEntryColumns } from "../kb-entry-columns";
import { createTwoFilesPatch, diffLines } from "diff";
import type { Prisma } from "../../../generated/prisma/client";
import { buildKbIndex } from "../../../engine/match/build-kb-index";
import { kbEntrySchema, type KbEntry } from "../../../kb/schema";
import { textContains, type Db } from "../../db";
import { bumpKbGeneration } from "../kb-generation";
import { backgroundJobBody, findBackgroundJob, requestRematchJob, type BackgroundJobBody } from "../../jobs/background-jobs";
import type { JobQueue } from "../../jobs/job-queue";
import { KbEditError } from "./errors";
import { DEFAULT_REMATCH_LIMIT } from "./rematch-incidents";
import { entryToYaml, type ImportedEntry } from "./yaml-form";

export type KbListFilter = { q?: string; component?: string; origin?: string; status?: string; page?: number; pageSize?: number };
export type KbListItem = {
  id: string;
  title: string;
  component: string;
  origin: string;
  status: string;
  revision: number;
  updatedAt: Date;
};
export type KbList = { items: KbListItem[]; total: number; page: number; pageSize: number; components: string[] };

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

export async function listKbEntries(db: Db, filter: KbListFilter = {}): Promise<KbList> {
  const pageSize = Math.min(Math.max(filter.pageSize ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const page = Math.max(filter.page ?? 1, 1);
  const where: Prisma.KbEntryWhereInput = {};
  if (filter.component) where.component = filter.component;
  if (filter.origin) where.origin = filter.origin;
  if (filter.status) where.status = filter.status;
  const q = filter.q?.trim();
  // Whatever the case; the document column covers frames, titles and regexes of the rules.
  if (q) where.OR = [{ id: textContains(db, q) }, { title: textContains(db, q) }, { document: textContains(db, q) }];
  const [items, total, components] = await Promise.all([
    db.kbEntry.findMany({
      where,
      orderBy: [{ origin: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, title: true, component: true, origin: true, status: true, revision: true, updatedAt: true },
    }),
    db.kbEntry.count({ where }),
    db.kbEntry.findMany({ distinct: ["component"], select: { component: true }, orderBy: { component: "asc" } }),
  ]);
  return { items, total, page, pageSize, components: components.map((c) => c.component) };
}

export type KbRevisionInfo = { revision: number; message: string; authorName: string | null; createdAt: Date };
export type KbEntryDetail = {
  entry: KbEntry;
  revision: number;
  updatedAt: Date;
  revisions: KbRevisionInfo[];
  /** No rule gives the matcher a key: the entry can never match (the index's `unreachable`). */
  unreachable: boolean;
};

export async function getKbEntry(db: Db, id: string): Promise<KbEntryDetail> {
  const row = await db.kbEntry.findUnique({
    where: { id },
    include: { revisions: { orderBy: { revision: "desc" }, select: { revision: true, message: true, authorName: true, createdAt: true } } },
  });
  if (!row) throw new KbEditError("not-found", `No KB entry ${id}.`);
  const entry = kbEntrySchema.parse(JSON.parse(row.document));
  const unreachable = buildKbIndex([entry], { includeDrafts: true }).unreachable.length > 0;
  return { entry, revision: row.revision, updatedAt: row.updatedAt, revisions: row.revisions, unreachable };
}

export type SaveKbEntryInput = {
  /** Absent: a new entry (its id comes from the document). */
  id?: string;
  document: unknown;
  /** The revision the editor started from; a different current revision is a conflict (409). Ignored for new entries. */
  baseRevision?: number;
  message: string;
  author: string;
};
/** `rematch`: the re-matching job this change queued (or joined), null when none was asked for (`rematchLimit: 0`). */
export type SaveKbEntryResult = { entry: KbEntry; revision: number; generation: number; rematch: BackgroundJobBody | null };

export type SaveOptions = {
  /** Where the re-matching job goes (the server's JobQueue; tests and benchmarks run it inline). */
  queue: Pick<JobQueue, "enqueueJob">;
  rematchLimit?: number;
};

/** Queues (or joins) the re-matching of the most recent incidents after a KB change; its state for the answer. */
async function queueRematch(db: Db, options: SaveOptions, requestedBy: string): Promise<BackgroundJobBody | null> {
  const limit = options.rematchLimit ?? DEFAULT_REMATCH_LIMIT;
  if (limit <= 0) return null;
  const { id, created } = await requestRematchJob(db, { limit }, requestedBy);
  if (created) await options.queue.enqueueJob("rematch", id);
  const job = await findBackgroundJob(db, id);
  return job ? backgroundJobBody(job) : null;
}

export async function saveKbEntry(db: Db, input: SaveKbEntryInput, options: SaveOptions): Promise<SaveKbEntryResult> {
  const entry = kbEntrySchema.parse(input.document);
  const message = input.message.trim();
  const author = input.author.trim() || "anonymous";
  let revision: number;
  if (input.id === undefined) {
    // New entries are the team's, whatever the pasted document claims.
    if (entry.origin === "builtin") entry.origin = "team";
    revision = 1;
    const document = JSON.stringify(entry);
    try {
      await db.kbEntry.create({
        data: {
          id: entry.id,
          ...kbEntryColumns(entry, document),
          revision,
          revisions: { create: { revision, document, message: message || "Created", authorName: author } },
        },
      });
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") throw new KbEditError("conflict", `An entry with id ${entry.id} exists already.`);
      throw e;
    }
  } else {
    if (entry.id !== input.id) throw new KbEditError("bad-request", "The document's id differs from the entry being edited (ids cannot be renamed).");
    if (input.baseRevision === undefined) throw new KbEditError("bad-request", "baseRevision is required when editing.");
    const existing = await db.kbEntry.findUnique({ where: { id: input.id }, select: { origin: true, revision: true } });
    if (!existing) throw new KbEditError("not-found", `No KB entry ${input.id}.`);
    // A built-in entry edited by the team becomes the team's: the seed never overwrites it again.
    if (existing.origin === "builtin" || entry.origin === "builtin") entry.origin = "team";
    revision = input.baseRevision + 1;
    const document = JSON.stringify(entry);
    const base = input.baseRevision;
    await db.$transaction(async (tx) => {
      // Compare-and-set on the revision column: two editors saving from the same base cannot both win.
      const updated = await tx.kbEntry.updateMany({
        where: { id: entry.id, revision: base },
        data: { ...kbEntryColumns(entry, document), revision },
      });
      if (updated.count === 0) {
        throw new KbEditError("conflict", `The entry was changed meanwhile (now revision ${existing.revision}, you edited ${base}).`, existing.revision);
      }
      await tx.kbRevision.create({ data: { entryId: entry.id, revision, document, message: message || "Edited", authorName: author } });
    });
  }
  const generation = await bumpKbGeneration(db);
  const rematch = await queueRematch(db, options, author);
  return { entry, revision, generation, rematch };
}

export async function revertKbEntry(db: Db, id: string, toRevision: number, author: string, options: SaveOptions): Promise<SaveKbEntryResult> {
  const [row, target] = await Promise.all([
    db.kbEntry.findUnique({ where: { id }, select: { revision: true } }),
    db.kbRevision.findUnique({ where: { entryId_revision: { entryId: id, revision: toRevision } } }),
  ]);
  if (!row) throw new KbEditError("not-found", `No KB entry ${id}.`);
  if (!target) throw new KbEditError("not-found", `Entry ${id} has no revision ${toRevision}.`);
  return saveKbEntry(
    db,
    { id, document: JSON.parse(target.document), baseRevision: row.revision, message: `Revert to revision ${toRevision}`, author },
    options,
  );
}

export type DiffLine = { kind: "added" | "removed" | "same"; text: string };
export type RevisionDiff = { a: number; b: number; lines: DiffLine[]; patch: string };

/** Line diff of the YAML form of two revisions (a → b). */
export async function diffRevisions(db: Db, id: string, a: number, b: number): Promise<RevisionDiff> {
  const rows = await db.kbRevision.findMany({ where: { entryId: id, revision: { in: [a, b] } } });
  const docOf = (n: number) => {
    const row = rows.find((r) => r.revision === n);
    if (!row) throw new KbEditError("not-found", `Entry ${id} has no revision ${n}.`);
    return entryToYaml(kbEntrySchema.parse(JSON.parse(row.document)));
  };
  const before = docOf(a);
  const after = docOf(b);
  const lines: DiffLine[] = [];
  for (const change of diffLines(before, after)) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    for (const text of change.value.replace(/\n$/, "").split("\n")) lines.push({ kind, text });
  }
  const patch = createTwoFilesPatch(`${id}@${a}.yaml`, `${id}@${b}.yaml`, before, after);
  return { a, b, lines, patch };
}

/** Every entry, for export. */
export async function allKbEntries(db: Db): Promise<KbEntry[]> {
  const rows = await db.kbEntry.findMany({ orderBy: { id: "asc" }, select: { document: true } });
  const out: KbEntry[] = [];
  for (const row of rows) {
    const parsed = kbEntrySchema.safeParse(JSON.parse(row.document));
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export type ImportConflict = { index: number; id: string; baseRevision?: number; currentRevision: number; message: string };
export type ImportResult = {
  created: number;
  updated: number;
  unchanged: number;
  /** Entries edited since the export they come from (or with no base revision): not saved unless forced. */
  conflicts: ImportConflict[];
  /** Entries saved over a newer revision because the import was forced: what was overwritten. */
  overwritten: { id: string; baseRevision?: number; overwrittenRevision: number }[];
  errors: { index: number; id?: string; message: string }[];
  /** The re-matching job queued after the import changed the KB. */
  rematch: BackgroundJobBody | null;
};
export type ImportOptions = SaveOptions & { force?: boolean };

/** Every entry's current revision, for an export that a later import can check against. */
export async function kbRevisions(db: Db): Promise<Map<string, number>> {
  const rows = await db.kbEntry.findMany({ select: { id: true, revision: true } });
  return new Map(rows.map((r) => [r.id, r.revision]));
}

/**
 * Imports validated entries: new ids are created, identical ones are left alone, and a changed one gets a new
 * revision only when its export was taken from the entry's current revision. An entry edited since (or a document
 * with no base revision) is a conflict, listed and not saved, unless `force`, which saves it and records in the
 * revision what it overwrote.
 */
export async function importKbEntries(db: Db, entries: ImportedEntry[], author: string, options: ImportOptions): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, conflicts: [], overwritten: [], errors: [], rematch: null };
  let changed = false;
  for (const [index, { entry, baseRevision }] of entries.entries()) {
    const existing = await db.kbEntry.findUnique({ where: { id: entry.id }, select: { document: true, revision: true } });
    if (existing && existing.document === JSON.stringify(entry)) {
      result.unchanged++;
      continue;
    }
    const stale = existing !== null && baseRevision !== existing.revision;
    if (stale && !options.force) {
      result.conflicts.push({
        index,
        id: entry.id,
        baseRevision,
        currentRevision: existing.revision,
        message:
          baseRevision === undefined
            ? `${entry.id} exists (revision ${existing.revision}) and the document names no base revision; export again, or force.`
            : `${entry.id} was changed since this export (revision ${baseRevision} → ${existing.revision}); export again, or force.`,
      });
      continue;
    }
    const message = stale
      ? `Imported from YAML, forced over revision ${existing.revision} (the export was of ${baseRevision === undefined ? "no known revision" : `revision ${baseRevision}`})`
      : "Imported from YAML";
    try {
      await saveKbEntry(db, { id: existing ? entry.id : undefined, document: entry, baseRevision: existing?.revision, message, author }, { ...options, rematchLimit: 0 });
      changed = true;
      if (stale) result.overwritten.push({ id: entry.id, baseRevision, overwrittenRevision: existing.revision });
      if (existing) result.updated++;
      else result.created++;
    } catch (e) {
      if (!(e instanceof KbEditError)) throw e;
      result.errors.push({ index, id: entry.id, message: e.message });
    }
  }
  if (changed) result.rematch = await queueRematch(db, options, author);
  return result;
}
