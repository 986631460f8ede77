/**
 * Readers for the other projects' crash corpora in `../shared/corpus` (test data only: read in place, never
 * copied into this repository). Each reader turns one corpus's own way of writing expectations into plain
 * cases the accuracy benchmark compares against. See /work/shared/corpus/README.md for the formats.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

/** syzkaller `pkg/report/testdata/linux/report/*`: header block, blank line, console log. */
export type SyzkallerReportCase = {
  name: string;
  log: string;
  /** Absent: the log holds no crash. */
  title?: string;
  alts: string[];
  type?: string;
  frame?: string;
  corrupted: boolean;
  panicked: boolean;
  suppressed: boolean;
};

/** syzkaller `testdata/linux/guilty/*`: `FILE:` header, then a symbolised report. */
export type SyzkallerGuiltyCase = { name: string; log: string; file: string };

/** abrt `tests/examples`: `X.test` input, `X.right` what abrt-dump-oops printed. */
export type AbrtCountCase = {
  name: string;
  log: string;
  expectedCount: number;
  versions: string[];
  /**
   * 1-based line of abrt's own `Reported N kernel oopses to Abrt` marker, the last one in the log: abrt-dump-oops
   * drops every oops before it (already reported), so its expectation covers only the lines after it.
   */
  reportedUpToLine?: number;
};
export type AbrtVersionCase = { name: string; log: string; version: string };
export type AbrtTaintCase = { name: string; log: string; taint: string | null };
/** Two oopses abrt hashes equally (`koops_hash_improve`). */
export type AbrtHashPair = { a: { name: string; log: string }; b: { name: string; log: string } };

/** satyr `tests/kerneloopses`, with the expectations tabulated in README.txt. */
export type SatyrCase = {
  name: string;
  log: string;
  firstFunction: string | null;
  lastFunction: string | null;
  frameCount: number;
  taintCount: number;
  moduleCount: number;
  firstSpecialStack?: string | null;
  lastSpecialStack?: string | null;
};

export type FafFrame = { function: string; reliable: boolean; module?: string; offset?: number; length?: number };
/** faf uReport JSON: the raw oops and what satyr parsed out of it on the client. */
export type FafCase = { name: string; log: string; version: string; taintFlags: string[]; modules: string[]; frames: FafFrame[] };

/** Host name substituted for abrt's `:HOSTNAME:` template marker. */
export const TEMPLATE_HOSTNAME = "oopscope-bench";

function readText(path: string): string {
  return readFileSync(path, "utf8").replace(/\r/g, "");
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

// The header keys syzkaller's test files use; a log line such as `BUG: …` must not pass for one.
const SYZ_HEADER = /^(TITLE|ALT|TYPE|FRAME|CORRUPTED|PANICKED|SUPPRESSED|EXECUTOR|START|END|FILE): ?(.*)$/;

/** Split a syzkaller test file into its header map and the console log (without the expected `REPORT:` tail). */
export function splitSyzkallerFile(text: string): { headers: [string, string][]; log: string } {
  const lines = text.split("\n");
  const headers: [string, string][] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
      break;
    }
    if (line.startsWith("#")) continue;
    const m = SYZ_HEADER.exec(line);
    if (!m) {
      // No header block: the log starts at the top.
      headers.length = 0;
      i = 0;
      break;
    }
    headers.push([m[1], m[2].trim()]);
  }
  const logLines = lines.slice(i);
  const reportAt = logLines.findIndex((l, k) => l === "REPORT:" && k > 0 && logLines[k - 1].trim() === "");
  return { headers, log: (reportAt >= 0 ? logLines.slice(0, reportAt) : logLines).join("\n") };
}

export function readSyzkallerReportCases(corpusDir: string): SyzkallerReportCase[] {
  const dir = join(corpusDir, "syzkaller-report");
  return listFiles(dir).map((name) => {
    const { headers, log } = splitSyzkallerFile(readText(join(dir, name)));
    const get = (key: string) => headers.find(([k]) => k === key)?.[1];
    return {
      name,
      log,
      // `TITLE:` with nothing after it is syzkaller's way of saying "no report" too.
      title: get("TITLE") || undefined,
      alts: headers.filter(([k]) => k === "ALT").map(([, v]) => v),
      type: get("TYPE"),
      frame: get("FRAME"),
      corrupted: get("CORRUPTED") === "Y",
      panicked: get("PANICKED") === "Y",
      suppressed: get("SUPPRESSED") === "Y",
    };
  });
}

