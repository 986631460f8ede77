/**
 * What the user gave → the text inputs of the one triage entry point. The CLI (files, directories, stdin) and the
 * web upload path both call `expandInputs`; it recognises each source by magic (plain text, gzip, xz, zstd, bzip2,
 * tar in any of those, zip, binary journals, vmcores, UTF-16 text), walks archives and directories member by member
 * within caps, picks the members that matter (member-rules.ts: a support archive's logs by rule, a bundle of logs'
 * every member by content, archives nested in a bundle included), and says what it skipped and why.
 *
 * Plain and gzip logs pass through untouched (the engine reads them as before). Everything else becomes text
 * through `keep`: the CLI keeps it in memory or streams it, the server writes it next to the upload so the log
 * viewer can show it.
 */
import { concatBytes } from "../concat-bytes";
import { IngestError } from "../ingest-error";
import { decompressionBudgetFor, looksBinary, type DecompressionBudget } from "../read-lines";
import { bytesSource, type RandomAccessSource } from "../random-access";
import { JournalFormatError } from "../journal/journal-format-error";
import type { SkippedMember, SourceSummary, TriageInput } from "../../types";
import { DEFAULT_EXPANSION_LIMITS, decompressStream, ExpansionMeter, type ExpansionLimits } from "./decompress";
import { sniffFormat, SNIFF_BYTES, type Codec, type ContainerFormat, type SniffedFormat } from "./magic";
import { hostFromMemberPath } from "./host-from-member-path";
import { escapesArchive, findMemberRule, isArchiverDebris, isSupportArchiveMarker, normalizeMemberPath, type MemberRule } from "./member-rules";
import { detectUtf16, utf16ToUtf8 } from "./utf16-text";
import type { ArchiveMember } from "./read-archive";
import { describeClaimedSize, formatByteSize } from "../../format-byte-size";

/** A file (or stdin, or an upload) as the caller has it. */
export type FileSource = {
  kind: "file";
  name: string;
  /** The bytes from the start. Called once, or again when `reopenable`. */
  open: () => AsyncIterable<Uint8Array>;
  reopenable?: boolean;
  /** Needed for zip and vmcore (read at offsets); without it they are read into memory within the caps. */
  randomAccess?: RandomAccessSource;
  mtime?: Date;
  /** The latest full date written in the file (see `TriageInput.latestDatedLine`). */
  latestDatedLine?: Date;
  size?: number;
};

/** A directory the user gave (a copied /var/crash/<ip>-<date>/, an unpacked sosreport): its files as members. */
export type DirectorySource = { kind: "directory"; name: string; members: ArchiveMember[] };

export type InputSource = FileSource | DirectorySource;

export type KeepRequest = {
  name: string;
  chunks: AsyncIterable<Uint8Array>;
  mtime?: Date;
  latestDatedLine?: Date;
  /** True when `chunks` stay valid after keep returns (not a tar member): a caller may stream them later. */
  streamable: boolean;
};
export type KeptInput = { input: TriageInput; discard?: () => Promise<void> };
export type KeepText = (request: KeepRequest) => Promise<KeptInput>;

export type ExpandOptions = {
  limits?: ExpansionLimits;
  keep?: KeepText;
  /** Shared by the compressed files of one triage (see `DecompressionBudget`); a fresh one when absent. */
  decompressionBudget?: DecompressionBudget;
};
export type ExpandedInputs = {
  inputs: TriageInput[];
  /** One per source that was not a plain or gzip log (absent entries mean "read as given"). */
  sources: SourceSummary[];
  /** What the compressed files consumed and decoded so far: handed on to `triage`, which reads the gzip logs. */
  decompressionBudget: DecompressionBudget;
};

/** What dates a file's year-less lines: its mtime and the latest date written in it. */
function datingOf(src: FileSource): Pick<TriageInput, "mtime" | "latestDatedLine"> {
  return { mtime: src.mtime, latestDatedLine: src.latestDatedLine };
}

/** Holds a tar member's bytes in memory; streams everything else lazily. The CLI's choice. */
export const keepInMemory: KeepText = async ({ name, chunks, mtime, latestDatedLine, streamable }) => {
  if (streamable) return { input: { name, data: chunks, mtime, latestDatedLine } };
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c.slice());
  return { input: { name, data: concatBytes(parts), mtime, latestDatedLine } };
};

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

type Peeked = { head: Uint8Array; stream: AsyncGenerator<Uint8Array>; ended: boolean };

/**
 * The first `n` bytes of a stream, and the whole stream again (the peeked chunks pushed back). Ending the returned
 * stream ends the source too, even before its first `next()`: a generator returned unstarted skips its `finally`, and
 * a refused source (a zip read at offsets, an unsupported format) left its file handle to the garbage collector.
 */
async function peek(source: AsyncIterable<Uint8Array>, n: number): Promise<Peeked> {
  const it = source[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    seen.push(r.value);
    length += r.value.length;
  }
  const release = async () => {
    if (done) return;
    done = true;
    await it.return?.();
  };
  const stream = (async function* () {
    try {
      yield* seen;
      if (done) return;
      for (;;) {
        const r = await it.next();
        if (r.done) {
          done = true;
          return;
        }
        yield r.value;
      }
    } finally {
      await release();
    }
  })();
  const endStream = stream.return.bind(stream);
  stream.return = async (value) => {
    try {
      return await endStream(value);
    } finally {
      await release();
    }
  };
  return { head: seen.length === 1 ? seen[0] : concatBytes(seen), stream, ended: done };
}

