/**
 * One triage of many gzip inputs (a multi-file upload, `oopscope triage *.gz`): each small bomb stays under the
 * per-stream check, so the inputs share one budget. Counted in decoded bytes, not time.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DEFAULT_INGEST_LIMITS } from "./ingest/read-lines";
import { triage } from "./triage";

const CHECK_AFTER = DEFAULT_INGEST_LIMITS.ratioCheckAfterBytes;
const CRASH = [
  "Aug 13 15:58:01 w01 kernel: BUG: kernel NULL pointer dereference, address: 0000000000000008",
  "Aug 13 15:58:01 w01 kernel: RIP: 0010:skb_segment+0x1a2/0x1400",
  "Aug 13 15:58:01 w01 kernel: Call Trace:",
  "Aug 13 15:58:01 w01 kernel:  <TASK>",
  "Aug 13 15:58:01 w01 kernel:  tcp_gso_segment+0x10f/0x4f0",
  "Aug 13 15:58:01 w01 kernel:  </TASK>",
].join("\n") + "\n";

describe("the gzip inputs of one triage share a bomb budget", () => {
  // Each decodes to 1 MB under the per-stream check (~1000×): alone, every one of them is read whole.
  const smallBomb = new Uint8Array(gzipSync(new Uint8Array(CHECK_AFTER - (1 << 20)), { level: 9 }));
  const BOMBS = 40;

  it("refuses the input that crosses it and every gzip input after, keeps those before and plain text after", async () => {
    const inputs = [
      { name: "messages.gz", data: new Uint8Array(gzipSync(Buffer.from(CRASH))) },
      ...Array.from({ length: BOMBS }, (_, i) => ({ name: `bomb-${i}.gz`, data: smallBomb })),
      { name: "kern.log", data: new TextEncoder().encode(CRASH) },
    ];
    const incident = await triage(inputs);
    const byName = new Map(incident.inputs.map((i) => [i.name, i]));
    expect(byName.get("messages.gz")?.error).toBeUndefined();
    expect(byName.get("kern.log")?.error).toBeUndefined();
    expect(byName.get("bomb-0.gz")?.error).toBeUndefined();
    const crossed = incident.inputs.filter((i) => /^Refusing a gzip stream: the gzip inputs given together expand more than 500×/.test(i.error ?? ""));
    const unread = incident.inputs.filter((i) => /^Refusing a gzip stream unread: an earlier gzip input/.test(i.error ?? ""));
    expect(crossed.map((i) => i.name)).toEqual(["bomb-1.gz"]);
    expect(unread).toHaveLength(BOMBS - 2);
    // Before the budget: 40 × 15 MB decoded. Now: the first bomb, and the second up to the check.
    const decoded = incident.inputs.reduce((n, i) => n + (i.decodedBytes ?? 0), 0);
    expect(decoded).toBeLessThan(2 * CHECK_AFTER + (1 << 20));
    expect(incident.findings.length).toBeGreaterThan(0);
  });

  it("leaves many real rotated logs alone (syslog compresses ~10×)", async () => {
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const rotated = () => {
      const lines: string[] = [];
      for (let i = 0; i < 40_000; i++)
        lines.push(`Aug 13 ${String(i % 24).padStart(2, "0")}:${String(rand(60)).padStart(2, "0")}:00 w01 kubelet[${rand(40000)}]: pod=${rand(1e6).toString(16)} took ${rand(5000)}ms`);
      return new Uint8Array(gzipSync(Buffer.from(lines.join("\n") + "\n")));
    };
    const incident = await triage(Array.from({ length: 12 }, (_, i) => ({ name: `messages-${i}.gz`, data: rotated() })));
    expect(incident.inputs.filter((i) => i.error)).toEqual([]);
    expect(incident.inputs.reduce((n, i) => n + (i.decodedBytes ?? 0), 0)).toBeGreaterThan(CHECK_AFTER);
  });
});
