import { expect, test } from "@playwright/test";
import { EDITOR_STATE } from "./accounts";
import { fixtureText, trackOffOriginRequests } from "./helpers";

test.use({ storageState: EDITOR_STATE });

/**
 * A unique team entry per test run. Drafts: the e2e database is shared by the specs of one run, and a draft never
 * changes other specs' triage results (the preview still tries it as if active).
 */
function entryYaml(id: string, extra = ""): string {
  return [
    `id: ${id}`,
    "title: Team note on skb_segment GSO crashes",
    "summary: Our nodes hit the GSO skb_segment BUG after enabling BIG TCP.",
    "component: kernel",
    "status: draft",
    "rootCause: |",
    "  **GSO** partial segments. <script>window.__kbXss = 1</script> [bad](javascript:window.__kbXss=2)",
    "signatures:",
    "  - kind: title",
    "    value: kernel BUG in skb_segment",
    "    weight: 0.6",
    extra,
  ].join("\n");
}

test("KB API: create, edit with optimistic concurrency, diff, revert, preview, export/import", async ({ request }) => {
  const id = `team-skb-${Date.now()}`;
  const created = await request.post("/api/kb", { data: { yaml: entryYaml(id), message: "first" } });
  expect(created.status()).toBe(201);
  expect((await created.json()).entry.origin).toBe("team");

  const detail = await (await request.get(`/api/kb/${id}`)).json();
  expect(detail.revision).toBe(1);
  expect(detail.revisions[0].authorName).toBe("E2E editor"); // the signed-in account, not a free-text field
  const edited = { ...detail.entry, summary: "Edited by bob." };
  const put = await request.put(`/api/kb/${id}`, { data: { document: edited, baseRevision: 1, message: "wording" } });
  expect(put.status()).toBe(200);
  // The save answers at once; re-matching stored incidents is a job (this server's, or a worker's on Postgres).
  const { rematch } = await put.json();
  expect(rematch).toMatchObject({ kind: "rematch", statusUrl: `/api/jobs/${rematch.id}` });
  await expect.poll(async () => (await (await request.get(rematch.statusUrl)).json()).status, { timeout: 60_000 }).toBe("done");
  expect((await (await request.get(rematch.statusUrl)).json()).result.incidents).toBeGreaterThanOrEqual(0);
  const stale = await request.put(`/api/kb/${id}`, { data: { document: { ...edited, summary: "carol" }, baseRevision: 1, message: "" } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).currentRevision).toBe(2);

  const diff = await (await request.get(`/api/kb/${id}/diff?a=1&b=2`)).json();
  expect(diff.lines).toContainEqual({ kind: "added", text: "summary: Edited by bob." });
  const reverted = await request.post(`/api/kb/${id}/revert`, { data: { toRevision: 1 } });
  expect((await reverted.json()).revision).toBe(3);

  const invalid = await request.post("/api/kb", { data: { yaml: `id: ${id}-x\ntitle: x\n` } });
  expect(invalid.status()).toBe(400);

  const preview = await (await request.post("/api/kb/preview", { data: { document: edited, pastedLog: fixtureText() } })).json();
  expect(preview.ok).toBe(true);
  expect(preview.pasted.entryMatched).toBe(true);

  const exported = await (await request.get("/api/kb/export.yaml")).text();
  expect(exported).toContain(`id: ${id}`);
  const imported = await (await request.post("/api/kb/import", { data: exported, headers: { "Content-Type": "application/yaml" } })).json();
  expect(imported.created + imported.updated).toBe(0);
  expect(imported.errors).toEqual([]);

  // A colleague edits after the export; re-importing the old export (with a change of ours) must not undo it.
  expect((await request.put(`/api/kb/${id}`, { data: { document: { ...edited, summary: "Dave's fix." }, baseRevision: 3, message: "" } })).status()).toBe(200);
  const oursOnOldExport = exported.replace("Our nodes hit the GSO skb_segment BUG after enabling BIG TCP.", "Ours, from the old export.");
  const staleImport = await request.post("/api/kb/import", { data: oursOnOldExport, headers: { "Content-Type": "application/yaml" } });
  expect(staleImport.status()).toBe(409);
  expect((await staleImport.json()).conflicts).toContainEqual(expect.objectContaining({ id, baseRevision: 3, currentRevision: 4 }));
  expect((await (await request.get(`/api/kb/${id}`)).json()).entry.summary).toBe("Dave's fix.");
  const forced = await request.post("/api/kb/import?force=1", { data: oursOnOldExport, headers: { "Content-Type": "application/yaml" } });
  expect(forced.status()).toBe(200);
  expect((await forced.json()).overwritten).toContainEqual({ id, baseRevision: 3, overwrittenRevision: 4 });
});

