/**
 * syzkaller-style title normalisation: the same bug must get the same title on every host, build and run, so
 * everything that varies between runs (addresses, IPs, line numbers, task numbers, CPU numbers) is replaced by a
 * placeholder. Pure string work; never throws.
 */
import { cleanFunctionName as cleanFrameFunctionName } from "./frames";
import { memoByText } from "./memo-by-text";

/** Longest title we keep (syzbot's limit): longer titles are cut at a word boundary. */
export const MAX_TITLE_LENGTH = 120;

/**
 * Syscall wrappers the kernel generates around the real handler: `__x64_sys_bind` and `__se_sys_bind` are the
 * same code as `sys_bind`, and `ksys_`/`__do_sys_` only add a level of indirection.
 */
const SYSCALL_WRAPPER = /^(?:__(?:x64|ia32|arm64|riscv|s390x?|powerpc|se|do|x32)_)+(?=(?:compat_)?sys_)|^(?:__arm64_|__riscv_)(?=compat_sys_)/;

/**
 * A function name as titles use it: the frame parser's cleaning (clone suffixes, ppc64 dots, Rust symbols), then
 * syscall-wrapper prefixes stripped so all architectures' wrappers bucket together.
 */
export const cleanFunctionName: (name: string) => string = memoByText(cleanWithoutCache);

function cleanWithoutCache(name: string): string {
  let s = cleanFrameFunctionName(name);
  s = s.replace(SYSCALL_WRAPPER, "");
  // `SyS_foo` is the old (pre-4.17) spelling of the same wrapper.
  if (s.startsWith("SyS_")) s = "sys_" + s.slice(4);
  return s;
}

/** Replacements applied in order, repeatedly, until the title is stable (one may expose another). */
const TITLE_REPLACEMENTS: ReadonlyArray<readonly [RegExp, string]> = [
  // `func+0x1a/0x2b` inside a title → `func`
  [/([a-zA-Z0-9_.]+)\+0x[0-9a-f]+\/0x[0-9a-f]+/g, "$1"],
  // dotted quads
  [/\b(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?::[0-9]+)?\b/g, "IP"],
  // IPv6 (at least three groups)
  [/\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){3,7}\b/g, "IP"],
  // source line numbers
  [/(\.(?:c|h|S|rs|go|cc|cpp)):[0-9]+/g, "$1:LINE"],
  // kernel addresses and other long hex runs
  [/\b(?:0x)?[0-9a-f]{6,}\b/g, "ADDR"],
  // `CPU#3`, `cpu 3`
  [/\bCPU#[0-9]+/g, "CPU"],
  // numbered tasks and kernel threads: `syz-executor123` → `syz-executor`, `kworker/3:1H` → `kworker`
  [/\b(syz-executor|syz-fuzzer|kworker|ksoftirqd|migration|rcuop|rcuos|kswapd|jbd2)(?:\/[0-9]+(?::[0-9]+H?)?|[0-9]+)/g, "$1"],
  // remaining numbers that are not part of an identifier
  [/(^|[^a-zA-Z0-9_])(?:0x[0-9a-f]+|[0-9]+)(?![a-zA-Z_0-9])/g, "$1NUM"],
];

/** Normalise a finished title (see module comment). Idempotent. */
export const normalizeTitle: (raw: string) => string = memoByText(normalizeTitleText);

function normalizeTitleText(raw: string): string {
  // drop non-printables, collapse whitespace
  let s = raw.replace(/[^\x20-\x7e]/g, "").replace(/\s+/g, " ").trim();
  for (let round = 0; round < 4; round++) {
    let next = s;
    for (const [re, rep] of TITLE_REPLACEMENTS) next = next.replace(re, rep);
    if (next === s) break;
    s = next;
  }
  if (s.length > MAX_TITLE_LENGTH) {
    const cut = s.slice(0, MAX_TITLE_LENGTH);
    const sp = cut.lastIndexOf(" ");
    s = (sp > MAX_TITLE_LENGTH / 2 ? cut.slice(0, sp) : cut).trim();
  }
  return s;
}

/** Fill a title template: `$1`..`$9` are regex groups (function-cleaned when `{FUNC:n}`), `{FRAME}` the guilty frame. */
export function fillTemplate(
  template: string,
  groups: ReadonlyArray<string | undefined>,
  frame: string,
  nameAddress: (address: string) => string | undefined = () => undefined,
): string {
  return template
    .replace(/\{ADDRFUNC:([0-9])\}/g, (_, n: string) => {
      const addr = groups[Number(n)] ?? "";
      return cleanFunctionName(nameAddress(addr) ?? addr);
    })
    .replace(/\{FUNC:([0-9])\}/g, (_, n: string) => cleanFunctionName(groups[Number(n)] ?? ""))
    .replace(/\$([0-9])/g, (_, n: string) => groups[Number(n)] ?? "")
    .replace(/\{FRAME\}/g, frame);
}
