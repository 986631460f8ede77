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

/** Token colours: [on a light page, on a dark page] (the light ones are too dark on Monaco's dark background). */
const TOKEN_COLOURS: [token: string, light: string, dark: string, fontStyle?: string][] = [
  ["date", "64748b", "94a3b8"],
  ["timestamp", "64748b", "94a3b8"],
  ["level", "94a3b8", "64748b"],
  ["caller", "94a3b8", "64748b"],
  ["crash", "b91c1c", "f87171", "bold"],
  ["trace-marker", "7c3aed", "c4b5fd", "bold"],
  ["rip", "b91c1c", "f87171"],
  ["register", "0f766e", "5eead4"],
  ["frame", "1d4ed8", "93c5fd"],
  ["module", "9333ea", "d8b4fe"],
  ["meta", "a16207", "fcd34d"],
  ["error", "dc2626", "fca5a5"],
  ["number.hex", "0891b2", "67e8f9"],
  ["program", "475569", "cbd5e1"],
];

const themeOf = (side: 1 | 2): Monaco.editor.ITokenThemeRule[] =>
  TOKEN_COLOURS.map((t) => ({ token: t[0], foreground: t[side], ...(t[3] ? { fontStyle: t[3] } : {}) }));

export const syslogTheme: Monaco.editor.IStandaloneThemeData = { base: "vs", inherit: true, rules: themeOf(1), colors: {} };
export const syslogDarkTheme: Monaco.editor.IStandaloneThemeData = { base: "vs-dark", inherit: true, rules: themeOf(2), colors: { "editor.background": "#0f172a" } };
