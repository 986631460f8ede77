/**
 * Errors of the KB editing functions. Kept free of `server-only` so the functions run under Vitest and the CLI;
 * route handlers map them with `kbErrorResponse` (route-errors.ts).
 */
export type KbEditErrorCode = "not-found" | "conflict" | "bad-request";

export class KbEditError extends Error {
  readonly code: KbEditErrorCode;
  /** For conflicts: the revision the entry is at now, so the editor can reload it. */
  readonly currentRevision?: number;
  constructor(code: KbEditErrorCode, message: string, currentRevision?: number) {
    super(message);
    this.name = "KbEditError";
    this.code = code;
    this.currentRevision = currentRevision;
  }
  get status(): number {
    return this.code === "not-found" ? 404 : this.code === "conflict" ? 409 : 400;
  }
}
