/** An upload's state for the API (`GET /api/incidents/:id/status`), after waiting up to `waitMs` for it to settle. */
import "server-only";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http";
import { findUploadStatus, waitForUpload, type UploadStatus } from "./upload-status";

export async function getUploadStatus(id: string, { waitMs = 0 }: { waitMs?: number } = {}): Promise<ReturnType<typeof uploadStatusBody>> {
  const status = waitMs > 0 ? await waitForUpload(getDb(), id, { waitMs }) : await findUploadStatus(getDb(), id);
  if (!status) throw new AppError("not-found", "No incident or upload with this id.");
  return uploadStatusBody(status);
}

/** The JSON body of an upload's state (the upload answer, the status endpoint, a pending incident). */
export function uploadStatusBody(status: UploadStatus) {
  return {
    id: status.id,
    status: status.state,
    url: `/incidents/${status.id}`,
    statusUrl: `/api/incidents/${status.id}/status`,
    attempts: status.attempts,
    queuedAt: status.queuedAt,
    startedAt: status.startedAt,
    ...(status.failure ? { error: status.failure.code, message: status.failure.message } : {}),
  };
}
