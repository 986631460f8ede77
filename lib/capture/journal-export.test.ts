import { describe, expect, it } from "vitest";
import { JournalExportParser } from "./journal-export";

/** One entry as systemd writes it: text fields, and MESSAGE as a binary field because it holds a newline. */
function exportBytes(): Buffer {
  const message = Buffer.from("BUG: kernel NULL pointer dereference\nsecond line", "utf8");
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(message.length));
  return Buffer.concat([
    Buffer.from("__CURSOR=s=1;i=2\n__REALTIME_TIMESTAMP=1764590400123456\n_BOOT_ID=8f1c\n_TRANSPORT=kernel\n_HOSTNAME=w01\nMESSAGE\n"),
    len,
    message,
    Buffer.from("\nPRIORITY=1\n\n__CURSOR=s=1;i=3\nMESSAGE=plain=with equals\n_HOSTNAME=w01\n\n"),
  ]);
}

describe("JournalExportParser", () => {
  it("reads text and binary fields and entry boundaries", () => {
    const p = new JournalExportParser();
    const entries = [...p.push(exportBytes()), ...p.end()];
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ _HOSTNAME: "w01", MESSAGE: "BUG: kernel NULL pointer dereference\nsecond line", PRIORITY: "1", _TRANSPORT: "kernel" });
    expect(entries[1].MESSAGE).toBe("plain=with equals");
    expect(p.warnings).toEqual([]);
  });

  it("gives the same entries whatever the chunking (every split point, including inside the length)", () => {
    const bytes = exportBytes();
    const whole = new JournalExportParser().push(bytes);
    for (let cut = 1; cut < bytes.length; cut++) {
      const p = new JournalExportParser();
      expect([...p.push(bytes.subarray(0, cut)), ...p.push(bytes.subarray(cut)), ...p.end()]).toEqual(whole);
    }
  });

  it("drops an entry over the cap and keeps the next", () => {
    const p = new JournalExportParser({ maxEntryBytes: 30 });
    const entries = p.push(Buffer.from(`MESSAGE=${"x".repeat(50)}\n_HOSTNAME=a\n\nMESSAGE=ok\n\n`));
    expect(entries).toEqual([{ MESSAGE: "ok" }]);
    expect(p.warnings.length).toBe(1);
  });

  it("reports an upload cut inside an entry", () => {
    const p = new JournalExportParser();
    p.push(Buffer.from("MESSAGE\n\x05\x00\x00"));
    expect(p.end()).toEqual([]);
    expect(p.warnings).toContain("the upload ended inside an entry");
  });
});
