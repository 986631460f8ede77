import { expect, test, type Page } from "@playwright/test";
import { ADMIN_STATE } from "./accounts";
import { RUN, skbLog, undatedSkbLog, upload } from "./workbench-helpers";

test.use({ storageState: ADMIN_STATE });

const stat = async (page: Page, name: string) => Number(await page.getByTestId(`stat-${name}`).textContent());

test("signature page: every incident, counts, hosts, kernels, log-time first/last, chart, KB entry and verdict; a re-upload is no new sighting", async ({ page, request }) => {
  const hostA = `sig-a-${RUN}`;
  const hostB = `sig-b-${RUN}`;
  // Same crash on two hosts, a year apart by the files' own dates (the syslog lines carry no year).
  const a = await upload(request, { name: "messages", text: undatedSkbLog(hostA), lastModified: "2023-08-20T00:00:00Z" });
  const b = await upload(request, { name: "messages", text: undatedSkbLog(hostB), lastModified: "2024-08-20T00:00:00Z" });
  const incidentA = await (await request.get(`/api/incidents/${a.id}`)).json();
  expect(incidentA.findings[0].time).toBe("2023-08-13T15:59:23.000Z");

  // Findings link to their signature page.
  await page.goto(b.url);
  await page.getByTestId("signature-link").first().click();
  await expect(page).toHaveURL(/\/signatures\/[0-9a-f]{16}$/);
  const signatureUrl = page.url();
  await expect(page.getByTestId("signature-title")).toHaveText("kernel BUG in skb_segment");
  await expect(page).toHaveTitle("kernel BUG in skb_segment · oopscope");
  await expect(page.getByTestId("signature-hosts")).toContainText(hostA);
  await expect(page.getByTestId("signature-hosts")).toContainText(hostB);
  await expect(page.getByTestId("signature-kernels")).toContainText("6.1.1-1.el9.elrepo.x86_64");
  await expect(page.getByTestId("signature-incidents").locator(`a[href="${a.url}"]`)).toBeVisible();
  await expect(page.getByTestId("signature-incidents").locator(`a[href="${b.url}"]`)).toBeVisible();
  // Log times, not upload times: the 2023 sighting is the first one seen.
  await expect(page.getByTestId("stat-first-seen")).toContainText("2023-08-13");
  await expect(page.getByTestId("stat-last-seen")).not.toContainText(new Date().toISOString().slice(0, 10));
  await expect(page.getByTestId("frequency-chart")).toBeVisible();
  const bars = page.getByTestId("frequency-bar");
  expect(await bars.count()).toBeGreaterThan(1);
  await expect(page.getByTestId("signature-kb-link")).toHaveText("skb-segment-gso-bug");
  await expect(page.getByTestId("signature-verdict")).toContainText("affected");
  await expect(page.getByTestId("link-finding")).toBeVisible();
  const sightings = await stat(page, "sightings");
  const incidents = await stat(page, "incidents");

  // The same bytes again: recognised, the new incident offers the earlier one, and nothing is counted twice.
  const again = await upload(request, { name: "messages-copy", text: undatedSkbLog(hostA), lastModified: "2026-01-01T00:00:00Z" });
  expect(again.repeatOf?.id).toBe(a.id);
  // …and its lines keep the year they had the first time, whatever the new file's date says.
  expect((await (await request.get(`/api/incidents/${again.id}`)).json()).findings[0].time).toBe("2023-08-13T15:59:23.000Z");
  await page.goto(again.url);
  await expect(page.getByTestId("repeat-of")).toBeVisible();
  await expect(page.getByTestId("repeat-of").getByRole("link")).toHaveAttribute("href", a.url);
  await page.goto(signatureUrl);
  expect(await stat(page, "incidents")).toBe(incidents + 1);
  expect(await stat(page, "sightings")).toBe(sightings);
  await expect(page.getByTestId("signature-hosts").locator("li", { hasText: hostA }).getByTestId("tally-count")).toHaveText("1");
  await expect(page.getByTestId("signature-incident").filter({ has: page.locator(`a[href="${again.url}"]`) })).toContainText("same bytes as an earlier upload");
});

test("a syslog date without a year takes it from the file's dated lines, then the file's date", async ({ request }) => {
  // The seed log's containerd line says 2024-08-13: that wins over a file date of 2026.
  const dated = await upload(request, { name: "messages", text: skbLog(`year-${RUN}`), lastModified: "2026-03-01T00:00:00Z" });
  expect((await (await request.get(`/api/incidents/${dated.id}`)).json()).findings[0].time).toBe("2024-08-13T15:59:23.000Z");
  // A rotated file's name beats the file's date.
  const rotated = await upload(request, { name: "messages-20230901", text: undatedSkbLog(`year-${RUN}`), lastModified: "2026-03-01T00:00:00Z" });
  expect((await (await request.get(`/api/incidents/${rotated.id}`)).json()).findings[0].time).toBe("2023-08-13T15:59:23.000Z");
});

test("the same lines in another file (same host and log time) are one sighting, and seen-before ignores them", async ({ page, request }) => {
  const host = `sig-same-${RUN}`;
  const first = await upload(request, { name: "messages", text: skbLog(host), lastModified: "2024-08-20T00:00:00Z" });
  // The rotated copy holds the same lines plus one more: other bytes, same crash lines.
  const rotated = await upload(request, { name: "messages-20240820", text: skbLog(host) + `Aug 13 17:00:00 ${host} systemd[1]: Started Session 1.\n` });
  expect(rotated.repeatOf).toBeUndefined();
  await page.goto(rotated.url);
  await expect(page.getByTestId("seen-before").first()).not.toContainText(host);
  await page.getByTestId("signature-link").first().click();
  await expect(page.getByTestId("signature-hosts").locator("li", { hasText: host }).getByTestId("tally-count")).toHaveText("1");
  await expect(page.getByTestId("signature-incidents").locator(`a[href="${first.url}"]`)).toBeVisible();
});

test("an unknown or malformed signature is a 404", async ({ page }) => {
  expect((await page.goto("/signatures/0123456789abcdef"))?.status()).toBe(404);
  expect((await page.goto("/signatures/not-a-signature"))?.status()).toBe(404);
});
