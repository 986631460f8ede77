import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./accounts";
import { RUN, skbLog, upload } from "./workbench-helpers";

test.use({ storageState: ADMIN_STATE });

const FILLER = 200;
/** Three quiet days before the crash: the crash, its 67 s gap and the reboot fall on one x of the timeline. */
const longLog = (host: string) =>
  Array.from({ length: FILLER }, (_, i) => `Aug 10 ${String(Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00 ${host} systemd[1]: quiet line ${i}`).join("\n") +
  "\n" +
  skbLog(host);

test("the viewer opens at the first crash line, a range link highlights its lines, the timeline spans the log and clusters", async ({ page, request }) => {
  const inc = await upload(request, { name: "messages", text: longLog(`view-${RUN}`), lastModified: "2024-08-20T00:00:00Z" });
  const incident = await (await request.get(`/api/incidents/${inc.id}`)).json();
  const crashLine: number = incident.findings[0].source.line;
  expect(crashLine).toBeGreaterThan(FILLER);

  await page.goto(inc.url);
  await expect(page).toHaveTitle(`${incident.findings[0].title} · oopscope`);
  // No link, no click: the viewer is at the crash, not at line 1. (Monaco draws spaces as U+00A0: \s in patterns.)
  await expect(page.getByTestId("viewer-target")).toHaveText(`line ${crashLine}`);
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("skbuff.c:4230", { timeout: 30_000 });
  await expect(page.locator(".monaco-editor .view-lines")).not.toContainText(/quiet\sline\s0(?!\d)/);

  // The timeline axis starts at the log's first line (Aug 10), not at the first event.
  const ticks = page.getByTestId("timeline-tick");
  await expect(ticks.first()).toHaveText(/^08-10 00:00/);
  // Every axis label is inside the chart's box.
  const chart = (await page.getByRole("img", { name: "Incident timeline" }).boundingBox())!;
  for (const tick of await ticks.all()) {
    const box = (await tick.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(chart.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(chart.x + chart.width + 1);
  }
  // The crash, the reboot after 67 s: one cluster drawn as the crash, with the count of the others.
  const crash = page.getByTestId("timeline-marker-crash").first();
  expect(Number(await crash.getAttribute("data-cluster-size"))).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("timeline-cluster-count").first()).toHaveText(/^\+\d+$/);

  // A range link: lines 3-9 highlighted, the label says so.
  await page.goto(`${inc.url}#log=0:3-9`);
  await expect(page.getByTestId("viewer-target")).toHaveText("lines 3–9");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText(/quiet\sline\s2(?!\d)/, { timeout: 30_000 });
  await expect(page.locator(".monaco-editor .oops-target-line")).toHaveCount(7);

  // Selecting lines in the viewer makes a range link of them.
  await page.locator(".monaco-editor .view-line", { hasText: /quiet\sline\s3$/ }).click();
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+End");
  await expect(page.getByTestId("viewer-selection")).toHaveText(/lines 4–6/);
  expect(new URL(page.url()).hash).toBe("#log=0:4-6");
});

test("a folded problem is drawn from its first occurrence to its last, which a click opens", async ({ page, request }) => {
  const host = `run-${RUN}`;
  const minute = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}:00`;
  // Two hours of one repeated problem inside a three-hour log: one finding ×120, its span two thirds of the axis.
  const flood = Array.from({ length: 120 }, (_, i) => `Aug 10 ${minute(10 + i)} ${host} kernel: nf_conntrack: table full, dropping packet`);
  const text = [`Aug 10 00:00:00 ${host} systemd[1]: quiet start`, ...flood, `Aug 10 03:00:00 ${host} systemd[1]: quiet end`].join("\n");
  const inc = await upload(request, { name: "messages", text, lastModified: "2024-08-20T00:00:00Z" });
  await page.goto(inc.url);
  const run = page.getByTestId("timeline-run");
  await expect(run).toHaveCount(1);
  await expect(run).toHaveAttribute("data-repeats", "120");
  const chart = (await page.getByRole("img", { name: "Incident timeline" }).boundingBox())!;
  const span = (await run.boundingBox())!;
  expect(span.width / chart.width).toBeGreaterThan(0.55);
  expect(span.width / chart.width).toBeLessThan(0.75);
  await run.click();
  await expect(page.getByTestId("viewer-target")).toHaveText("line 121");
});

test("every page has its own title", async ({ page }) => {
  const titles: [string, RegExp][] = [
    ["/", /^Triage · oopscope$/],
    ["/incidents", /^Incidents · oopscope$/],
    ["/kb", /^Knowledge base · oopscope$/],
    ["/kb/skb-segment-gso-bug", /^skb-segment-gso-bug · oopscope$/],
    ["/kb/skb-segment-gso-bug/edit", /^Edit skb-segment-gso-bug · oopscope$/],
    ["/kb/new", /^New KB entry · oopscope$/],
    ["/admin", /^Admin · oopscope$/],
    ["/account", /^Account · oopscope$/],
  ];
  for (const [url, title] of titles) {
    await page.goto(url);
    await expect(page).toHaveTitle(title);
  }
});