async function* capped(source: AsyncIterable<Uint8Array>, max: number, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const c of source) {
    total += c.length;
    if (total > max) throw new MemberTooLarge(`more than ${Math.round(max / 1024 ** 2)} MB`);
    onBytes(c.length);
    yield c;
  }
}

class MemberTooLarge extends Error {}

/** The whole stream in memory; over `max`, a member is skipped (MemberTooLarge), a source is refused. */
async function readAll(source: AsyncIterable<Uint8Array>, max: number, what: string, isMember = false): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const c of source) {
    total += c.length;
    if (total > max) {
      const message = `larger than ${Math.round(max / 1024 ** 2)} MB, the cap for reading it whole`;
      if (isMember) throw new MemberTooLarge(message);
      throw new IngestError("too-large", `${what} is ${message}.`);
    }
    parts.push(c.slice());
  }
  return concatBytes(parts);
}

/**
 * A compressed log that breaks off (truncated, corrupt) after giving text keeps that text: the stream ends at the
 * cut and the source says why the rest is missing. A bomb or a cap is still a refusal of the whole source.
 */
async function* keptUntilCut(source: AsyncGenerator<Uint8Array>, summary: SourceSummary): AsyncGenerator<Uint8Array> {
  let kept = 0;
  try {
    for await (const chunk of source) {
      kept += chunk.length;
      yield chunk;
    }
  } catch (e) {
    if (!(e instanceof IngestError && e.code === "corrupt" && kept > 0)) throw e;
    summary.warnings.push(`cut short: ${e.message.replace(/\.$/, "")} after ${kept} decoded bytes; the text before it was read`);
  }
}

/** A member's bytes from the start, opened (and decoded) only when first read. */
async function* reopened(m: ArchiveMember, codec: Codec | undefined, meter: () => ExpansionMeter): AsyncGenerator<Uint8Array> {
  yield* codec ? decompressStream(codec, m.open!(), meter()) : m.open!();
}

/** Leading NULs say nothing (a log written up to a hard reset); the binary check looks past them. */
function isBinaryText(head: Uint8Array): boolean {
  let i = 0;
  while (i < head.length && head[i] === 0) i++;
  return looksBinary(head.subarray(i));
}

/** A host name as etc/hostname or a dump's utsname gives it (RFC 1123 labels, dots allowed). */
const HOSTNAME = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/;

/** The dump's utsname names the crashed host; Linux says "(none)" when nothing set one (an initramfs, a test VM). */
function hostOfDump(nodename: string | undefined): { host?: string } {
  return nodename !== undefined && HOSTNAME.test(nodename) ? { host: nodename } : {};
}

const CODEC_LABEL: Record<Codec, string> = { gzip: "gz", xz: "xz", zstd: "zst", bzip2: "bz2" };

/** `bytes`: what it holds of the cap for all members together (`maxKeptBytes`), given back when it is dropped. */
type KeptMember = { kept: KeptInput; rule?: MemberRule; path: string; summary?: SourceSummary; bytes?: number };

/** A dump waiting to be read; `summary` is the archive or directory it came from (none for a dump given as such). */
type PendingVmcore = { source: RandomAccessSource; summary?: SourceSummary; path?: string };

/** An archive opened inside a bundle of logs: the member `path` of `parent` it was. */
type NestedArchive = { parent: SourceSummary; path: string };

/**
 * Archives inside a bundle of logs opened in turn (a zip of per-node tar.gz files): the bundle is depth 0. Deeper ones
 * are skipped and said so; every level is decoded under the outermost source's caps and bomb checks.
 */
const MAX_NESTED_ARCHIVE_DEPTH = 2;

/**
 * Members of a bundle of logs named one by one in `skipped` for each reason, the rest counted: a tarball of a build
 * tree or a core-file directory holds thousands of binaries, and listing each one helps no one.
 */
const MAX_LISTED_SKIPS_PER_REASON = 50;

/** A member about to be read, and where it is: `depth` counts the archives around its own (see expandNested). */
type MemberRead = {
  m: ArchiveMember;
  rule?: MemberRule;
  name: string;
  path: string;
  summary: SourceSummary;
  streamable: boolean;
  meter: ExpansionMeter;
  depth: number;
};

class Expander {
  readonly inputs: KeptMember[] = [];
  readonly summaries: SourceSummary[] = [];
  /** What the source being expanded was sniffed as: names a source refused before its summary was made. */
  sniffed: Pick<SourceSummary, "kind" | "format"> | undefined;
  private keptBytes = 0;
  private vmcores: PendingVmcore[] = [];
  /** Archives opened inside bundles of logs, by their own summary. */
  readonly nested = new Map<SourceSummary, NestedArchive>();
  /** Per bundle of logs, the members read (or skipped) by their content alone: dropped if it is a support archive. */
  private readonly byContent = new Map<SourceSummary, Set<string>>();
  /** Skips of a bundle of logs counted in `ignoredMembers` past the listing cap. */
  private readonly unlistedSkips = new Map<SourceSummary, number>();

  constructor(
    private readonly limits: ExpansionLimits,
    private readonly keep: KeepText,
    readonly budget: DecompressionBudget,
  ) {}

