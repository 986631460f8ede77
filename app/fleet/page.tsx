import Link from "next/link";
import { requirePage } from "@/lib/server/auth/access";
import { listFleetHosts } from "@/lib/server/capture/fleet-hosts";
import { getDb } from "@/lib/server/db";

export const dynamic = "force-dynamic";

export default async function FleetPage() {
  await requirePage("read", "/fleet");
  const { hosts, warnings } = await listFleetHosts(getDb());
  const live = hosts.filter((h) => h.isLive).length;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Hosts</h1>
      <p className="text-sm text-slate-600">
        Machines sending logs to the capture (netconsole, syslog, log shippers, journal upload): {live} live of {hosts.length}. Last seen is updated
        every few seconds.
      </p>
      {hosts.length === 0 ? (
        <p className="text-sm text-slate-600">No host has sent anything yet. See the README&apos;s fleet capture section.</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="fleet-hosts">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1 pr-3 font-medium">Host</th>
              <th className="py-1 pr-3 font-medium">Status</th>
              <th className="py-1 pr-3 font-medium">Last seen (UTC)</th>
              <th className="py-1 pr-3 font-medium">Via</th>
              <th className="py-1 pr-3 font-medium">Lines</th>
              <th className="py-1 pr-3 font-medium">Last incident</th>
            </tr>
          </thead>
          <tbody>
            {hosts.map((h) => (
              <tr key={h.host} className="border-t border-slate-200">
                <td className="py-1 pr-3 font-mono">{h.host}</td>
                <td className="py-1 pr-3">{h.isLive ? "live" : "quiet"}</td>
                <td className="py-1 pr-3 font-mono">{h.lastSeen.replace("T", " ").slice(0, 19)}</td>
                <td className="py-1 pr-3">{h.via}</td>
                <td className="py-1 pr-3">{h.lines}</td>
                <td className="py-1 pr-3">{h.lastIncidentId ? <Link href={`/incidents/${h.lastIncidentId}`} className="underline">open</Link> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {warnings.length > 0 && <p className="text-xs text-amber-700">Unreadable host records: {warnings.join("; ")}</p>}
    </div>
  );
}
