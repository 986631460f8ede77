/** The CLI's default output: a summary an SRE reads in a terminal. */
import { warningLocation } from "../engine/describe-warning";
import type { Finding, Incident } from "../engine/types";
import { shortCommitRef } from "../kb/commit-ref";
import { EMPTY_INPUT_MESSAGE } from "../schemas/messages";
import { matchStrength } from "../engine/match/match-strength";
import { SELECTION_LABEL } from "../engine/ingest/sources/selection-label";

type Style = (s: string) => string;

const MAX_WARNINGS_SHOWN = 10;

function styles(color: boolean): Record<"bold" | "dim" | "red" | "yellow" | "green" | "cyan", Style> {
  const wrap = (code: string): Style => (s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { bold: wrap("1"), dim: wrap("2"), red: wrap("31"), yellow: wrap("33"), green: wrap("32"), cyan: wrap("36") };
}

/** Log text is untrusted: never let it move the terminal cursor or change colours. */
function safe(s: string): string {
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f\x9b]/g, "");
}

function where(f: Finding): string {
  const parts = [f.host, f.time?.replace("T", " ").replace(/\.\d+Z$/, "Z"), f.kernelRelease].filter(Boolean);
  return parts.join(" · ");
}

export function formatIncidentText(incident: Incident, opts: { color: boolean }): string {
  const s = styles(opts.color);
  const out: string[] = [];
  const inputs = incident.inputs
    .map((i) => `${safe(i.name)} (${i.lines} lines${i.compressed ? ", gzip" : ""}${i.error ? `, ${s.red("refused: " + i.error)}` : ""})`)
    .join(", ");
  out.push(s.dim(`oopscope · ${inputs} · ${incident.hosts.length} host(s), ${incident.boots.length} boot(s) · ${incident.stats.elapsedMs} ms`));
  for (const i of incident.inputs) {
    if (!i.vmcore) continue;
    const f = i.vmcore.facts;
    const facts = [f.format + (f.parts > 1 ? ` (${f.parts} parts)` : ""), f.release, f.crashTime && `crashed ${f.crashTime}`, f.dumpLevel !== undefined && `dump level ${f.dumpLevel}`, f.records !== undefined && `${f.records} log records${f.lostRecords ? `, ${f.lostRecords} lost` : ""}`];
    out.push(s.dim(`vmcore ${safe(i.name)}: ${safe(facts.filter(Boolean).join(" · "))}`));
    for (const w of i.vmcore.warnings.slice(0, 5)) out.push(s.yellow(`  warning: ${safe(w)}`));
  }
  out.push("");
  // One recommendation per host and kernel (the first is `incident.recommendation`): never one host's verdict under another's title.
  const headlines = incident.headlines?.length ? incident.headlines : incident.recommendation ? [incident.recommendation] : [];
  for (const r of headlines) {
    const who = headlines.length > 1 ? ` [${safe([r.host ?? "(unknown host)", r.kernelRelease].filter(Boolean).join(" · "))}]` : "";
    out.push(s.bold(`Recommendation${who}: `) + safe(r.summary));
    out.push(s.dim(`  ${r.score !== undefined ? `match score ${r.score.toFixed(2)} · ` : ""}verdict ${r.verdict ?? "unknown"} · confidence ${Math.round(r.confidence * 100)}%`));
    if (r.upgrade) out.push(`  upgrade: ${safe(r.upgrade.text)}`);
    for (const c of r.fixCommits.slice(0, 3)) out.push(`  fix: ${safe(shortCommitRef(c.commit))} ${safe(c.title ?? "")}`);
    for (const w of r.workarounds.slice(0, 2)) {
      out.push(`  workaround: ${safe(w.title)}`);
      for (const cmd of w.commands) out.push(s.cyan(`    $ ${safe(cmd)}`));
    }
    out.push("");
  }
  const hasText = incident.inputs.some((i) => !i.error && i.lines > 0);
  if (!hasText) {
    // Nothing was read: "no problems" would claim a clean log that nobody looked at. Refused inputs are not empty.
    const refusedSource = (incident.sources ?? []).some((src) => src.error);
    const allRefused = incident.inputs.every((i) => i.error) && (incident.inputs.length > 0 || refusedSource);
    out.push(s.red(allRefused ? "Nothing was read: every input was refused (each with its reason)." : EMPTY_INPUT_MESSAGE));
  } else if (incident.findings.length === 0) {
    out.push(s.green("No problems found."));
  } else {
    out.push(s.bold(`${incident.findings.length} finding(s):`));
    for (const f of incident.findings) {
      const flags = [f.panicked ? s.red("panicked") : "", f.corrupted ? s.yellow("corrupted") : "", f.repeats && f.repeats > 1 ? `×${f.repeats}` : ""]
        .filter(Boolean)
        .join(" ");
      out.push(`${s.bold(f.id.padEnd(4))} ${s.red(safe(f.title))} ${s.dim(`[${f.kind}]`)} ${flags}`);
      const loc = where(f);
      out.push(s.dim(`     ${safe(f.source.file)}:${f.source.line}${loc ? " · " + safe(loc) : ""}`));
      if (f.guiltyFrame) out.push(`     guilty frame: ${safe(f.guiltyFrame)}`);
      for (const m of f.matches.slice(0, 3)) {
        const strength = matchStrength(m);
        if (strength === "related") {
          out.push(s.dim(`     related (not matched): ${safe(m.kbId)}${m.reasons[0] ? ` · ${safe(m.reasons[0])}` : ""}`));
          continue;
        }
        // A weak candidate's verdict is not advice: never in red.
        const verdict = strength === "weak" ? s.dim(m.verdict) : m.verdict === "affected" ? s.red(m.verdict) : m.verdict === "fixed" ? s.green(m.verdict) : s.yellow(m.verdict);
        out.push(
          `     ${strength === "weak" ? "weak candidate" : "match"}: ${s.bold(m.kbId)} ${m.score.toFixed(2)} · ${verdict}${m.fixedIn ? ` (fixed in ${m.fixedIn})` : ""} · ${safe(m.verdictReason)}`,
        );
      }
    }
  }
  const warnings = incident.warnings ?? [];
  if (warnings.length > 0) {
    out.push("");
    out.push(s.yellow(s.bold(`Engine warnings (${warnings.length}): these parts were not fully read, findings there may be missing`)));
    for (const w of warnings.slice(0, MAX_WARNINGS_SHOWN)) out.push(s.yellow(`  ${safe(warningLocation(w))}: ${safe(w.message)}`));
    if (warnings.length > MAX_WARNINGS_SHOWN) out.push(s.dim(`  … and ${warnings.length - MAX_WARNINGS_SHOWN} more (see --json)`));
  }
  for (const src of incident.sources ?? []) {
    out.push("");
    const facts = [src.format, src.selection ? SELECTION_LABEL[src.selection] : "", src.hostname ? `host ${src.hostname}` : "", src.members !== undefined ? `${src.members} member${src.members === 1 ? "" : "s"}, ${src.inputs.length} read` : ""];
    out.push(s.bold(`Source ${safe(src.name)}`) + s.dim(` (${facts.filter(Boolean).map(safe).join(", ")})`));
    if (src.error) out.push(`  ${s.red("refused: " + safe(src.error))}`);
    for (const k of src.skipped.slice(0, 20)) out.push(s.dim(`  skipped ${safe(k.path)}: ${safe(k.message)}`));
    if (src.skipped.length > 20) out.push(s.dim(`  … and ${src.skipped.length - 20} more skipped (see --json)`));
    for (const w of src.warnings.slice(0, 5)) out.push(s.yellow(`  warning: ${safe(w)}`));
  }
  const down = incident.events.filter((e) => e.kind === "gap");
  if (down.length > 0) {
    out.push("");
    out.push(s.bold("Reboots:"));
    for (const e of down) out.push(`  ${e.host ?? ""} ${e.time ?? ""} ${e.label}`);
  }
  out.push("");
  return out.join("\n");
}
