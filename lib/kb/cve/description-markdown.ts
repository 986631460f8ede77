/**
 * CVE descriptions are kernel commit messages: prose with quoted logs, code and struct layouts. As Markdown the
 * prose's `__skb_put` turns italic and log lines reflow into one paragraph, so quoted material goes into fences
 * and prose has Markdown's punctuation escaped.
 */

/** Every bippy-generated description starts with this sentence, then the commit subject. */
const BOILERPLATE = /^In the Linux kernel, the following vulnerability has been resolved:\s*/;

/** A line that is quoted material rather than prose (indented, a log line, a stack frame, code). */
const QUOTED_LINE =
  /^(?:[ \t]+\S|\[\s*\d+\.\d+\]|<\d>|\s*\[<[0-9a-f]+>\]|.*\+0x[0-9a-f]+\/0x[0-9a-f]+|.*\b(?:RIP|Call Trace|Code|RSP|RAX):|.*[;{}]\s*$|\s*<\/?(?:IRQ|TASK|NMI)>)/;

const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|~]/g;

/** Split a description into the commit subject (when it repeats the title) and body paragraphs. */
export function descriptionParagraphs(description: string): string[] {
  const text = (typeof description === "string" ? description : "").replace(/\r\n?/g, "\n").replace(BOILERPLATE, "");
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\s+$/g, ""))
    .filter((p) => p.trim().length > 0);
}

function isQuoted(paragraph: string): boolean {
  const lines = paragraph.split("\n");
  const quoted = lines.filter((l) => QUOTED_LINE.test(l)).length;
  return quoted > 0 && quoted * 2 >= lines.length;
}

function fence(block: string): string {
  const longest = Math.max(2, ...(block.match(/`+/g) ?? []).map((m) => m.length));
  const f = "`".repeat(longest + 1);
  return `${f}text\n${block}\n${f}`;
}

export function escapeMarkdown(prose: string): string {
  return prose.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/** The first prose paragraph after the commit subject, unwrapped to one line (the KB summary). */
export function firstProseParagraph(description: string, title: string): string | undefined {
  const paragraphs = descriptionParagraphs(description);
  const body = paragraphs[0]?.trim() === title.trim() ? paragraphs.slice(1) : paragraphs;
  const prose = body.find((p) => !isQuoted(p));
  return prose?.replace(/\s*\n\s*/g, " ").trim();
}

/** The description as safe Markdown: prose escaped, quoted logs/code fenced, boilerplate and subject dropped. */
export function descriptionToMarkdown(description: string, title: string): string {
  const paragraphs = descriptionParagraphs(description);
  const body = paragraphs[0]?.trim() === title.trim() ? paragraphs.slice(1) : paragraphs;
  const out: string[] = [];
  let pendingQuoted: string[] = [];
  const flush = () => {
    if (pendingQuoted.length) out.push(fence(pendingQuoted.join("\n\n")));
    pendingQuoted = [];
  };
  for (const p of body) {
    if (isQuoted(p)) {
      pendingQuoted.push(p);
      continue;
    }
    flush();
    out.push(escapeMarkdown(p));
  }
  flush();
  return out.join("\n\n");
}