  private summary(name: string, kind: SourceSummary["kind"], format: string, bytes?: number): SourceSummary {
    const s: SourceSummary = { name, kind, format, inputs: [], skipped: [], warnings: [] };
    if (bytes !== undefined) s.bytes = bytes;
    this.summaries.push(s);
    return s;
  }

  private async keepText(summary: SourceSummary, request: KeepRequest, path: string, rule?: MemberRule): Promise<KeptMember> {
    const kept = await this.keep(request);
    summary.inputs.push(kept.input.name);
    const member: KeptMember = { kept, rule, path, summary };
    this.inputs.push(member);
    return member;
  }

  async expandFile(src: FileSource): Promise<void> {
    const peeked = await peek(src.open(), SNIFF_BYTES);
    const opened = [peeked.stream];
    try {
      await this.expandPeeked(src, peeked, opened);
    } catch (e) {
      // A refused source is read no further, and what reads it ends here, outermost first (a decoder, then the file
      // under it): a decoder left half-read kept the file's handle for the garbage collector, and an xz decoder kept
      // xz-decompress's one-stream lock, so the next xz input waited forever. Ending an ended stream does nothing.
      for (const s of opened.reverse()) await s.return(undefined);
      throw e;
    }
  }

  /** `expandFile` once the source is peeked; `opened` gets the streams made over it (each over the one before). */
  private async expandPeeked(src: FileSource, { head, stream, ended }: Peeked, opened: AsyncGenerator<Uint8Array>[]): Promise<void> {
    const format = sniffFormat(head);
    if (format.kind === "text") {
      const utf16 = detectUtf16(head);
      if (utf16) {
        const summary = this.summary(src.name, "encoded-log", utf16, src.size);
        await this.keepText(summary, { name: src.name, chunks: utf16ToUtf8(stream, utf16), ...datingOf(src), streamable: true }, src.name);
        return;
      }
      if (src.reopenable && !ended) {
        // Read again from the start when the engine comes to it: a peeked file kept waiting holds its handle, and a
        // few thousand logs over the first read (64 KB) given together ran out of them (EMFILE). One that was read
        // to its end in the peek holds none.
        await stream.return(undefined);
        this.inputs.push({ kept: { input: { name: src.name, data: src.open(), ...datingOf(src) } }, path: src.name });
        return;
      }
      this.inputs.push({ kept: { input: { name: src.name, data: stream, ...datingOf(src) } }, path: src.name });
      return;
    }
    if (format.kind === "unsupported") {
      await stream.return(undefined);
      this.summary(src.name, format.container, format.format, src.size);
      throw new IngestError("unsupported", `${src.name} is ${format.container === "archive" ? "a" : "an"} ${format.format} ${format.container === "archive" ? "archive" : "file"}, which oopscope does not read: ${format.advice}.`);
    }
    if (format.kind === "codec") {
      this.sniffed = { kind: "compressed-log", format: CODEC_LABEL[format.codec] };
      this.budget.refuseIfSpent(src.name);
      const meter = new ExpansionMeter(src.name, this.limits, undefined, this.budget);
      const decoded = await peek(decompressStream(format.codec, stream, meter), SNIFF_BYTES);
      opened.push(decoded.stream);
      const inner = sniffFormat(decoded.head);
      const utf16 = inner.kind === "text" ? detectUtf16(decoded.head) : undefined;
      if (inner.kind === "text" && format.codec === "gzip" && src.reopenable && !utf16) {
        // The engine reads gzip itself (and the viewer shows it): nothing to convert.
        await decoded.stream.return(undefined);
        this.inputs.push({ kept: { input: { name: src.name, data: src.open(), ...datingOf(src) } }, path: src.name });
        return;
      }
      const label = CODEC_LABEL[format.codec];
      if (inner.kind === "text") {
        const summary = this.summary(src.name, "compressed-log", utf16 ? `${label}, ${utf16}` : label, src.size);
        if (!utf16 && isBinaryText(decoded.head)) throw new IngestError("binary", `${src.name} decompresses to a binary file, not a log.`);
        let chunks: AsyncGenerator<Uint8Array> = decoded.stream;
        if (format.codec === "xz" && src.reopenable) {
          // xz-decompress decodes one stream at a time: a module-wide lock taken when a stream is made and released
          // at its end or cancel. A sniffed xz log kept half-read until the engine reads it would block the next xz
          // input's sniff forever (two .xz files on the command line ended the process with nothing printed). Let
          // the sniff go and decode again from the start when the engine reads the log, one input after another.
          await decoded.stream.return(undefined);
          chunks = decompressStream("xz", src.open(), new ExpansionMeter(src.name, this.limits, undefined, this.budget));
        }
        const text = keptUntilCut(chunks, summary);
        await this.keepText(summary, { name: src.name, chunks: utf16 ? utf16ToUtf8(text, utf16) : text, ...datingOf(src), streamable: true }, src.name);
        return;
      }
      await this.expandInner(src, inner, decoded.stream, label, meter);
      return;
    }
    await this.expandInner(src, format, stream, undefined, new ExpansionMeter(src.name, this.limits));
  }

