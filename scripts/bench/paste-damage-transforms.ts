/**
 * Paste damage: whole-text transforms that logs suffer between the machine that printed them and the place a user
 * pastes them from (a GitHub issue, a mailing-list message, a Q&A page, a chat, a ticket). Each row is a pure
 * function of the text (and of where the original's first crash report (else first finding) starts, for the cuts that aim at it), with
 * the real-world source that motivated it and the facts of the original triage that must survive it.
 *
 * The damaged texts are GENERATED from real logs: they show how the engine copes with a kind of damage, not how
 * often users meet it. Read with `scripts/bench/paste-damage.ts` (`npm run bench:paste-damage`).
 */

/** What the bench compares between the original's triage and the damaged text's. */
export type InvariantField = "kind" | "title" | "frame" | "release" | "count";
export const ALL_FIELDS: readonly InvariantField[] = ["kind", "title", "frame", "release", "count"];

/** What a transform may know about the original besides its text. */
export type PasteContext = {
  /** 1-based line of the original's first crash report header, else of its first finding, when it has one. */
  reportLine?: number;
};

export type PasteTransform = {
  /** Stable kebab id (command line filter, test names). */
  id: string;
  family: "markdown" | "email" | "terminal" | "web" | "cut" | "line-numbers";
  /** Where pastes get this damage (the motivation; facts only). */
  source: string;
  /** Fields of the original's triage the damaged text still carries: they must not change. */
  invariant: readonly InvariantField[];
  /** Why a field is left out of `invariant` (what the damage destroys). */
  loses?: string;
  apply: (text: string, ctx: PasteContext) => string;
};

// ─── helpers ────────────────────────────────────────────────────────────────────────────────────────────────────
/** Lines without their end; `join` puts the original line end back (CRLF files stay CRLF). */
function splitText(text: string): { lines: string[]; eol: string } {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return { lines: text.split(eol), eol };
}

function mapLines(text: string, fn: (line: string, index: number) => string): string {
  const { lines, eol } = splitText(text);
  return lines.map(fn).join(eol);
}

/** Hard wrap at `width` characters, mid-token (a serial console or `screen` capture, an 80-column terminal copy). */
function hardWrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  for (let i = 0; i < line.length; i += width) out.push(line.slice(i, i + width));
  return out;
}

/** Word wrap at `width` as a mail client's hard wrap does: break at the last space, a longer token stays whole. */
function wordWrap(line: string, width: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const at = rest.lastIndexOf(" ", width);
    if (at <= 0) {
      const next = rest.indexOf(" ", width);
      if (next < 0) break;
      out.push(rest.slice(0, next));
      rest = rest.slice(next + 1);
    } else {
      out.push(rest.slice(0, at));
      rest = rest.slice(at + 1);
    }
  }
  out.push(rest);
  return out;
}

function flatMapLines(text: string, fn: (line: string) => string[]): string {
  const { lines, eol } = splitText(text);
  return lines.flatMap(fn).join(eol);
}

