import { existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { zipSync, type Zippable } from "fflate";
import { EDITOR_STATE } from "./accounts";
import { hungTaskLog, RUN, skbLog } from "./workbench-helpers";

/**
 * Bad input through the web path: a multi-file upload where some files are refused still triages the others and says
 * why; nothing is left in the upload store that no input reads; log text full of markup renders as text on the page
 * and in the Markdown export.
 */
const uploadsRoot = path.join(process.env.OOPSCOPE_DATA_DIR ?? "", "uploads");
const uploadDir = (id: string) => path.join(uploadsRoot, id);
const storedUploads = () => (existsSync(uploadsRoot) ? readdirSync(uploadsRoot).length : 0);

const VMCORE_DIR = [path.resolve(import.meta.dirname, "../../shared/data/vmcore"), path.resolve(import.meta.dirname, "../../../shared/data/vmcore")].find(existsSync);

/** A Blob of Node bytes (a Buffer's backing store may be shared, which Blob's types do not take). */
const blobOf = (bytes: Uint8Array | string) => new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)]);

function binaryBytes(): Buffer {
  const binary = Buffer.alloc(64 * 1024);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) & 0xff;
  return binary;
}

/** A WARNING whose every field carries markup: HTML, Markdown links and images, an autolink, terminal colours. */
function hostileLog(tag: string): string {
  return [
    "[  100.000000] ------------[ cut here ]------------",
    `[  100.000001] WARNING: CPU: 0 PID: 1 at drivers/net/<script>alert(1)</script>.c:12 [click](http://evil.example/x) ![img](http://evil.example/p.png) <img src=x onerror=alert(2)> ${tag}`,
    "[  100.000002] Modules linked in: evil_mod(OE) <b>bold</b>",
    "[  100.000003] CPU: 0 PID: 1 Comm: <svg/onload=1> Tainted: G           OE      6.1.0-57-cloud-amd64 #1 Debian 6.1.192-3",
    "[  100.000004] RIP: 0010:evil_func+0x18/0x30 [evil_mod]",
    "[  100.000005] Call Trace:",
    "[  100.000006]  <TASK>",
    "[  100.000007]  \u001b[31mred_frame\u001b[0m+0x1/0x2 [evil_mod]",
    '[  100.000008]  <a_href="javascript:alert(4)">frame</a>+0x10/0x20',
    "[  100.000009]  </TASK>",
    "[  100.000010] ---[ end trace 0000000000000000 ]---",
    // The WARNING is titled by its RIP function (its header's location is no source file), so the hostile text that
    // must reach the Markdown's inline fields comes from a panic reason, in the next boot: a title made of log text.
    "[    0.000000] Linux version 6.1.0-57-cloud-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-3",
    `[    5.000000] Kernel panic - not syncing: <script>alert(5)</script> [click](http://evil.example/x) <img src=x onerror=alert(6)> @everyone ${tag}`,
    "",
  ].join("\n");
}

test.use({ storageState: EDITOR_STATE });

