/**
 * Format-invariance benchmark (metamorphic): re-emit real dmesg logs the way other tools print the same kernel
 * messages (journalctl's outputs, rsyslog, syslog-ng, container runtimes, shippers, dmesg's options and locales, pagers;
 * see envelope-transforms.ts) and check that triage answers the same for the original and the re-emitted text.
 *
 *   npm run bench:envelopes                 table + changed cases
 *   npm run bench:envelopes -- --json       counts as JSON
 *   --only=<envelope id>[,…]                some envelopes only
 *   --corpus=<dir>                          another shared corpus location
 *
 * Sources: the dev part of testdata/real whose FORMAT is `dmesg` (never the held-out part: its logs are not read
 * here at all) and the shared syzkaller corpora (report and guilty) whose lines are mostly dmesg-stamped.
 * The enveloped logs are GENERATED: this complements the real corpus, it never stands in for real logs in a format.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PROBLEM_KINDS, triage } from "../../lib/engine/triage";
import { looksQuotedPrintable } from "../../lib/engine/ingest/repair-paste";
import type { Finding, FindingKind } from "../../lib/engine/types";
import { readRealCases, readSyzkallerGuiltyCases, readSyzkallerReportCases } from "./corpus-readers";
import { ENVELOPES, envelopeSource, type Envelope } from "./envelope-transforms";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DEFAULT_CORPUS = [resolve(REPO_ROOT, "../shared/corpus"), resolve(REPO_ROOT, "../../shared/corpus")].find(existsSync) ?? resolve(REPO_ROOT, "../shared/corpus");

/** As bench:accuracy: crash reports only (problem events and Go panics are another feature); MCE stays in. */
const LEFT_OUT: ReadonlySet<FindingKind> = new Set<FindingKind>([...PROBLEM_KINDS, "go-panic" as const].filter((k) => k !== "mce"));

export type SourceLog = { corpus: "real-dev" | "shared"; name: string; log: string };

/** A source is dmesg-like when most of its non-blank lines carry dmesg's `[uptime]` (what the transforms re-stamp). */
const DMESG_STAMP = /^(?:<\d>)?\[\s*\d+\.\d+\]/;
function isDmesgLike(log: string): boolean {
  const lines = log.split("\n").filter((l) => l.trim() !== "");
  return lines.length > 0 && lines.filter((l) => DMESG_STAMP.test(l)).length * 2 >= lines.length;
}

/** The dev part of testdata/real with FORMAT `dmesg` (the held-out split of bench:accuracy decides), then the shared corpora. */
export function readSources(realDir = join(REPO_ROOT, "testdata/real"), corpusDir = DEFAULT_CORPUS): SourceLog[] {
  const real: SourceLog[] = readRealCases(realDir)
    .filter((c) => !c.heldOut && c.format === "dmesg")
    // A mail archive's quoted-printable paste is decoded as a whole: re-prefixing each of its physical lines (what
    // every envelope does) splits the soft line breaks apart, which no log tool would ever write.
    .filter((c) => !looksQuotedPrintable(c.log.subarray(0, 65536)))
    .map((c): SourceLog => ({ corpus: "real-dev", name: c.name, log: new TextDecoder().decode(c.log) }))
    .filter((c) => isDmesgLike(c.log));
  const shared: SourceLog[] = [
    ...readSyzkallerReportCases(corpusDir).map((c) => ({ name: `syzkaller-report/${c.name}`, log: c.log })),
    ...readSyzkallerGuiltyCases(corpusDir).map((c) => ({ name: `syzkaller-guilty/${c.name}`, log: c.log })),
  ]
    .filter((c) => isDmesgLike(c.log))
    .map((c) => ({ corpus: "shared", ...c }));
  return [...real, ...shared];
}

/** What must not change when only the envelope changes. */
type View = { kind: string; title: string; frame?: string; release?: string; repeats: number; host?: string };

async function viewOf(name: string, data: Uint8Array): Promise<View[]> {
  const incident = await triage([{ name, data }]);
  return [...incident.findings]
    .filter((f: Finding) => !LEFT_OUT.has(f.kind))
    .sort((a, b) => a.source.line - b.source.line)
    .map((f) => ({ kind: f.kind, title: f.title, frame: f.guiltyFrame, release: f.kernelRelease, repeats: f.repeats ?? 1, host: f.host }));
}

export type Change = { envelope: string; corpus: SourceLog["corpus"]; source: string; what: string; original: string; enveloped: string };

const show = (v: unknown) => (v === undefined ? "∅" : JSON.stringify(v));

