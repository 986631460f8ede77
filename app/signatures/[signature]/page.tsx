import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LinkFindingForm } from "@/components/incident/link-finding-form";
import { FrequencyChart } from "@/components/signature/frequency-chart";
import { MuteButton } from "@/components/signature/mute-button";
import { formatTime } from "@/components/ui/format";
import { signatureSchema } from "@/lib/schemas/incident";
import { currentActor, requirePage } from "@/lib/server/auth/access";
import { actsAs } from "@/lib/server/auth/roles";
import { AppError } from "@/lib/server/http";
import { getSignature, type SignatureOverview, type Tally } from "@/lib/server/signatures/get-signature";
import { getSignatureMute } from "@/lib/server/signatures/signature-mute";

export const dynamic = "force-dynamic";

const load = cache(async (signature: string): Promise<SignatureOverview> => {
  if (!signatureSchema.safeParse(signature).success) notFound();
  await requirePage("read", `/signatures/${signature}`);
  try {
    return await getSignature(signature);
  } catch (err) {
    if (err instanceof AppError && err.code === "not-found") notFound();
    throw err;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ signature: string }> }): Promise<Metadata> {
  return { title: (await load((await params).signature)).title };
}

const VERDICT_BADGE: Record<string, string> = {
  affected: "bg-red-100 text-red-800",
  fixed: "bg-emerald-100 text-emerald-800",
  unknown: "bg-amber-100 text-amber-800",
};

export default async function SignaturePage({ params }: { params: Promise<{ signature: string }> }) {
  const { signature } = await params;
  const s = await load(signature);
  const [actor, mute] = await Promise.all([currentActor(), getSignatureMute(s.signature)]);
  const canEditKb = actsAs(actor, "editor");
  const stats: [string, string][] = [
    ["Sightings", String(s.sightings)],
    ["Incidents", String(s.incidents.length)],
    ["Hosts", String(s.hosts.length)],
    ["First seen", s.first ? formatTime(s.first) : "—"],
    ["Last seen", s.last ? formatTime(s.last) : "—"],
  ];
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-xs uppercase tracking-wide text-slate-500">
          Signature <code className="font-log normal-case">{s.signature}</code> · {s.kind}
        </p>
        <h1 className="font-log text-xl font-semibold" data-testid="signature-title">
          {s.title}
        </h1>
        {(mute || canEditKb) && (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            {mute && (
              <span className="rounded bg-slate-200 px-1.5 text-xs text-slate-700" data-testid="signature-muted" title={`Muted by ${mute.mutedBy}`}>
                muted · no notifications since {formatTime(mute.mutedAt)}
              </span>
            )}
            {canEditKb && <MuteButton signature={s.signature} muted={mute !== null} />}
          </div>
        )}
      </header>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="signature-stats">
        {stats.map(([k, v]) => (
          <div key={k} className="rounded-lg border border-slate-200 bg-white px-3 py-2">
            <dt className="text-xs text-slate-500">{k}</dt>
            <dd className="font-medium" data-testid={`stat-${k.toLowerCase().replace(" ", "-")}`}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">
        First and last seen are log times.
        {s.untimed > 0 && ` ${s.untimed} sighting${s.untimed === 1 ? " has" : "s have"} no log time (uptime only) and ${s.untimed === 1 ? "is" : "are"} not charted.`}
        {s.repeatedRows > 0 && ` ${s.repeatedRows} finding${s.repeatedRows === 1 ? "" : "s"} repeated lines already counted (a re-upload or the same file again) and count once.`}
      </p>

      <section className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="text-sm font-semibold">Frequency</h2>
        <FrequencyChart buckets={s.frequency.buckets} unit={s.frequency.unit} />
      </section>

      <section className="space-y-2 rounded-xl border border-slate-200 bg-white p-4" data-testid="signature-kb">
        <h2 className="text-sm font-semibold">Knowledge base</h2>
        {s.match ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={`/kb/${encodeURIComponent(s.match.kbId)}`} className="font-log font-semibold text-blue-700 hover:underline" data-testid="signature-kb-link">
              {s.match.kbId}
            </Link>
            <span>{s.match.title}</span>
            <span className={`rounded px-1.5 text-xs ${VERDICT_BADGE[s.match.verdict]}`} data-testid="signature-verdict">
              {s.match.verdict} · {Math.round(s.match.confidence * 100)}%
            </span>
            <p className="w-full text-slate-600">{s.match.verdictReason}</p>
          </div>
        ) : (
          <p className="text-sm text-slate-500">No knowledge-base entry matches this signature yet.</p>
        )}
        {canEditKb && (
          <div className="space-y-2 border-t border-slate-100 pt-2">
            <LinkFindingForm incidentId={s.latest.incidentId} findingId={s.latest.findingId} suggestions={s.match ? [s.match.kbId] : []} />
            <Link
              href={`/kb/new?fromIncident=${encodeURIComponent(s.latest.incidentId)}&finding=${encodeURIComponent(s.latest.findingId)}`}
              className="text-sm text-blue-700 hover:underline"
            >
              Create a KB entry from the latest sighting
            </Link>
          </div>
        )}
      </section>

      <div className="grid gap-4 md:grid-cols-2">
        <TallyList title="Hosts" items={s.hosts} testId="signature-hosts" />
        <TallyList title="Kernels" items={s.kernels} testId="signature-kernels" />
      </div>

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Incidents ({s.incidents.length})</h2>
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="signature-incidents">
          {s.incidents.map((i) => (
            <li key={i.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 px-3 py-2" data-jk-item="" data-testid="signature-incident">
              <Link href={`/incidents/${i.id}`} className="min-w-0 font-medium text-blue-700 hover:underline">
                {i.title}
              </Link>
              <span className="text-slate-500">
                {i.repeatOf ? "same bytes as an earlier upload" : `${i.sightings} sighting${i.sightings === 1 ? "" : "s"}`}
                {i.hosts.length > 0 && ` · ${i.hosts.join(", ")}`}
                {i.first && ` · ${formatTime(i.first)}${i.last && i.last.getTime() !== i.first.getTime() ? ` – ${formatTime(i.last)}` : ""}`}
              </span>
              <span className="ml-auto text-xs text-slate-500">uploaded {formatTime(i.createdAt)}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function TallyList({ title, items, testId }: { title: string; items: Tally[]; testId: string }) {
  return (
    <section className="space-y-1 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold">{title}</h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">None recorded.</p>
      ) : (
        <ul className="space-y-0.5 text-sm" data-testid={testId}>
          {items.map((t) => (
            <li key={t.name} className="flex justify-between gap-3">
              <span className="font-log min-w-0">{t.name}</span>
              <span className="text-slate-500" data-testid="tally-count">
                {t.count}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
