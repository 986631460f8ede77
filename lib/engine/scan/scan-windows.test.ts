import { describe, expect, it } from "vitest";
import { emptyIngestStats } from "../ingest/read-lines";
import { scanInput } from "./scan-input";

const enc = new TextEncoder();
const noise = (n: number, from: number) => Array.from({ length: n }, (_, i) => `Aug 13 15:59:23 w01 systemd[1]: Started Session ${from + i} of User root.`);
const HEADER = "Aug 13 15:59:23 w01 kernel: watchdog: BUG: soft lockup - CPU#3 stuck for 22s! [kworker/3:1:123]";
/** Report text the prefilter does not flag (no needle): only `REPORT_CONTINUATION` keeps the window open for it. */
const CONTINUATION = "Aug 13 15:59:23 w01 kernel: Code: 48 89 e5 41 57 41 56 <0f> 0b";

/** How many lines the scanner parsed: each windowed line is counted once under its format. */
async function windowedLines(lines: string[]): Promise<number> {
  const scan = await scanInput({ name: "w.log", data: enc.encode(lines.join("\n") + "\n") }, emptyIngestStats(), { fileIndex: 0 });
  return [...scan.formats.values()].reduce((a, b) => a + b, 0);
}

describe("a window closes 80 lines after its last report text", () => {
  it("closes 80 lines after the header when nothing after it is report text", async () => {
    expect(await windowedLines([HEADER, ...noise(200, 0)])).toBe(81);
  });

  it("a continuation line the prefilter passed over keeps it open 80 lines more", async () => {
    expect(await windowedLines([HEADER, ...noise(60, 0), CONTINUATION, ...noise(200, 60)])).toBe(1 + 60 + 1 + 80);
  });

  it("the continuation counts wherever it falls before the quiet gap ends", async () => {
    expect(await windowedLines([HEADER, ...noise(79, 0), CONTINUATION, ...noise(200, 79)])).toBe(1 + 79 + 1 + 80);
    // The 80th line after the header closes the window before a continuation could come.
    expect(await windowedLines([HEADER, ...noise(80, 0), CONTINUATION, ...noise(200, 80)])).toBe(81);
    // Two continuations in one quiet stretch: the later one counts.
    expect(await windowedLines([HEADER, ...noise(10, 0), CONTINUATION, ...noise(50, 10), CONTINUATION, ...noise(200, 60)])).toBe(1 + 10 + 1 + 50 + 1 + 80);
  });
});
