/**
 * Stack frames out of a crash report's lines (log prefixes already removed).
 *
 * One pass over the lines, one table of frame formats (x86/arm64/s390 `f+0x1/0x2`, ARM `(f) from (g)`, ppc64
 * `[sp] [ip] .f+0x1/0x2 (unreliable)`, `crash` utility `bt`), plus the markers that change what the following
 * frames mean: stack contexts (`<IRQ>`, `<NMI>`, `<EOI>`, `<TASK>` …) and section headers that start a stack which
 * is NOT the crashing one (KASAN's `Allocated by task`/`Freed by task`, lockdep's dependency chain, other CPUs'
 * NMI backtraces).
 *
 * Choice for secondary stacks: `parseFrames` returns only the main (crashing) stack, because signatures and the
 * guilty frame must come from it; the allocation/free stacks are still available, labelled, from
 * `parseStackSections` for display.
 *
 * Register lines (`RIP: 0010:f+…`, `pc : f+…`, `NIP […]`, `Krnl PSW`, `PC is at`) are not frames: they are the
 * report's `rip` (see metadata.ts). Never throws.
 */
import type { Frame, FrameContext } from "../types";
import { memoByText } from "./memo-by-text";

/** What a stack section is: the crashing stack, or one printed for context. */
export type StackSectionKind = "main" | "allocated" | "freed" | "aux" | "other-cpu" | "lock-chain";

export type StackSection = {
  kind: StackSectionKind;
  /** The header line that opened the section (`Freed by task 123:`), or `Call Trace` for the first one. */
  label: string;
  frames: Frame[];
};

// Compiler-generated clone/split suffixes: GCC `.isra.N`, `.constprop.N`, `.part.N`, `.cold`(`.N`),
// clang ThinLTO `.llvm.<digits>`, LTO `.lto_priv.N`, `.localalias`, CFI `.cfi`/`.cfi_jt`. They can stack
// (`__slab_alloc.isra.50.constprop.56`), so strip from the first one on.
const CLONE_SUFFIX = /\.(?:isra|constprop|part|cold|llvm|lto_priv|localalias|cfi_jt|cfi|clone|specialized)(?:\.\d+)?(?:\..*)?$/;

// Rust v0 mangling (RFC 2603), the subset kernel symbols use: paths (C, N, M, X, Y, I…E), backrefs, basic and
// compound types. Kernels print mangled Rust symbols (`_RNvMs3_NtCs…_11rust_binder7processNtB5_7Process10update_ref`);
// syzkaller titles use the demangled form (`<rust_binder::process::Process>::update_ref`), so do we.
const RUST_BASIC_TYPES: Record<string, string> = {
  a: "i8", b: "bool", c: "char", d: "f64", e: "str", f: "f32", h: "u8", i: "isize", j: "usize", l: "i32",
  m: "u32", n: "i128", o: "u128", s: "i16", t: "u16", u: "()", v: "...", x: "i64", y: "u64", z: "!", p: "_",
};

/** A symbol that is not valid Rust v0 mangling, or uses a part we do not decode (const generics, fn types). */
class DemangleError extends Error {}

class RustDemangler {
  private pos = 0;
  private depth = 0;
  constructor(private readonly input: string) {}

  private peek(): string {
    return this.input.charAt(this.pos);
  }
  private next(): string {
    if (this.pos >= this.input.length) throw new DemangleError("eof");
    return this.input.charAt(this.pos++);
  }
  private eat(c: string): boolean {
    if (this.peek() !== c) return false;
    this.pos++;
    return true;
  }
  private base62(): number {
    if (this.eat("_")) return 0;
    let value = 0;
    for (;;) {
      const c = this.next();
      if (c === "_") return value + 1;
      const digit = /[0-9]/.test(c) ? c.charCodeAt(0) - 48 : /[a-z]/.test(c) ? c.charCodeAt(0) - 87 : /[A-Z]/.test(c) ? c.charCodeAt(0) - 29 : -1;
      if (digit < 0) throw new DemangleError("base62");
      value = value * 62 + digit;
    }
  }
  private disambiguator(): void {
    if (this.eat("s")) this.base62();
  }
  private decimal(): number {
    const start = this.pos;
    while (/[0-9]/.test(this.peek())) this.pos++;
    if (start === this.pos) throw new DemangleError("decimal");
    return Number(this.input.slice(start, this.pos));
  }
  private identifier(): string {
    this.disambiguator();
    this.eat("u"); // punycode: printed raw
    const length = this.decimal();
    this.eat("_");
    if (this.pos + length > this.input.length) throw new DemangleError("ident");
    const ident = this.input.slice(this.pos, this.pos + length);
    this.pos += length;
    return ident;
  }
  private backref<T>(parse: () => T): T {
    const target = this.base62();
    if (target >= this.pos) throw new DemangleError("backref");
    const saved = this.pos;
    this.pos = target;
    try {
      return parse();
    } finally {
      this.pos = saved;
    }
  }
  private guard(): void {
    if (++this.depth > 200) throw new DemangleError("depth");
  }
  path(): string {
    this.guard();
    try {
      const tag = this.next();
      switch (tag) {
        case "C":
          return this.identifier();
        case "M": {
          this.disambiguator();
          this.path();
          return `<${this.type()}>`;
        }
        case "X": {
          this.disambiguator();
          this.path();
          const self = this.type();
          return `<${self} as ${this.path()}>`;
        }
        case "Y": {
          const self = this.type();
          return `<${self} as ${this.path()}>`;
        }
        case "N": {
          const ns = this.next();
          const parent = this.path();
          const ident = this.identifier();
          if (ns === "C") return `${parent}::{closure${ident ? `:${ident}` : ""}}`;
          if (/[A-Z]/.test(ns)) return `${parent}::{${ns}${ident ? `:${ident}` : ""}}`;
          return ident ? `${parent}::${ident}` : parent;
        }
        case "I": {
          const base = this.path();
          const args: string[] = [];
          while (!this.eat("E")) args.push(this.genericArg());
          return `${base}<${args.join(", ")}>`;
        }
        case "B":
          return this.backref(() => this.path());
        default:
          throw new DemangleError("path");
      }
    } finally {
      this.depth--;
    }
  }
  private genericArg(): string {
    if (this.eat("L")) {
      this.base62();
      return "'_";
    }
    if (this.eat("K")) return this.constant();
    return this.type();
  }
  private constant(): string {
    if (this.eat("p")) return "_";
    if (this.eat("B")) return this.backref(() => this.constant());
    this.next(); // the constant's type (basic)
    const negative = this.eat("n");
    const start = this.pos;
    while (this.peek() !== "_") this.next();
    const hex = this.input.slice(start, this.pos);
    this.next();
    return `${negative ? "-" : ""}${hex ? Number.parseInt(hex, 16) : 0}`;
  }
  type(): string {
    this.guard();
    try {
      const c = this.peek();
      const basic = RUST_BASIC_TYPES[c];
      if (basic !== undefined && /[a-z]/.test(c)) {
        this.pos++;
        return basic;
      }
      switch (c) {
        case "R":
        case "Q": {
          this.pos++;
          if (this.eat("L")) this.base62();
          return `&${c === "Q" ? "mut " : ""}${this.type()}`;
        }
        case "P":
        case "O":
          this.pos++;
          return `*${c === "P" ? "const" : "mut"} ${this.type()}`;
        case "A": {
          this.pos++;
          const element = this.type();
          return `[${element}; ${this.constant()}]`;
        }
        case "S":
          this.pos++;
          return `[${this.type()}]`;
        case "T": {
          this.pos++;
          const items: string[] = [];
          while (!this.eat("E")) items.push(this.type());
          return `(${items.join(", ")}${items.length === 1 ? "," : ""})`;
        }
        case "B":
          this.pos++;
          return this.backref(() => this.type());
        case "F":
        case "D":
          throw new DemangleError("unsupported type");
        default:
          return this.path();
      }
    } finally {
      this.depth--;
    }
  }
}