  /** An archive, journal or dump, possibly inside a codec (`label` names it: `tar.xz`). */
  private async expandInner(src: FileSource, format: SniffedFormat, stream: AsyncGenerator<Uint8Array>, codec: string | undefined, meter: ExpansionMeter): Promise<void> {
    const withCodec = (base: string) => (codec ? `${base}.${codec}` : base);
    if (format.kind === "archive" && format.format === "tar") {
      const summary = this.summary(src.name, "archive", withCodec("tar"), src.size);
      const { readTarMembers } = await import("./read-archive");
      await this.walkMembers(readTarMembers(stream, src.name), summary, `${src.name}:`, false, meter, 0);
      return;
    }
    if (format.kind === "archive" && format.format === "zip") {
      const summary = this.summary(src.name, "archive", withCodec("zip"), src.size);
      const zip = !codec && src.randomAccess ? src.randomAccess : bytesSource(src.name, await readAll(stream, this.limits.maxMemberBytes, src.name));
      if (!codec && src.randomAccess) await stream.return(undefined);
      const { readZipMembers } = await import("./read-archive");
      await this.walkMembers(readZipMembers(zip, meter), summary, `${src.name}:`, true, meter, 0);
      return;
    }
    if (format.kind === "journal") {
      const summary = this.summary(src.name, "journal", withCodec("journal"), src.size);
      const bytes = await readAll(stream, this.limits.maxJournalBytes, src.name);
      await this.keepJournal(summary, src.name, bytes, src.name, undefined, src.mtime);
      return;
    }
    if (format.kind === "vmcore-extract") {
      const { parseVmcoreExtract } = await import("../../vmcore/vmcore-extract-file");
      const parsed = parseVmcoreExtract(await readAll(stream, this.limits.maxMemberBytes, src.name));
      if ("error" in parsed) throw new IngestError("unsupported", `${src.name}: a vmcore extract, but ${parsed.error}.`);
      const kept = await this.keep({ name: parsed.name, chunks: oneChunk(new TextEncoder().encode(parsed.text)), streamable: true, mtime: src.mtime });
      this.inputs.push({ kept: { ...kept, input: { ...hostOfDump(parsed.vmcore.facts.nodename), ...kept.input, vmcore: parsed.vmcore } }, path: parsed.name });
      return;
    }
    if (format.kind === "vmcore") {
      // Read after everything else, so the parts of a split dump given together are read as one.
      await stream.return(undefined);
      if (codec || !src.randomAccess)
        throw new IngestError(
          "unsupported",
          codec ? `${src.name} is a compressed crash dump: decompress it first (dumps are read at offsets).` : `${src.name}: a crash dump must be given as a file, not a stream.`,
        );
      this.vmcores.push({ source: src.randomAccess });
      return;
    }
    await stream.return(undefined);
    throw new IngestError("unsupported", `${src.name}: ${format.kind === "codec" ? `a compressed ${format.codec}` : format.kind === "unsupported" ? `${format.format} data` : `a ${format.kind}`} inside ${codec}: not read.`);
  }

  async expandDirectory(src: DirectorySource): Promise<void> {
    const summary = this.summary(src.name, "directory", "directory");
    const name = src.name.replace(/\/+$/, "");
    await this.walkMembers(
      (async function* () {
        yield* src.members;
      })(),
      summary,
      `${name}/`,
      true,
      new ExpansionMeter(src.name, this.limits),
      0,
    );
  }

  private async keepJournal(summary: SourceSummary, name: string, bytes: Uint8Array, path: string, rule: MemberRule | undefined, mtime?: Date): Promise<void> {
    const { renderJournal } = await import("../journal/render-journal");
    const rendered = await renderJournal(bytes);
    const layout = [rendered.compact ? "compact" : "regular", ...rendered.compression].join(", ");
    if (summary.kind === "journal") summary.format = `${summary.format} (${layout})`;
    else summary.warnings.push(`${name}: journal (${layout}), ${rendered.entriesKept} of ${rendered.entriesRead} entries kept`);
    for (const w of rendered.warnings) summary.warnings.push(`${name}: ${w}`);
    summary.journalBoots = [...(summary.journalBoots ?? []), ...rendered.boots.map((b) => ({ ...b, input: name }))];
    // A bundle of logs may hold several hosts' journals: their lines name their hosts, the bundle names none.
    if (!summary.hostname && rendered.hostnames.length === 1 && summary.selection !== "every-log") summary.hostname = rendered.hostnames[0];
    const text = new TextEncoder().encode(rendered.text);
    await this.keepText(summary, { name, chunks: oneChunk(text), mtime, streamable: true }, path, rule);
  }

  private skip(summary: SourceSummary, path: string, reason: SkippedMember["reason"], message: string, bytes?: number): void {
    if (summary.selection === "every-log" && summary.skipped.filter((k) => k.reason === reason).length >= MAX_LISTED_SKIPS_PER_REASON) {
      summary.ignoredMembers = (summary.ignoredMembers ?? 0) + 1;
      this.unlistedSkips.set(summary, (this.unlistedSkips.get(summary) ?? 0) + 1);
      const note = `more members skipped as ${reason} than are listed (${MAX_LISTED_SKIPS_PER_REASON}): the rest are counted in ignoredMembers`;
      if (!summary.warnings.includes(note)) summary.warnings.push(note);
      return;
    }
    const s: SkippedMember = { path, reason, message };
    if (bytes !== undefined) s.bytes = bytes;
    summary.skipped.push(s);
  }

