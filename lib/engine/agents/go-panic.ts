/**
 * Node agents are Go programs (Cilium, kubelet, containerd, Calico): when they crash they print
 * `panic: <message>` (or `fatal error: …`), a blank line, `goroutine N [running]:` and pairs of lines —
 * `pkg/path.(*Type).Func(args…)` then `\t/path/file.go:123 +0x65`. Their versions are in their own earlier lines
 * (`Cilium 1.15.0 5f4d5c7 …`), which a KB verdict needs (fixed in Cilium 1.15.1).
 */
import type { Finding, Frame, LogLine } from "../types";
import { GO_PANIC_HEAD_PATTERN, GO_PANIC_HEADS, matchGoPanicHead } from "./go-panic-heads";

/** Any first line of a Go panic (go-panic-heads.ts: `panic:`, `fatal error:`, a recovered panic's log line…). */
export const GO_PANIC_START = GO_PANIC_HEAD_PATTERN;
const GOROUTINE = /^goroutine \d+ \[[^\]]+\]:/;
/** The panicking goroutine's header (`goroutine 157 [running]:`), the first line of a crash's trace. */
const RUNNING_GOROUTINE = /^goroutine \d+ \[running\]:$/;
/** syzkaller's title of a Go runtime `fatal error:`, whatever its message. */
const GO_RUNTIME_ERROR = "go runtime error";

/**
 * Messages only the Go runtime throws (runtime/map*.go, lock_futex.go, proc.go, malloc.go, mgc*.go): a `fatal error:`
 * line with one of these is a Go program's death even when the log kept no dump under it (a journal that lost the
 * dump, a poster who quoted one line). Other `fatal error:` lines (a C compiler's, PHP's) need their goroutine dump.
 */
const GO_RUNTIME_THROW =
  /^(?:concurrent map (?:writes|read and map write|iteration and map write)|all goroutines are asleep - deadlock!|runtime[.\u00b7]unlock: lock count|runtime: out of memory|unexpected signal during runtime execution|schedule: holding locks|checkdead: runnable g|bad flushGen .*|sweep increased allocation count|found bad pointer in Go heap)$/;

/** `fatal error:` from the Go runtime itself prints the system stack first (often with no symbolised frames). */
const RUNTIME_STACK = /^runtime stack:$/;
const TRACE_START = (t: string) => GOROUTINE.test(t) || RUNTIME_STACK.test(t);
/**
 * A fatal signal that arrived on a thread running no goroutine (a cgo library aborting: `runtime/cgo: pthread_create
 * failed: Resource temporarily unavailable`, then `SIGABRT: abort`) dumps `goroutine 0 [idle]:` first, with the raw
 * stack the runtime could not symbolise — `runtime: unknown pc 0x…`, `stack: frame={sp:…, fp:…} stack=[…)` and
 * `<address>:  <word>  <word>` rows (runtime/traceback.go, hexdump in runtime/print.go) — and the program's own
 * goroutines after it. Pastes often stop inside those rows: the signal and its goroutine header still tell the crash.
 */
const IDLE_G0 = /^goroutine 0 \[idle\]:$/;
const RAW_STACK_LINE =
  /^(?:runtime: (?:g \d+: )?unknown pc 0x[0-9a-f]+|stack: frame=\{sp:0x[0-9a-f]+, fp:0x[0-9a-f]+\} stack=\[0x[0-9a-f]+,0x[0-9a-f]+\)|(?:0x)?[0-9a-f]{8,16}:\s+<?(?:0x)?[0-9a-f]{8,16}(?:\s.*)?)$/;
