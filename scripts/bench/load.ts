/**
 * npm run bench:load [-- --uploads 50 --mb 5 --cpu-uploads 10] — does the web server keep answering while it triages uploads?
 * Against `next start` on 127.0.0.1 (the existing build: run `npm run build` first; this never builds) with a
 * throw-away database, it:
 *   1. times permalink GETs of a stored incident on an idle server (the baseline), with the server's CPU per GET;
 *   1b. sends `--cpu-uploads` concurrent uploads with no page loads: the server's own CPU per upload (the triage runs
 *      in other processes);
 *   2. sends `--uploads` concurrent uploads of a `--mb` MB busy-node log (perf-profiles.ts) and, while they run,
 *      GETs the permalink one request after another: p50/p99/max of those GETs, the uploads' statuses and wall time;
 *   3. times one 20 MB busy log from the upload's first byte to its permalink's HTML.
 * OOPSCOPE_TRIAGE_WORKERS=0 in the environment runs triage on the server's thread (as before the worker pool), for
 * comparison. `BENCH_BASE_URL` uses a running server instead (to profile it, for example). OOPSCOPE_DEBUG_TIMING=1 makes
 * the server log where each upload's and page's time goes and its event loop delay every 5 s (lib/server/debug-timing.ts). Target (issue 11): permalink p99 ≤ 300 ms during the uploads; 20 MB upload → permalink ≤ 1 s.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureProfile } from "./perf-profiles";
import { startTestServer } from "../run-e2e.mjs";

const { values } = parseArgs({
  options: {
    uploads: { type: "string", default: "50" },
    mb: { type: "string", default: "5" },
    "cpu-uploads": { type: "string", default: "10" },
    out: { type: "string", default: "bench-out" },
  },
});
const uploads = Number(values.uploads);
const dir = path.resolve(values.out!);

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const summary = (xs: number[]) =>
  `p50 ${percentile(xs, 50).toFixed(0)} ms, p99 ${percentile(xs, 99).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms (${xs.length} GETs)`;

async function timedGet(url: string): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(url);
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`GET ${url}: ${r.status}`);
  return performance.now() - t0;
}

async function upload(baseUrl: string, body: Blob, name: string): Promise<{ status: number; url?: string; message?: string }> {
  // The answer waits for the triage (the benchmark times uploads to their incident), past the default 60 s.
  const r = await fetch(`${baseUrl}/api/incidents?wait=600`, { method: "POST", body, headers: { "X-Filename": name } });
  const json = (await r.json()) as { url?: string; message?: string };
  return { status: r.status, url: json.url, message: json.message };
}

/** The process listening on the server's port (`next start` serves from it; the triage processes are others). */
function listeningPid(baseUrl: string): number | undefined {
  const port = new URL(baseUrl).port;
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  return pid ? Number(pid) : undefined;
}

