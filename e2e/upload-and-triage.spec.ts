import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectSkbSegmentVerdict, FIXTURE_PATH, fixtureText, trackOffOriginRequests } from "./helpers";

test("drop a log → permalink with finding, KB match, fix and workaround; same in a fresh context", async ({ page, context, browser, baseURL }) => {
  const offenders = trackOffOriginRequests(context, baseURL!);
  // The Content-Security-Policy must not break anything (Monaco workers, styles, Next's inline scripts).
  const cspViolations: string[] = [];
  page.on("console", (msg) => {
    if (/Content.Security.Policy|Refused to/i.test(msg.text())) cspViolations.push(msg.text());
  });
  const home = await page.goto("/");
  // Scripts run only from our origin or with this response's nonce: an injected inline script has no second chance.
  const scriptSrc = (home?.headers()["content-security-policy"] ?? "").split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  await expect(page.getByTestId("dropzone")).toBeVisible();
  await page.getByTestId("file-input").setInputFiles(FIXTURE_PATH);
  await expect(page.getByTestId("staged-files")).toContainText("messages-w01");
  await page.getByTestId("submit").click();
  await page.waitForURL(/\/incidents\/[A-Za-z0-9_-]{22,}$/);
  await expectSkbSegmentVerdict(page);

  // Monaco served from our origin, with the log in it.
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("kernel", { timeout: 30_000 });
  // Timeline marker → viewer jumps to the crash line.
  await page.getByTestId("timeline-marker-crash").first().click();
  await expect(page.getByTestId("viewer-target")).toHaveText(/line \d+/);
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("skbuff.c:4230");
  await page.screenshot({ path: "test-results/screenshots/permalink.png", fullPage: true });

  const url = page.url();
  const fresh = await browser.newContext();
  const offendersFresh = trackOffOriginRequests(fresh, baseURL!);
  const page2 = await fresh.newPage();
  await page2.goto(url);
  await expectSkbSegmentVerdict(page2);
  await fresh.close();

  expect(offenders).toEqual([]);
  expect(offendersFresh).toEqual([]);
  expect(cspViolations).toEqual([]);
});

test("paste raw text → permalink", async ({ page, context, baseURL }) => {
  const offenders = trackOffOriginRequests(context, baseURL!);
  await page.goto("/");
  await page.getByTestId("paste").fill(fixtureText());
  await page.getByTestId("submit").click();
  await page.waitForURL(/\/incidents\//);
  await expectSkbSegmentVerdict(page);
  await expect(page.getByTestId("raw-files")).toContainText("paste");
  expect(offenders).toEqual([]);
});

test("two files from two hosts → two timeline lanes", async ({ page, baseURL, context }) => {
  const offenders = trackOffOriginRequests(context, baseURL!);
  const text = fixtureText();
  await page.goto("/");
  await page.getByTestId("file-input").setInputFiles([
    { name: "messages-w01", mimeType: "text/plain", buffer: Buffer.from(text) },
    { name: "messages-w02", mimeType: "text/plain", buffer: Buffer.from(text.replaceAll(" w01 ", " w02 ")) },
  ]);
  await page.getByTestId("submit").click();
  await page.waitForURL(/\/incidents\//);
  await expect(page.getByTestId("timeline-lane")).toHaveCount(2);
  await expect(page.getByTestId("timeline-lane").nth(0)).toHaveText("w01");
  await expect(page.getByTestId("timeline-lane").nth(1)).toHaveText("w02");
  await expect(page.getByTestId("timeline-marker-crash")).toHaveCount(2);
  // The second finding of the same signature on w02 is not "seen before" (same incident), the first upload's is.
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.screenshot({ path: "test-results/screenshots/two-hosts.png", fullPage: true });

  await page.goto("/incidents?q=w02");
  await expect(page.getByTestId("incident-table")).toContainText("w02");
  await expect(page.getByTestId("incident-table").locator("tbody tr")).toHaveCount(1);
  await page.screenshot({ path: "test-results/screenshots/incidents-search.png", fullPage: true });
  await page.goto("/");
  await page.screenshot({ path: "test-results/screenshots/home.png", fullPage: true });
  expect(offenders).toEqual([]);
});

test("oversized selection is refused before sending", async ({ page }) => {
  await page.goto("/");
  // Over the e2e server's 56 MB cap (scripts/run-e2e.mjs); a path, since Playwright refuses buffers over 50 MB.
  const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-big-"));
  const big = path.join(dir, "big.log");
  writeFileSync(big, Buffer.alloc(60 * 1024 * 1024, "a\n"));
  try {
    await page.getByTestId("file-input").setInputFiles(big);
    await expect(page.getByTestId("upload-status")).toContainText("Too large");
    await expect(page.getByTestId("submit")).toBeDisabled();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a file dropped anywhere on the window is staged", async ({ page }) => {
  await page.goto("/");
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped-messages", { type: "text/plain" }));
    return dt;
  }, fixtureText());
  // Entering the window with files shows the overlay; dropping on it stages the file. The window listener is
  // attached on hydration, which can lag the first paint on a loaded machine: retry the dragenter until it is.
  await expect(async () => {
    await page.dispatchEvent("body", "dragenter", { dataTransfer });
    await expect(page.getByTestId("window-drop-overlay")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.dispatchEvent('[data-testid="window-drop-overlay"]', "drop", { dataTransfer });
  await expect(page.getByTestId("staged-files")).toContainText("dropped-messages");
  await expect(page.getByTestId("window-drop-overlay")).toBeHidden();
});

test("the same crash signature in an earlier incident shows as seen before", async ({ page, request }) => {
  const upload = async (host: string) => {
    const res = await request.post("/api/incidents", { data: fixtureText().replaceAll(" w01 ", ` ${host} `), headers: { "X-Filename": `messages-${host}` } });
    expect(res.status()).toBe(201);
    return (await res.json()) as { url: string };
  };
  await upload("seen-a");
  const second = await upload("seen-b");
  await page.goto(second.url);
  await expect(page.getByTestId("seen-before").first()).toContainText(/Seen before: \d+ times? in \d+ earlier incidents?/);
  await expect(page.getByTestId("seen-before").first()).toContainText("seen-a");
});

test("an unknown permalink is a 404 page", async ({ page }) => {
  const res = await page.goto("/incidents/AAAAAAAAAAAAAAAAAAAAAA");
  expect(res?.status()).toBe(404);
  const bad = await page.goto("/incidents/not..an..id");
  expect(bad?.status()).toBe(404);
});
