/**
 * The first lines a Go panic's goroutine dump can follow, one row per form. A program that dies prints `panic: …` or
 * `fatal error: …`; a program that recovers the panic and logs it prints its own line before the dump (net/http's
 * `http: panic serving …`, apimachinery HandleCrash's `Observed a panic: …`), and a paste may start at the dump itself.
 */

export type GoPanicHead = {
  /** Stable id (tests). */
  id: string;
  /** Literal the scanner's prefilter looks for (in the head line, or in a line right after it: see `lineNeedle`). */
  needle: string;
  /** Literal of the head line itself, when the prefilter's needle is in the line after it. */
  lineNeedle?: string;
  /** A second literal the prefilter looks for, for forms whose `needle` line older programs did not print. */
  alsoNeedle?: string;
  /** Matched against the line's text (prefixes peeled, trimmed). */
  pattern: RegExp;
  /** The panic's message, when the line tells it. */
  message: (m: RegExpExecArray) => string | undefined;
  /** `fatal error:` (the runtime's own unrecoverable errors; a title says so). */
  fatal?: true;
  /** The program recovered the panic, logged it and went on: the finding says it did not die. */
  recovered?: true;
  /** The line is the dump's `goroutine N [running]:` itself: only a dump that passes through a panic counts. */
  isTrace?: true;
  /** A signal the runtime could not turn into a panic (`SIGABRT: abort`, in cgo or C code): its title says the signal. */
  signal?: string;
};

// Go's log package writes `2016/06/12 11:04:35 ` (and `.000000` with Lmicroseconds) before what a program logs.
const GO_LOG_STAMP = String.raw`(?:\d{4}/\d\d/\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})? )?`;

/** apimachinery: `Observed a panic: "msg" (runtime error: msg)` or `Observed a panic: &errors.errorString{…} (…)`. */
function observedPanicMessage(m: RegExpExecArray): string {
  const body = m[1].trim();
  const inParens = /\((runtime error: [^)]+)\)\s*$/.exec(body);
  if (inParens) return inParens[1];
  const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(body);
  return quoted ? quoted[1] : body;
}

export const GO_PANIC_HEADS: readonly GoPanicHead[] = [
  { id: "panic", needle: "panic: ", pattern: /^panic: (.+)$/, message: (m) => m[1] },
  { id: "fatal-error", needle: "fatal error: ", pattern: /^fatal error: (.+)$/, message: (m) => m[1], fatal: true },
  {
    // net/http's conn.serve recovers a handler's panic and logs `http: panic serving <remote addr>: <value>` and the
    // stack, through the server's ErrorLog (Go's log package: its time stamp, then the message).
    id: "net-http-recovered",
    needle: "http: panic serving ",
    pattern: new RegExp(String.raw`^${GO_LOG_STAMP}http: panic serving \S*: (.+)$`),
    message: (m) => m[1],
    recovered: true,
  },
  {
    // k8s.io/apimachinery's HandleCrash logs the value, then the stack (kubelet, kube-proxy, controllers, operators).
    id: "apimachinery-observed-panic",
    needle: "Observed a panic: ",
    pattern: /^Observed a panic: (.+)$/,
    message: observedPanicMessage,
    recovered: true,
  },
  {
    // apimachinery since 1.31 logs through klog's structured form: `"Observed a panic" panic="<value>"
    // panicGoValue="…" stacktrace=<`, then the dump tab-indented, then ` >`. The prefilter finds the dump's
    // `goroutine N [running]:` line right under it (no needle of its own: the head is the line above that one).
    id: "klog-structured-observed-panic",
    needle: " [running]:",
    lineNeedle: '"Observed a panic" ',
    pattern: /^"Observed a panic" panic="((?:[^"\\]|\\.)*)".*\bstacktrace=<$/,
    message: (m) => m[1].replace(/\\"/g, '"'),
    recovered: true,
  },
  // A fatal signal outside Go code (a cgo library aborting, a segfault in C): the runtime prints the signal, then
  // `PC=0x… m=N sigcode=N`, then the goroutines (runtime/signal_unix.go, sighandler). The prefilter looks for the
  // `sigcode=` line (one needle for every signal; the window's context holds the head above it). Older Go releases
  // (docker 1.10, rkt and kubelet builds of 2016) printed `PC=0x… m=N` alone: the head's whole line is a needle too
  // — `SIGABRT: abort`, cgo's `pthread_create failed` abort, is the one real logs show. SIGQUIT's dump is a debugging
  // aid, no crash.
  ...(["SIGSEGV", "SIGABRT", "SIGBUS", "SIGILL", "SIGFPE"] as const).map(
    (sig): GoPanicHead => ({
      id: `signal-${sig.toLowerCase()}`,
      needle: " sigcode=",
      ...(sig === "SIGABRT" ? { alsoNeedle: "SIGABRT: abort" } : {}),
      lineNeedle: `${sig}: `,
      pattern: new RegExp(`^${sig}: (.+)$`),
      message: (m) => m[1],
      signal: sig,
    }),
  ),
  {
    // A paste cut just below its `panic:` line: the runtime prints `[signal SIGSEGV: segmentation violation code=0x1
    // addr=0x10 pc=0x…]` under a panic a fault raised (a nil dereference), then the goroutine that faulted. The line
    // says the program died of the fault; what it was doing is the frames'.
    id: "signal-panic",
    needle: "[signal SIG",
    pattern: /^\[signal SIG[A-Z]+: [^\]]*\bpc=0x[0-9a-f]+\]$/,
    message: () => undefined,
  },
  {
    // A paste that starts at the dump (the logged line above it was cut), or a recovery that printed only the stack.
    id: "goroutine-dump",
    needle: " [running]:",
    pattern: /^goroutine \d+ \[running\]:$/,
    message: () => undefined,
    isTrace: true,
  },
];

export const GO_PANIC_NEEDLES: readonly string[] = [...new Set(GO_PANIC_HEADS.flatMap((h) => (h.alsoNeedle ? [h.needle, h.alsoNeedle] : [h.needle])))];

/** Any of the forms, for a quick test of a line. */
export const GO_PANIC_HEAD_PATTERN = new RegExp(GO_PANIC_HEADS.map((h) => `(?:${h.pattern.source})`).join("|"));

/** The form `text` (trimmed) has, and its match. */
export function matchGoPanicHead(text: string): { head: GoPanicHead; match: RegExpExecArray } | undefined {
  for (const head of GO_PANIC_HEADS) {
    if (!text.includes((head.lineNeedle ?? head.needle).trimStart())) continue;
    const match = head.pattern.exec(text);
    if (match) return { head, match };
  }
  return undefined;
}
