/**
 * "Create entry from this finding": a draft entry pre-filled from a stored finding — its title, guilty frame, source
 * file, kernel release and report excerpt. The draft is an editor starting point (status `draft`, origin `team`),
 * not a validated entry: the team still writes the summary and checks the rules.
 */
import type { Finding } from "../../../engine/types";
import type { KbEntryInput, SignatureRule } from "../../../kb/schema";

/** Report lines copied into the draft's root cause (enough to recognise the crash, not the whole report). */
const EXCERPT_LINES = 30;

export function slugFromTitle(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug.length >= 3 ? slug : `entry-${slug || "new"}`;
}

/** A fence longer than any backtick run in the text, so log lines cannot close the code block. */
function fence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  return "`".repeat(Math.max(3, longest + 1));
}

/** `RIP: 0010:skb_segment+0xbc8/0xf20` → `skb_segment`. */
function functionOf(rip: string | undefined): string | undefined {
  return rip ? /([A-Za-z_][\w.]*)\+0x/.exec(rip)?.[1] : undefined;
}

/** The rules that recognise this finding. Weights follow the built-ins: an exact title says a lot, a frame or file less. */
export function rulesFromFinding(finding: Finding): SignatureRule[] {
  const signatures: SignatureRule[] = [];
  // `… in corrupted` names no bug: as a title rule it would match every report whose frame was lost.
  const frameless = / in corrupted$/.test(finding.title);
  if (finding.title && !frameless) signatures.push({ kind: "title", value: finding.title, weight: 0.7 });
  const frame = finding.guiltyFrame ?? (frameless ? functionOf(finding.rip) : undefined);
  if (frame) signatures.push({ kind: "guilty-frame", value: frame, weight: 0.5 });
  const file = finding.guiltyFile ?? finding.sourceFile;
  if (file) signatures.push({ kind: "source-file", value: file, weight: 0.3 });
  if (finding.component) signatures.push({ kind: "component", value: finding.component, weight: 0.1 });
  if (signatures.length === 0) signatures.push({ kind: "kind", value: finding.kind, weight: 0.2 });
  return signatures;
}

/**
 * The entry's name. A title whose frame could not be found reads `WARNING in corrupted` (syzkaller's placeholder):
 * that names the parser's trouble, not the bug, so the draft names the RIP function or the source file instead.
 * A genuine corruption class (`BUG: corrupted list in f`) says `corrupt` so no proposed name says "corrupted".
 */
export function draftTitle(finding: Finding): string {
  const place = finding.guiltyFrame ?? functionOf(finding.rip);
  const where = place ? ` in ${place}` : finding.sourceFile ? ` at ${finding.sourceFile}` : "";
  const title = finding.title.replace(/ in corrupted$/, where).replace(/\bcorrupted\b/gi, "corrupt");
  return title.length >= 3 ? title : `${finding.kind}: ${title}`;
}

export function draftFromFinding(finding: Finding): KbEntryInput {
  const signatures = rulesFromFinding(finding);
  const file = finding.guiltyFile ?? finding.sourceFile;

  const excerpt = finding.report.slice(0, EXCERPT_LINES).join("\n") || finding.headline;
  const marks = fence(excerpt);
  const seenOn = finding.kernelRelease ? `Seen on kernel \`${finding.kernelRelease}\`.\n\n` : "";
  return {
    id: slugFromTitle(draftTitle(finding)),
    title: draftTitle(finding),
    summary: "",
    rootCause: `${seenOn}${marks}\n${excerpt}\n${marks}\n`,
    component: finding.component ?? "kernel",
    origin: "team",
    status: "draft",
    signatures,
    programFiles: file ? [file] : [],
    tags: [finding.kind],
  };
}
