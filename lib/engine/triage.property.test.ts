import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyIngestStats } from "./ingest/read-lines";
import { scanInput } from "./scan/scan-input";
import { triage } from "./triage";
import type { Incident } from "./types";

const enc = new TextEncoder();

// A composed log that touches every stage: syslog kernel BUG + panic + reboot banner, a kubelet klog line,
// wall-format refcount waits, SLUB child cache block, dmesg with uptime reset, a kdump capture boot, a Go panic.
const BASE = [
  'Aug 13 15:59:21 w01 kubelet[1432]: I0813 15:59:21.100203    1432 kubelet_getters.go:182] "Pod status updated"',
  "Aug 13 15:59:23 w01 kernel: ------------[ cut here ]------------",
  "Aug 13 15:59:23 w01 kernel: kernel BUG at net/core/skbuff.c:4230!",
  "Aug 13 15:59:23 w01 kernel: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI",
  "Aug 13 15:59:23 w01 kernel: CPU: 12 PID: 0 Comm: swapper/12 Kdump: loaded Not tainted 6.1.1-1.el9.elrepo.x86_64 #1",
  "Aug 13 15:59:23 w01 kernel: RIP: 0010:skb_segment+0xbc8/0xf20",
  "Aug 13 15:59:23 w01 kernel: Call Trace:",
  "Aug 13 15:59:23 w01 kernel: <IRQ>",
  "Aug 13 15:59:23 w01 kernel: tcp_gso_segment+0x107/0x540",
  "Aug 13 15:59:23 w01 kernel: inet_gso_segment+0x15c/0x3d0",
  "Aug 13 15:59:23 w01 kernel: </IRQ>",
  "Aug 13 15:59:23 w01 kernel: Kernel panic - not syncing: Fatal exception in interrupt",
  "Aug 13 16:00:30 w01 kernel: Linux version 6.1.1-1.el9.elrepo.x86_64 (mockbuild@x) (gcc (GCC) 11.3.1) #1 SMP PREEMPT_DYNAMIC Tue Dec 20 09:27:32 EST 2022",
  "Aug 13 16:00:30 w01 kernel: Command line: BOOT_IMAGE=/vmlinuz ro crashkernel=1G-4G:192M,4G-64G:256M",
  "Message from syslogd@w01 at Aug 13 17:43:49 ...",
  " kernel:unregister_netdevice: waiting for cli-veth to become free. Usage count = 1",
  "Aug 13 18:00:00 w01 kernel: SLUB: Unable to allocate memory on node -1 (gfp=0xd0)",
  "Aug 13 18:00:00 w01 kernel:  cache: sock_inode_cache(158:abc), object size: 632, buffer size: 640, default order: 3, min order: 0",
  "Aug 13 18:00:00 w01 kernel:  node 0: slabs: 8, objs: 363, free: 0",
  "[  500.000000] eth0: link down",
  "[    0.000000] Linux version 5.15.0-91-generic (buildd@lcy02) (gcc) #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023",
  "[    0.000000] Command line: BOOT_IMAGE=/vmlinuz ro nr_cpus=1 elfcorehdr=2998216K",
  "[    6.102229] Out of memory and no killable processes...",
  "[    6.102231] Kernel panic - not syncing: System is deadlocked on memory",
  'level=info msg="Cilium 1.15.0 5f4d5c7 2024-01-31T10:28:19+01:00 go version go1.21.6 linux/amd64" subsys=daemon',
  "panic: runtime error: index out of range [3] with length 0",
  "",
  "goroutine 1 [running]:",
  "github.com/cilium/cilium/pkg/byteorder.NetIPv4ToHost32({0x0?, 0xc003bf8120?, 0x394decb?})",
  "\t/go/src/github.com/cilium/cilium/pkg/byteorder/byteorder.go:15 +0x65",
];

const KINDS = new Set([
  "bug", "oops", "panic", "gpf", "null-deref", "paging-fault", "warning", "soft-lockup", "hard-lockup", "hung-task",
  "rcu-stall", "kasan", "kmsan", "kcsan", "kfence", "ubsan", "lockdep", "memory-leak", "oom", "mce", "netdev-refcount",
  "route-cache-full", "slab-alloc-failure", "page-alloc-failure", "conntrack-full", "neighbour-overflow", "fs-error",
  "io-error", "kdump-failure", "go-panic", "pleg-unhealthy", "other",
]);

