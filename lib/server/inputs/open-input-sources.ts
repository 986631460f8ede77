/**
 * Files and directories on disk as sources for `expandInputs` (shared by the CLI and the upload path; no
 * `server-only`, the CLI imports it). Files are read as streams and, for zip and vmcore, at offsets through a file
 * descriptor. Directories are walked without following links: a link or a device is reported, never opened.
 */
import { type Dirent } from "node:fs";
import { lstat, open, readdir, readlink, stat } from "node:fs/promises";
import path from "node:path";
import type { RandomAccessSource } from "@/lib/engine/ingest/random-access";
import type { DirectorySource, FileSource as InputFileSource, InputSource } from "@/lib/engine/ingest/sources/expand-inputs";
import type { ArchiveMember, MemberType } from "@/lib/engine/ingest/sources/read-archive";
import { openFileSource, type FileSource } from "./file-source";
import { findLatestDatedLine } from "./latest-dated-line";

/** Files visited in one directory tree before the rest is ignored (a mistaken `triage /` must end). */
const MAX_DIRECTORY_FILES = 100_000;

/** The first read of a file: enough for the sniffing and the binary check, little to hold while other files wait. */
const FIRST_READ_BYTES = 64 * 1024;
/** Later reads: the scanner splits them into 64 KB pieces itself; fewer reads cost fewer round trips to the thread pool. */
const READ_BYTES = 1024 * 1024;

/**
 * A file's bytes from the start, read when asked for. The first read is small and nothing is read ahead of it: every
 * input of a many-file triage is opened and peeked before the first is scanned, and a stream's buffered read-ahead
 * stayed in memory for each of them. Once the reader asks for a second chunk it is reading the file through, and each
 * later read is started as the chunk before it is handed over (one read in flight: the scan of a chunk overlaps the
 * read of the next, which left the scanner waiting ~0.15 s per 256 MB). Each chunk is a fresh buffer, never reused:
 * the scanner keeps views of recent chunks (context lines, hosts' last lines).
 */
async function* readFileChunks(file: string): AsyncGenerator<Uint8Array> {
  const handle = await open(file, "r");
  const readChunk = async (size: number): Promise<Uint8Array | undefined> => {
    const buffer = Buffer.allocUnsafeSlow(size);
    const { bytesRead } = await handle.read(buffer, 0, size, null);
    if (bytesRead === 0) return undefined;
    return bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
  };
  let ahead: Promise<Uint8Array | undefined> | undefined;
  try {
    const first = await readChunk(FIRST_READ_BYTES);
    if (!first) return;
    yield first;
    let asked = nextReadBytes(first.length, FIRST_READ_BYTES);
    ahead = readChunk(asked);
    for (;;) {
      const chunk = await ahead;
      ahead = undefined;
      if (!chunk) return;
      asked = nextReadBytes(chunk.length, asked);
      ahead = readChunk(asked);
      yield chunk;
    }
  } finally {
    // A reader that stops early (a refused input, an error) leaves one read in flight: it ends before the handle
    // closes, and what it read or failed with no longer matters to anyone.
    if (ahead) await ahead.then(discardReadAhead, discardReadAhead);
    await handle.close();
  }
}

/**
 * The size of the next read after one of `got` bytes that asked for `asked`: a short read (the end of a regular file,
 * or a pipe's worth) is followed by a small one. Each read allocates a fresh buffer of the size asked, and a 1 MB
 * read-ahead past the end of every small file of a many-file triage was ~0.6 ms of GC per file.
 */
export function nextReadBytes(got: number, asked: number): number {
  return got < asked ? FIRST_READ_BYTES : READ_BYTES;
}

function discardReadAhead(): undefined {
  return undefined;
}

type LazyRandomAccess = RandomAccessSource & { close(): Promise<void> };

/** Random access through one file handle (file-source.ts), opened on the first read, until `close()`. */
function lazyRandomAccess(file: string, name: string, size: number): LazyRandomAccess {
  let handle: Promise<FileSource> | undefined;
  return {
    name,
    size,
    async read(offset, length) {
      handle ??= openFileSource(file, name);
      return (await handle).read(offset, length);
    },
    async close() {
      const h = handle;
      handle = undefined;
      if (h) await (await h).close();
    },
  };
}

/** Closes the file handles that reading at offsets opened for these sources (once triage is done with them). */
export async function closeInputSources(sources: InputSource[]): Promise<void> {
  const all = sources.flatMap((s) => (s.kind === "file" ? [s.randomAccess] : s.members.map((m) => m.randomAccess)));
  await Promise.all(all.map((r) => (r as Partial<LazyRandomAccess> | undefined)?.close?.()));
}

/** A regular file as a source (its bytes stream from the start each time `open` is called). */
export async function openPathSource(file: string, name: string): Promise<InputFileSource> {
  const st = await stat(file);
  return {
    kind: "file",
    name,
    open: () => readFileChunks(file),
    reopenable: true,
    randomAccess: lazyRandomAccess(file, name, st.size),
    // Year-less syslog dates: the file's own dated lines first, then its mtime (web uploads come through here too).
    mtime: st.mtime,
    latestDatedLine: await findLatestDatedLine(file),
    size: st.size,
  };
}

function memberTypeOf(d: Dirent): MemberType {
  if (d.isFile()) return "file";
  if (d.isDirectory()) return "directory";
  if (d.isSymbolicLink()) return "symlink";
  if (d.isCharacterDevice() || d.isBlockDevice()) return "device";
  if (d.isFIFO()) return "fifo";
  return "other";
}

/** A directory tree as a source: every entry as a member, relative to `dir`, links and devices included as such. */
export async function openDirectorySource(dir: string, name: string): Promise<DirectorySource> {
  const members: ArchiveMember[] = [];
  const walk = async (at: string): Promise<void> => {
    const entries = await readdir(at, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const d of entries) {
      if (members.length >= MAX_DIRECTORY_FILES) return;
      const full = path.join(at, d.name);
      const rel = path.relative(dir, full).split(path.sep).join("/");
      const type = memberTypeOf(d);
      if (type === "directory") {
        await walk(full);
        continue;
      }
      const member: ArchiveMember = { path: rel, type };
      if (type === "symlink") member.linkTarget = await readlink(full).catch((e: NodeJS.ErrnoException) => (e.code ? `(unreadable: ${e.code})` : Promise.reject(e)));
      if (type === "file") {
        const st = await lstat(full);
        member.size = st.size;
        member.mtime = st.mtime;
        member.open = () => readFileChunks(full);
        member.randomAccess = lazyRandomAccess(full, full, st.size);
      }
      members.push(member);
    }
  };
  await walk(dir);
  return { kind: "directory", name, members };
}
