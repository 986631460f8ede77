/**
 * What the user gave → the text inputs of the one triage entry point. The CLI (files, directories, stdin) and the
 * web upload path both call `expandInputs`; it recognises each source by magic (plain text, gzip, xz, zstd, bzip2,
 * tar in any of those, zip, binary journals, vmcores), walks archives and directories member by member within
 * caps, picks the members that matter (member-rules.ts), and says what it skipped and why.
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
import { sniffFormat, SNIFF_BYTES, type Codec, type SniffedFormat } from "./magic";
import { escapesArchive, findMemberRule, normalizeMemberPath, type MemberRule } from "./member-rules";
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

/**
 * The first `n` bytes of a stream, and the whole stream again (the peeked chunks pushed back). Ending the returned
 * stream ends the source too, even before its first `next()`: a generator returned unstarted skips its `finally`, and
 * a refused source (a zip read at offsets, an unsupported format) left its file handle to the garbage collector.
 */
async function peek(source: AsyncIterable<Uint8Array>, n: number): Promise<{ head: Uint8Array; stream: AsyncGenerator<Uint8Array> }> {
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
  return { head: seen.length === 1 ? seen[0] : concatBytes(seen), stream };
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

type KeptMember = { kept: KeptInput; rule?: MemberRule; path: string; summary?: SourceSummary };

/** A dump waiting to be read; `summary` is the archive or directory it came from (none for a dump given as such). */
type PendingVmcore = { source: RandomAccessSource; summary?: SourceSummary; path?: string };

class Expander {
  readonly inputs: KeptMember[] = [];
  readonly summaries: SourceSummary[] = [];
  /** What the source being expanded was sniffed as: names a source refused before its summary was made. */
  sniffed: Pick<SourceSummary, "kind" | "format"> | undefined;
  private keptBytes = 0;
  private vmcores: PendingVmcore[] = [];

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

  private async keepText(summary: SourceSummary, request: KeepRequest, path: string, rule?: MemberRule): Promise<void> {
    const kept = await this.keep(request);
    summary.inputs.push(kept.input.name);
    this.inputs.push({ kept, rule, path, summary });
  }

  async expandFile(src: FileSource): Promise<void> {
    const { head, stream } = await peek(src.open(), SNIFF_BYTES);
    const format = sniffFormat(head);
    if (format.kind === "text") {
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
      const inner = sniffFormat(decoded.head);
      if (inner.kind === "text" && format.codec === "gzip" && src.reopenable) {
        // The engine reads gzip itself (and the viewer shows it): nothing to convert.
        await decoded.stream.return(undefined);
        this.inputs.push({ kept: { input: { name: src.name, data: src.open(), ...datingOf(src) } }, path: src.name });
        return;
      }
      const label = CODEC_LABEL[format.codec];
      if (inner.kind === "text") {
        const summary = this.summary(src.name, "compressed-log", label, src.size);
        if (isBinaryText(decoded.head)) throw new IngestError("binary", `${src.name} decompresses to a binary file, not a log.`);
        let chunks = decoded.stream;
        if (format.codec === "xz" && src.reopenable) {
          // xz-decompress decodes one stream at a time: a module-wide lock taken when a stream is made and released
          // at its end or cancel. A sniffed xz log kept half-read until the engine reads it would block the next xz
          // input's sniff forever (two .xz files on the command line ended the process with nothing printed). Let
          // the sniff go and decode again from the start when the engine reads the log, one input after another.
          await decoded.stream.return(undefined);
          chunks = decompressStream("xz", src.open(), new ExpansionMeter(src.name, this.limits, undefined, this.budget));
        }
        await this.keepText(summary, { name: src.name, chunks: keptUntilCut(chunks, summary), ...datingOf(src), streamable: true }, src.name);
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
      await this.walkMembers(readTarMembers(stream, src.name), summary, `${src.name}:`, false, meter);
      return;
    }
    if (format.kind === "archive" && format.format === "zip") {
      const summary = this.summary(src.name, "archive", withCodec("zip"), src.size);
      const zip = !codec && src.randomAccess ? src.randomAccess : bytesSource(src.name, await readAll(stream, this.limits.maxMemberBytes, src.name));
      if (!codec && src.randomAccess) await stream.return(undefined);
      const { readZipMembers } = await import("./read-archive");
      await this.walkMembers(readZipMembers(zip, meter), summary, `${src.name}:`, true, meter);
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
    if (!summary.hostname && rendered.hostnames.length === 1) summary.hostname = rendered.hostnames[0];
    const text = new TextEncoder().encode(rendered.text);
    await this.keepText(summary, { name, chunks: oneChunk(text), mtime, streamable: true }, path, rule);
  }

  private skip(summary: SourceSummary, path: string, reason: SkippedMember["reason"], message: string, bytes?: number): void {
    const s: SkippedMember = { path, reason, message };
    if (bytes !== undefined) s.bytes = bytes;
    summary.skipped.push(s);
  }

  private async walkMembers(
    members: AsyncIterable<ArchiveMember>,
    summary: SourceSummary,
    prefix: string,
    streamable: boolean,
    meter: ExpansionMeter,
  ): Promise<void> {
    summary.members = 0;
    summary.ignoredMembers = 0;
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
      const rule = findMemberRule(path);
      if (m.type === "symlink" || m.type === "hardlink") {
        if (rule) this.skip(summary, path, m.type, `not followed: a ${m.type === "symlink" ? "symbolic" : "hard"} link to ${m.linkTarget ?? "?"}`);
        else summary.ignoredMembers++;
        continue;
      }
      if (m.type === "sparse" || m.type === "other") {
        // GNU tar's old sparse entries ('S') have a type flag tar-stream does not name: they are most of "other".
        const what = m.type === "sparse" ? "a sparse file (tar --sparse), whose holes this reader does not expand" : "an entry of a type this reader does not read (GNU tar --sparse writes sparse files so)";
        if (rule) this.skip(summary, path, "unreadable", `not read: ${what}; extract the archive and give the file on its own`, m.size);
        else summary.ignoredMembers++;
        continue;
      }
      if (m.type !== "file") {
        this.skip(summary, path, "device", `refused: a ${m.type === "fifo" ? "named pipe" : "device file"}`);
        continue;
      }
      if (!rule || !m.open) {
        summary.ignoredMembers++;
        continue;
      }
      const name = prefix + path;
      try {
        if (rule.role === "hostname") {
          const text = new TextDecoder().decode(await readAll(m.open(), 4096, name, true)).split("\n")[0].trim();
          if (HOSTNAME.test(text) && (rule.rank ?? 0) < hostnameRank) {
            summary.hostname = text;
            hostnameRank = rule.rank ?? 0;
          }
          continue;
        }
        await this.readMember(m, rule, name, path, summary, streamable, meter);
      } catch (e) {
        // A member that cannot be read is skipped with its reason on the summary; other errors propagate.
        if (e instanceof MemberTooLarge) this.skip(summary, path, "too-large", `not read: ${e.message} (the per-member cap)`, m.size);
        else if (e instanceof IngestError && (e.code === "corrupt" || e.code === "unsupported")) this.skip(summary, path, "unreadable", e.message, m.size);
        else if (e instanceof JournalFormatError) this.skip(summary, path, "unreadable", `not a readable journal: ${e.message}`, m.size);
        else throw e;
      }
    }
    await this.dropDuplicates(summary);
  }

  private async readMember(m: ArchiveMember, rule: MemberRule, name: string, path: string, summary: SourceSummary, streamable: boolean, meter: ExpansionMeter): Promise<void> {
    if (m.size !== undefined && m.size > this.limits.maxMemberBytes && rule.role !== "vmcore") throw new MemberTooLarge(`${describeClaimedSize(m.size)}, more than ${formatByteSize(this.limits.maxMemberBytes)}`);
    let { head, stream } = await peek(m.open!(), SNIFF_BYTES);
    let format = sniffFormat(head);
    let codec: Codec | undefined;
    if (format.kind === "codec") {
      // Rotated logs (`messages-20240818.gz`): decoded here, their output counted against the archive's caps.
      codec = format.codec;
      const decoded = await peek(decompressStream(format.codec, stream, new ExpansionMeter(name, this.limits, meter)), SNIFF_BYTES);
      head = decoded.head;
      stream = decoded.stream;
      format = sniffFormat(head);
    }
    if (format.kind === "archive" || format.kind === "codec") {
      await stream.return(undefined);
      this.skip(summary, path, "nested-archive", `not opened: an archive inside the archive (give it on its own)`, m.size);
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
    if (isBinaryText(head)) {
      await stream.return(undefined);
      this.skip(summary, path, "binary", "not read: binary data under a log's name", m.size);
      return;
    }
    const limit = Math.min(this.limits.maxMemberBytes, this.limits.maxKeptBytes - this.keptBytes);
    if (limit <= 0) {
      await stream.return(undefined);
      this.skip(summary, path, "too-large", `not read: the ${Math.round(this.limits.maxKeptBytes / 1024 ** 2)} MB cap for all members together is reached`, m.size);
      return;
    }
    let taken = 0;
    try {
      await this.keepText(
        summary,
        { name, chunks: capped(stream, limit, (n) => (taken += n)), mtime: m.mtime, streamable },
        path,
        rule,
      );
    } finally {
      this.keptBytes += taken;
    }
  }

  /** Within one source, a group's lower-ranked members repeat a better one's messages: dropped and listed. */
  private async dropDuplicates(summary: SourceSummary): Promise<void> {
    const mine = this.inputs.filter((k) => k.summary === summary && k.rule?.group);
    const best = new Map<string, number>();
    for (const k of mine) best.set(k.rule!.group!, Math.min(best.get(k.rule!.group!) ?? Infinity, k.rule!.rank ?? 0));
    for (const k of mine) {
      const top = best.get(k.rule!.group!)!;
      if ((k.rule!.rank ?? 0) <= top) continue;
      const keptBy = mine.filter((o) => o.rule!.group === k.rule!.group && (o.rule!.rank ?? 0) === top).map((o) => o.path);
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
  // Members of an archive that names its host (etc/hostname) are that host's lines where they name none.
  const inputs = expander.inputs.map((k) => (k.summary?.hostname && !k.kept.input.host ? { ...k.kept.input, host: k.summary.hostname } : k.kept.input));
  return { inputs, sources: expander.summaries, decompressionBudget: expander.budget };
}
