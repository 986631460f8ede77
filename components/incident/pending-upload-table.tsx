import Link from "next/link";
import { formatAge, formatBytes, formatTime } from "@/components/ui/format";
import type { PendingUpload } from "@/lib/server/jobs/list-pending-uploads";
import { DeleteIncidentButton } from "./delete-incident-button";
import { describeUploadFiles, UPLOAD_STATE_LABEL } from "./upload-state-labels";

const STATE_CLASS = {
  queued: "bg-slate-100 text-slate-700",
  triaging: "bg-blue-100 text-blue-800",
  failed: "bg-red-100 text-red-800",
} as const;

/**
 * Uploads that are no incident yet, above the incidents: without them an upload waiting for a worker (or one that
 * failed) is nowhere in the list, and its uploader cannot tell it from a lost one. `deletable`: the ids the viewer
 * may delete (the server checks again on the call).
 */
export function PendingUploadTable({ uploads, total, deletable, now }: { uploads: PendingUpload[]; total: number; deletable: ReadonlySet<string>; now: Date }) {
  if (uploads.length === 0) return null;
  return (
    <section className="space-y-1" aria-labelledby="pending-uploads-heading" data-testid="pending-uploads">
      <h2 id="pending-uploads-heading" className="text-sm font-semibold text-slate-700">
        Not triaged yet ({total})
      </h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full table-fixed text-sm md:table-auto">
          <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Upload</th>
              <th className="w-24 px-3 py-2">Status</th>
              <th className="hidden whitespace-nowrap px-3 py-2 text-right sm:table-cell">Size</th>
              <th className="hidden px-3 py-2 md:table-cell">Uploader</th>
              <th className="w-20 px-3 py-2 md:w-auto">Age</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {uploads.map((u) => {
              const name = describeUploadFiles(u.fileNames, u.id);
              return (
                <tr key={u.id} className="align-top hover:bg-slate-50" data-testid="pending-upload-row" data-status={u.status}>
                  <td className="px-3 py-2">
                    <Link href={`/incidents/${u.id}`} className="font-log break-all text-blue-700 hover:underline" title={u.fileNames.join("\n")}>
                      {name}
                    </Link>
                    {u.error && <div className="mt-0.5 break-words text-xs text-red-700">{u.error}</div>}
                  </td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-1.5 py-0.5 text-xs ${STATE_CLASS[u.status]}`} data-testid="pending-upload-status">
                      {UPLOAD_STATE_LABEL[u.status]}
                    </span>
                  </td>
                  <td className="hidden whitespace-nowrap px-3 py-2 text-right text-slate-500 sm:table-cell">{formatBytes(u.uploadedBytes)}</td>
                  <td className="hidden break-all px-3 py-2 text-slate-600 md:table-cell">{u.uploader ?? <span className="text-slate-400">anonymous</span>}</td>
                  <td className="px-3 py-2 text-xs text-slate-500 md:whitespace-nowrap md:text-sm">
                    <span title={formatTime(u.queuedAt)}>{formatAge(u.queuedAt, now)}</span>
                    {deletable.has(u.id) && (
                      <div className="text-xs">
                        <DeleteIncidentButton incidentId={u.id} title={name} stay />
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {total > uploads.length && <p className="text-xs text-slate-500">The newest {uploads.length} are shown.</p>}
    </section>
  );
}