/** The first difference between the original's findings and the enveloped log's (undefined: invariant). */
function firstChange(original: View[], enveloped: View[], host: string | undefined): Pick<Change, "what" | "original" | "enveloped"> | undefined {
  if (original.length !== enveloped.length) {
    return { what: "count", original: original.map((v) => `${v.kind}: ${v.title}`).join(" · ") || "none", enveloped: enveloped.map((v) => `${v.kind}: ${v.title}`).join(" · ") || "none" };
  }
  for (let i = 0; i < original.length; i++) {
    const [a, b] = [original[i], enveloped[i]];
    for (const key of ["kind", "title", "frame", "release", "repeats"] as const) {
      if (a[key] !== b[key]) return { what: `${key}#${i + 1}`, original: show(a[key]), enveloped: show(b[key]) };
    }
    if (host !== undefined && b.host !== host) return { what: `host#${i + 1}`, original: show(host), enveloped: show(b.host) };
  }
  return undefined;
}

export type EnvelopeTally = { envelope: string; invariant: Record<SourceLog["corpus"], number>; changed: Record<SourceLog["corpus"], number> };

/** Triage every source as posted and in every envelope; count invariant and changed cases. */
export async function measureInvariance(sources: SourceLog[], envelopes: readonly Envelope[] = ENVELOPES): Promise<{ tallies: EnvelopeTally[]; changes: Change[] }> {
  const tallies = envelopes.map((e) => ({ envelope: e.id, invariant: { "real-dev": 0, shared: 0 }, changed: { "real-dev": 0, shared: 0 } }));
  const changes: Change[] = [];
  const encoder = new TextEncoder();
  for (const source of sources) {
    const original = await viewOf(source.name, encoder.encode(source.log));
    for (const [i, envelope] of envelopes.entries()) {
      const input = envelopeSource(source.name, source.log, envelope);
      const emitted = envelope.emit(input);
      const data = typeof emitted === "string" ? encoder.encode(emitted) : emitted;
      const change = firstChange(original, await viewOf(source.name, data), envelope.namesHost && original.length > 0 ? input.host : undefined);
      if (change) {
        tallies[i].changed[source.corpus]++;
        changes.push({ envelope: envelope.id, corpus: source.corpus, source: source.name, ...change });
      } else tallies[i].invariant[source.corpus]++;
    }
  }
  return { tallies, changes };
}

/** Invariant cases over all envelopes and sources. */
export const totalInvariant = (tallies: EnvelopeTally[]) => tallies.reduce((n, t) => n + t.invariant["real-dev"] + t.invariant.shared, 0);

function percent(n: number, total: number): string {
  return total === 0 ? "   –" : `${((100 * n) / total).toFixed(1).padStart(5)}%`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const corpusArg = args.find((a) => a.startsWith("--corpus="));
  const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
  const envelopes = only ? ENVELOPES.filter((e) => only.includes(e.id)) : ENVELOPES;
  const sources = readSources(undefined, corpusArg ? resolve(corpusArg.slice("--corpus=".length)) : DEFAULT_CORPUS);
  const { tallies, changes } = await measureInvariance(sources, envelopes);
  if (args.includes("--json")) {
    console.log(JSON.stringify({ tallies, totalInvariant: totalInvariant(tallies) }, null, 2));
    return;
  }
  const realCount = sources.filter((s) => s.corpus === "real-dev").length;
  console.log(`Format-invariance benchmark — GENERATED envelopes around real logs (complements testdata/real, never replaces it)`);
  console.log(`sources: ${realCount} dev dmesg logs of testdata/real (held-out part not read), ${sources.length - realCount} dmesg-like shared syzkaller logs`);
  console.log(`compared: crash findings' class, title, guilty frame, release, repeats, count; host where the envelope names one\n`);
  console.log(`${"envelope".padEnd(24)} ${"real-dev inv/chg".padStart(18)} ${"shared inv/chg".padStart(16)}   invariant  tool`);
  for (const [i, t] of tallies.entries()) {
    const inv = t.invariant["real-dev"] + t.invariant.shared;
    const total = inv + t.changed["real-dev"] + t.changed.shared;
    console.log(
      `${t.envelope.padEnd(24)} ${`${t.invariant["real-dev"]}/${t.changed["real-dev"]}`.padStart(18)} ${`${t.invariant.shared}/${t.changed.shared}`.padStart(16)}   ${percent(inv, total)}     ${envelopes[i].tool}`,
    );
  }
  const all = tallies.reduce((n, t) => n + t.invariant["real-dev"] + t.invariant.shared + t.changed["real-dev"] + t.changed.shared, 0);
  console.log(`${"all".padEnd(24)} ${"".padStart(18)} ${"".padStart(16)}   ${percent(totalInvariant(tallies), all)}     ${totalInvariant(tallies)} of ${all} cases invariant`);
  for (const corpus of ["real-dev", "shared"] as const) {
    const list = changes.filter((c) => c.corpus === corpus);
    console.log(`\nchanged cases, ${corpus} (${list.length}):`);
    for (const c of list) console.log(`  ${c.envelope.padEnd(22)} ${c.source}  ${c.what}: ${c.original} → ${c.enveloped}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
