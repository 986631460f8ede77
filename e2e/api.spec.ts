import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { fixtureText } from "./helpers";

test("API: raw upload → JSON, Markdown, raw file, line ranges", async ({ request }) => {
  const created = await request.post("/api/incidents", { data: fixtureText(), headers: { "X-Filename": "messages", "Content-Type": "text/plain" } });
  expect(created.status()).toBe(201);
  const { id, url } = await created.json();
  expect(id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
  expect(url).toBe(`/incidents/${id}`);

  const incident = await (await request.get(`/api/incidents/${id}`)).json();
  expect(incident.schemaVersion).toBe(1);
  expect(incident.inputs[0].name).toBe("messages");
  const finding = incident.findings[0];
  expect(finding.title).toBe("kernel BUG in skb_segment");
  expect(finding.matches[0].kbId).toBe("skb-segment-gso-bug");

  const md = await request.get(`/api/incidents/${id}/export.md`);
  expect(md.headers()["content-type"]).toContain("text/markdown");
  expect(await md.text()).toContain("6.1.103");

  const raw = await request.get(`/api/incidents/${id}/files/0`);
  expect(await raw.text()).toBe(fixtureText());

  const range = await (await request.get(`/api/incidents/${id}/files/0/lines?from=${finding.source.line}&to=${finding.source.line}`)).json();
  expect(range.lines).toHaveLength(1);
  expect(range.lines[0]).toContain(finding.headline);
});

test("API: a big incident's page fetches its workbench data, cut to what it draws; a small one's comes with the page", async ({ request, page }) => {
  // One folded problem per host: a finding and an event each, too many to go with the page.
  const text = Array.from({ length: 110 }, (_, i) => `Aug 10 00:${String(Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")} node-${i} kernel: nf_conntrack: table full, dropping packet`).join("\n");
  const created = await request.post("/api/incidents", { data: text, headers: { "X-Filename": "messages", "Content-Type": "text/plain" } });
  const { id, url } = await created.json();
  const incident = await (await request.get(`/api/incidents/${id}`)).json();
  expect(incident.findings.length).toBeGreaterThanOrEqual(110);

  // The page asks with the version it was rendered with: that answer may be kept by the browser.
  const asked = page.waitForRequest((r) => r.url().includes(`/api/incidents/${id}/workbench`));
  await page.goto(url);
  const kept = await (await asked).response();
  expect(kept!.headers()["cache-control"]).toContain("immutable");
  const data = await kept!.json();
  expect(data.events).toHaveLength(incident.events.length);
  expect(data.findings.map((f: { id: string }) => f.id)).toEqual(incident.findings.map((f: { id: string }) => f.id));
  expect(data.events.every((e: object) => !("program" in e) && !("uptime" in e))).toBe(true);
  expect(data.boots.every((b: object) => !("banner" in b) && !("commandLine" in b))).toBe(true);
  await expect(page.getByTestId("timeline-lane")).toHaveCount(110);
  await expect(page.getByTestId("timeline-marker-problem").first()).toBeVisible();

  // Without the version (or with an old one) the answer is current and not kept.
  const plain = await request.get(`/api/incidents/${id}/workbench?v=1-stale`);
  expect(plain.headers()["cache-control"]).toContain("no-cache");
  expect((await plain.json()).events).toHaveLength(incident.events.length);
  expect((await request.get("/api/incidents/AAAAAAAAAAAAAAAAAAAAAA/workbench")).status()).toBe(404);

  // A small incident's page draws its timeline without asking.
  const small = await (await request.post("/api/incidents", { data: fixtureText(), headers: { "X-Filename": "messages", "Content-Type": "text/plain" } })).json();
  const workbenchRequests: string[] = [];
  page.on("request", (r) => r.url().includes("/workbench") && workbenchRequests.push(r.url()));
  await page.goto(small.url);
  await expect(page.getByTestId("timeline-marker-crash").first()).toBeVisible();
  expect(workbenchRequests).toEqual([]);
});

test("API: multipart with a gzip file is decoded for the viewer", async ({ request }) => {
  const res = await request.post("/api/incidents", {
    multipart: { files: { name: "messages-20240618.gz", mimeType: "application/gzip", buffer: gzipSync(Buffer.from(fixtureText())) } },
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  const incident = await (await request.get(`/api/incidents/${id}`)).json();
  expect(incident.inputs[0].compressed).toBe(true);
  expect(incident.findings[0].matches[0].kbId).toBe("skb-segment-gso-bug");
  expect(await (await request.get(`/api/incidents/${id}/files/0?decoded=1`)).text()).toBe(fixtureText());
  const range = await (await request.get(`/api/incidents/${id}/files/0/lines?from=1&to=2`)).json();
  expect(range.lines[0]).toBe(fixtureText().split("\n")[0]);
});

test("API: refusals are 4xx JSON with a message and leave no incident behind", async ({ request }) => {
  const before = (await (await request.get("/api/incidents")).json()).incidents.length;

  const tooBig = await request.post("/api/incidents", { data: Buffer.alloc(60 * 1024 * 1024, 0x61), headers: { "X-Filename": "big" } });
  expect(tooBig.status()).toBe(413);
  expect((await tooBig.json()).message).toMatch(/limit/);

  const binary = Buffer.alloc(64 * 1024);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) & 0xff;
  const bin = await request.post("/api/incidents", { data: binary, headers: { "X-Filename": "core.bin" } });
  expect(bin.status()).toBe(422);
  expect((await bin.json()).message).toMatch(/binary/);

  const empty = await request.post("/api/incidents", { data: "", headers: { "X-Filename": "x" } });
  expect(empty.status()).toBe(400);

  expect((await request.get("/api/incidents/not-an-id")).status()).toBe(400);
  expect((await request.get("/api/incidents/AAAAAAAAAAAAAAAAAAAAAA")).status()).toBe(404);

  const after = (await (await request.get("/api/incidents")).json()).incidents.length;
  expect(after).toBe(before);
});
