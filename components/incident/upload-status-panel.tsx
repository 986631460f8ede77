"use client";
/**
 * The permalink of an upload not triaged yet: "queued", "triaging" or "failed" with the reason. While it is pending
 * it long-polls the status endpoint (`?wait=`: one request per 25 s at most while nothing changes) and refreshes the
 * page when the upload settles, so the incident appears by itself.
 */
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { DeleteIncidentButton } from "./delete-incident-button";
import { describeUploadFiles, UPLOAD_STATE_LABEL, type PendingUploadStatus } from "./upload-state-labels";

export type UploadStatusView = {
  id: string;
  status: PendingUploadStatus;
  attempts: number;
  queuedAt: string | null;
  /** The parts' names: what the delete confirmation calls the upload (it has no title yet). */
  fileNames: string[];
  uploaderId: string | null;
  message?: string;
};

/** Queued longer than this: say what usually causes it (no worker on a Postgres team server). */
const SLOW_QUEUE_MS = 60_000;

const EXPLAIN = {
  queued: "The upload is stored and waits for a worker. This page shows the incident as soon as it is triaged.",
  triaging: "A worker is reading the logs now. This page shows the incident as soon as it is done.",
  failed: "The upload could not be triaged, and its files were removed.",
} as const;

/** `canDelete`: the viewer may delete the upload (an editor, or its uploader); the server checks again on the call. */
export function UploadStatusPanel({ upload, canDelete }: { upload: UploadStatusView; canDelete: boolean }) {
  const router = useRouter();
  const [status, setStatus] = useState(upload.status);
  const [pollError, setPollError] = useState<string | null>(null);
  const [waitedLong, setWaitedLong] = useState(false);
  const polling = useRef<AbortController | null>(null);

  useEffect(() => {
    if (status !== "queued" || !upload.queuedAt) return;
    const left = new Date(upload.queuedAt).getTime() + SLOW_QUEUE_MS - Date.now();
    const timer = setTimeout(() => setWaitedLong(true), Math.max(0, left));
    return () => clearTimeout(timer);
  }, [status, upload.queuedAt]);

  useEffect(() => {
    if (upload.status === "failed") return;
    const controller = new AbortController();
    polling.current = controller;
    let seen: string = upload.status;
    (async () => {
      while (!controller.signal.aborted) {
        const res = await fetch(`/api/incidents/${upload.id}/status?wait=25`, { signal: controller.signal, cache: "no-store" });
        if (!res.ok) throw new Error(`status check answered HTTP ${res.status}`);
        const body = (await res.json()) as { status: string };
        if (body.status === "done" || body.status === "failed") {
          router.refresh();
          return;
        }
        if (body.status !== seen) {
          seen = body.status;
          setStatus(body.status as UploadStatusView["status"]);
        }
      }
    })().catch((e: unknown) => {
      if (!controller.signal.aborted) setPollError(`${(e as Error).message}; reload the page to check again.`);
    });
    return () => controller.abort();
  }, [upload.id, upload.status, router]);

  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="upload-status" data-status={status} aria-live="polite">
      <h1 className="text-xl font-semibold">
        {UPLOAD_STATE_LABEL[status]}
        {status !== "failed" && <span className="ml-2 inline-block h-2 w-2 animate-pulse rounded-full bg-blue-600 align-middle" aria-hidden />}
      </h1>
      <p className="text-sm text-slate-700">{EXPLAIN[status]}</p>
      {status === "failed" && upload.message && (
        <p className="text-sm text-red-700" data-testid="upload-failure">
          {upload.message}
        </p>
      )}
      {upload.attempts > 1 && status !== "failed" && <p className="text-xs text-slate-500">Attempt {upload.attempts} (a worker stopped during an earlier one).</p>}
      {waitedLong && status === "queued" && (
        <p className="text-xs text-slate-600" data-testid="upload-slow-queue">
          Queued for over a minute: the workers are busy, or none is running (a Postgres server triages uploads with{" "}
          <code>oopscope worker</code>).
        </p>
      )}
      {pollError && <p className="text-xs text-red-700">{pollError}</p>}
      {canDelete && (
        <p className="text-sm">
          <DeleteIncidentButton incidentId={upload.id} title={describeUploadFiles(upload.fileNames, upload.id)} onDeleted={() => polling.current?.abort()} />
        </p>
      )}
    </section>
  );
}
