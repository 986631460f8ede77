import { expect, test } from "@playwright/test";
import { EDITOR_STATE } from "./accounts";
import { fixtureText } from "./helpers";

/** Bytes the engine refuses as binary: the upload is accepted, then fails with the reason. */
function binaryBytes(): Buffer {
  const binary = Buffer.alloc(64 * 1024);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) & 0xff;
  return binary;
}

test("API: ?wait=0 answers 202 with a Location that answers 202 until the incident is there, then the incident", async ({ request }) => {
  const created = await request.post("/api/incidents?wait=0", { data: fixtureText(), headers: { "X-Filename": "messages", "Content-Type": "text/plain" } });
  // The triage may win the race with the answer on an idle server: then it is 201 like a waiting upload.
  expect([201, 202]).toContain(created.status());
  const body = await created.json();
  expect(body.url).toBe(`/incidents/${body.id}`);
  if (created.status() === 202) {
    expect(["queued", "triaging"]).toContain(body.status);
    expect(created.headers()["location"]).toBe(`/api/incidents/${body.id}`);
    expect(body.statusUrl).toBe(`/api/incidents/${body.id}/status`);
  }
  const status = await (await request.get(`/api/incidents/${body.id}/status?wait=60`)).json();
  expect(status).toMatchObject({ id: body.id, status: "done" });
  const incident = await request.get(`/api/incidents/${body.id}?wait=60`);
  expect(incident.status()).toBe(200);
  expect((await incident.json()).findings[0].title).toBe("kernel BUG in skb_segment");
});

test("a refused upload's permalink says it failed and why; its API answers with the refusal", async ({ page, request }) => {
  const binary = binaryBytes();
  const created = await request.post("/api/incidents?wait=0", { data: binary, headers: { "X-Filename": "core.bin" } });
  // Answered once queued: the engine's refusal comes later, as the upload's state.
  expect(created.status()).toBe(202);
  const { id } = await created.json();
  const status = await (await request.get(`/api/incidents/${id}/status?wait=60`)).json();
  expect(status).toMatchObject({ status: "failed", error: "unprocessable", message: expect.stringMatching(/binary/) });
  const api = await request.get(`/api/incidents/${id}`);
  expect(api.status()).toBe(422);
  await page.goto(`/incidents/${id}`);
  await expect(page.getByTestId("upload-status")).toHaveAttribute("data-status", "failed");
  await expect(page.getByTestId("upload-failure")).toContainText("binary");
});

test("the permalink of a just-queued upload turns into the incident by itself", async ({ page, request }) => {
  const created = await request.post("/api/incidents?wait=0", { data: fixtureText(), headers: { "X-Filename": "messages", "Content-Type": "text/plain" } });
  const { id } = await created.json();
  await page.goto(`/incidents/${id}`);
  // Queued, triaging or already done when the page rendered: it ends on the incident without a reload.
  await expect(page.getByTestId("incident-title")).toContainText("skb_segment", { timeout: 60_000 });
});

test.describe("uploads not triaged yet", () => {
  test.use({ storageState: EDITOR_STATE });

  test("head the incident list with their state, and an editor deletes one from its status panel", async ({ page, request }) => {
    const binary = binaryBytes();
    const created = await request.post("/api/incidents?wait=0", { data: binary, headers: { "X-Filename": "refused-core.bin" } });
    const { id } = await created.json();
    expect((await (await request.get(`/api/incidents/${id}/status?wait=60`)).json()).status).toBe("failed");

    await page.goto("/incidents");
    const row = page.getByTestId("pending-upload-row").filter({ hasText: "refused-core.bin" });
    await expect(row).toHaveAttribute("data-status", "failed");
    await expect(row.getByTestId("pending-upload-status")).toHaveText("Failed");
    await row.getByRole("link", { name: "refused-core.bin" }).click();
    await expect(page).toHaveURL(new RegExp(`/incidents/${id}$`));
    await expect(page.getByTestId("upload-status")).toHaveAttribute("data-status", "failed");

    // The deleted page must not render its 404 (nor the status poll its HTTP 404) on the way back to the list (a
    // client-side navigation keeps this observer).
    await page.evaluate(() => {
      const w = window as unknown as { sawNotFound: boolean };
      w.sawNotFound = false;
      new MutationObserver(() => (w.sawNotFound ||= /This page could not be found|HTTP 404/.test(document.body.innerText))).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    // The list answers slowly (a busy server): anything the deleted page renders meanwhile is seen.
    await page.route(/\/incidents(\?.*)?$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    page.once("dialog", (d) => d.accept());
    await page.getByTestId("delete-incident").click();
    await expect(page).toHaveURL(/\/incidents$/);
    await expect(page.getByTestId("incident-count")).toBeVisible();
    await page.unroute(/\/incidents(\?.*)?$/);
    expect(await page.evaluate(() => (window as unknown as { sawNotFound: boolean }).sawNotFound)).toBe(false);
    await expect(page.getByTestId("pending-upload-row").filter({ hasText: "refused-core.bin" })).toHaveCount(0);
    expect((await request.get(`/api/incidents/${id}/status`)).status()).toBe(404);
  });
});
