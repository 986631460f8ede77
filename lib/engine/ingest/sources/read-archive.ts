/**
 * Archive members as one sequence, whatever the container: tar (tar-stream, read as a stream: a member's bytes
 * must be consumed before the next member is reached) and zip (central directory read with random access, entries
 * inflated by the platform's DecompressionStream). Links, devices and escaping paths are reported as such, never
 * opened; zip entries that share bytes (the overlapping-entry bomb) refuse the whole archive.
 */
import { extract as tarExtract, type Header as TarHeader } from "tar-stream";
import type { RandomAccessSource } from "../random-access";
import { IngestError } from "../ingest-error";
import { ExpansionMeter, inflateRawStream } from "./decompress";

/** `sparse`: a file stored with its holes left out (tar --sparse, pax GNU.sparse.* headers), which is not expanded. */
export type MemberType = "file" | "directory" | "symlink" | "hardlink" | "device" | "fifo" | "sparse" | "other";

/** One member of an archive or one file of a directory the user gave. */
export type ArchiveMember = {
  path: string;
  type: MemberType;
  /** Size as the container declares it (uncompressed). */
  size?: number;
  linkTarget?: string;
  mtime?: Date;
  /** The member's bytes; for tar, valid only until the next member is asked for. */
  open?: () => AsyncIterable<Uint8Array>;
  /** Present for files the caller can read at any offset (a directory's files). */
  randomAccess?: RandomAccessSource;
};

const TAR_TYPES: Partial<Record<TarHeader["type"], MemberType>> = {
  file: "file",
  "contiguous-file": "file",
  directory: "directory",
  symlink: "symlink",
  link: "hardlink",
  "character-device": "device",
  "block-device": "device",
  fifo: "fifo",
};

/**
 * A tar member's bytes. tar-stream fails a member the archive ends inside with a bare Error ("Unexpected end of
 * data"): it becomes the archive's `corrupt` refusal, which the expander turns into a skipped member (and keeps the
 * members before it) instead of an unexplained crash of the whole triage.
 */
async function* memberBytes(entry: AsyncIterable<Uint8Array>, label: string): AsyncGenerator<Uint8Array> {
  try {
    yield* entry;
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError("corrupt", `${label}: the tar data is corrupt or truncated (${(e as Error).message}).`);
  }
}

/** GNU tar's pax form of a sparse file (a regular entry whose data starts with the map of its holes): its real path. */
function sparseName(h: TarHeader): string | undefined {
  const pax = (h.pax ?? {}) as Record<string, string>;
  if (!Object.keys(pax).some((k) => k.startsWith("GNU.sparse."))) return undefined;
  return pax["GNU.sparse.name"] ?? h.name;
}

/** The members of a tar stream, in order. Each member's `open()` must be drained (or not called) before moving on. */
export async function* readTarMembers(source: AsyncIterable<Uint8Array>, label: string): AsyncGenerator<ArchiveMember> {
  const extract = tarExtract();
  let feedError: unknown;
  const feeding = (async () => {
    try {
      for await (const chunk of source) {
        if (extract.destroyed) return;
        // The reader may stop (a refused member) while a write waits for room: closing ends the wait too.
        if (!extract.write(chunk))
          await new Promise<void>((resolve) => {
            const done = () => {
              extract.off("drain", done);
              extract.off("close", done);
              resolve();
            };
            extract.on("drain", done);
            extract.on("close", done);
          });
      }
      if (!extract.destroyed) extract.end(new Uint8Array(0));
    } catch (e) {
      // Kept for the reader below, which turns it into a `corrupt` refusal with this message.
      feedError = e;
      extract.destroy(e as Error);
    }
  })();
  try {
    for await (const entry of extract) {
      const h = entry.header;
      let drained = false;
      const member: ArchiveMember = {
        // pax sparse entries are stored as `<dir>/GNUSparseFile.<pid>/<name>`; the real path is in the header.
        path: sparseName(h) ?? h.name,
        type: sparseName(h) !== undefined ? "sparse" : (TAR_TYPES[h.type] ?? "other"),
        size: h.size,
        linkTarget: h.linkname ?? undefined,
        mtime: h.mtime,
        open: () => {
          drained = true;
          return memberBytes(entry as AsyncIterable<Uint8Array>, label);
        },
      };
      yield member;
      if (!drained) entry.resume();
    }
  } catch (e) {
    // tar-stream fails on corrupt or truncated archives: a refusal with its reason.
    if (feedError instanceof IngestError) throw feedError;
    if (e instanceof IngestError) throw e;
    throw new IngestError("corrupt", `${label}: the tar data is corrupt or truncated (${(feedError as Error | undefined)?.message ?? (e as Error).message}).`);
  } finally {
    extract.destroy();
    await feeding;
  }
  if (feedError instanceof IngestError) throw feedError;
}

const le16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const le32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const le64 = (b: Uint8Array, o: number) => le32(b, o) + le32(b, o + 4) * 2 ** 32;

type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  unixMode?: number;
  mtime?: Date;
};

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_CENTRAL_DIRECTORY_BYTES = 256 * 1024 ** 2;
const utf8 = new TextDecoder("utf-8", { fatal: false });

function corrupt(label: string, what: string): IngestError {
  return new IngestError("corrupt", `${label}: not a readable zip archive (${what}).`);
}