  /**
   * A path only a support archive has turned up in what looked like a bundle of logs: the members read or skipped
   * by their content alone (and the archives opened among them) are dropped and counted as ignored, and only the
   * member rules pick from here on, as if it had been known from the first member.
   */
  private async becomeSupportArchive(summary: SourceSummary): Promise<void> {
    summary.selection = "support-archive";
    const paths = this.byContent.get(summary);
    this.byContent.delete(summary);
    if (!paths || paths.size === 0) return;
    const dropped = new Set<SourceSummary>([summary]);
    for (const [child, at] of this.nested) if (dropped.has(at.parent) && (at.parent !== summary || paths.has(at.path))) dropped.add(child);
    for (const k of [...this.inputs]) {
      if (!k.summary || !dropped.has(k.summary) || (k.summary === summary && !paths.has(k.path))) continue;
      await k.kept.discard?.();
      this.inputs.splice(this.inputs.indexOf(k), 1);
      this.keptBytes -= k.bytes ?? 0;
      if (k.summary === summary) summary.inputs = summary.inputs.filter((n) => n !== k.kept.input.name);
    }
    this.vmcores = this.vmcores.filter((v) => !v.summary || !dropped.has(v.summary) || (v.summary === summary && !(v.path && paths.has(v.path))));
    dropped.delete(summary);
    for (const child of dropped) {
      this.nested.delete(child);
      this.summaries.splice(this.summaries.indexOf(child), 1);
    }
    summary.skipped = summary.skipped.filter((k) => !paths.has(k.path));
    summary.warnings = summary.warnings.filter((w) => !w.startsWith("more members skipped as "));
    summary.ignoredMembers = (summary.ignoredMembers ?? 0) - (this.unlistedSkips.get(summary) ?? 0) + paths.size;
    this.unlistedSkips.delete(summary);
  }

  private async walkMembers(
    members: AsyncIterable<ArchiveMember>,
    summary: SourceSummary,
    prefix: string,
    streamable: boolean,
    meter: ExpansionMeter,
    depth: number,
  ): Promise<void> {
    summary.members = 0;
    summary.ignoredMembers = 0;
    // Every log until a path says it is a support archive (SUPPORT_ARCHIVE_MARKERS).
    summary.selection = "every-log";
    const byContent = new Set<string>();
    this.byContent.set(summary, byContent);
    let hostnameRank = Infinity;
    for await (const m of members) {
      if (m.type === "directory") continue;
      summary.members++;
      if (summary.members > this.limits.maxMembers) {
        summary.warnings.push(`stopped after ${this.limits.maxMembers} members (the cap); the rest were not looked at`);
        break;
      }
      if (escapesArchive(m.path)) {
        this.skip(summary, m.path, "path-escape", `refused: the path leaves the archive (absolute or with ".."), as in a tar/zip slip attack`);
        continue;
      }
      const path = normalizeMemberPath(m.path);
      if (summary.selection === "every-log" && isSupportArchiveMarker(path)) await this.becomeSupportArchive(summary);
      const rule = findMemberRule(path);
      // In a bundle of logs every member is wanted (read by content) but what archivers leave beside the files.
      const readByContent = !rule && summary.selection === "every-log" && !isArchiverDebris(path);
      if (readByContent) byContent.add(path);
      const wanted = rule !== undefined || readByContent;
      if (m.type === "symlink" || m.type === "hardlink") {
        if (wanted) this.skip(summary, path, m.type, `not followed: a ${m.type === "symlink" ? "symbolic" : "hard"} link to ${m.linkTarget ?? "?"}`);
        else summary.ignoredMembers++;
        continue;
      }
      if (m.type === "sparse" || m.type === "other") {
        // GNU tar's old sparse entries ('S') have a type flag tar-stream does not name: they are most of "other".
        const what = m.type === "sparse" ? "a sparse file (tar --sparse), whose holes this reader does not expand" : "an entry of a type this reader does not read (GNU tar --sparse writes sparse files so)";
        if (wanted) this.skip(summary, path, "unreadable", `not read: ${what}; extract the archive and give the file on its own`, m.size);
        else summary.ignoredMembers++;
        continue;
      }
      if (m.type !== "file") {
        this.skip(summary, path, "device", `refused: a ${m.type === "fifo" ? "named pipe" : "device file"}`);
        continue;
      }
      if (!wanted || !m.open) {
        summary.ignoredMembers++;
        continue;
      }
      const name = prefix + path;
      try {
        if (rule?.role === "hostname") {
          const text = new TextDecoder().decode(await readAll(m.open(), 4096, name, true)).split("\n")[0].trim();
          if (HOSTNAME.test(text) && (rule.rank ?? 0) < hostnameRank) {
            summary.hostname = text;
            hostnameRank = rule.rank ?? 0;
          }
          continue;
        }
        await this.readMember({ m, rule, name, path, summary, streamable, meter, depth });
      } catch (e) {
        // A member that cannot be read is skipped with its reason on the summary; other errors propagate.
        if (e instanceof MemberTooLarge) this.skip(summary, path, "too-large", `not read: ${e.message} (the per-member cap)`, m.size);
        else if (e instanceof IngestError && (e.code === "corrupt" || e.code === "unsupported")) this.skip(summary, path, "unreadable", e.message, m.size);
        else if (e instanceof JournalFormatError) this.skip(summary, path, "unreadable", `not a readable journal: ${e.message}`, m.size);
        else throw e;
      }
    }
    this.byContent.delete(summary);
    await this.dropDuplicates(summary);
  }

