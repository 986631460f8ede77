import { existsSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { ADMIN_STATE, EDITOR_STATE, VIEWER_STATE } from "./accounts";
import { fixtureText } from "./helpers";
import { RUN, skbLog, upload as uploadText } from "./workbench-helpers";

const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";
/** run-e2e.mjs gives the server this data directory; uploads live under it. */
const uploadDir = (id: string) => path.join(process.env.OOPSCOPE_DATA_DIR ?? "", "uploads", id);

async function asRole(storageState: string | undefined): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState, extraHTTPHeaders: { Origin: new URL(baseURL).origin } });
}

async function upload(api: APIRequestContext): Promise<string> {
  const created = await api.post("/api/incidents", { data: fixtureText(), headers: { "X-Filename": "messages", "Content-Type": "text/plain" } });
  expect(created.status()).toBe(201);
  return (await created.json()).id;
}

test.describe("deleting incidents", () => {
  test.use({ storageState: EDITOR_STATE });

  test("an editor deletes from the incident page; viewers and anonymous may not; no file is left; the admin sees the audit", async ({ page, request }) => {
    const id = await upload(request);
    expect(existsSync(uploadDir(id))).toBe(true);

    const anonymous = await asRole(undefined);
    const viewer = await asRole(VIEWER_STATE);
    expect((await anonymous.delete(`/api/incidents/${id}`)).status()).toBe(401);
    expect((await viewer.delete(`/api/incidents/${id}`)).status()).toBe(403);

    await page.goto(`/incidents/${id}`);
    page.once("dialog", (d) => d.accept());
    await page.getByTestId("delete-incident").click();
    await expect(page).toHaveURL(/\/incidents$/);
    expect((await request.get(`/api/incidents/${id}`)).status()).toBe(404);
    expect(existsSync(uploadDir(id))).toBe(false);

    // A viewer who uploaded while signed in may delete their own incident.
    const own = await upload(viewer);
    const otherViewerPage = await page.context().browser()!.newPage({ storageState: VIEWER_STATE });
    await otherViewerPage.goto(`/incidents/${own}`);
    await expect(otherViewerPage.getByTestId("delete-incident")).toBeVisible();
    await otherViewerPage.close();
    expect((await viewer.delete(`/api/incidents/${own}`)).status()).toBe(200);
    expect(existsSync(uploadDir(own))).toBe(false);
    // Anonymous uploads have no owner: the anonymous visitor sees no delete control.
    const anon = await upload(anonymous);
    // The browser fixture applies test.use's storageState to new pages too: start from an empty one.
    const anonymousPage = await page.context().browser()!.newPage({ storageState: { cookies: [], origins: [] } });
    await anonymousPage.goto(`/incidents/${anon}`);
    await expect(anonymousPage.getByTestId("incident-title")).toBeVisible();
    await expect(anonymousPage.getByTestId("delete-incident")).toHaveCount(0);
    await anonymousPage.close();
    await anonymous.dispose();
    await viewer.dispose();

    const admin = await page.context().browser()!.newPage({ storageState: ADMIN_STATE });
    await admin.goto("/admin");
    const rows = admin.getByTestId("audit-row");
    await expect(rows.filter({ hasText: id })).toHaveCount(1);
    await expect(rows.filter({ hasText: own })).toHaveCount(1);
    await admin.locator('input[name="retentionDays"]').fill("3650");
    await admin.getByRole("button", { name: "Save retention" }).click();
    await expect(admin.getByTestId("retention-status")).toContainText("0 deleted, 0 kept without raw logs");
    await admin.locator('input[name="retentionDays"]').fill("0");
    await admin.getByRole("button", { name: "Save retention" }).click();
    await expect(admin.getByTestId("retention-status")).toContainText("kept forever");
    await admin.close();
  });

  test("the incident list deletes a row after a confirm that names the incident; viewers only see it on their own uploads", async ({ page, request }) => {
    const host = `list-delete-${RUN}`;
    const mine = await uploadText(request, { name: "messages", text: skbLog(host) });
    const viewer = await asRole(VIEWER_STATE);
    const viewersOwn = await uploadText(viewer, { name: "messages", text: skbLog(host) });
    const rowOf = (p: typeof page, id: string) => p.getByTestId("incident-row").filter({ has: p.locator(`a[href="/incidents/${id}"]`) });

    // A viewer sees a delete control on their own upload only.
    const viewerPage = await page.context().browser()!.newPage({ storageState: VIEWER_STATE });
    await viewerPage.goto(`/incidents?host=${host}`);
    await expect(rowOf(viewerPage, viewersOwn.id).getByTestId("delete-incident")).toHaveCount(1);
    await expect(rowOf(viewerPage, mine.id)).toHaveCount(1);
    await expect(rowOf(viewerPage, mine.id).getByTestId("delete-incident")).toHaveCount(0);
    await viewerPage.close();
    const anonymousPage = await page.context().browser()!.newPage({ storageState: { cookies: [], origins: [] } });
    await anonymousPage.goto(`/incidents?host=${host}`);
    await expect(anonymousPage.getByTestId("incident-row")).toHaveCount(2);
    await expect(anonymousPage.getByTestId("delete-incident")).toHaveCount(0);
    await anonymousPage.close();

    await page.goto(`/incidents?host=${host}`);
    await expect(page.getByTestId("incident-row")).toHaveCount(2);
    const row = rowOf(page, mine.id);
    const title = (await row.getByRole("link").first().textContent())!.trim();
    expect(title.length).toBeGreaterThan(0);
    const messages: string[] = [];

    // Cancelling keeps the incident.
    page.once("dialog", (d) => {
      messages.push(d.message());
      void d.dismiss();
    });
    await row.getByTestId("delete-incident").click();
    await expect.poll(() => messages.length).toBe(1);
    await expect(row).toHaveCount(1);
    expect((await request.get(`/api/incidents/${mine.id}`)).status()).toBe(200);

    page.once("dialog", (d) => {
      messages.push(d.message());
      void d.accept();
    });
    await row.getByTestId("delete-incident").click();
    await expect(row).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/incidents\\?host=${host}$`));
    await expect(page.getByTestId("incident-row")).toHaveCount(1);
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m).toContain(`"${title}"`);
    expect((await request.get(`/api/incidents/${mine.id}`)).status()).toBe(404);
    expect(existsSync(uploadDir(mine.id))).toBe(false);

    expect((await viewer.delete(`/api/incidents/${viewersOwn.id}`)).status()).toBe(200);
    await viewer.dispose();
  });
});
