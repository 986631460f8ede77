/**
 * netconsole datagrams (Documentation/networking/netconsole.rst) → lines.
 *
 * Classic netconsole sends the console text as printed (`[    4.126936] Kernel Offset: …\n`), one console write per
 * datagram: a line may be split across datagrams or several lines share one. Extended netconsole (`+` in the
 * `netconsole=` option) sends one printk record per datagram with the /dev/kmsg header
 * `<level>,<seq>,<usec>,<flags>[,key=value…];<text>\n[ DICT=value\n…]`, optionally preceded by the kernel release
 * (`r` option, Linux 6.5+: `6.13.0-rc1,6,123,…`). A record longer than the netconsole chunk (1000 bytes) is sent in
 * fragments, each with the whole header plus `ncfrag=<byte offset>/<total bytes>`; they are put back together here.
 * Bad input is never thrown on: it becomes a line as received, or a `warnings` entry.
 */

/** One extended record's header. `level` and `facility` come from the syslog prefix number (facility << 3 | level). */
export type ExtendedHeader = {
  release?: string;
  facility: number;
  level: number;
  seq: number;
  uptimeUsec: number;
  /** `-` a whole record; `c` a continued line starts; `+` it continues (kernels before 4.9 printed these). */
  flag: "-" | "c" | "+";
  /** Extra header fields: `ncfrag`, `caller` (CONFIG_PRINTK_CALLER), … */
  fields: Record<string, string>;
};

export type NetconsoleDatagram =
  | { kind: "extended"; header: ExtendedHeader; body: Uint8Array; fragment?: { offset: number; total: number } }
  | { kind: "classic"; text: string };

/** A line out of the receiver: the kernel's text, with uptime and level when the extended header gave them. */
export type NetconsoleLine = { text: string; uptime?: number; level?: number; release?: string; seq?: number; newBoot?: boolean };

const SEMICOLON = 0x3b;
/** The header is short (release ≤ 64 characters + numbers); a `;` further in is message text of a classic line. */
const MAX_HEADER_BYTES = 256;
const HEADER = /^(?:([^,;\s]+),)?(\d{1,3}),(\d{1,20}),(\d{1,20}),([-c+])((?:,[^,;]*)*)$/;
const FRAGMENT = /^(\d+)\/(\d+)$/;
const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8");

/** Parses one datagram; a datagram that is not an extended record is classic console text. */
export function parseNetconsoleDatagram(bytes: Uint8Array): NetconsoleDatagram {
  const semi = bytes.subarray(0, MAX_HEADER_BYTES).indexOf(SEMICOLON);
  const m = semi > 0 ? HEADER.exec(latin1.decode(bytes.subarray(0, semi))) : null;
  if (!m) return { kind: "classic", text: utf8.decode(bytes) };
  const prefix = Number(m[2]);
  const fields: Record<string, string> = {};
  for (const part of m[6].split(",").slice(1)) {
    const eq = part.indexOf("=");
    if (eq > 0) fields[part.slice(0, eq)] = part.slice(eq + 1);
  }
  const header: ExtendedHeader = {
    release: m[1],
    facility: prefix >> 3,
    level: prefix & 7,
    seq: Number(m[3]),
    uptimeUsec: Number(m[4]),
    flag: m[5] as ExtendedHeader["flag"],
    fields,
  };
  const frag = fields.ncfrag === undefined ? null : FRAGMENT.exec(fields.ncfrag);
  const body = bytes.subarray(semi + 1);
  return frag ? { kind: "extended", header, body, fragment: { offset: Number(frag[1]), total: Number(frag[2]) } } : { kind: "extended", header, body };
}

/**
 * The record's text: the first line of the body (the dictionary follows on lines starting with a space), `\xNN`
 * escapes undone (the kernel escapes non-printable bytes and the backslash itself), split at escaped newlines.
 */
export function recordText(body: Uint8Array): { lines: string[]; dict: Record<string, string> } {
  const text = utf8.decode(body);
  const [first, ...rest] = text.split("\n");
  const dict: Record<string, string> = {};
  for (const d of rest) {
    const eq = d.indexOf("=");
    if (d.startsWith(" ") && eq > 1) dict[d.slice(1, eq)] = d.slice(eq + 1);
  }
  const unescaped = first.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return { lines: unescaped.split("\n").map((l) => l.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "")), dict };
}

type PendingFragments = { header: ExtendedHeader; total: number; parts: Map<number, Uint8Array>; received: number; firstSeenAt: number };

export type NetconsoleReceiverOptions = {
  /** Fragmented records kept while waiting for their other parts (oldest dropped past it). */
  maxPendingRecords?: number;
  /** A classic partial line longer than this is cut into a line of its own. */
  maxLineBytes?: number;
};

/**
 * The state of one sender: a classic partial line, extended fragments waiting for their siblings, an extended
 * continued line (`c`/`+` flags), and the last sequence number (a gap counts lost records; a restart is a reboot).
 */