/** Demangle a Rust v0 (`_R…`) symbol; undefined when it is not one or uses what we do not decode. */
export function demangleRustSymbol(symbol: string): string | undefined {
  if (!symbol.startsWith("_R")) return undefined;
  try {
    // Backrefs count from just after `_R`.
    const demangler = new RustDemangler(symbol.slice(2).replace(/^\d+/, ""));
    return demangler.path();
  } catch (e) {
    // `_R` names that are not Rust v0 symbols are kept as printed; anything else is a bug in the decoder.
    if (e instanceof DemangleError) return undefined;
    throw e;
  }
}

/**
 * The function name without compiler clone suffixes, and without the ppc64 ELFv1 descriptor dot (`.sys_read`);
 * Rust v0 symbols demangled. `wdev_priv.part.8` → `wdev_priv`, `__slab_alloc.isra.50.constprop.56` → `__slab_alloc`.
 */
export function cleanFunctionName(name: string): string {
  let cleaned = name.trim();
  if (cleaned.startsWith("_R")) {
    const demangled = demangleRustSymbol(cleaned.replace(CLONE_SUFFIX, ""));
    if (demangled) return demangled;
  }
  if (cleaned.startsWith(".") && cleaned.length > 1) cleaned = cleaned.slice(1);
  let previous = "";
  while (previous !== cleaned) {
    previous = cleaned;
    cleaned = cleaned.replace(CLONE_SUFFIX, "");
  }
  return cleaned || name.trim();
}

/** A frame that names only an address (`0x3fffd4a1d92`): no symbol was available. */
export function isAddressOnlyFrame(frame: Frame): boolean {
  return /^0x[0-9a-f]+$/i.test(frame.function);
}

// ---------------------------------------------------------------------------------------------------------------
// Frame formats. SYM: a kernel symbol (ppc64 ones start with a dot).
const SYM = String.raw`[A-Za-z_.$][\w.$@~-]*`;
const HEX = String.raw`[0-9a-fA-F]+`;
// `net/core/dev.c:123` or `net/core/dev.c:123:7` (symbolised reports)
const SRC = String.raw`((?:[\w.+-]+\/)*[\w.+-]+\.[A-Za-z]+):(\d+)(?::\d+)?`;
// `[nf_conntrack]` or, since 6.x with CONFIG_STACKTRACE_BUILD_ID, `[btrfs 7b3c…]`
const MOD = String.raw`\[([\w-]+)(?:\s+${HEX})?\]`;

