import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { ADMIN_STATE, EDITOR_STATE, VIEWER_STATE } from "./accounts";
import { hungTaskLog, RUN, upload } from "./workbench-helpers";

const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";

async function as(storageState: string | undefined, origin: string | null = new URL(baseURL).origin): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState, extraHTTPHeaders: origin === null ? {} : { Origin: origin } });
}

/** The mutes the admin's notification settings hold: the one store both pages write. */
async function adminMutes(admin: APIRequestContext): Promise<string[]> {
  const res = await admin.get("/api/admin/notifications");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { mutes: { signature: string }[] }).mutes.map((m) => m.signature);
}

test.use({ storageState: EDITOR_STATE });

test("an editor mutes and unmutes a signature from its page; the mute is the admin's notification mute; viewers, anonymous and cross-origin writes are refused", async ({ page, request }) => {
  const uploaded = await upload(request, { name: "messages", text: hungTaskLog(`mute-${RUN}`) });
  const incident = (await (await request.get(`/api/incidents/${uploaded.id}`)).json()) as { findings: { signature: string }[] };
  const signature = incident.findings[0].signature;
  const muteUrl = `/api/signatures/${signature}/mute`;

  const anonymous = await as(undefined);
  const viewer = await as(VIEWER_STATE);
  const editorWithoutOrigin = await as(EDITOR_STATE, null);
  const editorCrossSite = await as(EDITOR_STATE, "https://evil.example");
  const admin = await as(ADMIN_STATE);
  expect((await anonymous.put(muteUrl)).status()).toBe(401);
  expect((await viewer.put(muteUrl)).status()).toBe(403);
  expect((await editorWithoutOrigin.put(muteUrl)).status()).toBe(403);
  expect((await editorCrossSite.put(muteUrl)).status()).toBe(403);
  expect((await request.put("/api/signatures/not-a-signature/mute")).status()).toBe(400);
  expect((await request.put("/api/signatures/0000000000000000/mute")).status()).toBe(404);
  expect(await adminMutes(admin)).not.toContain(signature);

  await page.goto(`/signatures/${signature}`);
  await expect(page.getByTestId("signature-muted")).toHaveCount(0);
  await page.getByTestId("mute-signature").click();
  await expect(page.getByTestId("signature-muted")).toContainText("muted");
  await expect(page.getByTestId("mute-signature")).toHaveText("Unmute");
  expect(await adminMutes(admin)).toContain(signature);
  await page.reload();
  await expect(page.getByTestId("signature-muted")).toBeVisible();

  // Muted findings are marked where incidents are listed and on the finding cards; the list can hide or pick them.
  const listed = (filter: string) => page.goto(`/incidents?q=${encodeURIComponent(`mute-${RUN}`)}${filter}`);
  await listed("");
  await expect(page.getByTestId("incident-row").getByTestId("muted-badge")).toHaveText("muted");
  // At phone width the badge stays on one line (log text may break anywhere; the badge must not).
  const oneLine = (badge: ReturnType<typeof page.getByTestId>) =>
    badge.evaluate((el) => el.getBoundingClientRect().height < parseFloat(getComputedStyle(el).lineHeight) * 1.5 + 4);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await oneLine(page.getByTestId("incident-row").getByTestId("muted-badge"))).toBe(true);
  await page.goto(`/incidents/${uploaded.id}`);
  expect(await oneLine(page.getByTestId("finding").first().getByTestId("muted-badge"))).toBe(true);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await listed("&muted=only");
  await expect(page.getByTestId("incident-row")).toHaveCount(1);
  await listed("&muted=hide");
  await expect(page.getByTestId("incident-row")).toHaveCount(0);
  await page.goto(`/incidents/${uploaded.id}`);
  await expect(page.getByTestId("finding").first().getByTestId("muted-badge")).toBeVisible();
  await page.goto(`/signatures/${signature}`);

  // A viewer sees the state but has no switch.
  const viewerPage = await page.context().browser()!.newPage({ storageState: VIEWER_STATE });
  await viewerPage.goto(`/signatures/${signature}`);
  await expect(viewerPage.getByTestId("signature-muted")).toBeVisible();
  await expect(viewerPage.getByTestId("mute-signature")).toHaveCount(0);
  expect((await viewer.delete(muteUrl)).status()).toBe(403);

  await page.getByTestId("mute-signature").click();
  await expect(page.getByTestId("signature-muted")).toHaveCount(0);
  await expect(page.getByTestId("mute-signature")).toHaveText("Mute notifications");
  expect(await adminMutes(admin)).not.toContain(signature);
  await page.goto(`/incidents?q=${encodeURIComponent(`mute-${RUN}`)}`);
  await expect(page.getByTestId("incident-row")).toHaveCount(1);
  await expect(page.getByTestId("muted-badge")).toHaveCount(0);
  await page.goto(`/signatures/${signature}`);
  await viewerPage.reload();
  await expect(viewerPage.getByTestId("signature-muted")).toHaveCount(0);

  // A mute set on /admin's API shows on the page too.
  expect((await admin.put("/api/admin/notifications", { data: { mute: { signature } } })).status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("signature-muted")).toBeVisible();
  expect((await request.delete(muteUrl)).status()).toBe(200);
  expect(await adminMutes(admin)).not.toContain(signature);

  await viewerPage.close();
  for (const ctx of [anonymous, viewer, editorWithoutOrigin, editorCrossSite, admin]) await ctx.dispose();
});