export function readSyzkallerGuiltyCases(corpusDir: string): SyzkallerGuiltyCase[] {
  const dir = join(corpusDir, "syzkaller-guilty");
  const cases: SyzkallerGuiltyCase[] = [];
  for (const name of listFiles(dir)) {
    const { headers, log } = splitSyzkallerFile(readText(join(dir, name)));
    const file = headers.find(([k]) => k === "FILE")?.[1];
    if (file) cases.push({ name, log, file });
  }
  return cases;
}

function abrtInput(dir: string, base: string): { name: string; log: string } | undefined {
  for (const candidate of [base, `${base}.test`, `${base}.template`, `${base}.test.template`]) {
    const path = join(dir, candidate);
    if (existsSync(path)) return { name: candidate, log: readText(path).replaceAll(":HOSTNAME:", TEMPLATE_HOSTNAME) };
  }
  return undefined;
}

// abrt's koops_extract_oopses(): a syslog line (`N:NN:NN` within its first 15 characters) that is not a kernel
// line and holds abrt's own `… kernel oopses to Abrt` marker means everything before it was reported already.
const SYSLOG_TIME_NEAR_START = /^.{0,13}\d:\d\d:\d\d/;
const ABRT_OWN_MARKER = "kernel oopses to Abrt";

/** The 1-based line of the last abrt marker of a log, when there is one (see `AbrtCountCase.reportedUpToLine`). */
export function abrtReportedUpToLine(log: string): number | undefined {
  let last: number | undefined;
  log.split("\n").forEach((line, i) => {
    if (line.includes(ABRT_OWN_MARKER) && !line.includes("kernel: ") && SYSLOG_TIME_NEAR_START.test(line)) last = i + 1;
  });
  return last;
}

/** `.right` files that start with abrt-dump-oops' count line; an empty `.right` means no oops. */
export function readAbrtCountCases(corpusDir: string): AbrtCountCase[] {
  const dir = join(corpusDir, "abrt-oops-examples");
  const cases: AbrtCountCase[] = [];
  for (const name of listFiles(dir).filter((n) => n.endsWith(".right"))) {
    const base = name.slice(0, -".right".length);
    const right = readText(join(dir, name));
    const countLine = /^abrt-dump-oops: Found oopses: (\d+)/.exec(right);
    if (!countLine && right.trim() !== "") continue; // a cleaned oops used for hash comparisons, not a count
    const input = abrtInput(dir, base);
    if (!input) continue;
    const versions = [...right.matchAll(/^Version: ?(.*)$/gm)].map((m) => m[1].trim());
    const reportedUpToLine = abrtReportedUpToLine(input.log);
    cases.push({ name: input.name, log: input.log, expectedCount: countLine ? Number(countLine[1]) : 0, versions, ...(reportedUpToLine ? { reportedUpToLine } : {}) });
  }
  return cases;
}