function checkWellFormed(inc: Incident, names: string[]): void {
  expect(inc.schemaVersion).toBe(1);
  // A rule that threw on this input is a bug even when the rest of the incident looks fine.
  expect(inc.warnings ?? []).toEqual([]);
  expect(inc.inputs.map((i) => i.name)).toEqual(names);
  const maxLine = Math.max(0, ...inc.inputs.map((i) => i.lines));
  inc.findings.forEach((f, i) => {
    expect(f.id).toBe(`f${i + 1}`);
    expect(KINDS.has(f.kind), f.kind).toBe(true);
    expect(typeof f.title).toBe("string");
    expect(f.title.length).toBeGreaterThan(0);
    expect(f.signature).toMatch(/^[0-9a-f]{16}$/);
    expect(names).toContain(f.source.file);
    expect(f.source.line).toBeGreaterThanOrEqual(1);
    expect(f.source.line).toBeLessThanOrEqual(maxLine);
    if (f.source.endLine !== undefined) expect(f.source.endLine).toBeGreaterThanOrEqual(f.source.line);
    expect(Array.isArray(f.frames) && Array.isArray(f.altTitles) && Array.isArray(f.report)).toBe(true);
    for (const fr of f.frames) expect(typeof fr.function === "string" && typeof fr.reliable === "boolean").toBe(true);
    if (f.time !== undefined) expect(Number.isNaN(Date.parse(f.time))).toBe(false);
    if (f.bootId !== undefined) expect(inc.boots.some((b) => b.id === f.bootId)).toBe(true);
  });
  inc.boots.forEach((b, i) => expect(b.id).toBe(`b${i + 1}`));
  for (const e of inc.events) {
    expect(names).toContain(e.source.file);
    if (e.findingId) expect(inc.findings.some((f) => f.id === e.findingId)).toBe(true);
    if (e.time !== undefined) expect(Number.isNaN(Date.parse(e.time))).toBe(false);
  }
  // The document survives JSON (no undefined-in-array, no cycles, no NaN).
  const round = JSON.parse(JSON.stringify(inc)) as Incident;
  expect(round.findings.length).toBe(inc.findings.length);
  expect(JSON.stringify(inc)).not.toMatch(/\bNaN\b|Infinity/);
}

type Mutation =
  | { op: "insert"; at: number; line: string }
  | { op: "delete"; at: number }
  | { op: "duplicate"; at: number; times: number }
  | { op: "swap"; at: number; other: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), line: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom(...BASE)) }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("duplicate" as const), at: fc.nat(), times: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant("swap" as const), at: fc.nat(), other: fc.nat() }),
);

function mutate(lines: string[], muts: Mutation[]): string[] {
  const out = [...lines];
  for (const m of muts) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.op === "insert") out.splice(at, 0, m.line);
    else if (m.op === "delete") out.splice(at, 1);
    else if (m.op === "duplicate" && out.length) out.splice(at, 0, ...Array<string>(m.times).fill(out[at]));
    else if (m.op === "swap" && out.length) {
      const o = m.other % out.length;
      [out[at], out[o]] = [out[o], out[at]];
    }
  }
  return out;
}

