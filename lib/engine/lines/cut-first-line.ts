/**
 * The first line of a paste whose selection started mid-line (a mouse drag from a terminal or a web page that caught
 * the line a few characters late): its prefix lost its head (`at Jul 25 15:12:12 2020 kern.warn kernel: …` for
 * `Sat Jul 25 …`, `.031966] CPU 4 Unable to …` for `[ 1234.031966] …`), or the message did (`to handle kernel NULL
 * pointer dereference at …`, `oft lockup - CPU#0 stuck for 22s!`). Only an input's first line is read so: a cut
 * anywhere else is a wrap (join-wrapped-lines.ts) or a line of its own. Pure.
 */
import type { LogLine } from "../types";

/** Characters a cut prefix may have lost (a syslog date and host, an ISO stamp, a dmesg -T stamp). */
const MAX_PREFIX_CUT = 48;

/**
 * Report and event headers whose first words a cut may take, each with the shape the whole line must have once they
 * are put back: a suffix of `head` starting the line is only the rest of that header when the result reads as it.
 * The shapes are stricter than the class and event tables on purpose: a rest as short as `G: ` completes any line to
 * `BUG: …` or `WARNING: …`, which those tables (reading lines that are whole) would take as a header.
 */
const CUT_HEADS: readonly { head: string; whole: RegExp }[] = [
  { head: "BUG: unable to handle kernel ", whole: /^BUG: unable to handle kernel (?:NULL pointer dereference|paging request) at /i },
  { head: "BUG: unable to handle page fault for address: ", whole: /^BUG: unable to handle page fault for address: [0-9a-f]/ },
  { head: "BUG: kernel NULL pointer dereference, address: ", whole: /^BUG: kernel NULL pointer dereference, address: [0-9a-f]/ },
  { head: "Unable to handle kernel ", whole: /^Unable to handle kernel (?:NULL pointer dereference|paging request|pointer dereference|data access|instruction fetch|access)\b/ },
  { head: "kernel BUG at ", whole: /^kernel BUG at \S+:\d+!/ },
  { head: "Kernel panic - not syncing: ", whole: /^Kernel panic - not syncing: \S/ },
  { head: "general protection fault", whole: /^general protection fault(?:, |: [0-9a-f]{4} \[#)/ },
  { head: "INFO: task ", whole: /^INFO: task \S.*:\d+ blocked for more than \d+ seconds/ },
  { head: "INFO: rcu_", whole: /^INFO: rcu_(?:sched|preempt|bh) (?:self-)?detected (?:expedited )?stalls? on CPU/ },
  { head: "rcu: INFO: rcu_", whole: /^rcu: INFO: rcu_(?:sched|preempt|bh) (?:self-)?detected (?:expedited )?stalls? on CPU/ },
  {
    head: "WARNING: ",
    whole:
      /^WARNING: (?:CPU: \d+ PID: \d+ at \S|possible (?:circular|recursive) locking dependency detected|inconsistent lock state|suspicious RCU usage|bad unlock balance detected|lock held when returning to user space|Invalid wait context|held lock freed)/,
  },
  { head: "BUG: soft lockup - CPU#", whole: /^BUG: soft lockup - CPU#\d+ stuck for \d+s/ },
  { head: "BUG: scheduling while atomic: ", whole: /^BUG: scheduling while atomic: \S/ },
  { head: "BUG: sleeping function called from invalid context", whole: /^BUG: sleeping function called from invalid context at \S/ },
  { head: "BUG: using smp_processor_id() in preemptible", whole: /^BUG: using smp_processor_id\(\) in preemptible \[/ },
  { head: "BUG: spinlock ", whole: /^BUG: spinlock (?:bad magic|recursion|lockup suspected|already unlocked|wrong CPU|cpu recursion) on CPU#\d/ },
  { head: "BUG: Bad page ", whole: /^BUG: Bad page (?:state|map) in process \S/ },
  { head: "BUG: KASAN: ", whole: /^BUG: KASAN: [\w-]+ in \S/ },
  { head: "BUG: KFENCE: ", whole: /^BUG: KFENCE: [\w-]+ (?:read|write|in)\b/ },
  { head: "BUG: KCSAN: ", whole: /^BUG: KCSAN: data-race in \S/ },
  { head: "BUG: KMSAN: ", whole: /^BUG: KMSAN: [\w-]+ in \S/ },
  { head: "unreferenced object 0x", whole: /^unreferenced object 0x[0-9a-f]+ \(size \d+\):/ },
  { head: "unregister_netdevice: waiting for ", whole: /^unregister_netdevice: waiting for \S+ to become free/ },
  { head: "Watchdog detected hard LOCKUP on cpu ", whole: /^Watchdog detected hard LOCKUP on cpu \d/ },
];

const WORD_CHAR = /[A-Za-z0-9]/;

/** The text with the words a cut took from its start put back, or undefined when it is no cut header. */
export function completeCutHeader(text: string): string | undefined {
  const t = text.trimStart();
  for (const { head, whole } of CUT_HEADS) {
    // The longest rest of the head first: `G: possible …` is WARNING's, whatever shorter rests would say.
    for (let k = 1; k < head.length; k++) {
      // A rest of punctuation alone (`: `) ends every prefix as well (`kernel: ` cut to `: BUG: Bad page state …`):
      // it tells no header.
      if (!WORD_CHAR.test(head.slice(k)) || !t.startsWith(head.slice(k))) continue;
      const completed = head.slice(0, k) + t;
      if (whole.test(completed)) return completed;
    }
  }
  return undefined;
}

/**
 * The input's first line read again when a cut took the head of its prefix or of its message. `next`: the line after
 * it (its format says which prefix the cut one had); `parse` reads a raw line without touching the window's context.
 */
export function repairCutFirstLine(first: LogLine, next: LogLine | undefined, parse: (raw: string) => LogLine): LogLine {
  let line = first;
  const prefixLength = next && next.format !== "plain" && next.raw.endsWith(next.text) ? next.raw.length - next.text.length : 0;
  if (next && prefixLength > 1 && first.format !== next.format) {
    // The cut took the first characters of a prefix the next line has whole: those are (almost always) the same
    // characters, a stamp's date and a host's name; the stamp's last digits stay the cut line's own. What is left of
    // the cut prefix has the next prefix's shape from there on (digits where it has digits, its punctuation): a line
    // with no prefix at all (a heading before the log) is left alone.
    const limit = Math.min(MAX_PREFIX_CUT, prefixLength - 1);
    for (let k = 1; k <= limit; k++) {
      if (!sameShape(first.raw, next.raw, k, prefixLength)) continue;
      const read = parse(next.raw.slice(0, k) + first.raw);
      if (read.format === next.format && read.host === next.host && read.program === next.program) {
        line = { ...read, raw: first.raw, lineNo: first.lineNo, fileIndex: first.fileIndex };
        break;
      }
    }
  }
  const completed = completeCutHeader(line.text);
  return completed === undefined ? line : { ...line, text: completed };
}

const charClass = (c: string): string =>
  c >= "0" && c <= "9" ? "0" : c === " " || c === "\t" ? " " : (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") ? "a" : c;

/** Whether cut[0…] has the shape of whole[from, to): digits, blanks and letters alike, other characters equal. */
function sameShape(cut: string, whole: string, from: number, to: number): boolean {
  if (cut.length < to - from) return false;
  for (let i = from; i < to; i++) if (charClass(cut[i - from]) !== charClass(whole[i])) return false;
  return true;
}
