/**
 * Web benchmark: a real browser (Debian Chromium) against `next start` on a throw-away database.
 * Measures, for a ~20 MB syslog (Monaco) and a ~40 MB one (virtualised viewer):
 *   - API: raw POST → 201 (stream to disk + triage + persist)
 *   - UI: click "Triage" → permalink rendered with the verdict
 *   - permalink cold load → verdict visible, and → log viewer showing text
 *   - "show in log" → the crash line visible in the viewer
 * Output: a table on stdout and bench-out/web.json. `BENCH_BASE_URL` uses a running server instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { startTestServer } from "../run-e2e.mjs";

const ROOT = process.cwd();
const FIXTURE = readFileSync(path.join(ROOT, "e2e", "fixtures", "messages-w01"), "utf8").split("\n");

// Background noise a node writes all day; timestamps are filled in.
const NOISE = [
  "kubelet[1432]: I0813 {t}    1432 kubelet.go:2245] \"SyncLoop (probe)\" probe=\"readiness\" status=\"ready\" pod=\"kube-system/calico-node-7x2kq\"",
  "containerd[1201]: time=\"2024-08-13T{t}Z\" level=info msg=\"ExecSync for \\\"4f1c2a\\\" returns with exit code 0\"",
  "kernel: IPVS: rr: TCP 10.96.0.10:53 - no destination available",
  "systemd[1]: run-containerd-runc-k8s.io-4f1c2a-runc.kX9p2.mount: Deactivated successfully.",
  "kernel: cali4a5f2e1b9c0: Link UP",
  "kubelet[1432]: E0813 {t}    1432 pod_workers.go:965] \"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \\\"app\\\" with CrashLoopBackOff\"",
  "audit: type=1131 audit(1723564763.611:4121): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='unit=systemd-tmpfiles-clean comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success'",
];

function syslogTime(sec: number): string {
  const h = Math.floor(sec / 3600), m = Math.floor((sec % 3600) / 60), s = Math.floor(sec % 60);
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

/** Noise from 00:00:00 up to just before the fixture's crash (15:59:23), then the fixture's crash and reboot. */
function makeLog(targetBytes: number): string {
  const crashAt = 15 * 3600 + 59 * 60 + 22;
  const tail = FIXTURE.slice(3).join("\n");
  const noiseLine = (i: number, t: string) => `Aug 13 ${t} w01 ${NOISE[i % NOISE.length].replace("{t}", `${t}.${String(i % 1_000_000).padStart(6, "0")}`)}`;
  // Times have a fixed width, so the line count can be found first and the times spread evenly after.
  let count = 0;
  for (let bytes = tail.length; bytes < targetBytes - 200; count++) bytes += noiseLine(count, "00:00:00").length + 1;
  const out = Array.from({ length: count }, (_, i) => noiseLine(i, syslogTime((i / count) * crashAt)));
  return `${out.join("\n")}\n${tail}`;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, Math.round(performance.now() - t0)];
}

async function benchSize(page: Page, baseUrl: string, label: string, bytes: number) {
  const text = makeLog(bytes);
  const file = path.join(os.tmpdir(), `oopscope-bench-${label}.log`);
  writeFileSync(file, text);
  const size = Buffer.byteLength(text);

  const [created, apiMs] = await timed(async () => {
    const r = await fetch(`${baseUrl}/api/incidents`, { method: "POST", body: text, headers: { "X-Filename": "messages" } });
    if (r.status !== 201) throw new Error(`upload failed: ${r.status} ${await r.text()}`);
    return (await r.json()) as { id: string; url: string };
  });

  await page.goto(`${baseUrl}/`);
  await page.getByTestId("file-input").setInputFiles(file);
  const [, uiMs] = await timed(async () => {
    await page.getByTestId("submit").click();
    await page.waitForURL(/\/incidents\//, { timeout: 300_000 });
    await page.getByTestId("verdict").waitFor({ timeout: 60_000 });
  });

  const viewer = bytes > 20 * 1024 * 1024 ? '[data-testid="virtual-viewer"]' : ".monaco-editor .view-lines";
  const t0 = performance.now();
  await page.goto(`${baseUrl}${created.url}`);
  await page.getByTestId("verdict").waitFor();
  const permalinkMs = Math.round(performance.now() - t0);
  await page.locator(viewer).filter({ hasText: "w01" }).first().waitFor({ timeout: 120_000 });
  const viewerMs = Math.round(performance.now() - t0);

  const [, jumpMs] = await timed(async () => {
    await page.getByTestId("show-in-log").first().click();
    await page.locator(viewer).filter({ hasText: "skbuff.c:4230" }).first().waitFor({ timeout: 60_000 });
  });
  mkdirSync(path.join(ROOT, "test-results", "screenshots"), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, "test-results", "screenshots", `bench-${label}.png`) });
  return { label, bytes: size, lines: text.split("\n").length, viewer: viewer.includes("virtual") ? "virtual" : "monaco", apiMs, uiMs, permalinkMs, viewerMs, jumpMs };
}

async function main() {
  const external = process.env.BENCH_BASE_URL;
  const srv = external ? undefined : await startTestServer({});
  const baseUrl = external ?? srv!.baseUrl;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const results = [];
    // 1M lines (~145 MB) is the "viewer on a million-line log" figure; skip it with --quick.
    const sizes: Array<[string, number]> = [["20MB", 20_000_000], ["40MB", 40_000_000]];
    if (!process.argv.includes("--quick")) sizes.push(["1M-lines", 145_000_000]);
    for (const [label, bytes] of sizes) {
      results.push(await benchSize(page, baseUrl, label, bytes));
    }
    console.table(results);
    mkdirSync(path.join(ROOT, "bench-out"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench-out", "web.json"), JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, results }, null, 2));
  } finally {
    await browser.close();
    srv?.stop();
  }
}

await main();
