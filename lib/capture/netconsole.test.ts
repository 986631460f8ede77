import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NetconsoleReceiver, parseNetconsoleDatagram, recordText } from "./netconsole";

/** Fixtures: `<4-byte big-endian length><datagram>` repeated, as received from a Debian 6.1 guest (testdata/netconsole/README.md). */
function readDatagrams(name: string): Buffer[] {
  const b = readFileSync(path.resolve(import.meta.dirname, "../../testdata/netconsole", name));
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; ) {
    const n = b.readUInt32BE(i);
    out.push(b.subarray(i + 4, i + 4 + n));
    i += 4 + n;
  }
  return out;
}

const bytes = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("extended netconsole from a real kernel (Debian 6.1, sysrq crash)", () => {
  const datagrams = readDatagrams("deb12-6.1-sysrq-extended.dgrams");
  const rx = new NetconsoleReceiver();
  const lines = datagrams.flatMap((d) => rx.push(d));

  it("gives one line per record, in sequence, with uptime and level", () => {
    expect(datagrams.length).toBe(389);
    expect(lines.length).toBe(389);
    expect(lines.map((l) => l.seq)).toEqual([...Array(389).keys()]);
    expect(rx.lostRecords).toBe(0);
    expect(lines[0].text).toMatch(/^Linux version 6\.1\.0-57-cloud-amd64 /);
    expect(lines[0].level).toBe(5);
    const last = lines[lines.length - 1];
    expect(last.text).toBe("---[ end Kernel panic - not syncing: sysrq triggered crash ]---");
    expect(last.level).toBe(0);
    expect(last.uptime).toBeCloseTo(4.127459, 6);
  });

  it("undoes the kernel's \\xNN escapes", () => {
    expect(lines.some((l) => l.text === "ACPI: \\_SB_.LNKC: Enabled at IRQ 11")).toBe(true);
    expect(lines.some((l) => /\\x[0-9a-f]{2}/.test(l.text))).toBe(false);
  });

  it("classic netconsole of the same boot gives the same texts behind the dmesg prefix", () => {
    const classic = readDatagrams("deb12-6.1-sysrq-classic.dgrams");
    const crx = new NetconsoleReceiver();
    const texts = [...classic.flatMap((d) => crx.push(d)), ...crx.flush()].map((l) => l.text);
    expect(texts[0]).toMatch(/^\[ {4}0\.000000\] Linux version 6\.1\.0-57-cloud-amd64 /);
    expect(texts[texts.length - 1]).toMatch(/^\[ +\d+\.\d{6}\] ---\[ end Kernel panic - not syncing: sysrq triggered crash \]---$/);
    const stripped = new Set(texts.map((t) => t.replace(/^\[ *\d+\.\d+\] /, "")));
    const shared = lines.filter((l) => stripped.has(l.text)).length;
    // The two boots differ only in randomised numbers (KASLR offsets, timings): most lines are identical.
    expect(shared / lines.length).toBeGreaterThan(0.6);
  });
});