test("KB pages: list, entry with sanitised Markdown and history diff, edit and save", async ({ page, context, baseURL, request }) => {
  const offOrigin = trackOffOriginRequests(context, baseURL!);
  const id = `team-ui-${Date.now()}`;
  expect((await request.post("/api/kb", { data: { yaml: entryYaml(id), message: "first" } })).status()).toBe(201);

  await page.goto(`/kb?q=${id}`);
  await expect(page.getByTestId("kb-list")).toContainText(id);
  await page.getByRole("link", { name: "Team note on skb_segment GSO crashes" }).click();
  await expect(page.getByTestId("kb-rules")).toContainText("kernel BUG in skb_segment");
  await expect(page.locator("strong", { hasText: "GSO" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __kbXss?: number }).__kbXss)).toBeUndefined();
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);

  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await expect(page.getByTestId("kb-validation")).toContainText("The entry is valid.");
  await page.locator('input[name="title"]').fill("Team note on skb_segment (edited)");
  await page.getByRole("button", { name: /Check stored incidents/ }).click();
  await expect(page.getByTestId("kb-preview")).toContainText("Checked");
  await page.locator('input[name="message"]').fill("clearer title");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("kb-title")).toHaveText("Team note on skb_segment (edited)");
  await page.getByRole("button", { name: "Show diff" }).click();
  await expect(page.getByTestId("kb-diff")).toContainText("+ title: Team note on skb_segment (edited)");
  expect(offOrigin).toEqual([]);
});

test("KB: a YAML import from the list page shows the re-matching it queued, followed to its end", async ({ page }) => {
  const id = `team-import-${Date.now()}`;
  await page.goto("/kb");
  await page.locator('input[type="file"][accept*="yaml"]').setInputFiles({ name: "kb.yaml", mimeType: "application/yaml", buffer: Buffer.from(entryYaml(id)) });
  await expect(page.getByRole("status").filter({ hasText: "created" })).toContainText("1 created, 0 updated, 0 unchanged");
  const rematch = page.getByTestId("rematch-status");
  await expect(rematch).toContainText(/Re-match/);
  // Polled like the entry page's: it ends done (or failed, with the reason), never stays queued.
  await expect(rematch).toHaveAttribute("data-status", /done|failed/, { timeout: 30_000 });
  await expect(rematch).toHaveAttribute("data-status", "done");
});

test("KB: new entry pre-filled from an incident's finding", async ({ page, request }) => {
  const created = await request.post("/api/incidents", { data: fixtureText(), headers: { "X-Filename": "messages", "Content-Type": "text/plain" } });
  const { id } = await created.json();
  const incident = await (await request.get(`/api/incidents/${id}`)).json();
  const finding = incident.findings[0];
  await page.goto(`/kb/new?fromIncident=${id}&finding=${finding.id}`);
  await expect(page.locator('input[name="title"]')).toHaveValue(finding.title);
  await expect(page.locator('textarea[name="rootCause"]')).toHaveValue(new RegExp(finding.headline.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
});