  /**
   * An archive inside a bundle of logs (a zip of per-node tar.gz files): walked as a source of its own — its own
   * summary, named `<outer>:<member>`, its own support-archive or bundle verdict — under the outer source's caps.
   */
  private async expandNested(read: MemberRead, format: ContainerFormat, stream: AsyncGenerator<Uint8Array>, codec: Codec | undefined, memberMeter: ExpansionMeter): Promise<void> {
    const { m, name, path, summary, depth } = read;
    const nested = this.summary(name, "archive", codec ? `${format}.${CODEC_LABEL[codec]}` : format, m.size);
    this.nested.set(nested, { parent: summary, path });
    const { readTarMembers, readZipMembers } = await import("./read-archive");
    try {
      if (format === "tar") await this.walkMembers(readTarMembers(stream, name), nested, `${name}:`, false, memberMeter, depth + 1);
      else {
        const zip = bytesSource(name, await readAll(stream, this.limits.maxMemberBytes, name, true));
        await this.walkMembers(readZipMembers(zip, memberMeter), nested, `${name}:`, true, memberMeter, depth + 1);
      }
    } catch (e) {
      if (!(e instanceof MemberTooLarge || (e instanceof IngestError && (e.code === "corrupt" || e.code === "unsupported")))) throw e;
      // Cut short after some members: those are kept, as for an archive given as such; else the member is skipped.
      if (e instanceof IngestError && e.code === "corrupt" && nested.inputs.length > 0) {
        nested.warnings.push(`cut short: ${e.message.replace(/\.$/, "")}; the members before it were read, the rest were not looked at`);
        return;
      }
      this.nested.delete(nested);
      this.summaries.splice(this.summaries.indexOf(nested), 1);
      throw e;
    }
  }

  /** One member of an archive or directory: a rule's, or (`rule` absent) one of a bundle of logs read by content. */
  private async readMember(read: MemberRead): Promise<void> {
    const { m, rule, name, path, summary, streamable, meter, depth } = read;
    const tooLarge = () => new MemberTooLarge(`${describeClaimedSize(m.size!)}, more than ${formatByteSize(this.limits.maxMemberBytes)}`);
    const oversize = m.size !== undefined && m.size > this.limits.maxMemberBytes;
    // A rule says what a member is before it is opened; a member read by content may still be a dump.
    if (oversize && rule && rule.role !== "vmcore") throw tooLarge();
    let { head, stream } = await peek(m.open!(), SNIFF_BYTES);
    if (head.length === 0) {
      await stream.return(undefined);
      this.skip(summary, path, "empty", "not read: the file is empty (0 bytes)", 0);
      return;
    }
    let format = sniffFormat(head);
    if (oversize && format.kind !== "vmcore") {
      await stream.return(undefined);
      throw tooLarge();
    }
    let codec: Codec | undefined;
    let memberMeter = meter;
    if (format.kind === "codec") {
      // Rotated logs (`messages-20240818.gz`): decoded here, their output counted against the archive's caps.
      codec = format.codec;
      memberMeter = new ExpansionMeter(name, this.limits, meter);
      const decoded = await peek(decompressStream(format.codec, stream, memberMeter), SNIFF_BYTES);
      head = decoded.head;
      stream = decoded.stream;
      format = sniffFormat(head);
    }
    if (format.kind === "archive" && summary.selection === "every-log" && depth < MAX_NESTED_ARCHIVE_DEPTH) {
      await this.expandNested(read, format.format, stream, codec, memberMeter);
      return;
    }
    if (format.kind === "archive" || format.kind === "codec") {
      await stream.return(undefined);
      const message =
        summary.selection === "every-log"
          ? `not opened: an archive inside ${depth + 1} others, more nesting than oopscope opens (extract it and give it on its own)`
          : "not opened: an archive inside the archive (give it on its own)";
      this.skip(summary, path, "nested-archive", message, m.size);
      return;
    }
    if (format.kind === "unsupported") {
      await stream.return(undefined);
      this.skip(summary, path, "unreadable", `not read: ${format.format} data, which oopscope does not read (${format.advice})`, m.size);
      return;
    }
    if (format.kind === "journal") {
      await this.keepJournal(summary, name, await readAll(stream, this.limits.maxJournalBytes, name, true), path, rule, m.mtime);
      return;
    }
    if (format.kind === "vmcore") {
      if (codec) {
        await stream.return(undefined);
        this.skip(summary, path, "unreadable", "a compressed crash dump: decompress it and give it on its own", m.size);
        return;
      }
      if (m.randomAccess) {
        await stream.return(undefined);
        this.vmcores.push({ source: { ...m.randomAccess, name }, summary, path });
        return;
      }
      if ((m.size ?? 0) > this.limits.maxMemberBytes) {
        await stream.return(undefined);
        this.skip(summary, path, "too-large", `a ${Math.round((m.size ?? 0) / 1024 ** 2)} MB crash dump inside an archive: extract it and give it on its own (oopscope triage path/to/vmcore)`, m.size);
        return;
      }
      const bytes = await readAll(stream, this.limits.maxMemberBytes, name, true);
      this.vmcores.push({ source: bytesSource(name, bytes), summary, path });
      return;
    }
    const utf16 = detectUtf16(head);
    if (!utf16 && isBinaryText(head)) {
      await stream.return(undefined);
      this.skip(summary, path, "binary", rule ? "not read: binary data under a log's name" : "not read: binary data, not a log", m.size);
      return;
    }
    const limit = Math.min(this.limits.maxMemberBytes, this.limits.maxKeptBytes - this.keptBytes);
    if (limit <= 0) {
      await stream.return(undefined);
      this.skip(summary, path, "too-large", `not read: the ${Math.round(this.limits.maxKeptBytes / 1024 ** 2)} MB cap for all members together is reached`, m.size);
      return;
    }
    if (m.randomAccess && streamable) {
      // A file of a directory is read when the engine comes to it, opened again then: a sniffed stream kept waiting
      // holds a file handle, and a directory of a few thousand logs ran out of them (EMFILE). xz also decodes one
      // stream at a time (see expandFile).
      await stream.return(undefined);
      stream = reopened(m, codec, () => new ExpansionMeter(name, this.limits, meter));
    }
    let taken = 0;
    let kept: KeptMember | undefined;
    try {
      const text = capped(stream, limit, (n) => (taken += n));
      kept = await this.keepText(summary, { name, chunks: utf16 ? utf16ToUtf8(text, utf16) : text, mtime: m.mtime, streamable }, path, rule);
    } finally {
      this.keptBytes += taken;
      if (kept) kept.bytes = taken;
    }
  }

