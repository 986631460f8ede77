"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { useDropzone } from "react-dropzone";
import { formatBytes } from "@/components/ui/format";
import { detectVmcore } from "@/lib/engine/vmcore/detect-vmcore";
import { uploadWithProgress, type UploadProgress } from "./upload-with-progress";

/** `maxVmcoreUploadBytes`: crash dumps (recognised by their first bytes) have their own, larger budget. */
type Props = { maxUploadBytes: number; maxVmcoreUploadBytes?: number };

const fileKey = (f: File) => `${f.name}:${f.size}`;

export function UploadPanel({ maxUploadBytes, maxVmcoreUploadBytes = maxUploadBytes }: Props) {
  const router = useRouter();
  const [files, setFiles] = useState<File[]>([]);
  const [pasted, setPasted] = useState("");
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isWindowDrag, setIsWindowDrag] = useState(false);
  const [dumps, setDumps] = useState<ReadonlySet<string>>(new Set());
  const busy = progress !== null;

  const addFiles = useCallback((accepted: File[]) => {
    setError(null);
    // Only the first bytes are read: a 16 GB dump is never loaded into the page.
    for (const f of accepted) {
      void f
        .slice(0, 64)
        .arrayBuffer()
        .then((head) => {
          if (detectVmcore(new Uint8Array(head))) setDumps((prev) => new Set(prev).add(fileKey(f)));
        });
    }
    setFiles((prev) => {
      const names = new Set(prev.map((f) => `${f.name}:${f.size}`));
      return [...prev, ...accepted.filter((f) => !names.has(`${f.name}:${f.size}`))];
    });
    setIsWindowDrag(false);
  }, []);

  const dropzone = useDropzone({ onDrop: addFiles, multiple: true, disabled: busy });
  // A second, invisible-until-dragging root covers the whole window so a drop anywhere lands.
  const overlay = useDropzone({ onDrop: addFiles, multiple: true, noClick: true, noKeyboard: true, disabled: busy, onDragLeave: () => setIsWindowDrag(false) });

  useEffect(() => {
    const onEnter = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes("Files")) setIsWindowDrag(true);
    };
    window.addEventListener("dragenter", onEnter);
    return () => window.removeEventListener("dragenter", onEnter);
  }, []);

  const pastedBytes = new TextEncoder().encode(pasted).length;
  const totalBytes = files.reduce((a, f) => a + f.size, 0) + pastedBytes;
  const dumpBytes = files.filter((f) => dumps.has(fileKey(f))).reduce((a, f) => a + f.size, 0);
  const logBytes = totalBytes - dumpBytes;
  const overLimit = logBytes > maxUploadBytes || dumpBytes > maxVmcoreUploadBytes;
  const canSubmit = !busy && !overLimit && (files.length > 0 || pasted.trim().length > 0);

  const submit = async () => {
    if (!canSubmit) return;
    setError(null);
    const toSend = [...files];
    if (pasted.trim()) toSend.push(new File([pasted], "paste", { type: "text/plain" }));
    setProgress({ loaded: 0, total: totalBytes, perFile: toSend.map(() => 0), phase: "uploading" });
    try {
      const { url } = await uploadWithProgress(toSend, setProgress).promise;
      router.push(url);
    } catch (e) {
      setProgress(null);
      setError((e as Error).message);
    }
  };

  return (
    <section className="space-y-4">
      {isWindowDrag && (
        <div
          {...overlay.getRootProps({ className: "fixed inset-0 z-50 flex items-center justify-center bg-blue-600/20 backdrop-blur-sm" })}
          data-testid="window-drop-overlay"
        >
          <input {...overlay.getInputProps()} />
          <p className="rounded-lg bg-white px-6 py-4 text-lg font-medium shadow">Drop logs anywhere to add them</p>
        </div>
      )}
      <div
        {...dropzone.getRootProps({
          className: `flex cursor-pointer flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 py-10 text-center transition ${
            dropzone.isDragActive ? "border-blue-500 bg-blue-50" : "border-slate-300 bg-white hover:border-slate-400"
          }`,
        })}
        data-testid="dropzone"
      >
        <input {...dropzone.getInputProps()} data-testid="file-input" />
        <p className="text-base font-medium">Drop kernel logs here, or click to browse</p>
        <p className="mt-1 text-sm text-slate-500">
          /var/log/messages*, dmesg, journalctl, serial console, vmcore-dmesg.txt, binary journals, sosreports and other tar/zip archives — several files, gz/xz/zst/bz2 too. Limit {formatBytes(maxUploadBytes)} in total;
          crash dumps (vmcore) up to {formatBytes(maxVmcoreUploadBytes)}.
        </p>
      </div>

      <div>
        <label htmlFor="paste" className="mb-1 block text-sm font-medium text-slate-700">
          …or paste log text
        </label>
        <textarea
          id="paste"
          data-testid="paste"
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          disabled={busy}
          rows={5}
          spellCheck={false}
          placeholder="[  123.456789] kernel BUG at net/core/skbuff.c:4230!"
          className="font-log w-full rounded-lg border border-slate-300 bg-white p-2 text-xs"
        />
      </div>

      {(files.length > 0 || pasted) && (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm" data-testid="staged-files">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="flex items-center gap-3 px-3 py-2">
              <span className="font-log min-w-0 flex-1 truncate">{f.name}</span>
              {dumps.has(fileKey(f)) && (
                <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600" data-testid="dump-badge">
                  crash dump
                </span>
              )}
              <span className="text-slate-500">{formatBytes(f.size)}</span>
              {progress ? (
                <ProgressBar value={progress.perFile[i] ?? 0} />
              ) : (
                <button type="button" className="text-slate-500 hover:text-red-600" onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                  remove
                </button>
              )}
            </li>
          ))}
          {pasted.trim() && (
            <li className="flex items-center gap-3 px-3 py-2">
              <span className="font-log flex-1">paste</span>
              <span className="text-slate-500">{formatBytes(pastedBytes)}</span>
              {progress && <ProgressBar value={progress.perFile[files.length] ?? 0} />}
            </li>
          )}
        </ul>
      )}

      <div className="flex items-center gap-4">
        <button
          type="button"
          onClick={submit}
          disabled={!canSubmit}
          data-testid="submit"
          className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:cursor-not-allowed disabled:bg-slate-400"
        >
          Triage
        </button>
        <span className="text-sm text-slate-600" aria-live="polite" data-testid="upload-status">
          {overLimit &&
            (dumpBytes > maxVmcoreUploadBytes
              ? `Too large: ${formatBytes(dumpBytes)} of crash dumps exceeds the ${formatBytes(maxVmcoreUploadBytes)} limit.`
              : `Too large: ${formatBytes(logBytes)} exceeds the ${formatBytes(maxUploadBytes)} limit.`)}
          {progress?.phase === "uploading" && `Uploading… ${Math.round((progress.loaded / (progress.total || 1)) * 100)}%`}
          {progress?.phase === "processing" && "Analysing on the server…"}
        </span>
        {progress?.phase === "processing" && <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-slate-900" />}
      </div>
      {error && (
        <p role="alert" data-testid="upload-error" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}

function ProgressBar({ value }: { value: number }) {
  return (
    <span className="h-2 w-32 overflow-hidden rounded bg-slate-200" role="progressbar" aria-valuenow={Math.round(value * 100)}>
      <span className="block h-full bg-blue-600 transition-all" style={{ width: `${Math.round(value * 100)}%` }} />
    </span>
  );
}