// Stated in the corpus README (from abrt's koops-parser.at).
const ABRT_VERSIONS: [string, string][] = [
  ["cut_here", "2.6.32-19.el6.x86_64"],
  ["oops-kernel-3.x.x", "3.0.0-3.fc16.i686.PAE"],
  ["koops-tainted-g", "3.1.0-0.rc9.git0.0.fc16.x86_64"],
];
const ABRT_TAINTS: [string, string | null][] = [
  ["koops-tainted-g", "G"],
  ["koops-tainted-bg1", "GB"],
  ["koops-tainted-insane", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"],
  ["koops-tainted-spaces", null],
  ["oops1", null],
];
const ABRT_HASH_PAIRS: [string, string][] = [
  ["oops4.right", "oops-same-as-oops4.right"],
  ["hash-gen-oops6.right", "hash-gen-same-as-oops6.right"],
  ["nmi_oops_hash.test", "nmi_oops_hash.right"],
];

export function readAbrtVersionCases(corpusDir: string): AbrtVersionCase[] {
  const dir = join(corpusDir, "abrt-oops-examples");
  return ABRT_VERSIONS.flatMap(([base, version]) => {
    const input = abrtInput(dir, base);
    return input ? [{ ...input, version }] : [];
  });
}

export function readAbrtTaintCases(corpusDir: string): AbrtTaintCase[] {
  const dir = join(corpusDir, "abrt-oops-examples");
  return ABRT_TAINTS.flatMap(([base, taint]) => {
    const input = abrtInput(dir, base);
    return input ? [{ ...input, taint }] : [];
  });
}

export function readAbrtHashPairs(corpusDir: string): AbrtHashPair[] {
  const dir = join(corpusDir, "abrt-oops-examples");
  return ABRT_HASH_PAIRS.flatMap(([a, b]) => {
    const left = abrtInput(dir, a);
    const right = abrtInput(dir, b);
    return left && right ? [{ a: left, b: right }] : [];
  });
}

const nullable = (v: string | undefined): string | null => (v === undefined || v === "NULL" ? null : v);

/** Rows of README.txt's table: `file | first | last | frames | taints | modules [| special first | special last]`. */
export function readSatyrCases(corpusDir: string): SatyrCase[] {
  const dir = join(corpusDir, "satyr-koops");
  const readme = join(dir, "README.txt");
  if (!existsSync(readme)) return [];
  const cases: SatyrCase[] = [];
  for (const row of readText(readme).split("\n")) {
    const cols = row.split("|").map((c) => c.trim());
    if (cols.length < 6 || !/^\d+$/.test(cols[3] ?? "")) continue;
    const path = join(dir, cols[0]);
    if (!existsSync(path)) continue;
    cases.push({
      name: cols[0],
      log: readText(path),
      firstFunction: nullable(cols[1]),
      lastFunction: nullable(cols[2]),
      frameCount: Number(cols[3]),
      taintCount: Number(cols[4]),
      moduleCount: Number(cols[5]),
      firstSpecialStack: cols.length > 6 ? nullable(cols[6]) : undefined,
      lastSpecialStack: cols.length > 7 ? nullable(cols[7]) : undefined,
    });
  }
  return cases;
}

type FafJson = {
  problem?: {
    raw_oops?: string;
    version?: string;
    taint_flags?: string[];
    modules?: string[];
    frames?: { function_name?: string; reliable?: boolean; module_name?: string; function_offset?: number; function_length?: number }[];
  };
};

export function readFafCases(corpusDir: string): FafCase[] {
  const dir = join(corpusDir, "faf-ureport-koops");
  const cases: FafCase[] = [];
  for (const name of listFiles(dir).filter((n) => n.endsWith(".json"))) {
    let parsed: FafJson;
    try {
      parsed = JSON.parse(readFileSync(join(dir, name), "utf8")) as FafJson;
    } catch {
      continue;
    }
    const problem = parsed.problem;
    if (!problem?.raw_oops) continue;
    cases.push({
      name,
      log: problem.raw_oops.replace(/\r/g, ""),
      version: problem.version ?? "",
      taintFlags: problem.taint_flags ?? [],
      modules: problem.modules ?? [],
      frames: (problem.frames ?? []).map((f) => ({
        function: f.function_name ?? "",
        reliable: f.reliable ?? true,
        module: f.module_name,
        offset: f.function_offset,
        length: f.function_length,
      })),
    });
  }
  return cases;
}

/** One `EXPECT:` line of a `testdata/real` file (see testdata/real/README.md). */
export type RealExpectation = {
  kind: string;
  title?: string;
  frame?: string;
  /** The release as written in the log. */
  release?: string;
  /** `release=inferred:X`: the release comes only from the next boot's banner. */
  releaseInferred?: boolean;
  /** A KB entry id, or `none-fits`. */
  kb?: string;
  kbProposed?: string;
  count?: number;
};

/** A `testdata/real/<class>/<file>.log`: the expectation header and the log bytes as posted (CRLF and all). */
export type RealCase = {
  /** Path relative to the corpus root, with `/` separators: the held-out split hashes it. */
  name: string;
  /** The class folder. */
  folder: string;
  url?: string;
  format?: string;
  distro?: string;
  context?: string;
  conclusion?: string;
  /** Empty for `EXPECT: none`. */
  expectations: RealExpectation[];
  expectsNone: boolean;
  heldOut: boolean;
  log: Uint8Array;
  /** Header lines that were not understood (a typo must not silently drop an expectation). */
  headerErrors: string[];
};

/** SHA-1 of the path relative to testdata/real: a first byte below 86 (about a third) is held out. */
export function isHeldOut(relativePath: string): boolean {
  return createHash("sha1").update(relativePath).digest()[0] < 86;
}

const REAL_HEADER = /^([A-Z][A-Z-]*):\s?(.*)$/;
const REAL_KEYS = new Set(["URL", "FORMAT", "DISTRO", "CONTEXT", "CONCLUSION", "EXPECT", "NOTE"]);

/** `kind=bug | title=… | release=inferred:6.1.1` → fields (a title may hold ` = ` but never ` | `). */
export function parseExpectLine(value: string): { expectation?: RealExpectation; none?: boolean; error?: string } {
  if (value.trim() === "none") return { none: true };
  const fields = new Map<string, string>();
  for (const part of value.split(" | ")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return { error: `field without "=": ${part}` };
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const kind = fields.get("kind");
  if (!kind) return { error: "EXPECT without kind=" };
  const e: RealExpectation = { kind };
  const title = fields.get("title");
  if (title) e.title = title;
  const frame = fields.get("frame");
  if (frame) e.frame = frame;
  const release = fields.get("release");
  if (release) {
    if (release.startsWith("inferred:")) {
      e.release = release.slice("inferred:".length);
      e.releaseInferred = true;
    } else e.release = release;
  }
  const kb = fields.get("kb");
  if (kb) e.kb = kb;
  const proposed = fields.get("kb-proposed");
  if (proposed) e.kbProposed = proposed;
  const count = fields.get("count");
  if (count) {
    if (!/^\d+$/.test(count)) return { error: `count is not a number: ${count}` };
    e.count = Number(count);
  }
  const unknown = [...fields.keys()].filter((k) => !["kind", "title", "frame", "release", "kb", "kb-proposed", "count"].includes(k));
  if (unknown.length > 0) return { expectation: e, error: `unknown field(s): ${unknown.join(", ")}` };
  return { expectation: e };
}

/** The header block ends at the first empty line (`\n\n` or `\r\n\r\n`); the log keeps its bytes as posted. */
export function splitRealFile(bytes: Uint8Array): { header: string[]; log: Uint8Array } {
  let end = -1;
  let logStart = bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 10) continue;
    const next = bytes[i + 1] === 13 ? i + 2 : i + 1;
    if (bytes[next] === 10) {
      end = i;
      logStart = next + 1;
      break;
    }
  }
  const headerText = new TextDecoder().decode(bytes.subarray(0, end === -1 ? bytes.length : end));
  return { header: headerText.split("\n").map((l) => l.replace(/\r$/, "")), log: bytes.subarray(logStart) };
}

