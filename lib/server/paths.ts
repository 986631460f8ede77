/**
 * Where oopscope keeps its state. One default for `npm start` and the CLI: `<repo>/data/` (override with
 * OOPSCOPE_DATA_DIR), database `data/oopscope.db` unless DATABASE_URL says otherwise.
 * Shared by the CLI and the Next server, so it must not import `server-only` (that throws in plain Node).
 */
import path from "node:path";

export function dataDir(): string {
  return path.resolve(process.env.OOPSCOPE_DATA_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "data"));
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.join(dataDir(), "oopscope.db")}`;
}

/** The upload store's directory: OOPSCOPE_UPLOADS_DIR (e.g. a directory several nodes share), else `<data>/uploads`. */
export function uploadsDir(): string {
  return process.env.OOPSCOPE_UPLOADS_DIR ? path.resolve(process.env.OOPSCOPE_UPLOADS_DIR) : path.join(dataDir(), "uploads");
}
