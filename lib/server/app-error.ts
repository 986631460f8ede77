/** Errors server functions throw for the HTTP layer to map (http.ts). Free of `server-only` so Vitest can run them. */
export type AppErrorCode =
  | "bad-request"
  | "unauthorized"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "too-large"
  | "unprocessable"
  | "unsupported-media"
  | "busy";

const STATUS_OF: Record<AppErrorCode, number> = {
  "bad-request": 400,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  "not-found": 404,
  "too-large": 413,
  unprocessable: 422,
  "unsupported-media": 415,
  busy: 503,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  constructor(code: AppErrorCode, message: string) {
    super(message);
    this.name = "AppError";
    this.code = code;
  }
  get status(): number {
    return STATUS_OF[this.code];
  }
}