describe("extended records, byte level", () => {
  it("parses the header fields, facility and the release prefix of the r option", () => {
    const d = parseNetconsoleDatagram(bytes("6.13.0-rc1,14,468,514729715,-,caller=T42;hello\n"));
    expect(d.kind).toBe("extended");
    if (d.kind !== "extended") return;
    expect(d.header).toEqual({ release: "6.13.0-rc1", facility: 1, level: 6, seq: 468, uptimeUsec: 514729715, flag: "-", fields: { caller: "T42" } });
    expect(recordText(d.body).lines).toEqual(["hello"]);
  });

  it("keeps dictionary lines out of the text and splits escaped newlines", () => {
    const { lines, dict } = recordText(bytes("first\\x0asecond\\x5c\n SUBSYSTEM=net\n DEVICE=+net:eth0\n"));
    expect(lines).toEqual(["first", "second\\"]);
    expect(dict).toEqual({ SUBSYSTEM: "net", DEVICE: "+net:eth0" });
  });

  it("reassembles ncfrag fragments in any order, ignoring a repeated one (documentation example)", () => {
    const rx = new NetconsoleReceiver();
    expect(rx.push(bytes("6,416,1758426,-,ncfrag=16/31; the 2nd chunk."))).toEqual([]);
    expect(rx.push(bytes("6,416,1758426,-,ncfrag=16/31; the 2nd chunk."))).toEqual([]);
    const out = rx.push(bytes("6,416,1758426,-,ncfrag=0/31;the first chunk,"));
    expect(out.map((l) => l.text)).toEqual(["the first chunk, the 2nd chunk."]);
    expect(out[0].uptime).toBeCloseTo(1.758426, 6);
  });

  it("reassembles fragments that carry the release prefix (the kernel selftest's header shape)", () => {
    const rx = new NetconsoleReceiver();
    const body = "x".repeat(600) + "y".repeat(535);
    expect(rx.push(bytes(`6.13.0-04048-g4f561a87745a,13,468,514729715,-,ncfrag=0/1135;${body.slice(0, 600)}`))).toEqual([]);
    const [line] = rx.push(bytes(`6.13.0-04048-g4f561a87745a,13,468,514729715,-,ncfrag=600/1135;${body.slice(600)}`));
    expect(line).toMatchObject({ text: body, release: "6.13.0-04048-g4f561a87745a", level: 5, seq: 468 });
  });

  it("reassembles a UTF-8 character split between two fragments", () => {
    const body = Buffer.from("temp 42°C ok", "utf8");
    const cut = body.indexOf(0xb0); // inside the two-byte degree sign
    const head = Buffer.concat([Buffer.from(`4,7,100,-,ncfrag=0/${body.length};`), body.subarray(0, cut)]);
    const tail = Buffer.concat([Buffer.from(`4,7,100,-,ncfrag=${cut}/${body.length};`), body.subarray(cut)]);
    const rx = new NetconsoleReceiver();
    expect(rx.push(head)).toEqual([]);
    expect(rx.push(tail).map((l) => l.text)).toEqual(["temp 42°C ok"]);
  });

  it("flushes a record whose fragments never all arrived, with a warning", () => {
    const rx = new NetconsoleReceiver();
    rx.push(bytes("6,9,5,-,ncfrag=0/20;0123456789"));
    const out = rx.flush();
    expect(out.map((l) => l.text)).toEqual(["0123456789"]);
    expect(rx.warnings.some((w) => w.includes("10 of 20 bytes"))).toBe(true);
  });

  it("bounds pending fragmented records", () => {
    const rx = new NetconsoleReceiver({ maxPendingRecords: 4 });
    for (let seq = 0; seq < 10; seq++) rx.push(bytes(`6,${seq},5,-,ncfrag=0/20;0123456789`));
    expect(rx.warnings.filter((w) => w.includes("dropped incomplete")).length).toBe(6);
    expect(rx.flush().length).toBe(4);
  });

  it("joins c/+ continuation records of older kernels into one line", () => {
    const rx = new NetconsoleReceiver();
    expect(rx.push(bytes("4,10,100,c;Modules linked in:\n"))).toEqual([]);
    expect(rx.push(bytes("4,11,101,+; nf_tables\n"))).toEqual([]);
    expect(rx.push(bytes("4,12,102,+; bridge\n"))).toEqual([]);
    expect(rx.push(bytes("4,13,103,-;CPU: 0 PID: 1\n")).map((l) => l.text)).toEqual(["Modules linked in: nf_tables bridge", "CPU: 0 PID: 1"]);
  });

  it("counts sequence gaps as lost records and a restart as a new boot", () => {
    const rx = new NetconsoleReceiver();
    rx.push(bytes("6,1,1,-;a\n"));
    rx.push(bytes("6,5,2,-;b\n"));
    expect(rx.lostRecords).toBe(3);
    const [boot] = rx.push(bytes("5,0,0,-;Linux version 6.1.0\n"));
    expect(boot.newBoot).toBe(true);
    expect(rx.lostRecords).toBe(3);
  });
});

describe("classic netconsole, byte level", () => {
  it("joins a line split across datagrams and splits several lines in one", () => {
    const rx = new NetconsoleReceiver();
    expect(rx.push(bytes("[    1.000000] BUG: kernel NULL poi"))).toEqual([]);
    expect(rx.push(bytes("nter dereference\n[    1.000100] #PF: supervisor read\n")).map((l) => l.text)).toEqual([
      "[    1.000000] BUG: kernel NULL pointer dereference",
      "[    1.000100] #PF: supervisor read",
    ]);
  });

  it("does not take a text line with a semicolon for an extended header", () => {
    expect(parseNetconsoleDatagram(bytes("[    2.0] audit: op=1; res=0\n")).kind).toBe("classic");
    expect(parseNetconsoleDatagram(bytes("1,2,3 apples; pears\n")).kind).toBe("classic");
  });

  it("hands out an unterminated last line on flush (a panic's console may stop mid-line)", () => {
    const rx = new NetconsoleReceiver();
    rx.push(bytes("[    4.0] ---[ end Kernel panic - not syncing: Fatal exception ]---"));
    expect(rx.flush().map((l) => l.text)).toEqual(["[    4.0] ---[ end Kernel panic - not syncing: Fatal exception ]---"]);
  });
});
