/**
 * What `GET /api/incidents/:id` answers: the incident once its upload is triaged, else the upload's state (queued or
 * triaging), after waiting up to `waitMs` for it to settle. A failed upload throws its reason (the error the upload
 * itself answered with); an unknown id throws not-found.
 */
import "server-only";
import type { Incident } from "@/lib/engine/types";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http";
import { getIncident } from "@/lib/server/incidents/get-incident";
import { uploadFailureError } from "@/lib/server/incidents/create-incident";
import { findUploadStatus, waitForUpload, type UploadStatus } from "./upload-status";

export { uploadStatusBody } from "./get-upload-status";

export type IncidentOrUpload = { incident: Incident } | { pending: UploadStatus };

export async function getIncidentOrUpload(id: string, { waitMs = 0 }: { waitMs?: number } = {}): Promise<IncidentOrUpload> {
  const status = waitMs > 0 ? await waitForUpload(getDb(), id, { waitMs }) : await findUploadStatus(getDb(), id);
  if (!status) throw new AppError("not-found", "No incident with this id.");
  if (status.state === "failed") throw uploadFailureError(status);
  if (status.state !== "done") return { pending: status };
  return { incident: (await getIncident(id)).incident };
}