describe("triage (property)", () => {
  it("never throws on random bytes and returns a well-formed incident", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        const inc = await triage([{ name: "r", data: bytes }]);
        checkWellFormed(inc, ["r"]);
      }),
      { numRuns: 40 },
    );
  });

  it("never throws on line mutations of a real log (insert, delete, duplicate, swap)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { maxLength: 25 }), async (muts) => {
        const lines = mutate(BASE, muts);
        const inc = await triage([{ name: "m", data: enc.encode(lines.join("\n")) }]);
        checkWellFormed(inc, ["m"]);
      }),
      { numRuns: 40 },
    );
  });

  it("never throws on byte flips and truncation, plain or gzip-looking", async () => {
    const base = enc.encode(BASE.join("\n") + "\n");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
        fc.nat(),
        fc.boolean(),
        async (flips, cut, gzipMagic) => {
          const bytes = base.slice(0, base.length - (cut % base.length));
          for (const [at, v] of flips) if (bytes.length) bytes[at % bytes.length] = v;
          if (gzipMagic && bytes.length > 2) bytes.set([0x1f, 0x8b]);
          const inc = await triage([{ name: "a", data: bytes }, { name: "b", data: enc.encode(BASE.join("\r\n")) }]);
          checkWellFormed(inc, ["a", "b"]);
          // The intact second input still yields its findings whatever happened to the first.
          expect(inc.findings.some((f) => f.source.file === "b" && f.title === "kernel BUG in skb_segment")).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("gives the same incident whether the bytes come as one buffer or in arbitrary chunks (plain or gzip)", async () => {
    const text = enc.encode(BASE.join("\n") + "\n" + BASE.join("\r\n"));
    const strip = (inc: Incident) => JSON.stringify({ ...inc, stats: { ...inc.stats, elapsedMs: 0 } });
    const expected = strip(await triage([{ name: "c", data: text }]));
    const gz = gzipSync(text);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 8 }), fc.boolean(), async (sizes, compressed) => {
        const bytes = compressed ? gz : text;
        async function* chunks() {
          for (let pos = 0, k = 0; pos < bytes.length; k++) {
            const n = sizes[k % sizes.length];
            yield bytes.slice(pos, pos + n);
            pos += n;
          }
        }
        const got = JSON.parse(strip(await triage([{ name: "c", data: chunks() }]))) as Incident;
        const want = JSON.parse(expected) as Incident;
        expect(got.findings).toEqual(want.findings);
        expect(got.boots).toEqual(want.boots);
        expect(got.events).toEqual(want.events);
        expect(got.hosts).toEqual(want.hosts);
        expect(got.inputs[0].lines).toBe(want.inputs[0].lines);
      }),
      { numRuns: 30 },
    );
  });

  /** Copies of BASE with rotating host names: each copy adds crashes, reboots, a kdump capture boot, a Go panic. */
  const copies = (n: number) =>
    enc.encode(Array.from({ length: n }, (_, i) => BASE.map((l) => l.replace(/ w01 /g, ` w${i % 7} `)).join("\n")).join("\n") + "\n");
  // CPU time of this process, not wall time: other test files and engineers share the two cores. Best of three
  // runs damps GC and scheduler noise; a warm-up run first (JIT).
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const bestOf3 = async (run: () => Promise<unknown>) => {
    let min = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = cpuMs();
      await run();
      min = Math.min(min, cpuMs() - t0);
    }
    return min;
  };

  it("the scan (ingest, prefilter, windows, parsing, report extraction) scales roughly linearly", async () => {
    // Large enough that a run is tens of ms (a few-ms run is mostly GC and JIT noise: 100 copies once measured
    // over 8× on a loaded box); 4× the input, so linear is ~4× and quadratic 16×: the bound sits between them.
    const small = copies(200);
    const large = copies(800);
    const scan = (data: Uint8Array) => () => scanInput({ name: "s", data }, emptyIngestStats(), { fileIndex: 0 });
    await bestOf3(scan(small));
    const ts = await bestOf3(scan(small));
    const tl = await bestOf3(scan(large));
    expect(tl / Math.max(ts, 1)).toBeLessThan(10);
  }, 60_000);

  // triage() once filtered all findings per kdump capture boot and scanned all boots per finding (100 → 400 copies
  // cost ~10×); it indexes them now, and this keeps it so.
  it("triage scales roughly linearly: 4× the crashes and reboots take well under 16× the time", async () => {
    const small = copies(200);
    const large = copies(800);
    const run = (data: Uint8Array) => () => triage([{ name: "s", data }]);
    await bestOf3(run(small));
    const ts = await bestOf3(run(small));
    const tl = await bestOf3(run(large));
    expect(tl / Math.max(ts, 1)).toBeLessThan(10);
  }, 60_000);
});