// x86 (old and new), arm64, s390, riscv, symbolised:
//   ` [<ffffffff894c984d>] ? rawv6_close+0x1d/0x40 [ipv6]`, ` f+0x1/0x2 net/x.c:12`, `([<…>] f+0x36/0x1000 [m])`,
//   arm64 6.13+ ` show_stack+0x18/0x24 (C)`,
//   a decoder that keeps the offset and puts the source in parentheses (` f+0x293/0x6a0 (drivers/net/virtio_net.c:5882)`,
//   netdev CI's kmemleak and KASAN reports)
//   2.6.2x module syntax ` [<f88dec25>] :radeon:radeon_cp_init_ring_buffer+0x90/0x302`,
//   a web page's copy whose HTML ate the `<address>` (` [] kobject_register+0x19/0x39`),
//   sparc64 before 4.x (`  [000000000055eaa4] cache_flusharray+0xac/0xf4`: the address without angle brackets),
//   2.6.0's i386 traces, the address printed as its symbol with decimal offsets (` [__might_sleep+157/176] __might_sleep+0x9d/0xb0`)
const OFFSET_FRAME = new RegExp(
  String.raw`^\s*(\()?\s*(?:\[(?:<(${HEX})>|${HEX}|${SYM}\+\d+\/\d+)?\]\s*)?(\?\s+)?(?::([\w-]+):)?(${SYM})\+0x(${HEX})\/0x(${HEX})` +
    String.raw`(?:\s+${MOD})?(?:\s+\([A-Z]\))?(?:\s+(?:${SRC}|\(${SRC}\)))?(?:\s+\[inline\])?\s*\)?\s*$`,
);
// Inlined frame of a symbolised report: ` __dump_stack lib/dump_stack.c:16 [inline]`
const INLINE_FRAME = new RegExp(String.raw`^\s*(\?\s+)?(${SYM})\s+${SRC}\s+\[inline\]\s*$`);
// scripts/decode_stacktrace.sh output: `shmem_get_policy (mm/shmem.c:1262)`, `? f (a.h:809 (discriminator 2) b.c:182)`,
// `nwl_unmask_leg_irq (drivers/pci/controller/pcie-xilinx-nwl.c:389 (discriminator 1))`: offsets replaced by sources.
// A mail client that wrapped the source list over more lines than a paste's wrap is mended (join-wrapped-lines.ts)
// leaves the closing parenthesis on a line of its own: the frame is named all the same. A distro's debug symbols give
// absolute build paths (`(/build/linux-4AS01l/linux-5.3.0/kernel/workqueue.c:2274)`).
const DECODED_FRAME = new RegExp(String.raw`^\s*(\?\s+)?(${SYM}) \((\/?(?:[\w.+-]+\/)*[\w.+-]+\.(?:c|h|S|rs)):(\d+)\b[^()]*(?:\([^()]*\)[^()]*)*(?:\)(?:\s+\[([\w-]+)\])?)?\s*$`);
// No symbol: ` [<000003fffd4a1d92>] 0x3fffd4a1d92`, `([<00000000027f8000>] 0x27f8000)`, ` ? 0xffffffffc0a1b2c3`
const ADDRESS_FRAME = new RegExp(String.raw`^\s*(\()?\s*(?:\[<(${HEX})>\]\s*)?(\?\s+)?0x(${HEX})(?:\s+${MOD})?\s*\)?\s*$`);
// ARM: `[<c0014318>] (dump_backtrace_log_lvl) from [<c001457c>] (show_stack+0x24/0x2c)`; the frame is the
// first function, the `from` one is its caller and gets its own line next. 3.x kernels (dump_backtrace_entry before
// 3.8) printed no space before the parenthesis and kept the offset on both halves:
// `[<c00151e8>](unwind_backtrace+0x0/0xf8) from [<c03f9acc>](dump_stack+0x1c/0x20)`. A console or editor that wraps
// at 80 columns cuts the long pairs inside their caller half (`… (nand_scan_with_ids) from [<805aceb4>]
// (gpmi_nand_fus_probe+0x290/0`, the `x370)` on the next line): the frame is whole all the same, and the caller
// reappears whole as the next line's frame.
const ARM_FRAME = new RegExp(
  String.raw`^\s*\[<(${HEX})>\]\s*\((${SYM})(?:\+0x(${HEX})\/0x(${HEX}))?(?:\s+${MOD})?\)(?:\s+from\s+\[<${HEX}(?:>\](?:\s*\(.*)?)?)?\s*$`,
);
// The same pair after a web page mangled the address: a Markdown renderer took `<c00153d4>` for an HTML tag and
// dropped it (`[] (unwind_backtrace+0x0/0xfc) from [] (dump_stack+0x20/0x24)`), or a copy lost the brackets
// (`c00153d4  (unwind_backtrace+0x0/0xfc) from   c03fba1c  (dump_stack+0x20/0x24)`). Only with its `from` half: a
// word and a parenthesis alone are no frame.
const MANGLED_ARM_ADDRESS = String.raw`(?:\[\]|${HEX}(?=\s))`;
const ARM_FRAME_MANGLED_ADDRESS = new RegExp(
  String.raw`^\s*(?:\[\]|(${HEX})(?=\s))\s*\((${SYM})(?:\+0x(${HEX})\/0x(${HEX}))?(?:\s+${MOD})?\)\s+from\s+${MANGLED_ARM_ADDRESS}\s*\(${SYM}\+0x${HEX}\/0x${HEX}(?:\s+${MOD})?\)\s*$`,
);
// ARM since 5.x prints the same pair without addresses: ` __schedule from schedule+0x20/0xac`, a module after
// either name (`nf_hook_slow [nf_tables] from …`).
const ARM_FROM_FRAME = new RegExp(String.raw`^\s*(${SYM})(?:\s+${MOD})?\s+from\s+${SYM}\+0x${HEX}\/0x${HEX}(?:\s+${MOD})?\s*$`);
// The caller half of either ARM form (`… from [<c001457c>] (show_stack+0x24/0x2c)`, `… from schedule+0x20/0xac`).
const ARM_CALLER = new RegExp(String.raw`\sfrom\s+(?:\[<(${HEX})>\]\s*\(|${MANGLED_ARM_ADDRESS}\s*\()?(${SYM})\+0x(${HEX})\/0x(${HEX})(?:\s+${MOD})?\)?\s*$`);
// ksymoops (2.4/2.6-era posts decode the oops with it): `>>EIP; c0173bb3 <vfs_readlink+22/4a>   <=====` names the
// faulting function, `Trace; c0173c20 <generic_readlink+45/68>` a frame; offsets are hex without `0x`, a module
// symbol reads `<[nfsd]nfsd_readlink+65/81>`, and one ksymoops could not resolve `<END_OF_CODE+383e662d/????>`.
// Its `Code;` lines are disassembly, not frames. Line parsing may have taken the `>>` for a mail quote.
const KSYMOOPS_FRAME = new RegExp(String.raw`^\s*(?:(?:>>)?(?:[ER]?IP|PC|NIP)|Trace);\s+(${HEX})\s+<(?:\[([\w-]+)\])?(${SYM})\+(${HEX})\/(${HEX})>`);

// Names ksymoops gives an address it has no function for: the end of the kernel image (`END_OF_CODE`, `_end`,
// `_etext`, `_edata`), the end of a module's section when the module's own symbols were not in ksyms
// (`<[mousedev].bss.end+6509/42da9>`, `.text.end`, `.data.end`) and modversions' absolute `__crc_` symbols (a 2.6
// System.map read without kallsyms: `<__crc_filp_close+1e1a27/317acd>`). None is code, so none is a frame.
const KSYMOOPS_NO_FUNCTION = /^(?:END_OF_CODE|_end|_etext|_edata|\.\w+\.end|__crc_\w+)$/;

/** A ksymoops `>>EIP;` or `Trace;` line's frame (KSYMOOPS_FRAME), or undefined. */
export function parseKsymoopsFrame(line: string): Frame | undefined {
  const m = line.includes("; ") ? KSYMOOPS_FRAME.exec(line) : null;
  if (!m || KSYMOOPS_NO_FUNCTION.test(m[3])) return undefined;
  const [, address, mod, sym, off, size] = m;
  return makeFrame(sym, { reliable: true, offset: hexToNumber(off), size: hexToNumber(size), module: mod, address });
}
// ppc64: `[c000000010f930b0] [c000000008068df8] .eeh_dev_check_failure+0x278/0x390 (unreliable)`, symbolised
// `[c00000007a3efa20] [c00000000030a060] rebuild_sched_domains_locked+0x7b0/0x13a0 kernel/cgroup/cpuset.c:1007`
const PPC_FRAME = new RegExp(
  String.raw`^\s*\[(${HEX})\]\s+\[(${HEX})\]\s+(${SYM})\+0x(${HEX})\/0x(${HEX})(?:\s+${MOD})?(\s+\(unreliable\))?(?:\s+${SRC})?\s*$`,
);
// ppc's in-kernel debugger (xmon) prints its backtrace with the return address bare, no Call Trace line above it:
// `[c000001ff43ab9e0] c0000000005055b4 device_rename+0x74/0xd8`. Its `[link register   ] c0000000… f+0x…` row is the
// LR (no stack slot, so no frame: the link register is never read as one) and `[c000…] 5deadbeef0000200 (unreliable)`
// a slot holding no return address.
const XMON_FRAME = new RegExp(String.raw`^\s*\[(${HEX})\]\s+(${HEX})\s+(${SYM})\+0x(${HEX})\/0x(${HEX})(?:\s+${MOD})?(\s+\(unreliable\))?\s*$`);
// ppc64's exception frame: `--- interrupt: 700 at assert_slb_presence+0x2c/0x70` names the function the CPU was in
// when the trap (a WARN's `tw`, a fault) was taken; the frames above it are the trap handling.
const PPC_INTERRUPT_FRAME = new RegExp(String.raw`^\s*--- interrupt: ${HEX} at (${SYM})\+0x(${HEX})\/0x(${HEX})(?:\s+${MOD})?\s*$`);
// i386 2.6.16–2.6.18 (CONFIG_STACK_BACKTRACE_COLS): several `<c0169bdf> do_lookup+0x5f/0x180` entries on one line, the
// address in angle brackets only: `<c0169bdf> do_lookup+0x5f/0x180  <c0174873> dput+0x33/0x1a0`.
const COLUMN_ENTRY = new RegExp(String.raw`<(${HEX})>\s+(${SYM})\+0x(${HEX})\/0x(${HEX})(?:\s+${MOD})?`, "g");
const COLUMN_LINE = new RegExp(String.raw`^\s*(?:<${HEX}>\s+${SYM}\+0x${HEX}\/0x${HEX}(?:\s+${MOD})?\s*)+$`);
// Old kernels printed several frames a line. 2.6.0–2.6.17 x86_64: `<ffffffff802a6eba>{softlockup_tick+250}` (decimal
// offset, `{:ipmi_si:ipmi_thread+72}` in a module), two or three a line behind `Call Trace:`, `<IRQ>` and `<EOI>`;
// 2.4's klogd decoded each `[<c016c820>]` into `[nfsd_findparent+52/256]` (decimal offset and size). A `+0` frame is a
// function's address left on the stack (an argument, a return point is never a function's first byte): a guess.
const OLD_MULTI_TOKEN = new RegExp(
  String.raw`<(${HEX})>\{(?::([\w-]+):)?(${SYM})\+(\d+)\}|\[(${SYM})\+(\d+)\/(\d+)\]|(<\/?(?:IRQ|EOI|NMI)>)`,
  "g",
);
/** What may stand between old multi-frame tokens: blanks and the trace header a line starts with. */
const OLD_MULTI_REST = /^\s*(?:Call Trace:)?\s*$/;

