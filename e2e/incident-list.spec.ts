import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./accounts";
import { hungTaskLog, RUN, skbLog, upload } from "./workbench-helpers";

test.use({ storageState: ADMIN_STATE });

test("incident list: filters by host, kernel, KB entry, verdict, class and log date; sorting; pagination; sizes on one line", async ({ page, request }) => {
  // Only this test's incidents carry TAG (other specs of the run upload the same crash).
  const TAG = `lst${RUN}`;
  const skbHost = `${TAG}-skb`;
  const hungHost = `${TAG}-hung`;
  const skb = await upload(request, { name: "messages", text: skbLog(skbHost), lastModified: "2024-08-20T00:00:00Z" });
  const hung = await upload(request, { name: "messages", text: hungTaskLog(hungHost), lastModified: "2024-09-10T00:00:00Z" });
  const rows = page.getByTestId("incident-row");
  const only = async (query: string, expected: string[], absent: string[]) => {
    await page.goto(`/incidents?${query}`);
    for (const url of expected) await expect(rows.locator(`a[href="${url}"]`)).toHaveCount(1);
    for (const url of absent) await expect(rows.locator(`a[href="${url}"]`)).toHaveCount(0);
  };

  // Host: a whole token (a prefix of the host name matches nothing).
  await only(`host=${skbHost}`, [skb.url], [hung.url]);
  await only(`host=${skbHost.slice(0, -2)}`, [], [skb.url, hung.url]);
  await only(`kernel=5.15.0-91-generic&q=${TAG}`, [hung.url], [skb.url]);
  await only(`kb=skb-segment-gso-bug&q=${TAG}`, [skb.url], [hung.url]);
  await only(`verdict=affected&q=${TAG}`, [skb.url], [hung.url]);
  await only(`kind=hung-task&q=${TAG}`, [hung.url], [skb.url]);
  // Log dates: the skb crash is from Aug 13, the hung task from Sep 2 (years from the files' own dates).
  await only(`from=2024-09-01&to=2024-09-03&q=${TAG}`, [hung.url], [skb.url]);
  await only(`from=2024-08-13&to=2024-08-13&q=${TAG}`, [skb.url], [hung.url]);

  // The form drives the same filters.
  await page.goto("/incidents");
  await page.getByTestId("filter-host").fill(hungHost);
  await page.getByTestId("apply-filters").click();
  await expect(page).toHaveURL(new RegExp(`host=${hungHost}`));
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId("incident-count")).toHaveText("1 incident");

  // Only non-zero matches are known issues: the related entry (score 0) the hung task's match names is not one.
  const matches = (await (await request.get(`/api/incidents/${hung.id}`)).json()).findings[0].matches as { kbId: string; score: number }[];
  expect(matches.find((m) => m.kbId === "netdev-refcount-leak")?.score).toBe(0);
  await page.goto(`/incidents?host=${hungHost}`);
  await expect(page.getByTestId("known-issues")).toHaveText("hung-task-rtnl-lock");

  // Sorting and pagination (page size 1 over this run's two incidents).
  await page.goto(`/incidents?q=${TAG}&sort=oldest&size=1`);
  await expect(rows).toHaveCount(1);
  const oldestFirst = await rows.first().locator("a").getAttribute("href");
  await page.getByTestId("pagination").getByRole("link", { name: /next/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/sort=oldest/);
  const second = await rows.first().locator("a").getAttribute("href");
  expect(second).not.toBe(oldestFirst);
  await page.goto(`/incidents?q=${TAG}&sort=newest&size=1`);
  expect(await rows.first().locator("a").getAttribute("href")).toBe(second);

  // Sizes stay on one line ("5.4 KB", never "5.4 / KB").
  await page.goto(`/incidents?q=${TAG}`);
  // The text's own line boxes, not the cell's height: a row is as tall as its tallest cell (a wrapped title, the
  // delete control).
  for (const cell of await page.getByTestId("size").all()) {
    const lines = await cell.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
  }
  await expect(page).toHaveTitle("Incidents · oopscope");
});
