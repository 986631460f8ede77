import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN_STATE, EMAIL, PASSWORD, VIEWER_STATE } from "./accounts";
import { fixtureText } from "./helpers";

/** Every route that changes shared state, with a body that would be valid for a permitted caller. */
const WRITE_ROUTES: { method: string; path: string; body?: unknown; raw?: string }[] = [
  { method: "POST", path: "/api/kb", body: { yaml: "id: perm-test\ntitle: t\nsummary: s\nrootCause: r\ncomponent: kernel\nsignatures:\n  - {kind: title, value: x}\n" } },
  { method: "PUT", path: "/api/kb/skb-segment-gso-bug", body: { yaml: "id: skb-segment-gso-bug\ntitle: t\n", baseRevision: 1 } },
  { method: "POST", path: "/api/kb/skb-segment-gso-bug/revert", body: { toRevision: 1 } },
  { method: "POST", path: "/api/kb/skb-segment-gso-bug/link-finding", body: { incidentId: "aaaaaaaaaaaaaaaaaaaaaa", findingId: "f1" } },
  { method: "POST", path: "/api/kb/import", raw: "id: perm-test\ntitle: t\n" },
  { method: "POST", path: "/api/kb/preview", body: { yaml: "id: perm-test\ntitle: t\n" } },
  { method: "PUT", path: "/api/admin/settings", body: { signupMode: "open" } },
  { method: "GET", path: "/api/admin/users" },
  { method: "PATCH", path: "/api/admin/users/someone", body: { role: "admin" } },
  { method: "GET", path: "/api/admin/invites" },
  { method: "POST", path: "/api/admin/invites", body: { role: "admin" } },
  { method: "DELETE", path: "/api/admin/invites/someone" },
  { method: "POST", path: "/api/admin/cve-import", raw: "not a tarball" },
  { method: "GET", path: "/api/admin/cve-import" },
];

/** Calls every write route from inside the page (the browser sends its cookies and Origin), returns the statuses. */
async function statusesFromPage(page: Page): Promise<Record<string, number>> {
  await page.goto("/");
  return page.evaluate(async (routes) => {
    const out: Record<string, number> = {};
    for (const r of routes) {
      const res = await fetch(r.path, {
        method: r.method,
        headers: r.raw !== undefined ? { "Content-Type": "text/plain", "X-Filename": "x" } : { "Content-Type": "application/json" },
        body: r.method === "GET" || r.method === "DELETE" ? undefined : r.raw ?? JSON.stringify(r.body),
      });
      out[`${r.method} ${r.path}`] = res.status;
    }
    return out;
  }, WRITE_ROUTES);
}

async function statusesFromApi(api: APIRequestContext): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of WRITE_ROUTES) {
    const res = await api.fetch(r.path, {
      method: r.method,
      data: r.raw ?? r.body,
      headers: r.raw !== undefined ? { "Content-Type": "text/plain", "X-Filename": "x" } : undefined,
    });
    out[`${r.method} ${r.path}`] = res.status();
  }
  return out;
}

const all = (status: number) => Object.fromEntries(WRITE_ROUTES.map((r) => [`${r.method} ${r.path}`, status]));

test.describe("as a viewer", () => {
  test.use({ storageState: VIEWER_STATE });

  test("every write route is 403, and the UI offers no write controls", async ({ page }) => {
    expect(await statusesFromPage(page)).toEqual(all(403));
    await page.goto("/kb/skb-segment-gso-bug");
    await expect(page.getByTestId("kb-title")).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Revert to/ })).toHaveCount(0);
    await page.goto("/kb/skb-segment-gso-bug/edit");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  });

  test("the viewer can still triage a log and read", async ({ page }) => {
    await page.goto("/incidents");
    const status = await page.evaluate(async (text) => (await fetch("/api/incidents", { method: "POST", body: text, headers: { "X-Filename": "m" } })).status, fixtureText());
    expect(status).toBe(201);
  });
});

test("a read token is refused every write route (403) even for an admin, and reads work", async ({ baseURL }) => {
  const admin = await playwrightRequest.newContext({ baseURL, storageState: ADMIN_STATE, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });
  const created = await admin.post("/api/account/tokens", { data: { name: "ci-read", scope: "read" } });
  expect(created.status()).toBe(201);
  const { token } = await created.json();
  await admin.dispose();

  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  expect(await statusesFromApi(api)).toEqual(all(403));
  expect((await api.get("/api/kb?q=skb")).status()).toBe(200);
  expect((await api.get("/api/incidents")).status()).toBe(200);
  await api.dispose();

  const bogus = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: "Bearer oops_not-a-token" } });
  expect((await bogus.get("/api/incidents")).status()).toBe(401);
  await bogus.dispose();
});

test("anonymous callers get 401 on write routes; sign-in required closes reading too", async ({ page, baseURL, browser }) => {
  expect(await statusesFromPage(page)).toEqual(all(401));
  const anon = await playwrightRequest.newContext({ baseURL });
  expect((await anon.get("/api/incidents")).status()).toBe(200);

  const admin = await playwrightRequest.newContext({ baseURL, storageState: ADMIN_STATE, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });
  expect((await admin.put("/api/admin/settings", { data: { signInRequired: true } })).status()).toBe(200);
  try {
    expect((await anon.get("/api/incidents")).status()).toBe(401);
    await page.goto("/incidents");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fincidents/);
    // Signing in through the form brings the person back where they were going.
    await page.locator('input[name="email"]').fill(EMAIL.viewer);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/incidents$/);
    await expect(page.getByTestId("account-menu")).toContainText("viewer");
  } finally {
    expect((await admin.put("/api/admin/settings", { data: { signInRequired: false } })).status()).toBe(200);
    await admin.dispose();
    await anon.dispose();
  }
  const wrong = await (await browser.newContext()).newPage();
  await wrong.goto("/sign-in");
  await wrong.locator('input[name="email"]').fill(EMAIL.viewer);
  await wrong.locator('input[name="password"]').fill("wrong-password-123");
  await wrong.getByRole("button", { name: "Sign in" }).click();
  await expect(wrong.getByTestId("form-error")).toContainText(/invalid/i);
});

test("the admin manages roles and API tokens in the UI", async ({ browser }) => {
  const context = await browser.newContext({ storageState: ADMIN_STATE });
  const page = await context.newPage();
  await page.goto("/admin");
  await expect(page.getByTestId("user-row")).toHaveCount(3);
  const demoteSelf = page.getByLabel(`role of ${EMAIL.admin}`);
  await demoteSelf.selectOption("viewer");
  await expect(page.getByTestId("form-error")).toContainText("last admin");

  await page.goto("/account");
  await page.locator('input[name="name"]').fill("ui-token");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").locator("code").textContent())!;
  expect(token).toMatch(/^oops_/);
  const row = page.locator("tr", { hasText: "ui-token" });
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toHaveClass(/line-through/);
  const api = await playwrightRequest.newContext({ baseURL: page.url(), extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  expect((await api.get("/api/incidents")).status()).toBe(401);
  await api.dispose();
  await context.close();
});
