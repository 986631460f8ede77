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
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return a.getBoundingClientRect().right <= inner + 1;
      return false;
    };
    if (scroll > inner)
      for (const el of document.querySelectorAll<HTMLElement>("body *")) {
        const r = el.getBoundingClientRect();
        if (r.right > inner + 1 && r.width > 0 && !clipped(el)) {
          culprit = `${el.tagName} "${(el.textContent ?? "").slice(0, 60)}" right=${Math.round(r.right)}`;
          break;
        }
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
  // Every page is measured before the verdict, so one run names all offenders.
  const offenders: string[] = [];
  const check = async (p: Page, url: string, width: number) => {
    const o = await overflow(p);
    if (o.scroll > o.inner) offenders.push(`${url} at ${width}px is ${o.scroll}px wide: ${o.culprit}`);
    const nav = (await p.getByTestId("site-nav").boundingBox())!;
    if (nav.x + nav.width > width) offenders.push(`${url} at ${width}px: header ${nav.x + nav.width}px`);
  };
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 800 });
    for (const url of urls) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      await check(page, url, width);
    }
    const out = await signedOutPage(browser, width, "light");
    for (const url of SIGNED_OUT) {
      await out.goto(url);
      await check(out, url, width);
    }
    await out.context().close();
  }
  expect(offenders).toEqual([]);
});

/** Luminance 0..255 of an element's computed colour property, whatever the notation (lab(), oklch(), rgb()). */
const brightness = (page: Page, selector: string, property: "backgroundColor" | "stroke") =>
  page
    .locator(selector)
    .first()
    .evaluate((el, prop) => {
      const ctx = document.createElement("canvas").getContext("2d")!;
      ctx.fillStyle = getComputedStyle(el)[prop];
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }, property);
const background = (page: Page) => brightness(page, "body", "backgroundColor");

test("dark mode follows prefers-color-scheme, the switch overrides it and is kept; the log viewer and timeline follow", async ({ page, request }) => {
  const inc = await upload(request, { name: "messages", text: skbLog(`dark-${RUN}`) });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(inc.url);
  expect(await background(page)).toBeLessThan(60);
  await expect(page.locator(".monaco-editor").first()).toHaveClass(/vs-dark/, { timeout: 30_000 });
  expect(await brightness(page, "[data-testid=timeline] line.stroke-slate-100", "stroke")).toBeLessThan(80);
  // Command and report blocks follow the theme too (they turned bright on the mirrored palette).
  for (const block of ["[data-testid=workarounds] pre", "[data-testid=finding] pre"]) expect(await brightness(page, block, "backgroundColor"), block).toBeLessThan(60);
  await page.goto("/kb/skb-segment-gso-bug");
  expect(await brightness(page, "pre", "backgroundColor")).toBeLessThan(60);
  await page.goto(inc.url);

  // The switch: system → light → dark. Light wins over the dark system setting, and survives a reload.
  const sw = page.getByTestId("theme-switch");
  await expect(sw).toHaveAttribute("data-theme", "system");
  await sw.click();
  await expect(sw).toHaveAttribute("data-theme", "light");
  await expect(page.locator("html")).toHaveClass(/light/);
  expect(await background(page)).toBeGreaterThan(200);
  await expect(page.locator(".monaco-editor").first()).not.toHaveClass(/vs-dark/);
  await page.reload();
  expect(await background(page)).toBeGreaterThan(200);
  await page.getByTestId("theme-switch").click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await background(page)).toBeLessThan(60);
  await page.getByTestId("theme-switch").click();
  await expect(page.getByTestId("theme-switch")).toHaveAttribute("data-theme", "system");
  expect(await background(page)).toBeGreaterThan(200);
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