/** utime + stime of a process (all its threads), in ms; clock ticks are 100 Hz on Linux. */
function cpuMsOf(pid: number, statFile = `/proc/${pid}/stat`): number {
  const fields = readFileSync(statFile, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The same for the process's main thread only (its event loop; not libuv's pool nor V8's helper threads). */
const mainThreadMsOf = (pid: number) => cpuMsOf(pid, `/proc/${pid}/task/${pid}/stat`);

mkdirSync(dir, { recursive: true });
const [busyFile] = await ensureProfile("busy", dir, Number(values.mb));
const [busy20File] = await ensureProfile("busy", dir, 20);
const body = new Blob([readFileSync(busyFile)]);
const body20 = new Blob([readFileSync(busy20File)]);

const external = process.env.BENCH_BASE_URL;
const srv = external ? undefined : await startTestServer({}, { build: false });
try {
  const baseUrl: string = external ?? srv!.baseUrl;
  const mode = process.env.OOPSCOPE_TRIAGE_WORKERS === "0" ? "on the server's thread (OOPSCOPE_TRIAGE_WORKERS=0)" : "in the worker pool";
  const first = await upload(baseUrl, body, "messages");
  if (first.status !== 201 || !first.url) throw new Error(`seed upload failed: ${first.status} ${first.message}`);
  const permalink = `${baseUrl}${first.url}`;
  // Warm-up, then the idle baseline.
  for (let i = 0; i < 3; i++) await timedGet(permalink);
  const idle: number[] = [];
  const pid = listeningPid(baseUrl);
  const cpuBefore = pid ? cpuMsOf(pid) : 0;
  const mainBefore = pid ? mainThreadMsOf(pid) : 0;
  for (let i = 0; i < 40; i++) idle.push(await timedGet(permalink));
  const cpuPerGet = pid
    ? `; server CPU ${((cpuMsOf(pid) - cpuBefore) / idle.length).toFixed(0)} ms per GET (main thread ${((mainThreadMsOf(pid) - mainBefore) / idle.length).toFixed(0)})`
    : "";
  const html = await (await fetch(permalink)).text();
  console.log(`triage ${mode}; ${availableParallelism()} CPUs`);
  console.log(`permalink GET, idle server:       ${summary(idle)}${cpuPerGet}; page ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB; load ${loadavg()[0].toFixed(2)}`);
  // The page's browser then fetches the timeline's data (not kept by the browser on a first look): its cost too.
  const workbench = `${baseUrl}/api/incidents/${first.url.split("/").pop()}/workbench`;
  if (pid && (await fetch(workbench)).ok) {
    const before = cpuMsOf(pid);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) times.push(await timedGet(workbench));
    console.log(`its workbench data, idle server:  ${summary(times)}; server CPU ${((cpuMsOf(pid) - before) / times.length).toFixed(0)} ms per GET`);
  }

  // The web process's own CPU per upload (receive, store, job row, the result's save; the triage runs in other
  // processes), with no page loads meanwhile: wall times on a shared machine say little, CPU does.
  const cpuUploads = Number(values["cpu-uploads"]);
  if (pid && cpuUploads > 0) {
    const before = cpuMsOf(pid);
    const mainBefore = mainThreadMsOf(pid);
    const alone = await Promise.all(Array.from({ length: cpuUploads }, (_, i) => upload(baseUrl, body, `alone-${i}`)));
    if (alone.some((s) => s.status !== 201)) throw new Error(`upload failed: ${alone.find((s) => s.status !== 201)?.message}`);
    console.log(`${cpuUploads} × ${(body.size / 1024 ** 2).toFixed(0)} MB uploads, no page loads: server CPU ${((cpuMsOf(pid) - before) / cpuUploads).toFixed(0)} ms per upload (main thread ${((mainThreadMsOf(pid) - mainBefore) / cpuUploads).toFixed(0)})`);
  }

  const t0 = performance.now();
  const cpuDuring = pid ? cpuMsOf(pid) : 0;
  let running = true;
  const results = Promise.all(Array.from({ length: uploads }, (_, i) => upload(baseUrl, body, `messages-${i}`))).finally(() => (running = false));
  const during: number[] = [];
  while (running) during.push(await timedGet(permalink));
  const statuses = await results;
  const uploadsMs = performance.now() - t0;
  const byStatus = new Map<number, number>();
  for (const s of statuses) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
  const serverCpu = pid ? `; server CPU ${((cpuMsOf(pid) - cpuDuring) / 1000).toFixed(1)} s` : "";
  console.log(`permalink GET, during ${uploads} × ${(body.size / 1024 ** 2).toFixed(0)} MB uploads: ${summary(during)}${serverCpu}`);
  console.log(
    `uploads: ${[...byStatus].map(([s, n]) => `${n} × ${s}`).join(", ")} in ${(uploadsMs / 1000).toFixed(1)} s` +
      (statuses.some((s) => s.status !== 201) ? ` (e.g. "${statuses.find((s) => s.status !== 201)?.message}")` : ""),
  );

  const t1 = performance.now();
  const big = await upload(baseUrl, body20, "messages-20mb");
  if (big.status !== 201 || !big.url) throw new Error(`20 MB upload failed: ${big.status} ${big.message}`);
  const answered = performance.now() - t1;
  const pageMs = await timedGet(`${baseUrl}${big.url}`);
  console.log(
    `20 MB busy log, upload → permalink HTML: ${(performance.now() - t1).toFixed(0)} ms (target ≤ 1000 ms; upload answered in ${answered.toFixed(0)} ms, page ${pageMs.toFixed(0)} ms)`,
  );
  console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(" ")}; target: permalink p99 ≤ 300 ms during the uploads`);
} finally {
  await srv?.stop();
}
