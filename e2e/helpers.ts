import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type BrowserContext, type Page } from "@playwright/test";

export const FIXTURE_PATH = path.join(import.meta.dirname, "fixtures", "messages-w01");
export const fixtureText = (): string => readFileSync(FIXTURE_PATH, "utf8");

/** Records every request whose origin differs from the app's (data: and blob: URLs are local). */
export function trackOffOriginRequests(context: BrowserContext, baseURL: string): string[] {
  const origin = new URL(baseURL).origin;
  const offenders: string[] = [];
  context.on("request", (req) => {
    const url = req.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (new URL(url).origin !== origin) offenders.push(url);
  });
  return offenders;
}

/** What the permalink of the seed incident must show (KB seeded: skb-segment-gso-bug). */
export async function expectSkbSegmentVerdict(page: Page): Promise<void> {
  await expect(page.getByTestId("finding").first()).toContainText("kernel BUG in skb_segment");
  await expect(page.locator('[data-testid="match"][data-kb-id="skb-segment-gso-bug"]').first()).toBeVisible();
  await expect(page.getByTestId("upgrade")).toContainText("6.1.103");
  await expect(page.getByTestId("fix-commits")).toContainText("fa5ef655615a");
  await expect(page.getByTestId("workarounds")).toContainText("ethtool");
  await expect(page.getByTestId("verdict-summary")).toContainText("affected");
}
