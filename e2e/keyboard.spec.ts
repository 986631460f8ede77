import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./accounts";
import { RUN, skbLog, upload } from "./workbench-helpers";

test.use({ storageState: ADMIN_STATE });

test("skip link, j/k between findings, / to search, ? for the list, visible focus", async ({ page, request }) => {
  // Two hosts: the same crash twice on one host is one folded finding.
  const twoFindings = skbLog(`keys-${RUN}`) + skbLog(`keys2-${RUN}`).replaceAll("Aug 13 1", "Aug 14 1");
  const inc = await upload(request, { name: "messages", text: twoFindings });
  await page.goto(inc.url);
  const findings = page.getByTestId("finding");
  expect(await findings.count()).toBeGreaterThanOrEqual(2);

  // The first Tab reaches the skip link; it is shown when focused and moves focus to the content.
  await page.keyboard.press("Tab");
  const skip = page.getByTestId("skip-link");
  await expect(skip).toBeFocused();
  expect((await skip.boundingBox())!.width).toBeGreaterThan(20);
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  await page.keyboard.press("j");
  await expect(findings.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(findings.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(findings.nth(0)).toBeFocused();

  // Focus is visible: a focused link draws an outline.
  await page.getByTestId("show-in-log").first().focus();
  const outline = await page.getByTestId("show-in-log").first().evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");

  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts")).toBeVisible();
  await expect(page.getByTestId("shortcuts")).toContainText("next finding");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcuts")).toBeHidden();

  // `/` on a page without a search box goes to the incident search, focused.
  await page.keyboard.press("/");
  await expect(page).toHaveURL(/\/incidents\?focus=search/);
  await expect(page.getByTestId("search")).toBeFocused();
  // Typing in a field is not taken for a shortcut.
  await page.keyboard.type("j/k?");
  await expect(page.getByTestId("search")).toHaveValue("j/k?");
  await expect(page.getByTestId("shortcuts")).toBeHidden();
  await page.getByTestId("search").blur();
  await page.keyboard.press("/");
  await expect(page.getByTestId("search")).toBeFocused();
});