/** RFC 2045 §6.7 quoted-printable: `=` as `=3D`, lines over 76 characters broken by a soft `=` line end. */
function quotedPrintable(line: string): string[] {
  const encoded = line.replace(/=/g, "=3D").replace(/[^\x20-\x7e\t]/gu, (ch) =>
    [...new TextEncoder().encode(ch)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
  );
  const out: string[] = [];
  let rest = encoded;
  while (rest.length > 76) {
    // Never split an `=XX` escape.
    let cut = 75;
    const esc = rest.lastIndexOf("=", cut);
    if (esc > cut - 3) cut = esc;
    out.push(`${rest.slice(0, cut)}=`);
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#39;", '"': "&quot;" };

/** The line index (0-based) of the original's first report header, else the middle of the text. */
function reportIndex(lines: string[], ctx: PasteContext): number {
  return ctx.reportLine !== undefined && ctx.reportLine <= lines.length ? ctx.reportLine - 1 : Math.floor(lines.length / 2);
}

// dmesg --color and journalctl: the timestamp in green, warning and error lines bold red / yellow.
const DMESG_STAMP = /^(<\d>)?(\[[^\]]*\])/;
const LOUD_LINE = /\b(BUG|WARNING|Oops|panic|Call Trace|RIP|general protection)\b/;

// ─── the table ──────────────────────────────────────────────────────────────────────────────────────────────────
export const PASTE_TRANSFORMS: readonly PasteTransform[] = [
  // Markdown (GitHub issues, Discourse, Stack Exchange, GitLab).
  {
    id: "md-indent-4",
    family: "markdown",
    source: "Markdown indented code block (Stack Exchange's Ctrl-K, Markdown mail): four spaces before every line",
    invariant: ALL_FIELDS,
    apply: (t) => mapLines(t, (l) => (l === "" ? l : `    ${l}`)),
  },
  {
    id: "md-indent-tab",
    family: "markdown",
    source: "Markdown indented code block written with a tab (editors that indent with tabs)",
    invariant: ALL_FIELDS,
    apply: (t) => mapLines(t, (l) => (l === "" ? l : `\t${l}`)),
  },
  {
    id: "md-quote",
    family: "markdown",
    source: "Markdown blockquote `> ` (a comment quoting the log of an earlier comment)",
    invariant: ALL_FIELDS,
    apply: (t) => mapLines(t, (l) => (l === "" ? ">" : `> ${l}`)),
  },
  {
    id: "md-quote-nested",
    family: "markdown",
    source: "nested quotes `>> ` (a reply to a reply; LKML threads quote logs three and more levels deep)",
    invariant: ALL_FIELDS,
    apply: (t) => mapLines(t, (l) => (l === "" ? ">>" : `>> ${l}`)),
  },
  {
    id: "md-fence",
    family: "markdown",
    source: "fenced code block with a language tag and prose around it (GitHub issue templates: ```console)",
    invariant: ALL_FIELDS,
    apply: (t) => {
      const { eol } = splitText(t);
      return ["Here is what dmesg shows after the crash:", "", "```console", t, "```", "", "Any idea?"].join(eol);
    },
  },
  {
    id: "md-fence-split",
    family: "markdown",
    source: "one log split across two fenced blocks with prose in between (a comment that explains the second half)",
    invariant: ALL_FIELDS,
    apply: (t, ctx) => {
      const { lines, eol } = splitText(t);
      // Split inside the first report, a few lines after its header: the damage that matters.
      const at = Math.min(lines.length, reportIndex(lines, ctx) + 4);
      return ["```", ...lines.slice(0, at), "```", "", "and then, a second later:", "", "```text", ...lines.slice(at), "```"].join(eol);
    },
  },
  // E-mail (mailing lists, bugzilla mail, tickets).
  {
    id: "mail-wrap-72",
    family: "email",
    source: "mail client hard wrap at 72 columns on word boundaries (format=flowed off; LKML reports)",
    invariant: ALL_FIELDS,
    apply: (t) => flatMapLines(t, (l) => wordWrap(l, 72)),
  },
  {
    id: "mail-wrap-80",
    family: "email",
    source: "hard wrap at 80 columns on word boundaries (Outlook's and web mailers' plain-text conversion)",
    invariant: ALL_FIELDS,
    apply: (t) => flatMapLines(t, (l) => wordWrap(l, 80)),
  },
  {
    id: "mail-quoted-printable",
    family: "email",
    source: "undecoded quoted-printable (RFC 2045 §6.7: `=3D`, soft `=` line breaks at 76): a raw message copied from an archive",
    invariant: ALL_FIELDS,
    apply: (t) => flatMapLines(t, quotedPrintable),
  },
  {
    id: "mail-nbsp-mojibake",
    family: "email",
    source: "a page's `&nbsp; ` runs mailed on, their UTF-8 bytes then read as Latin-1 (`Â\u00a0`; linux-mm reports from web mailers)",
    invariant: ALL_FIELDS,
    apply: (t) => t.replace(/ {2,}/g, (run) => "\u00c2\u00a0 ".repeat(run.length >> 1) + (run.length & 1 ? "\u00c2\u00a0" : "")),
  },
  {
    id: "mail-quote",
    family: "email",
    source: "e-mail reply quoting `>` without a space, nested `>>` (mutt, Outlook plain text)",
    invariant: ALL_FIELDS,
    apply: (t) => mapLines(t, (l, i) => (i % 7 === 3 ? `>>${l}` : `>${l}`)),
  },
  // Terminal and console captures.
  {
    id: "term-wrap-80",
    family: "terminal",
    source: "serial console / `screen` / 80-column terminal copy: hard wrap mid-token, the continuation starts mid-word",
    invariant: ALL_FIELDS,
    apply: (t) => flatMapLines(t, (l) => hardWrap(l, 80)),
  },
  {
    id: "term-crlf",
    family: "terminal",
    source: "CRLF line ends (Windows editors, serial captures from PuTTY/minicom)",
    invariant: ALL_FIELDS,
    apply: (t) => t.replace(/\r?\n/g, "\r\n"),
  },
  {
    id: "term-cr-cr-lf",
    family: "terminal",
    source: "serial console `\\r\\r\\n` line ends (the tty's onlcr on top of the kernel's own CR)",
    invariant: ALL_FIELDS,
    apply: (t) => t.replace(/\r?\n/g, "\r\r\n"),
  },
  {
    id: "term-cr-overwrite",
    family: "terminal",
    source: "carriage-return progress lines a kernel line landed on (`Loading 42%\\r[ 12.3] BUG …` in a console capture)",
    invariant: ALL_FIELDS,
    apply: (t, ctx) => {
      const { lines, eol } = splitText(t);
      const at = reportIndex(lines, ctx);
      return lines.map((l, i) => (i === at ? `Loading  10%\rLoading  42%\r${l}` : l)).join(eol);
    },
  },
  {
    id: "term-doubled-console",
    family: "terminal",
    source: "a doubled console: every kernel line printed twice (serial and netconsole captured together, two loggers on one stream)",
    invariant: ALL_FIELDS,
    apply: (t) => flatMapLines(t, (l) => (/\[\s*\d+\.\d{3}(?!000)\d{3}\] \S/.test(l) ? [l, l] : [l])),
  },
  {
    id: "term-ansi-dmesg",
    family: "terminal",
    source: "`dmesg --color=always` / `journalctl` piped to a file: SGR colour around timestamps and loud lines",
    invariant: ALL_FIELDS,
    apply: (t) =>
      mapLines(t, (l) => {
        let out = l.replace(DMESG_STAMP, (_m, lvl: string | undefined, stamp: string) => `${lvl ?? ""}\x1b[32m${stamp}\x1b[0m`);
        if (LOUD_LINE.test(out)) out = `\x1b[1;31m${out}\x1b[0m`;
        return out;
      }),
  },
  // Web renderers and copies out of a browser.
  {
    id: "web-html-entities",
    family: "web",
    source: "HTML entities left escaped (`&gt;` `&lt;` `&amp;` `&#39;`): a copy of a page's source, a double-escaping forum",
    invariant: ALL_FIELDS,
    apply: (t) => t.replace(/[&<>'"]/g, (ch) => HTML_ENTITIES[ch]),
  },
  {
    id: "web-nbsp-runs",
    family: "web",
    source: "runs of spaces kept by a renderer as U+00A0 (`&nbsp; `), copied from the rendered page",
    invariant: ALL_FIELDS,
    apply: (t) => t.replace(/ {2,}/g, (run) => "\u00a0 ".repeat(run.length >> 1) + (run.length & 1 ? "\u00a0" : "")),
  },
  {
    id: "web-nbsp-all",
    family: "web",
    source: "every space a U+00A0 (rich-text editors: Teams, Confluence, Word → ticket)",
    invariant: ALL_FIELDS,
    apply: (t) => t.replace(/ /g, "\u00a0"),
  },
  {
    id: "web-smart-quotes",
    family: "web",
    source: "typographic quotes (WordPress-style texturizing, word processors): ' → ’, \" → “ ”",
    invariant: ALL_FIELDS,
    apply: (t) => t.replace(/"([^"\n]*)"/g, "\u201c$1\u201d").replace(/'/g, "\u2019"),
  },
  {
    id: "web-zero-width",
    family: "web",
    source: "U+200B zero-width spaces at break opportunities (HTML generators mark where a long token may wrap; Javadoc did, JDK-8266779)",
    invariant: ALL_FIELDS,
    apply: (t) => t.replace(/([/_.+])(?=[0-9A-Za-z])/g, "$1\u200b"),
  },
  {
    id: "web-trailing-ws",
    family: "web",
    source: "trailing whitespace stripped (editors, chat clients, most forums)",
    invariant: ALL_FIELDS,
    apply: (t) => mapLines(t, (l) => l.replace(/[ \t]+$/, "")),
  },
  {
    id: "web-leading-ws",
    family: "web",
    source: "leading whitespace stripped from every line (renderers that collapse indentation outside a code block)",
    invariant: ALL_FIELDS,
    apply: (t) => mapLines(t, (l) => l.replace(/^[ \t\u00a0]+/, "")),
  },
  {
    id: "web-collapse-ws",
    family: "web",
    source: "runs of whitespace collapsed to one space (HTML rendering of a log pasted outside a code block)",
    invariant: ALL_FIELDS,
    apply: (t) => mapLines(t, (l) => l.replace(/[ \t]{2,}/g, " ")),
  },
  {
    id: "web-tabs-expanded",
    family: "web",
    source: "tabs expanded to spaces at 8-column stops (editors, `expand`, most web text areas)",
    invariant: ALL_FIELDS,
    apply: (t) =>
      mapLines(t, (l) => {
        let out = "";
        for (const ch of l) out += ch === "\t" ? " ".repeat(8 - (out.length % 8)) : ch;
        return out;
      }),
  },
  // Cut pastes.
  {
    id: "cut-before-report",
    family: "cut",
    source: "the paste starts at the crash: everything before the report's header left out (most forum posts)",
    invariant: ["kind", "title", "frame", "release"],
    loses: "count: earlier findings go with the lines before",
    apply: (t, ctx) => {
      const { lines, eol } = splitText(t);
      return lines.slice(ctx.reportLine === undefined ? 0 : ctx.reportLine - 1).join(eol);
    },
  },
  {
    id: "cut-header-lost",
    family: "cut",
    source: "the selection started one line too low: the report's header line is missing",
    invariant: ["frame", "release"],
    loses: "kind and title are printed only on the header line; count changes with them",
    apply: (t, ctx) => {
      const { lines, eol } = splitText(t);
      return lines.slice(ctx.reportLine === undefined ? 1 : ctx.reportLine).join(eol);
    },
  },
  {
    id: "cut-first-chars",
    family: "cut",
    source: "the selection started mid-line: the first 6 characters of the paste are missing (a timestamp's head)",
    invariant: ["kind", "frame", "release", "count"],
    loses: "title, when the first line is the header and the cut reaches its words",
    apply: (t) => {
      const start = t.search(/\S/);
      return start < 0 ? t : t.slice(start + 6);
    },
  },
  {
    id: "cut-snip-middle",
    family: "cut",
    source: "a chunk before the crash elided as `[snip]` / `...` (long boot output, repeated lines)",
    invariant: ["kind", "title", "frame", "release"],
    loses: "count: findings in the elided chunk",
    apply: (t, ctx) => {
      const { lines, eol } = splitText(t);
      const end = reportIndex(lines, ctx);
      if (end < 6) return t;
      const from = Math.floor(end / 4);
      const to = end - Math.floor(end / 4);
      return [...lines.slice(0, from), "[snip]", "...", ...lines.slice(to)].join(eol);
    },
  },
  {
    id: "cut-duplicated-lines",
    family: "cut",
    source: "a few lines pasted twice (a second Ctrl-V, a terminal scroll-back copy overlapping the first)",
    invariant: ALL_FIELDS,
    apply: (t, ctx) => {
      const { lines, eol } = splitText(t);
      const at = Math.min(lines.length, reportIndex(lines, ctx) + 6);
      return [...lines.slice(0, at), ...lines.slice(at - 3, at), ...lines.slice(at)].join(eol);
    },
  },
  // Line numbers copied with the text.
  {
    id: "num-less-N",
    family: "line-numbers",
    source: "`less -N` / `cat -n`: the line number right-aligned in 7 columns, then a space or a tab",
    invariant: ALL_FIELDS,
    apply: (t) => mapLines(t, (l, i) => `${String(i + 1).padStart(7)} ${l}`),
  },
  {
    id: "num-gutter-pipe",
    family: "line-numbers",
    source: "an editor or pastebin gutter copied with the text: `  12 | …` (vim `:set nu` in a terminal, GitLab snippets)",
    invariant: ALL_FIELDS,
    apply: (t) => mapLines(t, (l, i) => `${String(i + 1).padStart(4)} | ${l}`),
  },
  {
    id: "num-gutter-tab",
    family: "line-numbers",
    source: "a web code view's line-number table cells copied with the code: `12<TAB>…`",
    invariant: ALL_FIELDS,
    apply: (t) => mapLines(t, (l, i) => `${i + 1}\t${l}`),
  },
  {
    id: "num-anchor-L",
    family: "line-numbers",
    source: "`L12 ` line labels before every line (named in issue 9; no real paste of this shape found yet: kept as a probe)",
    invariant: ALL_FIELDS,
    apply: (t) => mapLines(t, (l, i) => `L${i + 1} ${l}`),
  },
];
