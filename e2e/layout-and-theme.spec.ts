import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN_STATE } from "./accounts";
import { RUN, skbLog, upload } from "./workbench-helpers";

test.use({ storageState: ADMIN_STATE });

/** Every page of the app, signed in as admin (sign-in and sign-up are checked signed out). */
async function allPages(request: import("@playwright/test").APIRequestContext): Promise<string[]> {
  // A host name with no break opportunity: ids and names must wrap, not widen the page.
  const inc = await upload(request, { name: "messages-with-a-rather-long-file-name-from-a-support-bundle.log", text: skbLog(`phone-${RUN}-averyveryverylonghostnamewithoutanybreakopportunity`) });
  const incident = await (await request.get(`/api/incidents/${inc.id}`)).json();
  return [
    "/",
    "/incidents",
    inc.url,
    `/signatures/${incident.findings[0].signature}`,
    "/kb",
    "/kb/skb-segment-gso-bug",
    "/kb/skb-segment-gso-bug/edit",
    "/kb/new",
    "/admin",
    "/account",
  ];
}
const SIGNED_OUT = ["/sign-in", "/sign-up"];

async function overflow(page: Page): Promise<{ scroll: number; inner: number; culprit?: string }> {
  return page.evaluate(() => {
    const inner = window.innerWidth;
    const scroll = document.documentElement.scrollWidth;
    let culprit: string | undefined;
    if (scroll > inner)
      for (const el of document.querySelectorAll<HTMLElement>("body *")) {
        const r = el.getBoundingClientRect();
        if (r.right > inner + 1 && r.width > 0) culprit = `${el.tagName}.${el.className} ${r.right}`;
      }
    return { scroll, inner, culprit };
  });
}

async function signedOutPage(browser: Browser, width: number, scheme: "light" | "dark"): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
  return ctx.newPage();
}

test("no page scrolls sideways at 360 and 390 px, and the header fits", async ({ page, request, browser }) => {
  test.setTimeout(180_000);
  const urls = await allPages(request);
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 800 });
    for (const url of urls) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      const o = await overflow(page);
      expect(o.scroll, `${url} at ${width}px: ${o.culprit}`).toBeLessThanOrEqual(o.inner);
      const nav = (await page.getByTestId("site-nav").boundingBox())!;
      expect(nav.x + nav.width, url).toBeLessThanOrEqual(width);
    }
    const out = await signedOutPage(browser, width, "light");
    for (const url of SIGNED_OUT) {
      await out.goto(url);
      const o = await overflow(out);
      expect(o.scroll, `${url} at ${width}px: ${o.culprit}`).toBeLessThanOrEqual(o.inner);
    }
    await out.context().close();
  }
});

const luminance = (rgb: string) => {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const background = (page: Page, selector = "body") => page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);

test("dark mode follows prefers-color-scheme, the switch overrides it and is kept; the log viewer and timeline follow", async ({ page, request }) => {
  const inc = await upload(request, { name: "messages", text: skbLog(`dark-${RUN}`) });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(inc.url);
  expect(luminance(await background(page))).toBeLessThan(60);
  await expect(page.locator(".monaco-editor").first()).toHaveClass(/vs-dark/, { timeout: 30_000 });
  const laneStroke = await page.getByTestId("timeline").locator("line.stroke-slate-100").first().evaluate((el) => getComputedStyle(el).stroke);
  expect(luminance(laneStroke)).toBeLessThan(80);

  // The switch: system → light → dark. Light wins over the dark system setting, and survives a reload.
  const sw = page.getByTestId("theme-switch");
  await expect(sw).toHaveAttribute("data-theme", "system");
  await sw.click();
  await expect(sw).toHaveAttribute("data-theme", "light");
  await expect(page.locator("html")).toHaveClass(/light/);
  expect(luminance(await background(page))).toBeGreaterThan(200);
  await expect(page.locator(".monaco-editor").first()).not.toHaveClass(/vs-dark/);
  await page.reload();
  expect(luminance(await background(page))).toBeGreaterThan(200);
  await page.getByTestId("theme-switch").click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.emulateMedia({ colorScheme: "light" });
  expect(luminance(await background(page))).toBeLessThan(60);
  await page.getByTestId("theme-switch").click();
  await expect(page.getByTestId("theme-switch")).toHaveAttribute("data-theme", "system");
  expect(luminance(await background(page))).toBeGreaterThan(200);
});

// Screenshots for a person to look at (UI_SCREENSHOTS=1): every page at 1440 and 390 px, light and dark.
test("screenshots of every page", async ({ page, request, browser }) => {
  test.skip(!process.env.UI_SCREENSHOTS, "set UI_SCREENSHOTS=1 to write them");
  test.setTimeout(300_000);
  const urls = await allPages(request);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const url of urls) {
        await page.goto(url);
        await page.waitForLoadState("networkidle");
        await page.waitForTimeout(url.startsWith("/incidents/") || url.includes("/edit") || url === "/kb/new" ? 2500 : 300);
        const name = url === "/" ? "home" : url.replace(/^\//, "").replace(/\/[A-Za-z0-9_-]{22}$/, "/incident").replace(/[/]/g, "_");
        await page.screenshot({ path: `test-results/screenshots/ui/${name}-${width}-${scheme}.png`, fullPage: true });
      }
      const out = await signedOutPage(browser, width, scheme);
      for (const url of SIGNED_OUT) {
        await out.goto(url);
        await out.screenshot({ path: `test-results/screenshots/ui/${url.slice(1)}-${width}-${scheme}.png`, fullPage: true });
      }
      await out.context().close();
    }
  }
});