  /**
   * Within one source, a group's lower-ranked members repeat a better one's messages: dropped and listed. A support
   * archive is one host's; a bundle of logs may hold several hosts' (`node1/journal.txt`, `node2/messages.txt`), so
   * there only members of one directory repeat each other.
   */
  private async dropDuplicates(summary: SourceSummary): Promise<void> {
    const mine = this.inputs.filter((k) => k.summary === summary && k.rule?.group);
    const perHost = summary.selection === "every-log";
    const groupOf = (k: KeptMember) => (perHost ? `${k.rule!.group}\u0000${k.path.slice(0, Math.max(0, k.path.lastIndexOf("/")))}` : k.rule!.group!);
    const best = new Map<string, number>();
    for (const k of mine) best.set(groupOf(k), Math.min(best.get(groupOf(k)) ?? Infinity, k.rule!.rank ?? 0));
    for (const k of mine) {
      const top = best.get(groupOf(k))!;
      if ((k.rule!.rank ?? 0) <= top) continue;
      const keptBy = mine.filter((o) => groupOf(o) === groupOf(k) && (o.rule!.rank ?? 0) === top).map((o) => o.path);
      await k.kept.discard?.();
      this.inputs.splice(this.inputs.indexOf(k), 1);
      summary.inputs = summary.inputs.filter((n) => n !== k.kept.input.name);
      summary.journalBoots = summary.journalBoots?.filter((b) => b.input !== k.kept.input.name);
      if (summary.journalBoots?.length === 0) delete summary.journalBoots;
      const shown = keptBy.slice(0, 3).join(", ") + (keptBy.length > 3 ? ` and ${keptBy.length - 3} more` : "");
      this.skip(summary, k.path, "duplicate", `not read: it repeats the messages of ${shown}, which ${keptBy.length > 1 ? "were" : "was"} read`);
    }
  }

  /**
   * Dumps become inputs holding their kernel log, with the crash facts on `input.vmcore` (the engine takes the
   * boot's release from them). Parts of one `--split` dump are grouped by the vmcore reader, wherever they came from.
   */
  async readVmcores(): Promise<void> {
    if (this.vmcores.length === 0) return;
    // Loaded when a dump is seen: the dump readers and the extract's validation (zod) cost every plain log's CLI
    // run ~40 ms of start-up.
    const { extractVmcoreLog, groupVmcoreParts } = await import("../../vmcore");
    const pendingOf = new Map(this.vmcores.map((v) => [v.source, v]));
    for (const group of await groupVmcoreParts(this.vmcores.map((v) => v.source))) {
      const names = group.map((g) => g.name);
      const name = names.join(" + ");
      const extract = await extractVmcoreLog(group);
      // The input is reported under its name already: a single part's own name need not lead the message too.
      const error = extract.error?.startsWith(`${names[0]}: `) && names.length === 1 ? extract.error.slice(names[0].length + 2) : extract.error;
      const vmcore = { facts: extract.facts, warnings: extract.warnings, ...(error === undefined ? {} : { error }) };
      const host = hostOfDump(extract.facts.nodename);
      const { summary, path } = pendingOf.get(group[0])!;
      // The text is ASCII (makedumpfile escapes every other byte).
      const request = { name, chunks: oneChunk(new TextEncoder().encode(extract.text)), streamable: true };
      if (!summary) {
        const kept = await this.keep(request);
        this.inputs.push({ kept: { ...kept, input: { ...host, ...kept.input, vmcore } }, path: name });
        continue;
      }
      await this.keepText(summary, request, name);
      const k = this.inputs[this.inputs.length - 1].kept;
      k.input = { ...host, ...k.input, vmcore };
      if (!error && path) await this.dropVmcoreDmesgBeside(summary, path);
    }
  }

  /** A member's path from the source the user gave, through the archives it is nested in (`w01-logs.tgz/dmesg`). */
  pathFromSource(summary: SourceSummary, path: string): string {
    const at = this.nested.get(summary);
    if (at) return `${this.pathFromSource(at.parent, at.path)}/${path}`;
    const given = summary.name.replace(/[/\\]+$/, "");
    return `${given.slice(Math.max(given.lastIndexOf("/"), given.lastIndexOf("\\")) + 1)}/${path}`;
  }

