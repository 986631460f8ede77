/**
 * Sends files as one multipart request with XHR, because fetch has no upload progress events. Per-file progress
 * is derived from the running byte count: parts are sent in order, so file i is done once `loaded` passes its end.
 */
export type UploadProgress = { loaded: number; total: number; perFile: number[]; phase: "uploading" | "processing" };
export type UploadResult = { id: string; url: string };

/**
 * How long the server may hold the answer for triage: a quick triage opens the incident (and a refusal shows here,
 * beside the files); a slower one opens its permalink, which shows "queued / triaging" and refreshes itself.
 */
const WAIT_SECONDS = 15;

export function uploadWithProgress(files: File[], onProgress: (p: UploadProgress) => void): { promise: Promise<UploadResult>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadResult>((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append("files", f, f.name);
    const sizes = files.map((f) => f.size);
    const sum = sizes.reduce((a, b) => a + b, 0) || 1;
    xhr.upload.onprogress = (e) => {
      const total = e.lengthComputable ? e.total : sum;
      // Scale to the files' bytes (the body also holds multipart headers).
      const loadedFileBytes = Math.min(sum, (e.loaded / (total || 1)) * sum);
      let offset = 0;
      const perFile = sizes.map((s) => {
        const p = s === 0 ? 1 : Math.max(0, Math.min(1, (loadedFileBytes - offset) / s));
        offset += s;
        return p;
      });
      onProgress({ loaded: e.loaded, total, perFile, phase: "uploading" });
    };
    xhr.upload.onload = () => onProgress({ loaded: sum, total: sum, perFile: sizes.map(() => 1), phase: "processing" });
    xhr.onload = () => {
      let body: { id?: string; url?: string; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* non-JSON error page */
      }
      if ((xhr.status === 201 || xhr.status === 202) && body.id && body.url) resolve({ id: body.id, url: body.url });
      else reject(new Error(body.message ?? `Upload failed (HTTP ${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error("Upload failed: the connection was interrupted."));
    xhr.onabort = () => reject(new Error("Upload cancelled."));
    xhr.open("POST", `/api/incidents?wait=${WAIT_SECONDS}`);
    // Year-less syslog dates take their year from the file's own time, not the upload's.
    xhr.setRequestHeader("X-Last-Modified", files.map((f) => f.lastModified).join(","));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
