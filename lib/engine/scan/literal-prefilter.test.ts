import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLASSES, CRASH_PANIC_CLASS, REPORT_PREFILTER } from "../report/classes";
import { escapeRegExp, LiteralPrefilter, literalPrefix, planPrefilter, splitAlternatives, WORD_START_SOURCE } from "./literal-prefilter";
import { EVENT_NEEDLES } from "./scan-input";
import { instantiateShiftOr, shiftOrModuleBytes } from "./shift-or-wasm";

/** What the scanner used before: one regex of every alternative, tried line by line here. */
const ORACLE = new RegExp([REPORT_PREFILTER.source.replaceAll("\\b", WORD_START_SOURCE), ...EVENT_NEEDLES.map(escapeRegExp)].join("|"));
/** The bytes whose latin1 view is `text` (test texts keep to one byte per char). */
const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const plan = planPrefilter([REPORT_PREFILTER], EVENT_NEEDLES);
const wasm = new LiteralPrefilter(plan);
const noWasm = new LiteralPrefilter(plan, false);

/** Line numbers that `find` marks hot, from hit positions. */
function hotLines(prefilter: LiteralPrefilter, text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const lines = new Set<number>();
  for (const hit of prefilter.find(bytesOf(text), 0, text.length)) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= hit) lo = mid;
      else hi = mid - 1;
    }
    lines.add(lo);
  }
  return [...lines].sort((a, b) => a - b);
}

function oracleLines(text: string): number[] {
  return text
    .split("\n")
    .map((line, i) => (ORACLE.test(line) ? i : -1))
    .filter((i) => i >= 0);
}