test("a multi-file upload with refused files triages the rest, names each refusal, and keeps only what its inputs read", async ({ page, request }) => {
  const host = `hostile-${RUN}`;
  const form = new FormData();
  form.append("file", blobOf(skbLog(host)), "messages");
  form.append("file", blobOf(binaryBytes()), "core.bin");
  // 64 MB of zeros: a few dozen KB of gzip past the ratio cap.
  form.append("file", blobOf(gzipSync(Buffer.alloc(64 * 1024 ** 2), { level: 9 })), "bomb.gz");
  // Python's zipfile writes no file type in the Unix mode: still a file.
  const zip = zipSync({ "node/var/log/kern.log": [new TextEncoder().encode(hungTaskLog(host)), { os: 3, attrs: (0o600 << 16) >>> 0 }] } as Zippable);
  form.append("file", blobOf(zip), "collect.zip");
  form.append("file", blobOf(""), "empty.log");
  if (VMCORE_DIR) {
    // The text ring is stored last: cut there, no record of the log is left.
    const dump = readFileSync(path.join(VMCORE_DIR, "deb12-6.1-sysrq-panic", "vmcore-mini.kdump-zlib"));
    form.append("file", blobOf(dump.subarray(0, 38548)), "vmcore");
  }
  const created = await request.post("/api/incidents", { multipart: form });
  expect(created.status(), await created.text()).toBe(201);
  const { id, refused } = (await created.json()) as { id: string; refused: { name: string; message: string }[] };
  // The answer says what was not read, so an API client knows the incident covers part of what it sent.
  expect(refused.map((r) => r.name).sort()).toEqual(["bomb.gz", "core.bin", ...(VMCORE_DIR ? ["vmcore"] : [])].sort());
  const incident = (await (await request.get(`/api/incidents/${id}`)).json()) as {
    inputs: { name: string; lines: number; error?: string }[];
    findings: { title: string }[];
  };
  const byName = new Map(incident.inputs.map((i) => [i.name, i]));
  expect(byName.get("messages")?.error).toBeUndefined();
  expect(byName.get("core.bin")?.error).toMatch(/binary/);
  expect(byName.get("bomb.gz")?.error).toMatch(/decompression bomb/);
  expect(byName.get("collect.zip:node/var/log/kern.log")?.lines).toBeGreaterThan(0);
  if (VMCORE_DIR) expect(byName.get("vmcore")?.error).toMatch(/none of the kernel log's \d+ records could be read/);
  expect(byName.has("empty.log")).toBe(false);
  const titles = incident.findings.map((f) => f.title).join("\n");
  expect(titles).toMatch(/skb_segment/);
  expect(titles).toMatch(/hung/i);

  // Every stored file is one an input reads (the zip's and the dump's text were extracted; they are gone).
  expect(readdirSync(uploadDir(id))).toHaveLength(incident.inputs.length);

  await page.goto(`/incidents/${id}`);
  const files = page.getByTestId("raw-files");
  await expect(files.locator("li").filter({ hasText: "core.bin" })).toContainText("binary");
  await expect(files.locator("li").filter({ hasText: "bomb.gz" })).toContainText("decompression bomb");
  await expect(page.getByTestId("finding").filter({ hasText: "skb_segment" }).first()).toBeVisible();
});

test("an upload whose every file is refused fails with each reason and leaves no file behind; an oversized one too", async ({ request }) => {
  const before = storedUploads();
  const form = new FormData();
  form.append("file", blobOf(binaryBytes()), "core.bin");
  form.append("file", blobOf(gzipSync(Buffer.alloc(64 * 1024 ** 2), { level: 9 })), "bomb.gz");
  const refused = await request.post("/api/incidents", { multipart: form });
  expect(refused.status()).toBe(422);
  const { message } = await refused.json();
  expect(message).toMatch(/core\.bin.*binary/);
  expect(message).toMatch(/bomb\.gz.*decompression bomb/);

  // A log part then a part past MAX_UPLOAD_BYTES (56 MB in e2e): 413, and the first part is not kept either.
  const big = new FormData();
  big.append("file", blobOf(skbLog(`big-${RUN}`)), "messages");
  big.append("file", blobOf(Buffer.alloc(60 * 1024 ** 2, 0x61)), "huge.log");
  const tooBig = await request.post("/api/incidents", { multipart: big });
  expect(tooBig.status()).toBe(413);
  expect(storedUploads()).toBe(before);
  // The server still answers while and after refusing.
  expect((await request.get("/api/incidents")).status()).toBe(200);
});

/** One request on `agent`: its status and Connection header, or the error that ended it. */
function onAgent(agent: http.Agent, method: string, url: string, headers: Record<string, string>, body?: Buffer): Promise<{ status?: number; connection?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, connection: res.headers.connection }));
    });
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    // Far below the server's keep-alive timeout (65 s), which a request queued behind a half-read upload waited out.
    req.setTimeout(20_000, () => req.destroy(new Error("no answer in 20 s")));
    req.end(body);
  });
}

