/**
 * The same kernel report behind every line prefix a real log carries must get the same findings (class, title, guilty
 * frame): a syslog host, journald's short format, `dmesg -T`, Talos' `kern: err:`, a serial console with systemd's
 * `[  OK  ]` status lines between the kernel's, `less -N` numbers, CRLF line ends, and a paste wrapped by a mail client
 * or a terminal. The reports are dev files of testdata/real (never the held-out part); the prefixes are generated.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { triage } from "../../lib/engine/triage";
import { ENVELOPES, envelopeSource } from "./envelope-transforms";
import { readSources, type SourceLog } from "./envelopes";
import { PASTE_TRANSFORMS } from "./paste-damage-transforms";

/** One dev report per crash class, each with a stack the title is read from. */
const REPORTS = [
  "bug/gh-zfs-linux-73-sleeping-function-lzfs-vnop-write.log",
  "gpf/bz-gh-fcos-940-fc34-kmem-cache-alloc-node-trace.log",
  "hung-task/gh-rook-rook-3132.log",
  "lockdep/t9-gh-fcos-967-serial-caret-m-md-open.log",
  "null-deref/gh-linuxkit-kubernetes-80.log",
  "rcu-stall/t9-gh-raspberrypi-1777-arm-self-detected.log",
  "soft-lockup/t9-gh-moby-19758-linuxkit-containerd-smp-call.log",
  "warning/bz-gh-runner-images-2848-ubuntu-azure-refcount-hit-zero.log",
  "kasan/gh-beegfs-108-kasan-slab-uaf-mutex-lock-question-frames.log",
  "oops/gh4-docker-for-mac-7257-linuxkit-arm64-khugepaged-rmap.log",
  "paging-fault/gh4-parca-agent-3112-al2023-graviton-bpf-stackid-elided.log",
];

/** Prefixes a tool puts before each kernel record (the envelopes of bench:envelopes that real logs of this corpus show). */
const PREFIXES = ["dmesg", "rsyslog-traditional", "journal-short", "dmesg-T-en", "talos"] as const;
/** What systemd prints on the console between the kernel's lines during boot and shutdown. */
const CONSOLE_STATUS = [
  "[  OK  ] Started Journal Service.",
  "         Starting Load Kernel Modules...",
  "[  OK  ] Reached target Local File Systems.",
  "[FAILED] Failed to start Network Manager.",
  "[ ***  ] A start job is running for /dev/sda1 (12s / 1min 30s)",
];

const transform = (id: string) => {
  const t = PASTE_TRANSFORMS.find((p) => p.id === id);
  if (!t) throw new Error(`no paste transform ${id}`);
  return (text: string) => t.apply(text, {});
};
const lessN = transform("num-less-N");
const crlf = transform("term-crlf");

function envelope(source: SourceLog, id: (typeof PREFIXES)[number]): string {
  if (id === "dmesg") return source.log;
  const e = ENVELOPES.find((x) => x.id === id);
  if (!e) throw new Error(`no envelope ${id}`);
  const out = e.emit(envelopeSource(source.name, source.log, e));
  return typeof out === "string" ? out : new TextDecoder().decode(out);
}

/** systemd's status lines after some of the lines, chosen by `seed` (a serial console shows both writers). */
function interleave(text: string, seed: number): string {
  const out: string[] = [];
  let s = seed >>> 0;
  for (const line of text.split("\n")) {
    out.push(line);
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    if (s % 5 === 0) out.push(CONSOLE_STATUS[s % CONSOLE_STATUS.length]);
  }
  return out.join("\n");
}

async function view(text: string): Promise<string[]> {
  const incident = await triage([{ name: "x.log", data: new TextEncoder().encode(text) }], { now: new Date("2024-09-01T00:00:00Z") });
  return incident.findings.filter((f) => f.kind !== "reboot").map((f) => `${f.kind} | ${f.title} | ${f.guiltyFrame ?? "-"}`);
}

const sources = new Map(readSources().filter((s) => s.corpus === "real-dev").map((s) => [s.name, s]));

describe("the same report behind every line prefix", () => {
  it.each(REPORTS)("%s: same findings under any prefix, console interleave, `less -N` and CRLF", async (name) => {
    const source = sources.get(name);
    if (!source) throw new Error(`${name} is not a dev dmesg log of testdata/real`);
    const expected = await view(source.log);
    expect(expected.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PREFIXES),
        fc.option(fc.nat(), { nil: undefined }),
        fc.boolean(),
        fc.boolean(),
        async (prefix, seed, numbered, windows) => {
          let text = envelope(source, prefix);
          if (seed !== undefined) text = interleave(text, seed);
          if (numbered) text = lessN(text);
          if (windows) text = crlf(text);
          expect(await view(text)).toEqual(expected);
        },
      ),
      { numRuns: 20 },
    );
  });

  it.each(REPORTS)("%s: same findings when a mail client or an 80-column terminal wrapped the paste", async (name) => {
    const source = sources.get(name);
    if (!source) throw new Error(`${name} is not a dev dmesg log of testdata/real`);
    const expected = await view(source.log);
    for (const id of ["mail-wrap-72", "mail-wrap-80", "term-wrap-80"]) {
      expect({ id, findings: await view(transform(id)(source.log)) }).toEqual({ id, findings: expected });
    }
  });
});