// Go 1.4 closures are `func·011`; a log path that escapes non-ASCII bytes writes the middle dot as `<C2><B7>` (journal
// forwarders), `#302#267` (rsyslog) or `\xc2\xb7`.
const ESCAPED_MIDDLE_DOT = /<C2><B7>|#302#267|\\xc2\\xb7/gi;
// `pkg/path.(*Type).Func` at a line's start: package path (group 1) and function (group 2).
const GO_FUNC_NAME = String.raw`^((?:[\w.-]+\/)*[\w.-]+?)\.((?:\(\*?[\w[\]., ]+\)\.)?[\w.[\]\u00b7]+?)`;
const GO_FUNC = new RegExp(GO_FUNC_NAME + String.raw`(?:\[[^\]]*\])?\((.*)\)$`);
// A frame line cut inside its arguments (the paste or the terminal lost the rest): `pkg.(*T).f(0xc000a8a0a0, 0x42803`.
const GO_FUNC_CUT = new RegExp(GO_FUNC_NAME + String.raw`\(((?:\{?0x[0-9a-f]+\??\}?|\.\.\.)(?:, ?(?:\{?0x[0-9a-f]+\??\}?|\.\.\.)?)*)$`);
// The runtime's panic frame: `panic(0x17a2b40, 0x25ec1d0)` (`panic({0x…, 0x…})` since Go 1.17); Go 1.4 printed it as
// `runtime.gopanic(…)`. Frames above it are the deferred calls that ran during the panic.
const PANIC_FRAME = /^panic\((.*)\)$/;
// `\t/path/file.go:123 +0x65`; runtime frames of fatal errors (and GOTRACEBACK=system) add ` fp=0x… sp=0x… pc=0x…`
// (Go ≤ 1.7: no `pc=`); assembly frames name a `.s` file. A shipper that trims lines drops the leading tab.
const GO_FILE = /^\s*(\S+\.(?:go|s)):(\d+)(?: \+0x[0-9a-f]+)?(?: fp=0x[0-9a-f]+ sp=0x[0-9a-f]+(?: pc=0x[0-9a-f]+)?)?$/;

