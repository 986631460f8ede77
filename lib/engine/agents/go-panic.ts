/**
 * Node agents are Go programs (Cilium, kubelet, containerd, Calico): when they crash they print
 * `panic: <message>` (or `fatal error: …`), a blank line, `goroutine N [running]:` and pairs of lines —
 * `pkg/path.(*Type).Func(args…)` then `\t/path/file.go:123 +0x65`. Their versions are in their own earlier lines
 * (`Cilium 1.15.0 5f4d5c7 …`), which a KB verdict needs (fixed in Cilium 1.15.1).
 */
import type { Finding, Frame, LogLine } from "../types";

export const GO_PANIC_START = /^(?:panic: (.+)|fatal error: (.+))$/;
const GOROUTINE = /^goroutine \d+ \[[^\]]+\]:/;
/** `fatal error:` from the Go runtime itself prints the system stack first (often with no symbolised frames). */
const RUNTIME_STACK = /^runtime stack:$/;
const TRACE_START = (t: string) => GOROUTINE.test(t) || RUNTIME_STACK.test(t);
const GO_FUNC = /^((?:[\w.-]+\/)*[\w.-]+?)\.((?:\(\*?[\w[\]., ]+\)\.)?[\w.[\]]+?)(?:\[[^\]]*\])?\((.*)\)$/;
// `\t/path/file.go:123 +0x65`; runtime frames of fatal errors (and GOTRACEBACK=system) add ` fp=0x… sp=0x… pc=0x…`.
const GO_FILE = /^\s+(\S+\.go):(\d+)(?: \+0x[0-9a-f]+)?(?: fp=0x[0-9a-f]+ sp=0x[0-9a-f]+ pc=0x[0-9a-f]+)?$/;

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
  { component: "containerd", needle: "starting containerd", pattern: /starting containerd.*?version=v?(\d+\.\d+\.\d+)/ },
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

/**
 * Parses a Go panic starting at `lines[start]` (which matched GO_PANIC_START). Returns the finding and the index
 * after its last line, or undefined when no goroutine trace follows (a log line that merely says "panic:").
 */
export function parseGoPanic(
  lines: LogLine[],
  start: number,
  fileName: string,
): { finding: Finding; end: number } | undefined {
  const head = lines[start];
  const m = GO_PANIC_START.exec(head.text.trim());
  if (!m) return undefined;
  const message = (m[1] ?? m[2]).trim();
  let i = start + 1;
  // Allow a blank line and `[recovered]`/`[signal SIGSEGV …]` lines before the goroutine header.
  while (i < lines.length && i < start + 6 && !TRACE_START(lines[i].text.trim())) i++;
  if (i >= lines.length || !TRACE_START(lines[i].text.trim())) return undefined;
  const runtimeFatal = m[2] !== undefined && RUNTIME_STACK.test(lines[i].text.trim());
  const frames: Frame[] = [];
  const report = lines.slice(start, i + 1).map((l) => l.text);
  i++;
  for (; i < lines.length && frames.length < 200; i++) {
    const text = lines[i].text;
    const t = text.trimEnd();
    if (t === "" || /^goroutine \d+ \[/.test(t.trim())) break;
    const file = GO_FILE.exec(t);
    if (file) {
      const last = frames[frames.length - 1];
      if (last && !last.file) {
        last.file = file[1];
        last.fileLine = Number(file[2]);
      }
      report.push(text);
      continue;
    }
    const fn = GO_FUNC.exec(t.trim());
    if (!fn) {
      if (/^created by /.test(t.trim()) || /^exit status/.test(t.trim())) {
        report.push(text);
        continue;
      }
      break;
    }
    frames.push({ function: `${fn[1]}.${fn[2]}`, module: fn[1], reliable: true });
    report.push(text);
  }
  const end = i;
  if (frames.length === 0 && !runtimeFatal) return undefined;
  // The runtime's own frames (runtime.gopanic, runtime.panicIndex) are not the culprit.
  const guilty = frames.find((f) => !/^runtime\b/.test(f.module ?? "") && !/^runtime\./.test(f.function));
  const shortName = guilty ? guilty.function.replace(/^.*\//, "").replace(/^[\w-]+\./, "").replace(/^\(\*?\w+\)\./, "") : undefined;
  const component = head.program && !/^(?:kernel|systemd)$/.test(head.program) ? head.program : componentFromFrames(frames);
  const title = `${m[2] !== undefined ? "fatal error" : "panic"}: ${normalizePanicMessage(message)}${shortName ? ` in ${shortName}` : ""}`.slice(0, 120);
  const finding: Finding = {
    id: "",
    kind: "go-panic",
    title,
    altTitles: [],
    headline: head.text.trim(),
    guiltyFrame: guilty?.function,
    frames,
    corrupted: false,
    panicked: true,
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
  return { finding, end };
}

/**
 * A Go program that recovers from its own panic and logs it as an error (Calico CNI's `Calico CNI panicked during
 * ADD: runtime error: invalid memory address or nil pointer dereference`, apimachinery's `Observed a panic: … (runtime
 * error: …)`) prints no goroutine dump, or prints it after this line: the line still tells a Go runtime fault.
 * Only the runtime's own errors count (`runtime error: …`): a panic a program raises on purpose says nothing general.
 */
const RECOVERED_GO_PANIC = /\b(?:[Pp]anic(?:ked|s)?|PANIC)\b[^\n]*?\b(runtime error: [a-z](?:[^"')\[\]\n]|\[\d+\])*?)\s*(?:["')\]]|$)/;
export const RECOVERED_GO_PANIC_NEEDLE = "runtime error: ";

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
  if (!line.text.includes(RECOVERED_GO_PANIC_NEEDLE)) return undefined;
  const m = RECOVERED_GO_PANIC.exec(line.text);
  if (!m) return undefined;
  const named = line.program && !/^(?:kernel|systemd|journal|shell)$/.test(line.program) ? line.program : undefined;
  const component = named ?? TEXT_COMPONENTS.find(([re]) => re.test(line.text))?.[1];
  const finding: Finding = {
    id: "",
    kind: "go-panic",
    title: `panic: ${normalizePanicMessage(m[1])}`.slice(0, 120),
    altTitles: [],
    headline: line.text.trim(),
    frames: [],
    corrupted: false,
    // Recovered: the program logged it and went on.
    panicked: false,
    panicMessage: m[1],
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