export class NetconsoleReceiver {
  readonly warnings: string[] = [];
  /** Extended records never received (sequence gaps). */
  lostRecords = 0;
  private partial = "";
  private continued: NetconsoleLine | undefined;
  private readonly pending = new Map<number, PendingFragments>();
  private lastSeq: number | undefined;
  private readonly maxPending: number;
  private readonly maxLineBytes: number;

  constructor(options: NetconsoleReceiverOptions = {}) {
    this.maxPending = options.maxPendingRecords ?? 64;
    this.maxLineBytes = options.maxLineBytes ?? 16 * 1024;
  }

  /** Lines completed by this datagram (none for a fragment whose siblings are missing, or a partial classic line). */
  push(bytes: Uint8Array, now = 0): NetconsoleLine[] {
    const d = parseNetconsoleDatagram(bytes);
    if (d.kind === "classic") return this.pushClassic(d.text);
    if (!d.fragment) return this.pushRecord(d.header, d.body);
    return this.pushFragment(d.header, d.body, d.fragment, now);
  }

  /** Whatever is still open, as lines (the stream went quiet: a panic's last line may lack its newline). */
  flush(): NetconsoleLine[] {
    const out: NetconsoleLine[] = [];
    if (this.continued) out.push(this.continued);
    this.continued = undefined;
    if (this.partial) out.push({ text: this.partial });
    this.partial = "";
    for (const [seq, p] of this.pending) {
      this.warnings.push(`record ${seq}: ${p.received} of ${p.total} bytes received; kept what arrived`);
      out.push(...this.pushRecord(p.header, assemble(p)));
    }
    this.pending.clear();
    return out;
  }

  private pushClassic(text: string): NetconsoleLine[] {
    const parts = (this.partial + text).split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    if (this.partial.length > this.maxLineBytes) {
      parts.push(this.partial);
      this.partial = "";
      this.warnings.push(`a console line longer than ${this.maxLineBytes} bytes was cut`);
    }
    return parts.map((t) => ({ text: t.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "") }));
  }

  private pushFragment(header: ExtendedHeader, chunk: Uint8Array, frag: { offset: number; total: number }, now: number): NetconsoleLine[] {
    let p = this.pending.get(header.seq);
    if (p && p.total !== frag.total) {
      this.warnings.push(`record ${header.seq}: fragments disagree on the total (${p.total} vs ${frag.total}); the earlier ones were dropped`);
      this.pending.delete(header.seq);
      p = undefined;
    }
    if (!p) {
      if (this.pending.size >= this.maxPending) {
        const oldest = [...this.pending.entries()].sort((a, b) => a[1].firstSeenAt - b[1].firstSeenAt)[0];
        this.pending.delete(oldest[0]);
        this.warnings.push(`record ${oldest[0]}: dropped incomplete (more than ${this.maxPending} fragmented records pending)`);
      }
      p = { header, total: frag.total, parts: new Map(), received: 0, firstSeenAt: now };
      this.pending.set(header.seq, p);
    }
    if (frag.offset + chunk.length > frag.total) {
      this.warnings.push(`record ${header.seq}: fragment at ${frag.offset} runs past the total of ${frag.total} bytes; cut`);
      chunk = chunk.subarray(0, Math.max(0, frag.total - frag.offset));
    }
    if (!p.parts.has(frag.offset)) {
      p.parts.set(frag.offset, Uint8Array.from(chunk));
      p.received += chunk.length;
    }
    if (p.received < p.total) return [];
    this.pending.delete(header.seq);
    return this.pushRecord(p.header, assemble(p));
  }

  private pushRecord(header: ExtendedHeader, body: Uint8Array): NetconsoleLine[] {
    const out: NetconsoleLine[] = [];
    let newBoot = false;
    if (this.lastSeq !== undefined && header.flag !== "+") {
      if (header.seq < this.lastSeq) newBoot = true;
      else if (header.seq > this.lastSeq + 1) this.lostRecords += header.seq - this.lastSeq - 1;
    }
    if (this.lastSeq === undefined || header.seq > this.lastSeq || newBoot) this.lastSeq = header.seq;
    const { lines } = recordText(body);
    const uptime = header.uptimeUsec / 1e6;
    if (header.flag === "+" && this.continued) {
      this.continued.text += lines[0];
      lines.shift();
      if (lines.length === 0) return out;
    }
    if (this.continued) out.push(this.continued);
    this.continued = undefined;
    const made = lines.map((text, i) => ({ text, uptime, level: header.level, release: header.release, seq: header.seq, ...(newBoot && i === 0 ? { newBoot } : {}) }));
    // A `c` record is the start of a line later `+` records extend: held until the next record decides.
    if (header.flag === "c") this.continued = made.pop();
    out.push(...made);
    return out;
  }
}

function assemble(p: PendingFragments): Uint8Array {
  const out = new Uint8Array(p.total);
  let filled = 0;
  for (const [offset, part] of [...p.parts.entries()].sort((a, b) => a[0] - b[0])) {
    out.set(part.subarray(0, Math.max(0, p.total - offset)), offset);
    filled = Math.max(filled, offset + part.length);
  }
  return out.subarray(0, Math.min(p.total, filled));
}