describe("literal prefilter: derived from the tables", () => {

  it("a plan names the literals its patterns gave, each once, whatever plain literals were added", () => {
    const patternsAlone = planPrefilter([REPORT_PREFILTER], []);
    expect(plan.patternLiterals.length).toBe(new Set(plan.patternLiterals).size);
    expect(new Set(plan.patternLiterals)).toEqual(new Set(patternsAlone.needles.map((n) => n.literal)));
    expect(planPrefilter([], ["BUG: "]).patternLiterals).toEqual([]);
  });
  it("splits top-level alternatives only and takes literal prefixes", () => {
    expect(splitAlternatives("a|b\\|c|(?:d|e)f|[|]g")).toEqual(["a", "b\\|c", "(?:d|e)f", "[|]g"]);
    expect(literalPrefix("Booting the kernel\\.")).toEqual({ literal: "Booting the kernel.", exact: true });
    expect(literalPrefix("PID: \\d+ +TASK: ")).toEqual({ literal: "PID: ", exact: false });
    expect(literalPrefix("Call [Tt]race")).toEqual({ literal: "Call ", exact: false });
    expect(literalPrefix("abc?d")).toEqual({ literal: "ab", exact: false });
    expect(literalPrefix("\\bBUG")).toEqual({ literal: "BUG", exact: true, wordStart: true });
    expect(literalPrefix("\\b:x")).toEqual({ literal: "", exact: false });
  });

  it("covers every class header, so a class added to the table is found without touching the scanner", () => {
    for (const cls of [...CLASSES, CRASH_PANIC_CLASS]) {
      const text = `Aug 13 15:59:23 w01 kernel: ${cls.header} tail\n`;
      // A window-only header is read in the window its report's `dump_stack` frame opens, and is no needle itself.
      if (cls.windowOnly) expect(wasm.find(bytesOf(text), 0, text.length), cls.id).toEqual([]);
      else expect(wasm.find(bytesOf(text), 0, text.length).length, cls.id).toBeGreaterThan(0);
    }
    expect(CLASSES.some((c) => c.windowOnly)).toBe(true);
    const frame = "Aug 13 15:59:23 w01 kernel:  dump_stack_lvl+0x47/0x60\n";
    expect(wasm.find(bytesOf(frame), 0, frame.length).length).toBeGreaterThan(0);
    const added = new LiteralPrefilter(planPrefilter([new RegExp(`${REPORT_PREFILTER.source}|Brand new header`)], []));
    const text = "x\nkernel: Brand new header here\ny\n";
    expect(added.find(bytesOf(text), 0, text.length)).toEqual([text.indexOf("Brand")]);
  });

  it("confirms a pattern's literal prefix with the pattern, and runs prefix-less alternatives as a regex", () => {
    const p = new LiteralPrefilter(planPrefilter([/PID: \d+ +TASK: |^\[oops\]|x{3}/], []));
    const text = "CPU: 3 PID: 0 Comm: swapper\nPID: 12   TASK: ffff\n[oops] at start\nyyxxx\n";
    expect(p.find(bytesOf(text), 0, text.length)).toEqual([text.indexOf("PID: 12"), text.indexOf("[oops]"), text.indexOf("xxx")]);
  });

  it("keeps a pattern whose flags change literal matching (i) a regex", () => {
    const p = new LiteralPrefilter(planPrefilter([/kernel bug/i], ["Oops"]));
    const text = "x\nKERNEL BUG here\nOops\n";
    expect(p.find(bytesOf(text), 0, text.length)).toEqual([2, text.indexOf("Oops")]);
  });

  it("fires a word-start needle (`\\bBUG`) only where a word starts, with and without WebAssembly", () => {
    const lines = [
      "2024-08-13 15:58:01,123 DEBUG [pool-3-thread-7] c.e.OrderService - loaded", // DEBUG is no BUG
      "python3[2021]: DEBUG:urllib3.connectionpool:GET /v2 200",
      "python3[2021]: WARNING:urllib3.connectionpool:Retrying; rmt_storage:INFO:main: Done", // no space: not the kernel's
      "kernel: CONFIG_DEBUG_BUGVERBOSE is not set; WARN_ON_BUG", // glued by `_`
      "kernel: BUG: unable to handle page fault for address: 0000000000000008",
      "[  12.345678] kernel BUG at mm/slub.c:4230!",
      "BUG: KASAN: use-after-free in tcp_v4_rcv+0x1d/0x20", // at the line start
      "[  12.345678] \x1b[1m\x1b[31mBUG: soft lockup - CPU#3 stuck for 22s!\x1b[0m", // dmesg --color
      "Aug 13 15:58:01 w01 kernel: [  1.0]3mBUG: not after a plain `3m`",
      "[   44.870467] kasan: GPF could be caused by NULL-ptr deref or user memory accessgeneral protection fault: 0000", // interleaved: long headers need no word start
    ];
    const text = lines.join("\n") + "\n";
    const expected = [4, 5, 6, 7, 9];
    expect(hotLines(wasm, text)).toEqual(expected);
    expect(hotLines(noWasm, text)).toEqual(expected);
    expect(oracleLines(text)).toEqual(expected);
    // The automaton itself rejects `DEBUG`: no candidate reaches the byte comparison.
    const onlyBug = new LiteralPrefilter(planPrefilter([/\bBUG/], []));
    const debug = bytesOf("2024-08-13 15:58:01,123 DEBUG [main] x\n".repeat(1000));
    expect(onlyBug.find(debug, 0, debug.length)).toEqual([]);
    expect(onlyBug.candidates).toBe(0);
    const bugs = bytesOf("kernel: BUG: x\n".repeat(1000));
    expect(onlyBug.find(bugs, 0, bugs.length).length).toBe(1000);
  });

  it("places needles so that common log words die in the automaton (buckets weighed by how often their bytes occur)", () => {
    // Each of these once made a candidate per line: its letters fit the union of a loose bucket's lanes.
    const prefilter = new LiteralPrefilter(planPrefilter([REPORT_PREFILTER], EVENT_NEEDLES));
    const noise = bytesOf(
      [
        'Aug 13 15:58:01 w01 containerd[980]: time="2024-08-13T15:58:01.100203Z" level=info msg="shim disconnected" id=42 namespace=k8s.io',
        "Aug 13 15:58:01 w01 kernel: device veth42 entered promiscuous mode",
      ]
        .join("\n")
        .concat("\n")
        .repeat(500),
    );
    expect(prefilter.find(noise, 0, noise.length)).toEqual([]);
    // `kernel: ` itself still passes one bucket (its letters and `int3: `'s `: ` meet there): at most one per line.
    expect(prefilter.candidates).toBeLessThanOrEqual(500);
  });

  it("matches a needle on its rarest bytes, not on a common first word (`systemd`, `kernel `)", () => {
    const p = new LiteralPrefilter(planPrefilter([], ["systemd-coredump[", "kernel BUG at"]));
    const noise = bytesOf("Aug 13 15:58:01 w01 systemd[1]: Started Session 4.\nAug 13 15:58:01 w01 kernel: device veth1 up\n".repeat(200));
    expect(p.find(noise, 0, noise.length)).toEqual([]);
    expect(p.candidates).toBeLessThanOrEqual(10);
    // Found wherever they start: at the range's first byte, on an odd or an even position, one byte before the end.
    for (const text of ["systemd-coredump[9]\n", "x systemd-coredump[9]\n", "xy kernel BUG at a\n", "kernel BUG at\n"]) {
      const bytes = bytesOf(text);
      const at = Math.min(...["systemd-coredump[", "kernel BUG at"].map((n) => text.indexOf(n)).filter((i) => i >= 0));
      expect(p.find(bytes, 0, bytes.length), text).toEqual([at]);
    }
  });

  it("is a valid WebAssembly module, small enough to compile synchronously in a browser (Chrome: ≤ 4 KB)", () => {
    const bytes = shiftOrModuleBytes();
    expect(WebAssembly.validate(bytes as BufferSource)).toBe(true);
    expect(bytes.length).toBeLessThanOrEqual(4096);
  });
});

