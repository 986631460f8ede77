import { expect, test, type Page } from "@playwright/test";
import { EDITOR_STATE } from "./accounts";
import { fixtureText } from "./helpers";

test.use({ storageState: EDITOR_STATE });

/** Replaces the signature-rules YAML (the first Monaco editor) the way a person pastes: select all, insert text. */
async function setSignatureRules(page: Page, flowYaml: string): Promise<void> {
  const editor = page.locator(".monaco-editor").first();
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(flowYaml);
  // Monaco auto-closes the brackets typed above; drop the closers it left after the cursor.
  await page.keyboard.press("Shift+End");
  await page.keyboard.press("Delete");
}

const matchOf = (page: Page, kbId: string) => page.locator(`[data-testid="match"][data-kb-id="${kbId}"]`);

test("editor: entry from a finding, would-match, save, incident re-matched, history diff, revert, concurrent edit 409", async ({ page, browser, request }) => {
  const created = await request.post("/api/incidents", { data: fixtureText(), headers: { "X-Filename": "messages", "Content-Type": "text/plain" } });
  expect(created.status()).toBe(201);
  const { id: incidentId, url: incidentUrl } = await created.json();
  const kbId = `team-flow-${Date.now()}`;

  // 1. Create an entry from the finding; its first rule deliberately misses, so the edit below is what makes it match.
  await page.goto(incidentUrl);
  const findingTitle = (await page.getByTestId("finding").first().locator("h3").textContent())!.trim();
  await page.getByTestId("create-kb-entry").first().click();
  await expect(page.locator('input[name="title"]')).toHaveValue(findingTitle);
  // Monaco is client-only: once it shows, the form is hydrated and typed values are not reset by React.
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await page.locator('input[name="id"]').fill(kbId);
  await expect(page.locator('input[name="id"]')).toHaveValue(kbId);
  await page.locator('textarea[name="summary"]').fill("The w01 node crashed in GSO segmentation; written up from its incident.");
  await page.locator('select[name="status"]').selectOption("active");
  await setSignatureRules(page, `[{kind: title, value: "kernel BUG in no_such_function", weight: 0.3}]`);
  await expect(page.getByTestId("kb-validation")).toContainText("The entry is valid.");
  await page.locator('input[name="message"]').fill("from the w01 incident");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(new RegExp(`/kb/${kbId}$`));
  await expect(page.getByTestId("kb-title")).toHaveText(findingTitle);

  // 2. Edit the rule; before saving, see which stored incidents it would start matching.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await setSignatureRules(page, `[{kind: title, value: "${findingTitle}", weight: 0.3}]`);
  await expect(page.getByTestId("kb-validation")).toContainText("The entry is valid.");
  await page.getByRole("button", { name: /Check stored incidents/ }).click();
  await expect(page.getByTestId("kb-would-match")).toContainText(findingTitle);
  await expect(page.getByTestId("kb-would-match").locator(`a[href="/incidents/${incidentId}"]`).first()).toBeVisible();

  // 3. A colleague opens the same revision meanwhile.
  const colleague = await (await browser.newContext({ storageState: EDITOR_STATE })).newPage();
  await colleague.goto(`/kb/${kbId}/edit`);
  await expect(colleague.locator('input[name="title"]')).toHaveValue(findingTitle);

  // 4. Save; the stored incident is re-matched and now shows the entry.
  await page.locator('input[name="message"]').fill("match the real title");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(new RegExp(`/kb/${kbId}$`));
  await expect(page.getByTestId("kb-meta")).toContainText("active · r2");
  await expect(page.getByTestId("rematch-status")).toContainText(/Re-matched \d+ incidents?: done/, { timeout: 60_000 });
  await page.goto(incidentUrl);
  await expect(matchOf(page, kbId).first()).toBeVisible();

  // 5. The colleague's save is refused (409), not silently overwriting.
  await colleague.locator('input[name="summary"], textarea[name="summary"]').first().fill("colleague's summary");
  await colleague.getByRole("button", { name: "Save" }).click();
  await expect(colleague.getByTestId("form-error")).toContainText("Someone saved this entry meanwhile (now r2)");

  // 6. History: the diff r1 → r2 shows the rule change; revert to r1; the incident stops matching.
  await page.goto(`/kb/${kbId}`);
  await page.getByRole("button", { name: "Show diff" }).click();
  const diff = page.getByTestId("kb-diff");
  await expect(diff.locator("div", { hasText: `value: ${findingTitle}` }).first()).toHaveText(/^\+/);
  await expect(diff.locator("div", { hasText: "value: kernel BUG in no_such_function" }).first()).toHaveText(/^-/);
  await page.getByRole("button", { name: "Revert to r1" }).click();
  await page.getByTestId("revert-confirm").getByRole("button", { name: "Restore r1" }).click();
  await expect(page.getByTestId("kb-meta")).toContainText("r3");
  await page.goto(incidentUrl);
  await expect(page.getByTestId("finding").first()).toBeVisible();
  await expect(matchOf(page, kbId)).toHaveCount(0);
});

test("editor: link a finding to an existing entry from the incident page", async ({ page, request }) => {
  const created = await request.post("/api/incidents", { data: fixtureText(), headers: { "X-Filename": "messages", "Content-Type": "text/plain" } });
  const { url: incidentUrl } = await created.json();
  const kbId = `team-link-${Date.now()}`;
  const entry = [
    `id: ${kbId}`,
    "title: Team note written before the crash had a title",
    "summary: GSO crash on the w01 pool, noted from the on-call chat.",
    "rootCause: Unknown yet.",
    "component: kernel",
    "status: active",
    "signatures:",
    "  - {kind: message, pattern: 'no line says this', weight: 0.3}",
  ].join("\n");
  expect((await request.post("/api/kb", { data: { yaml: entry, message: "first" } })).status()).toBe(201);

  await page.goto(incidentUrl);
  await expect(matchOf(page, kbId)).toHaveCount(0);
  const form = page.getByTestId("link-finding").first();
  await form.getByRole("combobox").fill(kbId);
  await form.getByRole("button", { name: "Link" }).click();
  await expect(form).toContainText(`Linked: ${kbId} is now at r2.`);
  await expect(matchOf(page, kbId).first()).toBeVisible();

  // Leave the shared e2e database as it was for later specs.
  expect((await request.post(`/api/kb/${kbId}/revert`, { data: { toRevision: 1 } })).status()).toBe(200);
});
