import type { Metadata } from "next";
import { AccessSettingsForm } from "@/components/admin/access-settings-form";
import { CveImportPanel, type CveImportView } from "@/components/admin/cve-import-panel";
import { InvitesPanel } from "@/components/admin/invites-panel";
import { NotificationSettingsForm } from "@/components/admin/notification-settings-form";
import { RetentionPanel } from "@/components/admin/retention-panel";
import { UsersTable } from "@/components/admin/users-table";
import { requirePage } from "@/lib/server/auth/access";
import { listInvites } from "@/lib/server/auth/invites";
import { getAccessSettings } from "@/lib/server/auth/settings";
import { listUsers } from "@/lib/server/auth/users";
import { getDb } from "@/lib/server/db";
import { currentCveImport, type CveImportBody } from "@/lib/server/jobs/background-job-api";
import { listAuditEvents } from "@/lib/server/lifecycle/audit";
import { getRetentionSettings } from "@/lib/server/lifecycle/retention";
import { getNotifications } from "@/lib/server/notify/update-notifications";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin" };

/** What the panel shows of the import job (plain data for the client component). */
function cveImportView(job: CveImportBody): CveImportView {
  return { state: job.state, fileName: job.fileName, done: job.done, total: job.total, result: job.result as CveImportView["result"], error: job.error };
}

export default async function AdminPage() {
  const actor = await requirePage("admin", "/admin");
  const db = getDb();
  const [settings, users, invites, retention, audit, notifications, cveImport] = await Promise.all([
    getAccessSettings(db),
    listUsers(db),
    listInvites(db),
    getRetentionSettings(db),
    listAuditEvents(db, 20),
    getNotifications(),
    currentCveImport(),
  ]);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Administration</h1>
      <AccessSettingsForm initial={settings} />
      <UsersTable initial={users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }))} selfId={actor.kind === "user" ? actor.userId : ""} />
      <InvitesPanel
        initial={invites.map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString(), usedAt: iso(i.usedAt), revokedAt: iso(i.revokedAt) }))}
      />
      <RetentionPanel initialDays={retention.days} audit={audit.map((a) => ({ ...a, at: a.at.toISOString() }))} />
      <NotificationSettingsForm initial={notifications} />
      <CveImportPanel initial={cveImport && cveImportView(cveImport)} />
    </div>
  );
}
