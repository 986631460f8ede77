import Link from "next/link";
import type { IncidentListItem } from "@/lib/server/incidents/list-incidents";
import { formatBytes, formatTime } from "@/components/ui/format";
import { MutedBadge } from "@/components/signature/muted-badge";
import { DeleteIncidentButton } from "./delete-incident-button";

const tokens = (s: string) => s.split(" ").filter(Boolean);

/** Hosts, kernels and KB ids as small chips; on a phone they move under the title (no sideways scroll). */
function Tokens({ value, testId }: { value: string; testId?: string }) {
  return (
    <span className="font-log flex flex-wrap gap-x-2 text-xs" data-testid={testId}>
      {tokens(value).map((t) => (
        <span key={t} className="break-all">
          {t}
        </span>
      ))}
    </span>
  );
}

function MutedMark({ muted, findings }: { muted: number | undefined; findings: number }) {
  if (!muted) return null;
  return <MutedBadge label={muted >= findings ? "muted" : `${muted} of ${findings} muted`} />;
}

/** `deletable`: the incidents the viewer may delete (the list page); the server checks again on the call. */
export function IncidentTable({
  incidents,
  empty,
  deletable,
  muted,
}: {
  incidents: IncidentListItem[];
  empty: string;
  deletable?: ReadonlySet<string>;
  /** Incident id → how many of its findings have a muted signature. */
  muted?: ReadonlyMap<string, number>;
}) {
  if (incidents.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full table-fixed text-sm md:table-auto" data-testid="incident-table">
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">Incident</th>
            <th className="hidden px-3 py-2 md:table-cell">Hosts</th>
            <th className="hidden px-3 py-2 lg:table-cell">Kernels</th>
            <th className="hidden px-3 py-2 md:table-cell">Known issues</th>
            <th className="hidden whitespace-nowrap px-3 py-2 text-right sm:table-cell">Size</th>
            <th className="w-28 px-3 py-2 md:w-auto">Uploaded</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {incidents.map((i) => (
            <tr key={i.id} className="align-top hover:bg-slate-50" data-testid="incident-row">
              <td className="px-3 py-2">
                <Link href={`/incidents/${i.id}`} className="font-medium text-blue-700 hover:underline">
                  {i.title}
                </Link>
                <MutedMark muted={muted?.get(i.id)} findings={i.findingCount} />
                <div className="mt-0.5 space-y-0.5 text-slate-500 md:hidden">
                  <Tokens value={`${i.hosts} ${i.kernels}`} />
                  {i.kbIds && <Tokens value={i.kbIds} />}
                </div>
              </td>
              <td className="hidden px-3 py-2 md:table-cell">
                <Tokens value={i.hosts} />
              </td>
              <td className="hidden px-3 py-2 lg:table-cell">
                <Tokens value={i.kernels} />
              </td>
              <td className="hidden px-3 py-2 md:table-cell">
                <Tokens value={i.kbIds} testId="known-issues" />
              </td>
              <td className="hidden whitespace-nowrap px-3 py-2 text-right text-slate-500 sm:table-cell" data-testid="size">
                {formatBytes(i.totalBytes)}
              </td>
              <td className="px-3 py-2 text-xs text-slate-500 md:whitespace-nowrap md:text-sm">
                {formatTime(i.createdAt)}
                {deletable?.has(i.id) && (
                  <div className="text-xs">
                    <DeleteIncidentButton incidentId={i.id} title={i.title} stay />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
