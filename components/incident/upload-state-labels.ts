/** What an upload not triaged yet is called wherever it shows (the status panel, the list's pending rows). */
export const UPLOAD_STATE_LABEL = { queued: "Queued", triaging: "Triaging", failed: "Failed" } as const;

export type PendingUploadStatus = keyof typeof UPLOAD_STATE_LABEL;

/** The name a delete confirmation and a row give an upload that has no title yet. */
export function describeUploadFiles(fileNames: readonly string[], id: string): string {
  if (fileNames.length === 0) return `upload ${id}`;
  return fileNames.length === 1 ? fileNames[0] : `${fileNames[0]} and ${fileNames.length - 1} more`;
}
