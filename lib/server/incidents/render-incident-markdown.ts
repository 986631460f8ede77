/**
 * Markdown for a ticket: verdict, recommended fix, findings with their best match, inputs. Pure (Incident in,
 * text out). Log text goes into fenced code blocks so ticket systems never render it as markup.
 */
import { warningLocation } from "@/lib/engine/describe-warning";
import type { Finding, Incident, VmcoreInput } from "@/lib/engine/types";
import { describeVmcoreFacts, type VmcoreFactFormatters } from "@/lib/engine/vmcore/describe-vmcore-facts";
import { shortCommitRef } from "../../kb/commit-ref";
import { isKnownIssue } from "@/lib/engine/match/match-strength";
import { formatByteSize } from "@/lib/engine/format-byte-size";

export type RenderMarkdownOptions = { incident: Incident; url?: string; title: string };

function fence(lines: string[]): string {
  const body = lines.join("\n");
  // A fence longer than any backtick run inside the text keeps the block closed.
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const f = "`".repeat(longest + 1);
  return `${f}\n${body}\n${f}`;
}

/**
 * Log text as inline Markdown that stays text: the characters of links, images, HTML, emphasis, code and tables are
 * escaped, and so are the starts of the autolinks GitHub and GitLab make of plain text (`scheme://`, `www.`,
 * `user@host`): a hostile log line must not put a link in a ticket.
 */
const inline = (s: string): string =>
  s
    .replace(/([\\`*_[\]<>|@])/g, "\\$1")
    .replace(/([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, "$1\\:")
    .replace(/\b(www)\./gi, "$1\\.");

function renderFinding(f: Finding): string[] {
  const out = [`### ${inline(f.title)}`, ""];
  const facts: [string, string | undefined][] = [
    ["Kind", f.kind],
    ["Host", f.host],
    ["Time", f.time],
    ["Kernel", f.kernelRelease],
    ["Guilty frame", f.guiltyFrame],
    ["Source", `${f.source.file}:${f.source.line}`],
  ];
  for (const [k, v] of facts) if (v) out.push(`- **${k}:** ${inline(v)}`);
  const top = f.matches.filter(isKnownIssue).slice(0, 3);
  if (top.length) {
    out.push("- **Known issues:**");
    for (const m of top) {
      const generic = m.generic ? " (generic class, not a specific bug)" : "";
      out.push(
        `  - \`${m.kbId}\` ${inline(m.title)}${generic} — match score ${m.score.toFixed(2)}, ${m.verdict} (confidence ${Math.round(m.confidence * 100)}%): ${inline(m.verdictReason)}`,
      );
    }
  }
  if (f.report.length) out.push("", fence(f.report.slice(0, 40)));
  return out;
}

const DUMP_FORMAT: VmcoreFactFormatters = { bytes: formatByteSize, time: (iso) => iso };

function renderDump(name: string, dump: VmcoreInput): string[] {
  const out = [`### ${inline(name)}`, ""];
  if (dump.error) out.push(`**Not read:** ${inline(dump.error)}`, "");
  if (dump.facts.incomplete) out.push("_The dump is marked incomplete: it was cut short while being written._", "");
  for (const [k, v] of describeVmcoreFacts(dump.facts, DUMP_FORMAT)) out.push(`- **${k}:** ${inline(v)}`);
  if (dump.warnings.length) {
    out.push("- **Warnings:**");
    for (const w of dump.warnings) out.push(`  - ${inline(w)}`);
  }
  return out;
}

export function renderIncidentMarkdown({ incident, url, title }: RenderMarkdownOptions): string {
  const out: string[] = [`## ${inline(title)}`, ""];
  if (url) out.push(`Permalink: ${url}`, "");
  const headlines = incident.headlines && incident.headlines.length > 0 ? incident.headlines : incident.recommendation ? [incident.recommendation] : [];
  for (const rec of headlines) {
    if (headlines.length > 1) out.push(`### ${inline([rec.host ?? "(unknown host)", rec.kernelRelease, rec.distro].filter(Boolean).join(" · "))}`, "");
    out.push(`**Verdict:** ${inline(rec.summary)}`, "");
    out.push(
      `_${rec.score !== undefined ? `Match score ${rec.score.toFixed(2)} · ` : ""}${rec.verdict && rec.verdict !== "unknown" ? `verdict ${rec.verdict} · confidence ${Math.round(rec.confidence * 100)}%` : "verdict unknown"}_`,
      "",
    );
    if (rec.upgrade) out.push(`**Upgrade:** ${inline(rec.upgrade.text)}`, "");
    if (rec.fixCommits.length) {
      out.push("**Fix commits:**");
      for (const c of rec.fixCommits) out.push(`- ${c.url ? `[${shortCommitRef(c.commit)}](${c.url})` : `\`${c.commit}\``}${c.title ? ` ${inline(c.title)}` : ""}`);
      out.push("");
    }
    for (const w of rec.workarounds) {
      out.push(`**Workaround — ${inline(w.title)}:**`, "", fence(w.commands));
      if (w.caveats) out.push("", `_${inline(w.caveats)}_`);
      out.push("");
    }
    if (rec.references.length) {
      out.push("**References:**");
      for (const r of rec.references) out.push(`- ${r.title ? `[${inline(r.title)}](${r.url})` : r.url}`);
      out.push("");
    }
  }
  out.push(`## Findings (${incident.findings.length})`, "");
  for (const f of incident.findings) out.push(...renderFinding(f), "");
  const dumps = incident.inputs.filter((i) => i.vmcore);
  if (dumps.length) {
    out.push(`## Crash dump${dumps.length > 1 ? "s" : ""}`, "");
    for (const i of dumps) out.push(...renderDump(i.name, i.vmcore!), "");
  }
  if (incident.warnings?.length) {
    out.push(`## Engine warnings (${incident.warnings.length})`, "", "_These parts of the logs were not fully read: findings there may be missing._", "");
    for (const w of incident.warnings) out.push(`- ${inline(warningLocation(w))}: ${inline(w.message)}`);
    out.push("");
  }
  out.push("## Inputs", "");
  for (const i of incident.inputs)
    out.push(`- ${inline(i.name)}: ${i.error ? `not read: ${inline(i.error)}` : `${i.lines} lines, ${i.bytes} bytes${i.compressed ? " (gzip)" : ""}`}`);
  for (const s of incident.sources ?? []) if (s.error) out.push(`- ${inline(s.name)}: not read: ${inline(s.error)}`);
  return out.join("\n") + "\n";
}