function walkLogs(dir: string, rel = ""): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const relPath = rel ? `${rel}/${name}` : name;
    if (statSync(path).isDirectory()) out.push(...walkLogs(path, relPath));
    else if (name.endsWith(".log")) out.push(relPath);
  }
  return out;
}

/** Every `*.log` under `root` (testdata/real), with its expectations and its side of the held-out split. */
export function readRealCases(root: string): RealCase[] {
  return walkLogs(root).map((name) => {
    const { header, log } = splitRealFile(readFileSync(join(root, name)));
    const c: RealCase = {
      name,
      folder: name.includes("/") ? name.slice(0, name.indexOf("/")) : "",
      expectations: [],
      expectsNone: false,
      heldOut: isHeldOut(name),
      log,
      headerErrors: [],
    };
    for (const line of header) {
      const m = REAL_HEADER.exec(line);
      if (!m || !REAL_KEYS.has(m[1])) {
        c.headerErrors.push(`not a header line: ${line.slice(0, 80)}`);
        continue;
      }
      const value = m[2].trim();
      if (m[1] === "URL") c.url = value;
      else if (m[1] === "FORMAT") c.format = value;
      else if (m[1] === "DISTRO") c.distro = value;
      else if (m[1] === "CONTEXT") c.context = value;
      else if (m[1] === "CONCLUSION") c.conclusion = value;
      else if (m[1] === "EXPECT") {
        const parsed = parseExpectLine(value);
        if (parsed.none) c.expectsNone = true;
        if (parsed.expectation) c.expectations.push(parsed.expectation);
        if (parsed.error) c.headerErrors.push(`EXPECT: ${parsed.error}`);
      }
    }
    if (!c.expectsNone && c.expectations.length === 0) c.headerErrors.push("no EXPECT line");
    return c;
  });
}
