import { describe, expect, it } from "vitest";
import { codeBlockIndent, looksQuotedPrintable, repairPasteBytes, repairPasteChunks } from "./repair-paste";

const enc = new TextEncoder();
const dec = new TextDecoder();
const repaired = (text: string, qp = false) => dec.decode(repairPasteBytes(enc.encode(text), qp));

async function throughChunks(text: string, size: number): Promise<string> {
  const bytes = enc.encode(text);
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
  }
  const out: string[] = [];
  for await (const c of repairPasteChunks(chunks())) out.push(dec.decode(c, { stream: true }));
  return out.join("");
}

describe("repairPasteBytes", () => {
  it("turns no-break spaces into spaces and drops zero-width characters", () => {
    expect(repaired("BUG:\u00a0unable to handle\u00a0\u00a0page fault")).toBe("BUG: unable to handle  page fault");
    expect(repaired("\ufeff? __sys\u200b_sendmsg+0x\u200c51/0x90 net/\u2060socket.c")).toBe("? __sys_sendmsg+0x51/0x90 net/socket.c");
  });

  it("turns typographic quotes back into the ASCII ones the kernel printed", () => {
    expect(repaired("INFO: task syz-executor:1 can\u2019t die, \u201cfoo\u201d \u2018bar\u2019")).toBe("INFO: task syz-executor:1 can't die, \"foo\" 'bar'");
  });

  it("decodes HTML entities once, and only the ones a page escapes", () => {
    expect(repaired("&lt;TASK&gt; a-&gt;b &#39;x&#x27; &quot;y&quot; &amp;lt;")).toBe("<TASK> a->b 'x' \"y\" &lt;");
    // Not entities: a lockdep lock name, an unknown name, a reference outside printable ASCII.
    expect(repaired("(&rq->lock){-.-.} &foo; &#0; &#x263a;")).toBe("(&rq->lock){-.-.} &foo; &#0; &#x263a;");
  });

  it("returns the input itself when nothing is damaged", () => {
    const bytes = enc.encode("[  1.0] lock(&(&zone->lock)->rlock); caf\u00e9 \u2026 \u2500\n");
    expect(repairPasteBytes(bytes)).toBe(bytes);
  });

  it("turns a no-break space decoded twice (`\u00c2` then U+00A0 or a space) into one space, and leaves real `\u00c2` alone", () => {
    // A mail whose UTF-8 no-break spaces were read as Latin-1: the taint columns, the RIP line, the segment registers.
    expect(repaired("Tainted: G\u00c2\u00a0\u00c2\u00a0\u00c2\u00a0 O\u00c2 4.4.0+2 #1")).toBe("Tainted: G    O 4.4.0+2 #1");
    expect(repaired("RIP: e030:[<ffffffff8115e055>]\u00c2\u00a0 [<ffffffff8115e055>] f+0xe5/0x520")).toBe("RIP: e030:[<ffffffff8115e055>]  [<ffffffff8115e055>] f+0xe5/0x520");
    expect(repaired("\u00c2\u00a0FS:\u00c2 0000")).toBe(" FS: 0000");
    // After non-ASCII text (a Chinese or Polish log) `\u00c2` then U+00A0 is still the damage.
    expect(repaired("\u65e5\u00c2\u00a0 \u00f3\u00c2\u00a0x")).toBe("\u65e5  \u00f3 x");
    // Real text: `\u00c2` before a letter, or at the end of a non-ASCII word.
    const plain = enc.encode("\u00c2ngulo MA\u00c7\u00c2 caf\u00e9\n");
    expect(repairPasteBytes(plain)).toBe(plain);
  });

  it("decodes quoted-printable escapes and soft line breaks only when asked", () => {
    expect(repaired("a=3Db lon=\r\ng line=20\n", true)).toBe("a=b long line \n");
    expect(repaired("a=3Db key=\n")).toBe("a=3Db key=\n");
  });

  it("decodes an encoded no-break space to a space, from UTF-8 and Latin-1 bodies alike", () => {
    // Outlook's Latin-1 body (linux-cifs report): `=A0` runs in the CPU line's taint columns, `=0A=` line ends.
    expect(repaired("Tainted: G=A0=A0=A0=\n=A0 W=A0=A0 4.16.2-1.el7.elrepo.x86_64 #1=0A=\n", true)).toBe(
      "Tainted: G     W   4.16.2-1.el7.elrepo.x86_64 #1\n",
    );
    expect(repaired("[=C2=A0 315.720936]=C2=A0=C2=A0 ISV =3D 0\n", true)).toBe("[  315.720936]   ISV = 0\n");
    // `=A0` inside a wider UTF-8 character stays: U+00E0 and U+2060 keep their bytes.
    expect(repaired("caf=C3=A0 =E2=81=A0x\n", true)).toBe("caf\u00e0 \u2060x\n");
  });
});