/** The frames of an old several-a-line trace line, in print order, or undefined when the line is not only that. */
function parseOldMultiFrames(line: string): { frames: Frame[]; contextAfter?: FrameContext } | undefined {
  if (!line.includes(">{") && !line.includes("/")) return undefined;
  const frames: Frame[] = [];
  let context: FrameContext | undefined;
  let rest = "";
  let last = 0;
  OLD_MULTI_TOKEN.lastIndex = 0;
  for (let m = OLD_MULTI_TOKEN.exec(line); m; m = OLD_MULTI_TOKEN.exec(line)) {
    rest += line.slice(last, m.index);
    last = m.index + m[0].length;
    const [, address, oldModule, braceSym, braceOff, klogdSym, klogdOff, klogdSize, marker] = m;
    if (marker) {
      context = MARKER_CONTEXT[marker] ?? context;
      continue;
    }
    const offset = Number(braceOff ?? klogdOff);
    const frame = makeFrame(braceSym ?? klogdSym, {
      reliable: offset !== 0,
      offset,
      size: klogdSize !== undefined ? Number(klogdSize) : undefined,
      module: oldModule,
      address,
    });
    if (context) frame.context = context;
    frames.push(frame);
  }
  // A paste wrapped inside a frame (`<ffffffff802228c7>{try_to_wake_up` / `+955}`) leaves its halves at the line ends.
  rest = (rest + line.slice(last)).replace(/<[0-9a-f]{8,16}>\{[\w:.$-]*$/, "").replace(/^\s*\+\d+\}/, "");
  // One frame alone is read by the one-frame formats; a line with anything else on it is not a trace line.
  const ok = frames.length > 0 && OLD_MULTI_REST.test(rest) && (frames.length > 1 || line.includes(">{"));
  return ok ? { frames, ...(context ? { contextAfter: context } : {}) } : undefined;
}

// `crash` utility bt: ` #5 [ffff8800794f3b58] skb_segment at ffffffff81561fe8 [mod]`, optional `/path/f.c: 123` after.
const CRASH_BT_FRAME = new RegExp(String.raw`^\s*#(\d+)\s+\[(${HEX})\]\s+(${SYM})\s+at\s+(${HEX})(?:\s+${MOD})?\s*$`);
const CRASH_BT_SOURCE = /^\s+(\/\S+\.[A-Za-z]+): (\d+)\s*$/;
// The same bt trimmed of its `#N [sp]` columns, as commit messages quote it (lpfc's: ` _raw_spin_lock at
// ffffffffb89a667a`, ` lpfc_rx_monitor_record at ffffffffc0a73a36 [lpfc]`): a symbol, `at`, a full-width address and
// nothing else on the line. The address must be 8+ digits: prose like `queue at 12` is no frame.
const CRASH_BT_TRIMMED_FRAME = new RegExp(String.raw`^\s*(${SYM})\s+at\s+([0-9a-fA-F]{8,16})(?:\s+${MOD})?\s*$`);
// crash bt separates stacks with `--- <IRQ stack> ---`: the frames listed ABOVE the marker ran on that stack.
const CRASH_STACK_MARKER = /^\s*--- <(.*?)> ---\s*$/;
function crashStackContext(label: string): FrameContext | undefined {
  if (/NMI/i.test(label)) return "nmi";
  if (/soft ?IRQ/i.test(label)) return "softirq";
  if (/IRQ/i.test(label)) return "irq";
  if (/exception/i.test(label)) return "exception";
  return undefined;
}
// `    [exception RIP: skb_segment+3016]` (crash prints decimal offsets)
const CRASH_EXCEPTION_RIP = new RegExp(String.raw`^\s*\[exception RIP: (${SYM})(?:\+(\d+))?\]`);