/** Components recognised from Go package paths, for findings whose program name is unknown. */
const PACKAGE_COMPONENTS: Array<[RegExp, string]> = [
  [/^github\.com\/cilium\/cilium\//, "cilium-agent"],
  [/^github\.com\/projectcalico\//, "calico"],
  [/^k8s\.io\/kubernetes\/pkg\/kubelet/, "kubelet"],
  [/^k8s\.io\/kubernetes\/pkg\/proxy/, "kube-proxy"],
  [/^github\.com\/containerd\/containerd/, "containerd"],
  [/^github\.com\/opencontainers\/runc/, "runc"],
  [/^github\.com\/docker\/docker|^github\.com\/moby\/moby/, "dockerd"],
  [/^github\.com\/flannel-io\/flannel|^github\.com\/coreos\/flannel/, "flannel"],
];

/** Version lines agents print at start-up: component → pattern with the version in group 1. */
export const AGENT_VERSION_RULES: Array<{ component: string; needle: string; pattern: RegExp }> = [
  { component: "cilium-agent", needle: "Cilium ", pattern: /\bCilium (\d+\.\d+\.\d+(?:-[\w.]+)?) [0-9a-f]{6,}/ },
  { component: "kubelet", needle: "ubelet version", pattern: /[Kk]ubelet version"? (?:kubeletVersion=)?"?v?(\d+\.\d+\.\d+)/ },
  // `msg="starting containerd" revision=<40 hex> version=v1.7.2`: bounded, each start of a hostile line of
  // `starting containerd` without `version=` scanned the rest of the line.
  { component: "containerd", needle: "starting containerd", pattern: /starting containerd.{0,160}?version=v?(\d+\.\d+\.\d+)/ },
  { component: "calico", needle: "Calico ", pattern: /Calico (?:node )?version[:=]?\s*"?v?(\d+\.\d+\.\d+)/ },
];

/** Same-named component as the KB uses (`cilium-agent` → `cilium`). */
export function componentFamily(component: string): string {
  return component.replace(/-agent$/, "");
}

function componentFromFrames(frames: Frame[]): string | undefined {
  for (const f of frames) {
    const pkg = f.module ?? "";
    for (const [re, name] of PACKAGE_COMPONENTS) if (re.test(pkg + "/") || re.test(pkg)) return name;
  }
  return undefined;
}

/** `index out of range [3] with length 0` → `index out of range`; keeps the words that name the bug class. */
function normalizePanicMessage(msg: string): string {
  return msg
    .replace(/\[\d+\]/g, "")
    .replace(/ with length \d+/, "")
    .replace(/0x[0-9a-f]+/gi, "ADDR")
    .replace(/\b\d+\b/g, "NUM")
    .replace(/\s+/g, " ")
    .trim();
}

/** A dump line as written, with an escaped closure dot (`func<C2><B7>011`) read back. */
function dumpText(l: LogLine): string {
  const t = l.text.trimEnd();
  return t.includes("<") || t.includes("#") || t.includes("\\") ? t.replace(ESCAPED_MIDDLE_DOT, "\u00b7") : t;
}

/**
 * Whether `next` is the rest of a dump line a terminal or mail client wrapped: it carries none of the prefix the
 * dump's lines have (`head` names a host or program, `next` nothing) and is not blank.
 */
function isWrappedRest(head: LogLine, next: LogLine | undefined): next is LogLine {
  if (!next || next.text.trim() === "" || next.host !== undefined || next.program !== undefined) return false;
  return head.host !== undefined || head.program !== undefined;
}

/** A frame's function line: the frame, or undefined when `t` is none. `cut` accepts a line cut inside its arguments. */
function frameOf(t: string, cut: boolean): Frame | undefined {
  const s = t.trim();
  if (PANIC_FRAME.test(s)) return { function: "panic", module: "runtime", reliable: true };
  const fn = GO_FUNC.exec(s) ?? (cut ? GO_FUNC_CUT.exec(s) : null);
  return fn ? { function: `${fn[1]}.${fn[2]}`, module: fn[1], reliable: true } : undefined;
}

const isPanicFrame = (f: Frame) => f.function === "panic" || f.function === "runtime.gopanic";
const isRuntimeFrame = (f: Frame) => /^runtime\b/.test(f.module ?? "") || /^runtime\./.test(f.function);

/**
 * The frame to blame: the first one of the program's own code below the panic. Frames above a `panic(…)` frame are
 * the deferred calls that ran during the panic (a recovering handler: net/http's, apimachinery's HandleCrash), and
 * the runtime's own frames (runtime.gopanic, runtime.panicIndex) are not the culprit either.
 */
function guiltyGoFrame(frames: Frame[]): Frame | undefined {
  let from = 0;
  for (let k = frames.length - 1; k >= 0; k--) {
    if (isPanicFrame(frames[k])) {
      from = k + 1;
      break;
    }
  }
  return frames.slice(from).find((f) => !isRuntimeFrame(f)) ?? frames.find((f) => !isRuntimeFrame(f) && !isPanicFrame(f));
}

/**
 * Parses a Go panic starting at `lines[start]` (which matched GO_PANIC_START). Returns the finding and the index
 * after its last line, or undefined when no goroutine trace follows (a log line that merely says "panic:"), or when
 * a dump that starts at its `goroutine N [running]:` line never passes through a panic.
 */
export function parseGoPanic(
  lines: readonly LogLine[],
  start: number,
  fileName: string,
): { finding: Finding; end: number } | undefined {
  const head = lines[start];
  const found = matchGoPanicHead(head.text.trim());
  if (!found) return undefined;
  const { head: form, match: m } = found;
  const message = form.message(m)?.trim();
  let i = start;
  let stackless = false;
  if (!form.isTrace) {
    i++;
    // Allow a blank line and `[recovered]`/`[signal SIGSEGV …]` lines before the goroutine header.
    while (i < lines.length && i < start + 6 && !TRACE_START(lines[i].text.trim())) i++;
    if (i >= lines.length || !TRACE_START(lines[i].text.trim())) {
      // No dump follows: only a throw whose words are the Go runtime's own tells a crash on its line alone.
      if (!form.fatal || message === undefined || !GO_RUNTIME_THROW.test(message)) return undefined;
      stackless = true;
      i = start;
    }
  }
  const runtimeFatal = form.fatal === true && RUNTIME_STACK.test(lines[i].text.trim());
  // A signal's dump that starts at the idle goroutine 0: its raw stack is skipped, its frames are the next goroutine's.
  let idleG0 = form.signal !== undefined && IDLE_G0.test(lines[i].text.trim());
  const frames: Frame[] = [];
  const report = lines.slice(start, i + 1).map((l) => l.text);
  const traceHeader = lines[i].text.trim();
  // Nothing of the dump follows its header: the input ends there, or the next line is another program's.
  const cutBelowHeader = i + 1 >= lines.length || (head.program !== undefined && lines[i + 1].program !== head.program);
  i++;
  for (; !stackless && i < lines.length && frames.length < 200; i++) {
    let t = dumpText(lines[i]);
    if (idleG0) {
      const s = t.trim();
      if (RAW_STACK_LINE.test(s)) {
        report.push(lines[i].text);
        continue;
      }
      // The next goroutine, right after the raw stack or after the blank line between goroutines.
      const next = s === "" && i + 1 < lines.length ? dumpText(lines[i + 1]).trim() : s;
      if (GOROUTINE.test(next)) {
        if (s === "") i++;
        report.push(lines[i].text);
        idleG0 = false;
        continue;
      }
      idleG0 = false;
    }
    if (t === "" || /^goroutine \d+ \[/.test(t.trim())) break;
    let file = GO_FILE.exec(t);
    let frame = file ? undefined : frameOf(t, false);
    if (!file && !frame && isWrappedRest(head, lines[i + 1])) {
      // A line the terminal wrapped: its rest is the next line, without the dump's prefix.
      const joined = t + dumpText(lines[i + 1]).trim();
      file = GO_FILE.exec(joined);
      frame = file ? undefined : frameOf(joined, true);
      if (file || frame) {
        report.push(lines[i].text);
        i++;
        t = joined;
      }
    }
    if (!file && !frame && i === lines.length - 1) frame = frameOf(t, true);
    if (file) {
      const last = frames[frames.length - 1];
      if (last && !last.file) {
        last.file = file[1];
        last.fileLine = Number(file[2]);
      }
      report.push(lines[i].text);
      continue;
    }
    if (!frame) {
      if (/^created by /.test(t.trim()) || /^exit status/.test(t.trim())) {
        report.push(lines[i].text);
        continue;
      }
      break;
    }
    frames.push(frame);
    report.push(lines[i].text);
  }
  const end = i;
  // A fatal signal's head and goroutine header tell the crash even when the paste kept no frame. So do a `panic:` line
  // and the `goroutine N [running]:` header under it when the log stops right there (a paste or an archive excerpt cut
  // below the header, the program's own lines ending with it): the runtime prints the running goroutine's header in
  // the dump of the crash it reports. A header followed by lines that are no frames is no such dump.
  const runningPanic = form.id === "panic" && RUNNING_GOROUTINE.test(traceHeader) && cutBelowHeader;
  if (frames.length === 0 && !runtimeFatal && form.signal === undefined && !runningPanic && !stackless) return undefined;
  // A bare goroutine dump is a panic only when it went through one (a SIGQUIT or debug dump does not).
  if (form.isTrace && !frames.some(isPanicFrame)) return undefined;
  // A recovered panic's dump starts in the recovering handler (logPanic, HandleCrash, net/http's conn.serve.func1): a
  // paste cut before its `panic(…)` frame holds none of the code that panicked, so nothing is blamed.
  const guilty = form.recovered && !frames.some(isPanicFrame) ? undefined : guiltyGoFrame(frames);
  const shortName = guilty ? guilty.function.replace(/^.*\//, "").replace(/^[\w-]+\./, "").replace(/^\(\*?\w+\)\./, "") : undefined;
  const component = head.program && !/^(?:kernel|systemd)$/.test(head.program) ? head.program : componentFromFrames(frames);
  const what = form.fatal ? "fatal error" : (form.signal ?? "panic");
  const title = `${what}${message ? `: ${normalizePanicMessage(message)}` : ""}${shortName ? ` in ${shortName}` : ""}`.slice(0, 120);
  const finding: Finding = {
    id: "",
    kind: "go-panic",
    title,
    // syzkaller buckets every Go runtime `fatal error:` (its fuzzer or executor died) as one `go runtime error`, a DoS.
    altTitles: form.fatal ? [GO_RUNTIME_ERROR] : [],
    ...(form.fatal ? { syzkallerTitle: GO_RUNTIME_ERROR, type: "DoS" } : {}),
    headline: head.text.trim(),
    guiltyFrame: guilty?.function,
    frames,
    corrupted: false,
    // A recovered panic was logged by the program, which went on.
    panicked: !form.recovered,
    panicMessage: message,
    host: head.host,
    time: head.time !== undefined ? new Date(head.time).toISOString() : undefined,
    source: { file: fileName, line: head.lineNo, endLine: lines[Math.max(start, end - 1)].lineNo },
    report: report.slice(0, 300),
    signature: "",
    matches: [],
    component,
  };
  if (!finding.host) delete finding.host;
  if (!finding.time) delete finding.time;
  if (!finding.component) delete finding.component;
  if (finding.panicMessage === undefined) delete finding.panicMessage;
  return { finding, end };
}

/** Literals of the head lines themselves. */
const GO_PANIC_LINE_NEEDLES = [...new Set(GO_PANIC_HEADS.map((h) => h.lineNeedle ?? h.needle))];
/** A goroutine header after an escaped newline: a dump quoted inside one log line. */
const ESCAPED_GOROUTINE = /\\n(?:\\n)?goroutine \d+ \[/;

/**
 * A Go crash dump quoted inside one log line with its line breaks escaped: kubelet's `ExecSync cmd from runtime service
 * failed" err="… command error: …\nSIGABRT: abort\nPC=…\n\ngoroutine 1 [syscall]:\n…"`, a CNI plugin's output in
 * `failed to create pod sandbox … netplugin failed: "panic: …\ngoroutine 1 [running]:\n…"`. The dump is read as the
 * lines it was, from the first head in it (which may follow the quoting message on its first line). The crashed
 * program is the one quoted, not the one that logged the line: its component comes from its frames.
 */
export function parseEscapedGoPanic(line: LogLine, fileName: string): Finding | undefined {
  if (!line.text.includes("goroutine ") || !ESCAPED_GOROUTINE.test(line.text)) return undefined;
  const pieces = line.text.split("\\n").map((p) => p.replace(/\\t/g, "\t").replace(/\\"/g, '"'));
  const lines: LogLine[] = pieces.map((text) => ({ ...line, text, program: undefined }));
  for (let k = 0; k < lines.length; k++) {
    const text = lines[k].text;
    for (const needle of GO_PANIC_LINE_NEEDLES) {
      const at = text.indexOf(needle.trimStart());
      if (at < 0 || !matchGoPanicHead(text.slice(at).trim())) continue;
      lines[k] = { ...lines[k], text: text.slice(at) };
      const parsed = parseGoPanic(lines, k, fileName);
      if (parsed) return parsed.finding;
    }
  }
  return undefined;
}

/**
 * A Go program that recovers from its own panic and logs it as an error (Calico CNI's `Calico CNI panicked during
 * ADD: runtime error: invalid memory address or nil pointer dereference`, apimachinery's `Observed a panic: … (runtime
 * error: …)`) prints no goroutine dump, or prints it after this line: the line still tells a Go runtime fault.
 * Only the runtime's own errors count (`runtime error: …`): a panic a program raises on purpose says nothing general.
 */
const RECOVERED_GO_PANIC = /\b(?:[Pp]anic(?:ked|s)?|PANIC)\b[^\n]*?\b(runtime error: [a-z](?:[^"')\[\]\n]|\[\d+\])*?)\s*(?:["')\]]|$)/;
export const RECOVERED_GO_PANIC_NEEDLE = "runtime error: ";
/**
 * apimachinery's `Observed a panic: "<value>" (runtime error: <value>)` quotes a runtime error's message first: a line
 * cut before its parenthesis (an excerpt, a wrap) still names the runtime's fault when the quoted value is one of the
 * runtime's own messages.
 */
const OBSERVED_RUNTIME_MESSAGE =
  /\bObserved a panic: "(invalid memory address or nil pointer dereference|index out of range[^"]{0,80}|slice bounds out of range[^"]{0,80}|integer divide by zero|assignment to entry in nil map|makeslice: [^"]{1,80}|hash of unhashable type[^"]{0,80}|comparing uncomparable type[^"]{0,80})"/;

/** The runtime error a recovered panic's line names (`runtime error: …`), if it names one. */
function recoveredRuntimeError(text: string): string | undefined {
  if (text.includes(RECOVERED_GO_PANIC_NEEDLE)) return RECOVERED_GO_PANIC.exec(text)?.[1];
  const observed = text.includes("Observed a panic: ") ? OBSERVED_RUNTIME_MESSAGE.exec(text) : null;
  return observed ? `runtime error: ${observed[1]}` : undefined;
}

/** Programs named in the text of a recovered panic's line, for lines whose format names no program. */
const TEXT_COMPONENTS: Array<[RegExp, string]> = [
  [/\bCalico\b/i, "calico"],
  [/\bCilium\b/i, "cilium-agent"],
  [/\bkubelet\b/, "kubelet"],
  [/\bcontainerd\b/, "containerd"],
  [/\bflannel\b/i, "flannel"],
];

/** The finding of a recovered Go panic's log line (see RECOVERED_GO_PANIC), or undefined when the line is not one. */
export function parseRecoveredGoPanic(line: LogLine, fileName: string): Finding | undefined {
  const message = recoveredRuntimeError(line.text);
  if (!message) return undefined;
  const named = line.program && !/^(?:kernel|systemd|journal|shell)$/.test(line.program) ? line.program : undefined;
  const component = named ?? TEXT_COMPONENTS.find(([re]) => re.test(line.text))?.[1];
  const finding: Finding = {
    id: "",
    kind: "go-panic",
    title: `panic: ${normalizePanicMessage(message)}`.slice(0, 120),
    altTitles: [],
    headline: line.text.trim(),
    frames: [],
    corrupted: false,
    // Recovered: the program logged it and went on.
    panicked: false,
    panicMessage: message,
    source: { file: fileName, line: line.lineNo, endLine: line.lineNo },
    report: [line.text],
    signature: "",
    matches: [],
  };
  if (line.host) finding.host = line.host;
  if (line.time !== undefined) finding.time = new Date(line.time).toISOString();
  if (component) finding.component = component;
  return finding;
}