describe("literal prefilter: same hot lines as the regex it replaces", () => {
  const literals = [...new Set(plan.needles.map((n) => n.literal))];
  const fragment = fc.oneof(
    fc.constantFrom(...literals),
    // Near misses: a needle cut short or with one byte changed.
    fc.constantFrom(...literals).chain((l) => fc.nat(l.length - 1).map((k) => l.slice(0, k) + "\u00e9" + l.slice(k + 1))),
    fc.constantFrom(...literals).map((l) => l.slice(0, -1)),
    fc.constantFrom("PID: 42  TASK: ", "PID: x TASK: ", "\n", " ", "Aug 13 15:59:23 w01 kernel: ", "\u00ff\u0080"),
    fc.string({ maxLength: 12 }).map((s) => s.replace(/[^\x00-\xff]/g, "?")),
  );

  it("on random lines mixing needles, near misses and noise (with and without WebAssembly)", () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), (parts) => {
        const text = parts.join("") + "\n";
        const expected = oracleLines(text);
        expect(hotLines(wasm, text)).toEqual(expected);
        expect(hotLines(noWasm, text)).toEqual(expected);
        const lineEnds = [...text].flatMap((c, i) => (c === "\n" ? [i] : []));
        expect([...wasm.scan(bytesOf(text), 0, text.length).lineEnds]).toEqual(lineEnds);
        expect([...noWasm.scan(bytesOf(text), 0, text.length).lineEnds]).toEqual(lineEnds);
      }),
      { numRuns: 400 },
    );
  });

  it("on the project's crash logs (testdata/logs)", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    const logs = files(join(__dirname, "../../../testdata/logs"));
    expect(logs.length).toBeGreaterThan(0);
    let hot = 0;
    for (const file of logs) {
      const text = readFileSync(file).toString("latin1");
      const expected = oracleLines(text);
      expect(hotLines(wasm, text), file).toEqual(expected);
      hot += expected.length;
    }
    expect(hot).toBeGreaterThan(logs.length);
  });

  it("finds every hit when every line has one (the output holds a candidate per byte)", () => {
    const text = "BUG: x\n".repeat(10_000) + "Oops\n";
    const hits = wasm.find(bytesOf(text), 0, text.length);
    expect(hits.length).toBe(10_001);
    expect(hits[10_000]).toBe(text.length - 5);
  });

  it("a line of many unconfirmed starts of a needle, then a confirmed one: each line is read once and still hot", () => {
    // `PID: ` is confirmed by the rest of crash's `PID: n  TASK: ` line; the line is decoded once, not once per start.
    const text = `${"PID: x ".repeat(3000)}PID: 42  TASK: \nPID: 1  TASK: \n${"PID: y ".repeat(3000)}\nquiet\n`;
    for (const prefilter of [wasm, noWasm]) expect(hotLines(prefilter, text)).toEqual([0, 1]);
  });

  it("only looks inside [from, to)", () => {
    const text = "kernel BUG at x\nquiet\nOops: 0002\n";
    const bytes = bytesOf(text);
    const quiet = text.indexOf("quiet");
    expect(wasm.find(bytes, quiet, text.length)).toEqual([text.indexOf("Oops")]);
    // Line ends inside the range only, as positions in `bytes`.
    expect([...wasm.scan(bytes, 0, quiet).lineEnds]).toEqual([quiet - 1]);
    expect([...wasm.scan(bytes, quiet, text.length).lineEnds]).toEqual([text.indexOf("\nOops"), text.length - 1]);
    // "kernel BUG" and "BUG" both start in the first line.
    expect(wasm.find(bytes, 0, quiet)).toEqual([0, text.indexOf("BUG")]);
  });
});

describe("the WebAssembly module", () => {
  it("compiles where WebAssembly exists (a broken module throws instead of falling back to JS unseen)", () => {
    const instance = instantiateShiftOr();
    expect(instance).toBeDefined();
    expect(typeof instance?.scan).toBe("function");
  });
});

describe("prefilter tables computed at build time", () => {
  const sample = [
    "kernel: BUG: soft lockup - CPU#3 stuck for 22s! [kworker/3:1:123]",
    "java[3311]: 2024-08-13 15:58:01,123 DEBUG [pool-3-thread-1] loaded order",
    "kernel: \x1b[31mWARNING: CPU: 1 PID: 2 at net/core/dev.c:1 f+0x1/0x2",
    "kernel: nf_conntrack: table full, dropping packet",
    "systemd[1]: Started Session 4 of User root.",
  ].join("\n");

  it("a prefilter built from stored tables has the same tables and the same hits", () => {
    const stored = JSON.parse(JSON.stringify(wasm.tables()));
    const restored = new LiteralPrefilter(plan, true, stored);
    expect(restored.tables()).toEqual(wasm.tables());
    expect(hotLines(restored, sample)).toEqual(hotLines(wasm, sample));
    expect(hotLines(restored, sample)).toEqual(oracleLines(sample));
  });

  it("tables of another plan are ignored and computed again", () => {
    const other = planPrefilter([REPORT_PREFILTER], [...EVENT_NEEDLES, "a needle added after the build"]);
    const stale = { ...wasm.tables() };
    const rebuilt = new LiteralPrefilter(other, true, stale);
    expect(rebuilt.tables().key).not.toBe(stale.key);
    expect(rebuilt.tables()).toEqual(new LiteralPrefilter(other).tables());
    expect(hotLines(rebuilt, "x: a needle added after the build\n" + sample)).toContain(0);
  });
});