async function readZipCentralDirectory(zip: RandomAccessSource): Promise<ZipEntry[]> {
  const tailLength = Math.min(zip.size, 65_557);
  const tail = await zip.read(zip.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) if (le32(tail, i) === EOCD_SIG) {
    eocd = i;
    break;
  }
  if (eocd < 0) throw corrupt(zip.name, "no end of central directory: truncated?");
  let count = le16(tail, eocd + 10);
  let cdSize = le32(tail, eocd + 12);
  let cdOffset = le32(tail, eocd + 16);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && le32(tail, eocd - 20) === EOCD64_LOCATOR_SIG) {
    const eocd64 = await zip.read(le64(tail, eocd - 20 + 8), 56);
    if (eocd64.length < 56) throw corrupt(zip.name, "zip64 record beyond the end");
    count = le64(eocd64, 32);
    cdSize = le64(eocd64, 40);
    cdOffset = le64(eocd64, 48);
  }
  if (cdSize > MAX_CENTRAL_DIRECTORY_BYTES || cdOffset + cdSize > zip.size) throw corrupt(zip.name, "central directory out of range");
  const cd = await zip.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || le32(cd, p) !== CENTRAL_SIG) throw corrupt(zip.name, `central directory entry ${k + 1} is damaged`);
    const madeBy = cd[p + 5];
    const nameLength = le16(cd, p + 28);
    const extraLength = le16(cd, p + 30);
    const commentLength = le16(cd, p + 32);
    const entry: ZipEntry = {
      name: utf8.decode(cd.subarray(p + 46, p + 46 + nameLength)),
      flags: le16(cd, p + 8),
      method: le16(cd, p + 10),
      compressedSize: le32(cd, p + 20),
      size: le32(cd, p + 24),
      localOffset: le32(cd, p + 42),
    };
    const dosTime = le16(cd, p + 12);
    const dosDate = le16(cd, p + 14);
    entry.mtime = new Date(Date.UTC(1980 + (dosDate >> 9), ((dosDate >> 5) & 15) - 1, dosDate & 31, dosTime >> 11, (dosTime >> 5) & 63, (dosTime & 31) * 2));
    // Unix (3) and macOS (19) writers keep st_mode in the high half of the external attributes.
    if (madeBy === 3 || madeBy === 19) entry.unixMode = le32(cd, p + 38) >>> 16;
    // Zip64 extra field: the 0xffffffff fields, in order, as 8-byte values.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = le16(cd, e);
      const len = le16(cd, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (entry.size === 0xffffffff) {
          entry.size = le64(cd, q);
          q += 8;
        }
        if (entry.compressedSize === 0xffffffff) {
          entry.compressedSize = le64(cd, q);
          q += 8;
        }
        if (entry.localOffset === 0xffffffff) entry.localOffset = le64(cd, q);
      }
      e += 4 + len;
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const S_IFMT = 0o170000;
const ZIP_MODE_TYPES: Record<number, MemberType> = {
  0o100000: "file",
  0o040000: "directory",
  0o120000: "symlink",
  0o020000: "device",
  0o060000: "device",
  0o010000: "fifo",
};

/** Chunks of [offset, offset+length) of a random-access source. */
async function* readRange(source: RandomAccessSource, offset: number, length: number): AsyncGenerator<Uint8Array> {
  const STEP = 1 << 20;
  for (let at = 0; at < length; ) {
    const piece = await source.read(offset + at, Math.min(STEP, length - at));
    if (piece.length === 0) throw new IngestError("corrupt", `${source.name}: truncated (member data beyond the end).`);
    at += piece.length;
    yield piece;
  }
}

/**
 * The members of a zip archive. Entries whose data overlap are refused as a bomb (David Fifield's non-recursive zip
 * bomb reuses one compressed kernel for every entry); each entry's inflation is metered against the archive's caps.
 */
export async function* readZipMembers(zip: RandomAccessSource, archiveMeter: ExpansionMeter): AsyncGenerator<ArchiveMember> {
  const entries = await readZipCentralDirectory(zip);
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    if (byOffset[i].localOffset < prev.localOffset + 30 + prev.compressedSize)
      throw new IngestError(
        "decompression-bomb",
        `Refusing ${zip.name}: entries "${prev.name}" and "${byOffset[i].name}" share compressed bytes (an overlapping-entry zip bomb).`,
      );
  }
  for (const entry of entries) {
    // Writers that set permissions but no file type (Python's zipfile, Java's) leave S_IFMT zero: unzip then goes by
    // the name, as for zips from systems without Unix modes.
    const typeBits = entry.unixMode === undefined ? 0 : entry.unixMode & S_IFMT;
    const type = typeBits !== 0 ? (ZIP_MODE_TYPES[typeBits] ?? "other") : entry.name.endsWith("/") ? "directory" : "file";
    const member: ArchiveMember = { path: entry.name, type, size: entry.size, mtime: entry.mtime };
    if (type === "symlink" && entry.method === 0 && entry.compressedSize < 4096) {
      const local = await zip.read(entry.localOffset, 30);
      const dataAt = entry.localOffset + 30 + le16(local, 26) + le16(local, 28);
      member.linkTarget = utf8.decode(await zip.read(dataAt, entry.compressedSize));
    }
    if (type === "file") {
      member.open = () =>
        (async function* () {
          if (entry.flags & 1) throw new IngestError("unsupported", `${zip.name}: ${entry.name} is encrypted.`);
          const local = await zip.read(entry.localOffset, 30);
          if (local.length < 30 || le32(local, 0) !== LOCAL_SIG) throw corrupt(zip.name, `no local header for ${entry.name}`);
          const dataAt = entry.localOffset + 30 + le16(local, 26) + le16(local, 28);
          const data = readRange(zip, dataAt, entry.compressedSize);
          if (entry.method === 0) yield* data; else if (entry.method === 8) {
            yield* inflateRawStream(data, new ExpansionMeter(`${zip.name}:${entry.name}`, archiveMeter.limits, archiveMeter));
          } else throw new IngestError("unsupported", `${zip.name}: ${entry.name} uses compression method ${entry.method} (only stored and deflate are read).`);
        })();
    }
    yield member;
  }
}