// Context markers, optionally followed by a frame on the same line in old kernels (` <IRQ>  [<…>] f+…`).
// `<EOI>` ends an IRQ stack (old kernels), `<<EOE>>` an exception/NMI stack (`<EOE>` on some 4.x kernels, the
// interrupted code's first frame on the same line); `<#DF>`, `<#MC>`… are exception stacks.
const CONTEXT_MARKER = /^\s*(<\/?(?:IRQ|NMI|TASK|SOFTIRQ|EOI|EOE)>|<<EOE>>|<<?\/?#[A-Z]{2}>?>)\s*/;
const MARKER_CONTEXT: Record<string, FrameContext> = {
  "<IRQ>": "irq",
  "</IRQ>": "task",
  "<EOI>": "task",
  "<EOE>": "task",
  "<SOFTIRQ>": "softirq",
  "</SOFTIRQ>": "irq",
  "<NMI>": "nmi",
  "</NMI>": "task",
  "<<EOE>>": "task",
  "<TASK>": "task",
  "</TASK>": "task",
};

// Section headers. Order matters only in that the first match wins.
const SECTION_HEADERS: { pattern: RegExp; kind: StackSectionKind | "main-if-empty" | "end" }[] = [
  // KASAN / KFENCE / KMSAN secondary stacks
  // (KFENCE: `kfence-#24 [0x…-0x…, size=32, cache=kmalloc-32] allocated by task 507 on cpu 7 at 39.29s:`)
  { pattern: /^\s*(?:kfence-#\d+ .*)?(?:Allocated|allocated) by task \d+/, kind: "allocated" },
  { pattern: /^\s*(?:Freed|freed) by task \d+/, kind: "freed" },
  { pattern: /^\s*(?:Second to last|Last) (?:potentially related work creation|call_rcu\(\)|task stack):?/, kind: "aux" },
  { pattern: /^\s*Uninit was (?:created|stored to memory) at:/, kind: "aux" },
  // SLUB debug (`BUG kmalloc-64 (Not tainted): Poison overwritten`): `INFO: Allocated in f+0x… age=79 cpu=0 pid=1`
  { pattern: /^\s*INFO: Allocated in /, kind: "allocated" },
  { pattern: /^\s*INFO: Freed in /, kind: "freed" },
  // …and the slab and object lines print_trailer() puts after those tracks (`INFO: Slab 0x… objects=42 used=8`,
  // 5.17+ without `INFO: `) end them: what follows is the report's own stack, even when a paste lost its `Call Trace:`.
  { pattern: /^\s*(?:INFO: )?Slab 0x[0-9a-f]+ objects=/, kind: "main" },
  { pattern: /^\s*Local variable \S+ created at:/, kind: "aux" },
  // KCSAN prints the second racing access as its own stack.
  { pattern: /^\s*(?:read|write)(?:-write| \(marked\)|)? to 0x[0-9a-f]+ of \d+ bytes by (?:task|interrupt) /, kind: "main-if-empty" },
  // lockdep: dependency chain `-> #1 (&foo){+.+.}:` entries, then the real `stack backtrace:`
  { pattern: /^\s*-> #\d+ \(/, kind: "lock-chain" },
  { pattern: /^\s*(?:stack backtrace|other info that might help us debug this):?\s*$/, kind: "main" },
  // soft lockup / RCU stall: other CPUs' backtraces
  { pattern: /^\s*NMI backtrace for cpu \d+/, kind: "main-if-empty" },
  // Memory dumps after KASAN stacks hold no frames but end the alloc/free sections.
  { pattern: /^\s*(?:The buggy address belongs to|Memory state around the buggy address)/, kind: "end" },
  // s390: the following `[<…>] f+…` line is the last branch source, not a stack frame.
  { pattern: /^\s*Last Breaking-Event-Address:/, kind: "end" },
];

/** Every section header at once: most lines open none, and are told so by one regex instead of one per header. */
const ANY_SECTION_HEADER = new RegExp(SECTION_HEADERS.map((h) => `(?:${h.pattern.source})`).join("|"));

const CALL_TRACE = /^\s*(?:Call Trace|Call trace|Backtrace|Stack trace|stack backtrace):?\s*$|^\s*Call Trace:/;

function hexToNumber(hex: string | undefined): number | undefined {
  if (hex === undefined) return undefined;
  const n = Number.parseInt(hex, 16);
  return Number.isFinite(n) ? n : undefined;
}

function makeFrame(rawFunction: string, extra: Partial<Frame> & { reliable: boolean }): Frame {
  const frame: Frame = { function: cleanFunctionName(rawFunction), reliable: extra.reliable };
  if (rawFunction !== frame.function) frame.rawFunction = rawFunction;
  if (extra.offset !== undefined) frame.offset = extra.offset;
  if (extra.size !== undefined) frame.size = extra.size;
  if (extra.module) frame.module = extra.module;
  if (extra.context) frame.context = extra.context;
  if (extra.file) frame.file = extra.file;
  if (extra.fileLine !== undefined) frame.fileLine = extra.fileLine;
  if (extra.address) frame.address = extra.address;
  return frame;
}

// Old symbolised reports (syzkaller's 2016–2019 KASAN/KMSAN/KTSAN) print a placeholder where the address goes:
// `[<     inline     >] balance_pgdat mm/vmscan.c:3739` for an inlined frame, `[<      none      >] kswapd+0x309f/0x3920 …`
// for a frame whose PC was dropped, ` ?[<      none      >] f+…` for a guess.
const PLACEHOLDER_ADDRESS = /^(\s*)(\?)?\s*\[<\s+(inline|none)\s+>\]\s*/;

/** The line with an old symboliser's placeholder address written the way the frame formats read it. */
function withoutPlaceholderAddress(line: string): string {
  const m = line.includes("[<") ? PLACEHOLDER_ADDRESS.exec(line) : null;
  if (!m) return line;
  const [whole, indent, question, kind] = m;
  const rest = line.slice(whole.length);
  return `${indent}${question ? "? " : ""}${rest}${kind === "inline" && !rest.includes("[inline]") ? " [inline]" : ""}`;
}

/** Parse one line as a frame in any known format, or undefined. `inTrace` allows bare-address frames. */
export function parseFrameLine(rawLine: string, inTrace = true): Frame | undefined {
  const line = withoutPlaceholderAddress(rawLine);
  const frame = parseSymbolFrame(line) ?? (inTrace ? parseAddressFrame(line) : undefined);
  return line !== rawLine ? titledIfOldInline(frame, rawLine) : frame;
}

/**
 * The old symbolisers' `[<  inline  >]` frames are what their reports were titled by (syzbot's 2016–2019 titles name
 * them): unlike a modern `f file.c:N [inline]` line, such a frame may be the guilty one.
 */
function titledIfOldInline(frame: Frame | undefined, rawLine: string): Frame | undefined {
  if (!frame?.inlined || PLACEHOLDER_ADDRESS.exec(rawLine)?.[3] !== "inline") return frame;
  const { inlined, ...titled } = frame;
  return inlined ? titled : frame;
}

/**
 * Text every symbol frame format needs: `+0x` (offset, ppc64, ARM `from` frames), `[inline]`, `(` (decoded and ARM
 * frames), `#` (crash bt). Most lines of a report window are none of these: one scan instead of seven regexes.
 */
function mayBeSymbolFrame(line: string): boolean {
  return line.includes("+0x") || line.includes("(") || line.includes("[inline]") || line.includes("#") || line.includes(" at ");
}

/** A frame that names a function, in any known format. */
function parseSymbolFrame(line: string): Frame | undefined {
  if (!mayBeSymbolFrame(line)) return line.includes("Trace; ") ? parseKsymoopsFrame(line) : undefined;
  // Each format is tried only when the line holds the literal it cannot match without (`(` alone, as in
  // `IPv6: ADDRCONF(NETDEV_CHANGE)`, would otherwise run all seven regexes).
  const offset = line.includes("+0x");
  let m = offset ? OFFSET_FRAME.exec(line) : null;
  if (m) {
    const [, paren, address, question, oldModule, sym, off, size, mod, bareFile, bareLine, parenFile, parenLine] = m;
    const file = bareFile ?? parenFile;
    const fileLine = bareLine ?? parenLine;
    return makeFrame(sym, {
      // s390 prints the r14 guess in parentheses: `([<…>] f+0x36/0x1000)`, it may be stale.
      reliable: !question && !paren,
      offset: hexToNumber(off),
      size: hexToNumber(size),
      module: mod ?? oldModule,
      file,
      fileLine: fileLine !== undefined ? Number(fileLine) : undefined,
      address,
    });
  }
  m = line.includes("[inline]") ? INLINE_FRAME.exec(line) : null;
  if (m) {
    const [, question, sym, file, fileLine] = m;
    return { ...makeFrame(sym, { reliable: !question, file, fileLine: Number(fileLine) }), inlined: true };
  }
  m = line.includes(" (") ? DECODED_FRAME.exec(line) : null;
  if (m) {
    const [, question, sym, file, fileLine, mod] = m;
    return makeFrame(sym, { reliable: !question, file, fileLine: Number(fileLine), module: mod });
  }
  m = offset && line.includes("--- interrupt:") ? PPC_INTERRUPT_FRAME.exec(line) : null;
  if (m) {
    const [, sym, off, size, mod] = m;
    return makeFrame(sym, { reliable: true, offset: hexToNumber(off), size: hexToNumber(size), module: mod });
  }
  m = offset ? PPC_FRAME.exec(line) : null;
  if (m) {
    const [, , address, sym, off, size, mod, unreliable, file, fileLine] = m;
    return makeFrame(sym, {
      reliable: !unreliable,
      offset: hexToNumber(off),
      size: hexToNumber(size),
      module: mod,
      address,
      file,
      fileLine: fileLine !== undefined ? Number(fileLine) : undefined,
    });
  }
  m = offset && line.trimStart().startsWith("[") ? XMON_FRAME.exec(line) : null;
  if (m) {
    const [, , address, sym, off, size, mod, unreliable] = m;
    return makeFrame(sym, { reliable: !unreliable, offset: hexToNumber(off), size: hexToNumber(size), module: mod, address });
  }
  m = line.includes("[<") ? ARM_FRAME.exec(line) : line.includes(") from ") ? ARM_FRAME_MANGLED_ADDRESS.exec(line) : null;
  if (m) {
    const [, address, sym, off, size, mod] = m;
    return makeFrame(sym, { reliable: true, offset: hexToNumber(off), size: hexToNumber(size), module: mod, address });
  }
  m = offset ? ARM_FROM_FRAME.exec(line) : null;
  if (m) {
    const [, sym, mod] = m;
    return makeFrame(sym, { reliable: true, module: mod });
  }
  m = line.includes("#") ? CRASH_BT_FRAME.exec(line) : null;
  if (m) {
    const [, , , sym, address, mod] = m;
    return makeFrame(sym, { reliable: true, module: mod, address });
  }
  m = !offset && line.includes(" at ") ? CRASH_BT_TRIMMED_FRAME.exec(line) : null;
  if (m) {
    const [, sym, address, mod] = m;
    return makeFrame(sym, { reliable: true, module: mod, address });
  }
  return offset ? columnFrames(line)?.[0] : undefined;
}

/** Every frame of a line of old i386 column entries (`<addr> f+0x…/0x…  <addr> g+0x…/0x…`), or undefined. */
function columnFrames(line: string): Frame[] | undefined {
  if (!line.includes(">") || !COLUMN_LINE.test(line)) return undefined;
  const frames: Frame[] = [];
  for (const [, address, sym, off, size, mod] of line.matchAll(COLUMN_ENTRY)) {
    frames.push(makeFrame(sym, { reliable: true, offset: hexToNumber(off), size: hexToNumber(size), module: mod, address }));
  }
  return frames;
}

/** A frame that names only an address (accepted inside a trace). */
function parseAddressFrame(line: string): Frame | undefined {
  if (!line.includes("0x")) return undefined;
  const m = ADDRESS_FRAME.exec(line);
  if (m && (m[2] !== undefined || m[1] !== undefined || m[3] !== undefined || /^\s+0x/.test(line))) {
    const [, paren, address, question, value, mod] = m;
    return makeFrame(`0x${value.toLowerCase()}`, { reliable: !question && !paren, module: mod, address: address ?? value });
  }
  return undefined;
}

/**
 * One report line read once for every stack rule: whether it opens a section or a trace, the context markers it
 * starts with, and the frame it prints. Several rules walk overlapping ranges of the same report (title, guilty
 * frame, corrupted check, the finding's frames); each walk then costs a few comparisons per line, not a dozen regexes.
 */
export type StackLine = {
  /** The line without trailing blanks (what section labels print). */
  line: string;
  /** Blank, or nothing a stack walk reacts to (most lines of a report window): skipped at once. */
  inert: boolean;
  header: (typeof SECTION_HEADERS)[number] | undefined;
  callTrace: boolean;
  /**
   * The `Hardware name:` line: the last line before a trace's frames. A splat trimmed to bare function names by its
   * poster can lose its `Call Trace:` line too (a patch mail's AM33xx `Hardware name: …` then `unwind_backtrace`,
   * `show_stack`, …), so a bare run may open here as well (BARE_FRAME).
   */
  hardwareName: boolean;
  /** Context marker tokens at the start of the line (`<IRQ>`, `<EOI>`…), in print order. */
  markers: readonly string[];
  /** Nothing but markers on the line. */
  markersOnly: boolean;
  exceptionRip: { function: string; offset?: number } | undefined;
  crashMarker: string | undefined;
  crashSource: { file: string; line: number } | undefined;
  /** The frame outside a trace (no bare addresses), and inside one; shared, so copied before any change. */
  frame: Frame | undefined;
  frameInTrace: Frame | undefined;
  crashBtFrame: boolean;
  /** ARM prints each frame with its caller; the next line repeats that caller as its frame, except after the last. */
  armCaller: Frame | undefined;
  /** The frames after the first on a line of old i386 column entries. */
  moreFrames: readonly Frame[] | undefined;
  /**
   * A line that is only a function's name (`__schedule`, `? foo`, `nvkms_ioctl [nvidia_modeset]`): a frame only in a
   * trace printed that way from its `Call Trace:` on (BARE_FRAME), never on its own.
   */
  bareFrame: Frame | undefined;
  /**
   * An old several-a-line trace line's frames (parseOldMultiFrames), the `Call Trace:` line's own included, and the
   * context its last marker left for the lines after it (` … {apic_timer_interrupt+132} <EOI>`).
   */
  oldFrames: { frames: readonly Frame[]; contextAfter?: FrameContext } | undefined;
};

const NO_MARKERS: readonly string[] = [];

/** Read once per distinct line: a storm prints the same frames thousands of times (the result is shared, never changed). */
export const scanStackLine: (rawLine: string) => StackLine = memoByText(scanStackLineText);

/**
 * `scanStackLine(line).inert`, without remembering the line: the ordinary kernel lines after a storm's stacks are
 * each read once (by a report key, known-reports.ts), and remembered they would only push the frames out.
 */
export function isInertStackLine(line: string): boolean {
  return scanStackLineText(line).inert;
}

/**
 * Printers that put their own prefix before every line of what they print, stack frames included: kmemleak's console
 * output (kmemleak.verbose=1, or the object it dumps when it disables itself) goes through its `pr_fmt`,
 * `kmemleak:     [<ffffffff830a2946>] kmalloc_trace+0x26/0x90`.
 */
const PRINTER_PREFIXES: readonly string[] = ["kmemleak:"];

function withoutPrinterPrefix(line: string): string {
  for (const prefix of PRINTER_PREFIXES) if (line.startsWith(prefix)) return line.slice(prefix.length);
  return line;
}

function scanStackLineText(rawLine: string): StackLine {
  // One object shape for every line (V8 keeps the walks over them monomorphic).
  const scanned: StackLine = {
    line: "",
    inert: true,
    header: undefined,
    callTrace: false,
    hardwareName: false,
    markers: NO_MARKERS,
    markersOnly: false,
    exceptionRip: undefined,
    crashMarker: undefined,
    crashSource: undefined,
    frame: undefined,
    frameInTrace: undefined,
    crashBtFrame: false,
    armCaller: undefined,
    moreFrames: undefined,
    oldFrames: undefined,
    bareFrame: undefined,
  };
  if (typeof rawLine !== "string") return scanned;
  let line = withoutPrinterPrefix(rawLine.trimEnd());
  if (line === "") return scanned;
  scanned.line = line;
  scanned.inert = false;
  scanned.header = ANY_SECTION_HEADER.test(line) ? SECTION_HEADERS.find((h) => h.pattern.test(line)) : undefined;
  if (scanned.header) return scanned;
  if (HARDWARE_NAME.test(line)) scanned.hardwareName = true;
  if (CALL_TRACE.test(line)) {
    scanned.callTrace = true;
    scanned.oldFrames = parseOldMultiFrames(line);
    return scanned;
  }
  // Each remaining pattern needs a literal most lines lack (`<` for markers, `[exception RIP: `, `/` for a source
  // path): a storm's tail of ordinary kernel lines is read by every report key (known-reports.ts).
  const hasAngle = line.includes("<");
  let marker = hasAngle ? CONTEXT_MARKER.exec(line) : null;
  if (marker) {
    const markers: string[] = [];
    while (marker) {
      markers.push(marker[1]);
      // Interleaved consoles can leave a second timestamp after the marker: ` <IRQ> [  420.408595]  [<…>] f+…`.
      line = line.slice(marker[0].length).replace(/^\[\s*\d+\.\d+\]\s*/, "");
      marker = CONTEXT_MARKER.exec(line);
    }
    scanned.markers = markers;
    if (line.trim() === "") {
      scanned.markersOnly = true;
      return scanned;
    }
  }
  const beforePlaceholder = line;
  if (hasAngle) line = withoutPlaceholderAddress(line);
  const exceptionRip = line.includes("[exception RIP: ") ? CRASH_EXCEPTION_RIP.exec(line) : null;
  if (exceptionRip) {
    scanned.exceptionRip = { function: exceptionRip[1], offset: exceptionRip[2] !== undefined ? Number(exceptionRip[2]) : undefined };
    return scanned;
  }
  const crashMarker = hasAngle ? CRASH_STACK_MARKER.exec(line) : null;
  if (crashMarker) {
    scanned.crashMarker = crashMarker[1];
    return scanned;
  }
  const crashSource = line.includes("/") ? CRASH_BT_SOURCE.exec(line) : null;
  if (crashSource) scanned.crashSource = { file: crashSource[1], line: Number(crashSource[2]) };
  const oldFrames = parseOldMultiFrames(scanned.markers.length > 0 ? rawLine.trimEnd() : line);
  if (oldFrames) {
    scanned.oldFrames = oldFrames;
    scanned.markers = NO_MARKERS;
    scanned.markersOnly = false;
    return scanned;
  }
  scanned.frame = parseSymbolFrame(line);
  if (line !== beforePlaceholder) scanned.frame = titledIfOldInline(scanned.frame, beforePlaceholder);
  scanned.frameInTrace = scanned.frame ?? parseAddressFrame(line);
  scanned.crashBtFrame = scanned.frame !== undefined && CRASH_BT_FRAME.test(line);
  const columns = hasAngle && scanned.frame ? columnFrames(line) : undefined;
  if (columns && columns.length > 1) scanned.moreFrames = columns.slice(1);
  const caller = scanned.frame && line.includes(" from ") ? ARM_CALLER.exec(line) : null;
  if (caller) {
    const [, address, sym, off, size, mod] = caller;
    scanned.armCaller = makeFrame(sym, { reliable: true, offset: hexToNumber(off), size: hexToNumber(size), module: mod, address });
  }
  if (scanned.markers.length === 0 && !scanned.crashSource && !scanned.frameInTrace) {
    scanned.inert = true;
    const bare = BARE_FRAME.exec(line);
    if (bare) scanned.bareFrame = makeFrame(bare[2], { reliable: bare[1] === undefined, offset: hexToNumber(bare[3]), module: bare[4] });
  }
  return scanned;
}

/**
 * A trace trimmed to bare function names, as commit messages, patch mails and hand-edited posts quote a splat (offsets,
 * sizes and addresses dropped: `Call Trace:` / ` __schedule` / ` schedule` / ` down` / ` nvkms_ioctl_from_kapi_try_pmlock
 * [nvidia_modeset]`). Read only as a run right under `Call Trace:` (context markers between), or under the
 * `Hardware name:` line when the poster dropped `Call Trace:` as well: a lone word elsewhere is any message, and the
 * run ends at the first line that is not such a name (`...`, `RIP:`, a foreign line). A name may keep its offset with
 * the size dropped (`spin_bug+0x0`, `hrtimer_try_to_cancel+0x94`: how Android/Qualcomm symbolisers and commit
 * messages quoting them print a trace), which no full frame format reads without its `/0x…` size.
 */
const BARE_FRAME = /^\s*(\?\s+)?([A-Za-z_][\w.$]*)(?:\+0x([0-9a-f]+))?(?:\s+\[([\w-]+)\])?\s*$/;
/** dump_stack's machine line, printed right before the trace (StackLine.hardwareName). */
const HARDWARE_NAME = /^\s*Hardware name: /;

/**
 * All stacks of a report, in order, each labelled. The first stack (and lockdep's `stack backtrace:`) is `main`.
 */
export function parseStackSections(lines: string[]): StackSection[] {
  return stackSectionsOf(lines.map(scanStackLine));
}

/** `parseStackSections` over lines already read by `scanStackLine`. */
export function stackSectionsOf(lines: readonly StackLine[]): StackSection[] {
  const sections: StackSection[] = [];
  let current: StackSection = { kind: "main", label: "Call Trace", frames: [] };
  sections.push(current);
  let context: FrameContext | undefined;
  let inTrace = false;
  let skipNextFrame = false;
  let lastCrashFrame: Frame | undefined;
  /** Index in the current section of the first crash bt frame after the last `--- <X stack> ---` marker. */
  let crashStackStart = 0;
  const mainHasFrames = () => sections.some((s) => s.kind === "main" && s.frames.length > 0);
  // The caller named by the last ARM frame line: the next frame line prints it again, unless the trace ended there.
  // A trace that ran to its bottom ends at an entry label (`ret_fast_syscall+0x0/0x3c`, `kernel_thread_exit+0x0/0x8`),
  // which names nothing; one cut inside a function (at `Exception stack(…)`: syzkaller's `… in __dabt_svc`) ends with
  // a caller that is the section's last frame.
  let armCaller: Frame | undefined;
  const endArmTrace = () => {
    if (armCaller && armCaller.offset !== 0) current.frames.push({ ...armCaller, unprinted: true });
    armCaller = undefined;
  };
  const openSection = (kind: StackSectionKind, label: string) => {
    endArmTrace();
    current = { kind, label, frames: [] };
    sections.push(current);
    context = undefined;
    inTrace = false;
  };

  // Inside a trace printed as bare function names from its `Call Trace:` on (BARE_FRAME).
  let bareRun = false;
  for (const scanned of lines) {
    if (bareRun && scanned.bareFrame) {
      current.frames.push(context ? { ...scanned.bareFrame, context } : { ...scanned.bareFrame });
      continue;
    }
    bareRun = scanned.callTrace || scanned.hardwareName || (bareRun && scanned.markersOnly);
    if (scanned.inert) continue;
    const line = scanned.line;
    const header = scanned.header;
    if (header) {
      if (header.kind === "end") {
        openSection("aux", line.trim());
        skipNextFrame = /Last Breaking-Event-Address/.test(line);
      } else if (header.kind === "main-if-empty") {
        if (mainHasFrames()) openSection(/NMI backtrace/.test(line) ? "other-cpu" : "aux", line.trim());
        else inTrace = true;
      } else if (header.kind === "main") {
        openSection("main", line.trim());
        inTrace = true;
      } else {
        openSection(header.kind, line.trim());
        inTrace = true;
      }
      continue;
    }
    if (scanned.callTrace) {
      // A trace header after a secondary stack starts the crashing stack again (SLUB debug prints the
      // allocation/free stacks first); another CPU's backtrace keeps its own `Call Trace:`.
      if (current.kind !== "main" && current.kind !== "other-cpu") openSection("main", line.trim());
      inTrace = true;
      if (!scanned.oldFrames) continue;
    }
    if (scanned.oldFrames) {
      // Their markers sit between the frames: each frame carries the context it was printed in.
      for (const f of scanned.oldFrames.frames) {
        if (f.context) context = f.context;
        current.frames.push(context ? { ...f, context } : { ...f });
      }
      if (scanned.oldFrames.contextAfter) context = scanned.oldFrames.contextAfter;
      inTrace = true;
      continue;
    }

    // Context markers; old kernels put the first frame of the new context on the same line.
    for (const token of scanned.markers) {
      context = MARKER_CONTEXT[token] ?? (token.includes("#") ? (token.includes("/") ? "task" : "exception") : context);
      inTrace = true;
    }
    if (scanned.markersOnly) continue;

    const exceptionRip = scanned.exceptionRip;
    if (exceptionRip) {
      // crash's bt: frames above the exception frame are the oops/kexec handling path (die, oops_end,
      // machine_kexec…): kept for display, not for signatures. The function the CPU was in comes next.
      for (const f of current.frames) f.reliable = false;
      const frame = makeFrame(exceptionRip.function, { reliable: true, offset: exceptionRip.offset, context: "exception" });
      current.frames.push(frame);
      lastCrashFrame = frame;
      continue;
    }
    if (scanned.crashMarker !== undefined) {
      const stackContext = crashStackContext(scanned.crashMarker);
      if (stackContext) for (const f of current.frames.slice(crashStackStart)) f.context ??= stackContext;
      crashStackStart = current.frames.length;
      continue;
    }
    const crashSource = scanned.crashSource;
    if (crashSource && lastCrashFrame && !lastCrashFrame.file) {
      lastCrashFrame.file = crashSource.file;
      lastCrashFrame.fileLine = crashSource.line;
      continue;
    }

    const parsed = inTrace ? scanned.frameInTrace : scanned.frame;
    if (!parsed) continue;
    if (skipNextFrame) {
      skipNextFrame = false;
      continue;
    }
    // The scanned frame is shared by every walk over this line: this walk's sections get their own copy.
    const frame: Frame = { ...parsed };
    if (scanned.crashBtFrame) {
      // crash lists the exception RIP's function again as the next frame on some versions: keep one.
      const previous = current.frames[current.frames.length - 1];
      if (previous && previous.context === "exception" && previous.function === frame.function) {
        lastCrashFrame = previous;
        continue;
      }
      lastCrashFrame = frame;
    } else {
      lastCrashFrame = undefined;
    }
    if (context) frame.context = context;
    current.frames.push(frame);
    for (const more of scanned.moreFrames ?? []) current.frames.push(context ? { ...more, context } : { ...more });
    armCaller = scanned.armCaller ? { ...scanned.armCaller, ...(context ? { context } : {}) } : undefined;
  }
  endArmTrace();
  return sections.filter((s, i) => i === 0 || s.frames.length > 0 || s.kind === "main");
}

/**
 * The crashing stack's frames, top (innermost) first. Secondary stacks (KASAN alloc/free, lockdep chains,
 * other CPUs) are left out: see `parseStackSections` for those.
 */
export function parseFrames(lines: string[]): Frame[] {
  if (!Array.isArray(lines)) return [];
  return mainFrames(parseStackSections(lines));
}

export function mainFrames(sections: readonly StackSection[]): Frame[] {
  return sections.filter((s) => s.kind === "main").flatMap((s) => s.frames);
}
