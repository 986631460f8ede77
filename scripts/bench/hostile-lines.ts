/**
 * `npm run bench:hostile [-- --lines N] [--check] [--max-ratio R]`: the CPU cost of hostile lines, one family per
 * needle of the scanner's prefilter. Each family is N lines of 16,384 characters (ingest's cut) that repeat one
 * needle's literal (`XFS ( a XFS ( a …`): every start of every rule that begins with that literal, none finishing.
 * A rule whose pattern rescans the rest of the line from each start is quadratic on such a line; found this way:
 * the `WARNING:.*<file>` title formats (~1–2 s a line), the prefilter's confirmation of `PID: ` (decoded the whole
 * line per start, ~40 ms) and the filesystem rows' unbounded `([^)]+)` device (~35 ms).
 *
 * Prints CPU ms per line for the costliest families and their ratio to a line with no needle in it, measured in the
 * same process (the engine warm: a first pass over every family is not counted; each family's cheaper of two runs,
 * the plain line over ten times as many lines). `--check` exits 1 when a family costs more than `--max-ratio`
 * (default 300) times the plain line: a ratio, so a loaded machine slows both sides — but not evenly: a plain line
 * is mostly the automaton's walk, so on a quiet machine it is cheaper and the ratios higher. Today's costliest
 * families are ~30–50× on a loaded box and up to ~85× on a quiet one (report windows and title formats over 1 KiB
 * of text); the quadratic rules above were ~400× to 30,000×.
 *
 * The ratio alone let a quadratic rule through on a loaded box (the inotify ENOSPC rule: 161× here, 395× on CI's
 * quieter one), so every family above `--growth-floor` (default 20×) is also timed on the same bytes cut into lines
 * of a quarter the length: a linear rule costs about the same either way, a quadratic one four times as much in the long lines.
 * `--check` also fails a family whose full-length lines cost more than `--max-growth` (default 2.5) times its
 * quarter-length lines — the shape of the curve, not a speed, so load mostly cancels (best of three runs each).
 */
import { HOT_PLAN } from "../../lib/engine/scan/scan-input";
import { triage } from "../../lib/engine/triage";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const LINE_CHARS = 16_384;
const LINES = arg("lines", 10);
const MAX_RATIO = arg("max-ratio", 300);
const GROWTH_FLOOR = arg("growth-floor", 20);
const MAX_GROWTH = arg("max-growth", 2.5);

function hostileLog(literal: string, lines = LINES, chars = LINE_CHARS): Buffer {
  const unit = `${literal} a `;
  const line = `[    1.000000] ${unit.repeat(Math.ceil(chars / unit.length))}`.slice(0, chars);
  return Buffer.from(`${line}\n`.repeat(lines), "latin1");
}

async function cpuMsPerLine(log: Buffer, lines: number, runs = 2): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const before = process.cpuUsage();
    await triage([{ name: "hostile.log", data: log }]);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000 / lines);
  }
  return best;
}

async function main() {
  const literals = [...new Set(HOT_PLAN.needles.map((n) => n.literal))];
  const families = [
    { literal: "plain words", log: hostileLog("quiet words", 10 * LINES), lines: 10 * LINES },
    ...literals.map((literal) => ({ literal, log: hostileLog(literal), lines: LINES })),
  ];
  for (const f of families) await triage([{ name: "warm.log", data: f.log.subarray(0, LINE_CHARS + 1) }]);
  const costs: { literal: string; ms: number }[] = [];
  for (const f of families) costs.push({ literal: f.literal, ms: await cpuMsPerLine(f.log, f.lines) });
  const plain = costs[0].ms;
  const ranked = costs.slice(1).sort((a, b) => b.ms - a.ms);
  console.log(`hostile lines: ${literals.length} needle families × ${LINES} lines of ${LINE_CHARS} chars; a plain line costs ${plain.toFixed(2)} ms of CPU`);
  for (const c of ranked.slice(0, 15)) console.log(`  ${c.ms.toFixed(2).padStart(8)} ms/line  ${(c.ms / plain).toFixed(1).padStart(6)}×  ${JSON.stringify(c.literal)}`);
  const over = ranked.filter((c) => c.ms > MAX_RATIO * plain);
  const steep: string[] = [];
  for (const c of ranked.filter((r) => r.ms > GROWTH_FLOOR * plain)) {
    const lines = 4 * LINES;
    const full = await cpuMsPerLine(hostileLog(c.literal, lines), 1, 3);
    const quarter = await cpuMsPerLine(hostileLog(c.literal, 4 * lines, LINE_CHARS / 4), 1, 3);
    const growth = full / quarter;
    console.log(`  ${growth.toFixed(2).padStart(5)}× the cost of the same bytes in ${LINE_CHARS / 4}-char lines  ${JSON.stringify(c.literal)}`);
    if (growth > MAX_GROWTH) steep.push(c.literal);
  }
  if (process.argv.includes("--check")) {
    if (over.length) {
      console.error(`--check: ${over.length} famil${over.length === 1 ? "y" : "ies"} above ${MAX_RATIO}× a plain line: ${over.map((c) => JSON.stringify(c.literal)).join(", ")}`);
      process.exitCode = 1;
    }
    if (steep.length) {
      console.error(`--check: ${steep.length} famil${steep.length === 1 ? "y" : "ies"} cost more than ${MAX_GROWTH}× in full-length lines than in quarter-length ones (quadratic): ${steep.map((l) => JSON.stringify(l)).join(", ")}`);
      process.exitCode = 1;
    }
    if (!over.length && !steep.length) console.log(`--check: every family within ${MAX_RATIO}× a plain line and linear in the line's length`);
  }
}

await main();
