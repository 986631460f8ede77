/**
 * Where the raw bytes of uploads live. The engine, the log viewer and downloads read local files, so a store hands
 * out local paths; `LocalDirectoryStore` (the default, `<data>/uploads`) keeps them there. Several web nodes share
 * one store by pointing OOPSCOPE_UPLOADS_DIR at a shared directory (NFS, CephFS…) and setting
 * OOPSCOPE_UPLOADS_SHARED=1, which makes the orphan sweep wait for a quiet period instead of trusting that no other
 * process writes there.
 *
 * The seam for an object store (S3-compatible; not written yet): the engine and the viewers read local files, so such
 * a store keeps a local working directory per machine and moves bytes at two points, both already called:
 * - `persist(incidentId)`: after the web process has received an upload (before its job is queued) and after a worker
 *   has written the incident (extracted text included) — upload what `prepare()`'s directory holds under the keys
 *   `keyOf` gave;
 * - `fetchToLocal(keys)`: before a worker triages an upload, and before a file is served or read for the viewer on a
 *   machine that did not receive it — download each key to `localPath(key)` unless it is there.
 * `removeIncident` deletes the objects too; `listIncidents` lists the bucket's prefixes (the orphan sweep then works
 * unchanged, with `shared` true). The local directory store needs neither step: its directory is the store.
 *
 * Keys (IncidentFile.storagePath) stay `uploads/<incident id>/<n>.upload`, as rows written before this module have them.
 * Shared by the CLI (db copy) and the server, so it does not import `server-only`.
 */
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { uploadsDir } from "../paths";

export type StoredIncidentDir = { incidentId: string; bytes: number; files: number; lastModified: Date };

export interface UploadStore {
  readonly description: string;
  /** True when other machines or processes write to the same store (the sweep then waits for quiet). */
  readonly shared: boolean;
  /** A fresh local directory a new upload of `incidentId` streams into. */
  prepare(incidentId: string): Promise<string>;
  /** The key to store for a file written under `prepare()`'s directory. */
  keyOf(localFile: string): string;
  /** The local path of a stored key (undefined when the key does not belong to this store: never read it). */
  localPath(key: string): string | undefined;
  /** Everything stored for `incidentId`; returns what went. */
  removeIncident(incidentId: string): Promise<{ files: number; bytes: number }>;
  /** Every incident directory the store holds, for the orphan sweep. */
  listIncidents(): Promise<StoredIncidentDir[]>;
  /** Makes what was written under `prepare(incidentId)`'s directory readable from other machines. */
  persist(incidentId: string): Promise<void>;
  /** Makes `localPath(key)` of each key a readable local file on this machine. */
  fetchToLocal(keys: string[]): Promise<void>;
}

const KEY_PREFIX = "uploads/";
/** Incident ids are base64url (create-incident.ts); anything else in the directory is not ours to delete. */
const INCIDENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

async function walkFiles(dir: string): Promise<{ files: number; bytes: number; newest: number }> {
  const sum = { files: 0, bytes: 0, newest: (await stat(dir)).mtimeMs };
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      const sub = await walkFiles(p);
      sum.files += sub.files;
      sum.bytes += sub.bytes;
      sum.newest = Math.max(sum.newest, sub.newest);
    } else {
      const st = await stat(p);
      sum.files++;
      sum.bytes += st.size;
      sum.newest = Math.max(sum.newest, st.mtimeMs);
    }
  }
  return sum;
}

export class LocalDirectoryStore implements UploadStore {
  readonly root: string;
  constructor(
    root: string,
    readonly shared = false,
  ) {
    this.root = path.resolve(root);
  }

  get description(): string {
    return `${this.shared ? "shared" : "local"} directory ${this.root}`;
  }

  private incidentDir(incidentId: string): string {
    if (!INCIDENT_ID.test(incidentId)) throw new Error(`Not an incident id: ${JSON.stringify(incidentId)}`);
    return path.join(this.root, incidentId);
  }

  async prepare(incidentId: string): Promise<string> {
    const dir = this.incidentDir(incidentId);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  keyOf(localFile: string): string {
    const rel = path.relative(this.root, path.resolve(localFile));
    if (rel.startsWith("..") || path.isAbsolute(rel)) throw new Error(`${localFile} is outside the upload store`);
    return KEY_PREFIX + rel.split(path.sep).join("/");
  }

  localPath(key: string): string | undefined {
    if (!key.startsWith(KEY_PREFIX)) return undefined;
    const abs = path.resolve(this.root, key.slice(KEY_PREFIX.length));
    return abs.startsWith(this.root + path.sep) ? abs : undefined;
  }

  async removeIncident(incidentId: string): Promise<{ files: number; bytes: number }> {
    const dir = this.incidentDir(incidentId);
    let removed = { files: 0, bytes: 0 };
    try {
      removed = await walkFiles(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return removed;
      throw err;
    }
    await rm(dir, { recursive: true, force: true });
    return { files: removed.files, bytes: removed.bytes };
  }

  /** The directory is the store (shared by mounting it on every node): written is persisted. */
  async persist(): Promise<void> {}

  /** Every key already is a local path (the shared directory is mounted here). */
  async fetchToLocal(): Promise<void> {}

  async listIncidents(): Promise<StoredIncidentDir[]> {
    let entries;
    try {
      entries = await readdir(this.root, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw err;
    }
    const out: StoredIncidentDir[] = [];
    for (const e of entries) {
      if (!e.isDirectory() || !INCIDENT_ID.test(e.name)) continue;
      try {
        const sum = await walkFiles(path.join(this.root, e.name));
        out.push({ incidentId: e.name, bytes: sum.bytes, files: sum.files, lastModified: new Date(sum.newest) });
      } catch (err) {
        // Removed by another node between readdir and stat: nothing to sweep.
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      }
    }
    return out;
  }
}

/** The store the environment configures (OOPSCOPE_UPLOADS_DIR, OOPSCOPE_UPLOADS_SHARED). */
export function uploadStoreFromEnv(): UploadStore {
  return new LocalDirectoryStore(uploadsDir(), process.env.OOPSCOPE_UPLOADS_SHARED === "1");
}

const globalForStore = globalThis as unknown as { oopscopeUploadStore?: UploadStore };

export function getUploadStore(): UploadStore {
  globalForStore.oopscopeUploadStore ??= uploadStoreFromEnv();
  return globalForStore.oopscopeUploadStore;
}