describe("looksQuotedPrintable", () => {
  const softBroken = `${"x".repeat(75)}=\n${"y".repeat(75)}=\nend\n`;
  it("reads soft breaks at the encoding's line length as quoted-printable", () => {
    expect(looksQuotedPrintable(enc.encode(softBroken))).toBe(true);
  });
  it("does not take a log's own `key=` line ends for soft breaks", () => {
    expect(looksQuotedPrintable(enc.encode("audit: op=load key=\nuser=\nfoo=3D bar=\n"))).toBe(false);
    // A line longer than quoted-printable allows: not an encoded text.
    expect(looksQuotedPrintable(enc.encode(`${softBroken}${"z".repeat(120)}\n`))).toBe(false);
  });
  it("does not take wrapped `=====` separators for soft breaks (an encoder writes a `=` run as `=3D=3D…`)", () => {
    const separator = `[12878.780909] ${"=".repeat(60)}\n`;
    const slub = `${separator}[12878.789197] BUG kmalloc-256 (Not tainted): Poison overwritten\n${separator}INFO: Slab objects=42 used=42\n`;
    expect(looksQuotedPrintable(enc.encode(slub))).toBe(false);
    // An escaped `=` before the soft break still reads as one.
    expect(looksQuotedPrintable(enc.encode(`${"x".repeat(72)}=3D=\n${"y".repeat(75)}=\nend\n`))).toBe(true);
  });
});

describe("repairPasteChunks", () => {
  it("gives the same text whatever the chunk sizes (no sequence is cut between chunks)", async () => {
    const text = `${"&gt;\u00a0a=3D1 ".repeat(9)}=\n${"b\u200b".repeat(30)}${"c".repeat(10)}=\nend &amp; done\n`.repeat(3);
    const whole = await throughChunks(text, 1 << 20);
    expect(whole).not.toContain("&gt;");
    expect(whole).not.toContain("\u00a0");
    for (const size of [1, 3, 7, 64]) expect(await throughChunks(text, size)).toBe(whole);
  });
});

describe("code-block indentation", () => {
  const report = [
    "[  484.469885] BUG: kernel NULL pointer dereference, address: 0000000000000008",
    "[  484.469890] CPU: 3 PID: 1 Comm: init Not tainted 5.15.0 #1",
    "[  484.469895] Call Trace:",
    "[  484.469896]  <TASK>",
    "[  484.469897]  foo+0x12/0x30",
    "wrapped continuation of a long line",
    "",
  ].join("\n");
  const indented = (prefix: string) => report.split("\n").map((l) => (l === "" ? l : prefix + l)).join("\n");
  const indentOf = (text: string) => {
    const indent = codeBlockIndent(enc.encode(text));
    return indent && dec.decode(indent);
  };

  it("is a tab or four spaces or more that every non-blank line of the head carries", () => {
    expect(indentOf(indented("    "))).toBe("    ");
    expect(indentOf(indented("\t"))).toBe("\t");
    expect(indentOf(indented("        "))).toBe("        ");
    expect(indentOf(indented("    ").replace("\n", "\n\n   \r\n"))).toBe("    ");
  });

  it("is none for a log whose own lines start at the margin, for two spaces, or for too few lines", () => {
    expect(indentOf(report)).toBeUndefined();
    expect(indentOf(indented("  "))).toBeUndefined();
    expect(indentOf("    a\n    b\n")).toBeUndefined();
    // One line at the margin: the indentation is the log's own (a stack's frames, a hung task's Tainted: line).
    expect(indentOf(indented("    ") + "Call Trace:\n")).toBeUndefined();
  });

  it("is taken off every line that carries it, whatever the chunk sizes, before quoted-printable is decided", async () => {
    for (const size of [1, 7, 64, 100_000]) {
      expect(await throughChunks(indented("    "), size)).toBe(report);
      expect(await throughChunks(indented("\t"), size)).toBe(report);
    }
    // A line past the 64 KB head with less indentation keeps what it has.
    const long = indented("    ").repeat(400);
    expect(long.length).toBeGreaterThan(65536);
    expect(await throughChunks(long + "  tail\n", 4096)).toBe(report.repeat(400) + "  tail\n");
    // The same line inside the head: the indentation is not every line's, nothing is taken off.
    expect(await throughChunks(indented("    ") + "  tail\n", 5)).toBe(indented("    ") + "  tail\n");
    // Soft breaks indented with the rest still read as quoted-printable once the indentation is off.
    const qp = `${"x".repeat(75)}=\n${"y".repeat(75)}=\nend\n`;
    expect(await throughChunks(qp.replace(/^(?=.)/gm, "    "), 16)).toBe(`${"x".repeat(75)}${"y".repeat(75)}end\n`);
  });
});