test("a keep-alive client's next request after a refused oversized upload is answered on the same connection", async ({ request, baseURL }) => {
  const { cookies } = await request.storageState();
  const headers = { Origin: new URL(baseURL!).origin, Cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
  // One socket: the GET can only go where the upload went, as a client's pooled connection does.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const boundary = `oopscope-${RUN}`;
  const part = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(part("messages") + skbLog(`socket-${RUN}`) + "\r\n" + part("huge.log")), Buffer.alloc(60 * 1024 ** 2, 0x61), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const refused = await onAgent(agent, "POST", `${baseURL}/api/incidents`, { ...headers, "Content-Type": `multipart/form-data; boundary=${boundary}` }, body);
  // The server reads and drops the rest of the refused body: the client finishes, reads the 413, and reuses the socket.
  expect(refused).toMatchObject({ status: 413, connection: "keep-alive" });
  expect(await onAgent(agent, "GET", `${baseURL}/api/incidents`, headers)).toMatchObject({ status: 200 });
  agent.destroy();
});

test("log text with HTML, Markdown and terminal escapes is text on the page and in the Markdown export", async ({ page, request }) => {
  const tag = `markup-${RUN}`;
  const res = await request.post("/api/incidents", { data: hostileLog(tag), headers: { "X-Filename": "<b>hostile</b>.log", "Content-Type": "text/plain" } });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = await res.json();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`/incidents/${id}`);
  const finding = page.getByTestId("finding").filter({ hasText: "<script>alert(" }).first();
  await expect(finding).toBeVisible();
  await expect(finding).toContainText("<img src=x onerror=alert(");
  await expect(finding).toContainText("[click](http://evil.example/x)");
  // No element came out of the log text.
  await expect(page.locator('main img[src="x"], main script:not([src]):not([nonce]), main svg[onload], main b:text("bold")')).toHaveCount(0);
  await expect(page.locator('main a[href^="http://evil.example"], main a[href^="javascript:"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);

  const md = await (await request.get(`/api/incidents/${id}/export.md`)).text();
  const outsideFences = md.replace(/^(`{3,})\n[\s\S]*?\n\1$/gm, "");
  expect(outsideFences).toContain("\\<script\\>");
  expect(outsideFences).not.toMatch(/(?<!\\)[[<]|[a-z]:\/\/evil|(?<!\\)@/i);
  expect(md).not.toContain("\u001b");
});

test("lines over the line cap are named on the incident page and in the JSON, with how many were cut", async ({ page, request }) => {
  const host = `longline-${RUN}`;
  // A minified blob on one line, far from any crash: no scan window holds it, and it was cut without a word.
  const lines = skbLog(host).split("\n");
  lines.splice(1, 0, `Aug 16 00:00:01 ${host} app: ${"q".repeat(300_000)}`, `Aug 16 00:00:02 ${host} app: ${"r".repeat(20_000)}`);
  const created = await request.post("/api/incidents", { data: lines.join("\n"), headers: { "X-Filename": "messages", "Content-Type": "text/plain" } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const incident = (await (await request.get(`/api/incidents/${id}`)).json()) as { inputs: { truncatedLines: number }[]; warnings?: { stage: string; message: string }[] };
  expect(incident.inputs[0].truncatedLines).toBe(2);
  expect(incident.warnings?.map((w) => w.message)).toContainEqual(expect.stringMatching(/^2 lines longer than 16,384 characters were cut to 16,384; the rest of each was not read/));
  await page.goto(`/incidents/${id}`);
  await expect(page.getByTestId("engine-warning")).toContainText("2 lines longer than 16,384 characters were cut to 16,384");
});
