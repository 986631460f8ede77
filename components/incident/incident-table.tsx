import Link from "next/link";
import type { IncidentListItem } from "@/lib/server/incidents/list-incidents";
import { formatBytes, formatTime } from "@/components/ui/format";

export function IncidentTable({ incidents, empty }: { incidents: IncidentListItem[]; empty: string }) {
  if (incidents.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm" data-testid="incident-table">
      <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="px-3 py-2">Incident</th>
          <th className="px-3 py-2">Hosts</th>
          <th className="px-3 py-2">Kernels</th>
          <th className="px-3 py-2">Known issues</th>
          <th className="px-3 py-2 text-right">Size</th>
          <th className="px-3 py-2">Uploaded</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {incidents.map((i) => (
          <tr key={i.id} className="hover:bg-slate-50">
            <td className="px-3 py-2">
              <Link href={`/incidents/${i.id}`} className="font-medium text-blue-700 hover:underline">
                {i.title}
              </Link>
            </td>
            <td className="font-log px-3 py-2 text-xs">{i.hosts}</td>
            <td className="font-log px-3 py-2 text-xs">{i.kernels}</td>
            <td className="font-log px-3 py-2 text-xs">{i.kbIds}</td>
            <td className="px-3 py-2 text-right text-slate-500">{formatBytes(i.totalBytes)}</td>
            <td className="whitespace-nowrap px-3 py-2 text-slate-500">{formatTime(i.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