  /**
   * An archive or directory that gave no input, itself or through the archives nested in it, is refused with what
   * it held: "The input is empty" alone left an SRE guessing whether the archive was empty, all binary, or not one
   * oopscope reads.
   */
  refuseArchivesThatGaveNothing(): void {
    const gaveSomething = (summary: SourceSummary): boolean =>
      summary.inputs.length > 0 || [...this.nested].some(([child, at]) => at.parent === summary && gaveSomething(child));
    for (const summary of this.summaries) {
      if ((summary.kind !== "archive" && summary.kind !== "directory") || summary.error || this.nested.has(summary) || gaveSomething(summary)) continue;
      summary.error = describeNothingRead(summary);
    }
  }

  /** kdump's vmcore-dmesg.txt is the dump's own ring buffer, saved beside it: read from the dump, it would repeat. */
  private async dropVmcoreDmesgBeside(summary: SourceSummary, dumpPath: string): Promise<void> {
    const dirOf = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf("/")));
    for (const k of this.inputs.filter((i) => i.summary === summary && i.rule?.id === "vmcore-dmesg" && dirOf(i.path) === dirOf(dumpPath))) {
      await k.kept.discard?.();
      this.inputs.splice(this.inputs.indexOf(k), 1);
      summary.inputs = summary.inputs.filter((n) => n !== k.kept.input.name);
      this.skip(summary, k.path, "duplicate", `not read: the same kernel log as ${dumpPath}, which was read from the dump`);
    }
  }
}


/** Why an archive or directory gave no log, for its `error`. */
function describeNothingRead(summary: SourceSummary): string {
  const what = summary.kind === "directory" ? "directory" : "archive";
  if (!summary.members) return `${summary.name} is an empty ${what}: it holds no files.`;
  const listed = summary.skipped.slice(0, 5).map((k) => `${k.path} (${k.reason})`);
  const more = summary.skipped.length - listed.length + (summary.selection === "every-log" ? (summary.ignoredMembers ?? 0) : 0);
  const skipped = listed.length > 0 ? `; skipped: ${listed.join(", ")}${more > 0 ? ` and ${more} more` : ""}` : "";
  if (summary.selection === "support-archive")
    return `Nothing in ${summary.name} was read: it is laid out as a support archive (sosreport, supportconfig, must-gather, a copied root or /var/crash), and none of its ${summary.members} files is one of the logs read from those (var/log/messages, syslog, kern.log, dmesg, journals, vmcore-dmesg.txt, vmcore, kubelet logs: docs/cli.md)${skipped}.`;
  return `Nothing in ${summary.name} could be read as a log: none of its ${summary.members} files is text, a compressed log, a journal or a crash dump${skipped}.`;
}

/**
 * Recognises and expands every source. A source refused as a whole (a decompression bomb, a corrupt archive, a
 * file that is no journal) gets `error` on its summary and gives no input; the others go on.
 */
export async function expandInputs(given: InputSource[], options: ExpandOptions = {}): Promise<ExpandedInputs> {
  const expander = new Expander(options.limits ?? DEFAULT_EXPANSION_LIMITS, options.keep ?? keepInMemory, options.decompressionBudget ?? decompressionBudgetFor());
  for (const src of given) {
    const before = expander.inputs.length;
    const summariesBefore = expander.summaries.length;
    expander.sniffed = undefined;
    try {
      if (src.kind === "directory") await expander.expandDirectory(src);
      else await expander.expandFile(src);
    } catch (e) {
      if (!(e instanceof IngestError || e instanceof JournalFormatError)) throw e;
      // An archive cut short (truncated, corrupt past some point) keeps the members read before the cut, and says so.
      const cutSummary = expander.summaries[summariesBefore];
      if (e instanceof IngestError && e.code === "corrupt" && cutSummary && expander.inputs.length > before) {
        cutSummary.warnings.push(`cut short: ${e.message.replace(/\.$/, "")}; the members before it were read, the rest were not looked at`);
        continue;
      }
      // Nothing of a refused source is read (a bomb, a cap): its members so far are dropped too.
      for (const k of expander.inputs.splice(before)) await k.kept.discard?.();
      let summary = expander.summaries[summariesBefore];
      if (!summary) {
        summary = { name: src.name, ...(expander.sniffed ?? { kind: "archive", format: "unknown" }), inputs: [], skipped: [], warnings: [] };
        expander.summaries.push(summary);
      }
      summary.inputs = [];
      summary.error = e instanceof JournalFormatError ? `${src.name}: not a readable journal: ${e.message}` : e.message;
    }
  }
  await expander.readVmcores();
  expander.refuseArchivesThatGaveNothing();
  // Members of an archive that names its host (etc/hostname) are that host's lines where they name none; in a bundle
  // of logs, the host its path names (`node1.log`, `worker-3/kern.log`, `w01-logs.tgz:dmesg`).
  const inputs = expander.inputs.map((k) => {
    if (k.kept.input.host || !k.summary) return k.kept.input;
    const host = k.summary.hostname ?? (k.summary.selection === "every-log" ? hostFromMemberPath(expander.pathFromSource(k.summary, k.path)) : undefined);
    return host ? { ...k.kept.input, host } : k.kept.input;
  });
  return { inputs, sources: expander.summaries, decompressionBudget: expander.budget };
}
