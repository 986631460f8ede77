import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { EDITOR_STATE } from "./accounts";
import { RUN, upload } from "./workbench-helpers";

test.use({ storageState: EDITOR_STATE });

/** An entry with a long YAML form (many references), so a one-line change is a small part of it. */
function entryYaml(id: string, title: string): string {
  return [
    `id: ${id}`,
    `title: ${title}`,
    "summary: A long entry for the hunk diff.",
    "rootCause: Unknown.",
    "component: kernel",
    "status: active",
    "signatures:",
    "  - kind: title",
    "    value: kernel BUG in no_such_function_for_diff",
    "    weight: 0.6",
    "references:",
    ...Array.from({ length: 60 }, (_, i) => [`  - url: https://example.org/thread/${i}`, `    title: Thread ${i}`]).flat(),
  ].join("\n");
}

test("the diff shows changed hunks with context, and revert names the revision and asks first", async ({ page, request }) => {
  const id = `ui-hunks-${RUN}`;
  expect((await request.post("/api/kb", { data: { yaml: entryYaml(id, "First title"), message: "first" } })).status()).toBe(201);
  const put = await request.put(`/api/kb/${id}`, { data: { yaml: entryYaml(id, "Second title"), baseRevision: 1, message: "retitle" } });
  expect(put.status(), await put.text()).toBe(200);

  await page.goto(`/kb/${id}`);
  await expect(page).toHaveTitle(`${id} · oopscope`);
  await page.getByRole("button", { name: "Show diff" }).click();
  const diff = page.getByTestId("kb-diff");
  await expect(diff).toContainText("+ title: Second title");
  await expect(diff).toContainText("- title: First title");
  await expect(page.getByTestId("kb-diff-hunk")).toHaveCount(1);
  await expect(page.getByTestId("kb-diff-hunk")).toHaveText(/^@@ -\d+,\d+ \+\d+,\d+ @@$/);
  // Two changed lines and at most three lines of context on each side: not the 130-line document.
  const shown = await diff.locator("div").count();
  expect(shown).toBeLessThanOrEqual(1 + 2 + 6);
  await expect(diff).not.toContainText("Thread 59");

  // Revert asks first, naming the revision it restores; cancel leaves everything as it was.
  await page.getByRole("button", { name: "Revert to r1" }).click();
  const confirm = page.getByTestId("revert-confirm");
  await expect(confirm).toContainText("Restore r1");
  await expect(confirm).toContainText("first");
  await expect(confirm).toContainText("new revision r3");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("kb-meta")).toContainText("r2");
  await page.getByRole("button", { name: "Revert to r1" }).click();
  await page.getByTestId("revert-confirm").getByRole("button", { name: "Restore r1" }).click();
  await expect(page.getByTestId("kb-meta")).toContainText("r3");
  await expect(page.getByTestId("kb-title")).toHaveText("First title");
});

test("fast typing in the YAML editor loses no character", async ({ page }) => {
  await page.goto("/kb/new");
  const editor = page.locator(".monaco-editor").first();
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  // No delay between keys (what turned `- kind: tag` into `-kinda`). One line in flow style: Monaco indents after
  // a newline on its own, and the closing brace it auto-inserts is typed over.
  const line = "- {kind: tag, value: fast-typing-check, weight: 0.25, note: typed without any delay at all}";
  await page.keyboard.type(line);
  const text = await editor.evaluate((el) => (el.querySelector(".view-lines") as HTMLElement).innerText.replace(/\u00a0/g, " "));
  // The editor wraps long lines on screen: join the visual lines again.
  expect(text.replace(/\n/g, "").trim()).toBe(line);
  // The form state saw the same text: the rule is valid YAML with the typed values.
  await expect(page.getByTestId("kb-validation")).not.toContainText("Signature rules YAML");
});

test("create entry from a corrupted finding proposes no id or title containing \"corrupted\"", async ({ page, request }) => {
  // An old-format WARNING whose stack holds only `?` guesses: syzkaller's form is `WARNING in corrupted` (the engine
  // shows the header's function, and keeps that form as the syzkaller title).
  const corpus = readFileSync(path.join(import.meta.dirname, "..", "testdata", "logs", "warning", "rhel6-old-format.log"), "utf8");
  const log = corpus.slice(corpus.indexOf("\n\n") + 2).replaceAll(" db07 ", ` corr-${RUN} `);
  const inc = await upload(request, { name: "messages", text: log });
  const incident = await (await request.get(`/api/incidents/${inc.id}`)).json();
  const finding = incident.findings[0];
  expect(finding.syzkallerTitle).toBe("WARNING in corrupted");
  await page.goto(`/kb/new?fromIncident=${inc.id}&finding=${finding.id}`);
  await expect(page.locator(".monaco-editor").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('input[name="id"]')).not.toHaveValue(/corrupted/i);
  await expect(page.locator('input[name="title"]')).not.toHaveValue(/corrupted/i);
  await expect(page.locator('input[name="title"]')).toHaveValue("WARNING in skb_warn_bad_offload");
});
