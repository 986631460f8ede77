/** Lines over the line cap lose their tail: every one is counted per input and named by a warning, windowed or not. */
import { describe, expect, it } from "vitest";
import { DEFAULT_INGEST_LIMITS } from "./ingest/read-lines";
import { triage } from "./triage";
import type { TriageInput } from "./types";

const enc = new TextEncoder();
const CAP = DEFAULT_INGEST_LIMITS.maxLineChars;
const QUIET = (i: number) => `Aug 16 00:10:${String(i % 60).padStart(2, "0")} w01 systemd[1]: Started session ${i}.`;

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, Math.min(bytes.length, at + size));
}

function logWithLongLines(): string[] {
  const lines = Array.from({ length: 400 }, (_, i) => QUIET(i));
  // None of these is near a report or event line: no scan window holds them.
  lines[10] = `Aug 16 00:10:10 w01 app: ${"a".repeat(5 * 1024 * 1024)}`; // far past the splitter's byte cap
  lines[150] = `Aug 16 00:10:30 w01 app: ${"b".repeat(CAP * 2)}`; // within the byte cap, over the character cap
  lines[300] = `Aug 16 00:10:50 w01 app: ${"\u00e9".repeat(CAP - 100)}`; // over CAP bytes, under CAP characters: whole
  return lines;
}

describe("lines over the cap", () => {
  it.each([
    ["one buffer", (b: Uint8Array): TriageInput["data"] => b],
    ["a stream of 64 KB reads", (b: Uint8Array): TriageInput["data"] => pieces(b, 64 * 1024)],
    ["a stream of odd reads", (b: Uint8Array): TriageInput["data"] => pieces(b, 7919)],
  ])("are counted outside windows and named by an ingest warning (%s)", async (_name, dataOf) => {
    const bytes = enc.encode(logWithLongLines().join("\n") + "\n");
    const incident = await triage([{ name: "messages", data: dataOf(bytes) }]);
    expect(incident.inputs[0].lines).toBe(400);
    expect(incident.inputs[0].truncatedLines).toBe(2);
    expect(incident.warnings).toEqual([
      {
        stage: "ingest",
        source: { file: "messages", line: 11 },
        message: `2 lines longer than ${CAP.toLocaleString("en-US")} characters were cut to ${CAP.toLocaleString("en-US")}; the rest of each was not read (the first is line 11).`,
      },
    ]);
  });

  it("a file that is one huge line without a line end is one cut line", async () => {
    const bytes = enc.encode("z".repeat(3 * 1024 * 1024));
    const incident = await triage([{ name: "blob", data: pieces(bytes, 1 << 20) }]);
    expect(incident.inputs[0].truncatedLines).toBe(1);
    expect(incident.warnings?.map((w) => w.message)).toEqual([
      `1 line longer than ${CAP.toLocaleString("en-US")} characters was cut to ${CAP.toLocaleString("en-US")}; the rest of it was not read.`,
    ]);
  });

  it("a log without long lines has no warning", async () => {
    const incident = await triage([{ name: "messages", data: enc.encode(Array.from({ length: 50 }, (_, i) => QUIET(i)).join("\n")) }]);
    expect(incident.inputs[0].truncatedLines).toBe(0);
    expect(incident.warnings).toBeUndefined();
  });
});
