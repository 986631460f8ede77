/**
 * A Monarch tokenizer for kernel logs as people upload them: syslog/ISO prefixes, dmesg `[  12.345678]`
 * timestamps, `<4>` levels, crash headlines, register dumps and stack frames (`func+0x1a/0x40 [module]`).
 * Only colours text; the engine did the parsing.
 */
import type * as Monaco from "monaco-editor";

export const SYSLOG_LANGUAGE_ID = "oopscope-syslog";

export const syslogLanguage: Monaco.languages.IMonarchLanguage = {
  defaultToken: "",
  ignoreCase: false,
  tokenizer: {
    root: [
      // RFC 3164 header: `Aug 13 15:59:23 w01 kernel:`
      [/^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)?/, "date"],
      // ISO 8601 / journal short-iso
      [/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?/, "date"],
      [/\[\s*\d+\.\d+\]/, "timestamp"],
      [/<\d>/, "level"],
      [/\[[TC]\d+\]/, "caller"],
      [/(?:kernel BUG at|BUG:|Oops|general protection fault|Kernel panic - not syncing|WARNING:|KASAN:|watchdog: BUG: soft lockup|INFO: task .* blocked|rcu: INFO)[^\n]*/, "crash"],
      [/(?:Call Trace|<IRQ>|<\/IRQ>|<TASK>|<\/TASK>|---\[ end trace [0-9a-f]+ \]---|------------\[ cut here \]------------)/, "trace-marker"],
      [/\bRIP: \d{4}:\S+/, "rip"],
      [/\b(?:R[A-Z0-9]{1,2}|E[A-Z]{2}|CR\d|[A-Z]S|pc|lr|sp|x\d{1,2}): ?[0-9a-f]{4,16}\b/, "register"],
      [/\?? ?[A-Za-z_][\w.]*\+0x[0-9a-f]+\/0x[0-9a-f]+/, "frame"],
      [/\[[a-z_][\w-]*\]/, "module"],
      [/\b(?:Tainted|Not tainted|Hardware name|CPU: \d+|PID: \d+|Comm:)/, "meta"],
      [/\b(?:error|failed|failure|fail|refused|denied|timeout)\b/i, "error"],
      [/\b0x[0-9a-f]+\b|\b[0-9a-f]{16}\b/, "number.hex"],
      // Whole words are consumed plainly: Monarch matches from the current position, so `\b` cannot stop the
      // register rule from firing inside `EFLAGS` or `knlGS` unless the word is eaten first.
      [/[A-Za-z_][\w.]*/, ""],
    ],
  },
};

export const syslogTheme: Monaco.editor.IStandaloneThemeData = {
  base: "vs",
  inherit: true,
  rules: [
    { token: "date", foreground: "64748b" },
    { token: "timestamp", foreground: "64748b" },
    { token: "level", foreground: "94a3b8" },
    { token: "caller", foreground: "94a3b8" },
    { token: "crash", foreground: "b91c1c", fontStyle: "bold" },
    { token: "trace-marker", foreground: "7c3aed", fontStyle: "bold" },
    { token: "rip", foreground: "b91c1c" },
    { token: "register", foreground: "0f766e" },
    { token: "frame", foreground: "1d4ed8" },
    { token: "module", foreground: "9333ea" },
    { token: "meta", foreground: "a16207" },
    { token: "error", foreground: "dc2626" },
    { token: "number.hex", foreground: "0891b2" },
    { token: "program", foreground: "475569" },
  ],
  colors: {},
};
