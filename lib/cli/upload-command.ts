/**
 * `oopscope upload --server URL [--token T] FILE...`: sends files to an oopscope server as one incident, and prints
 * its permalink. A crash dump is read here, on the node: only its kernel log and crash facts are sent (a few hundred
 * KB in place of gigabytes), in the vmcore-extract format the server recognises. Logs and archives go as they are.
 */
import { openAsBlob } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatVmcoreExtract } from "../engine/vmcore/vmcore-extract-file";
import { extractVmcoreFiles, isVmcoreFile } from "../server/inputs/read-vmcore-inputs";

const UPLOAD_USAGE = "  oopscope upload --server URL [--token oops_…] FILE...";

type Part = { name: string; blob: Blob };

export async function runUploadCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { server: { type: "string" }, token: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const server = values.server ?? process.env.OOPSCOPE_SERVER;
  if (values.help || !server || positionals.length === 0) {
    process.stderr.write(`usage:\n${UPLOAD_USAGE}\n  (or OOPSCOPE_SERVER / OOPSCOPE_TOKEN in the environment)\n`);
    return values.help ? 0 : 1;
  }
  if (!URL.canParse(server)) {
    process.stderr.write(`oopscope: --server ${server}: not a URL\n`);
    return 1;
  }
  const dumps: string[] = [];
  const parts: Part[] = [];
  for (const file of positionals) {
    if (await isVmcoreFile(file)) dumps.push(file);
    else {
      try {
        parts.push({ name: path.basename(file), blob: await openAsBlob(file) });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (!code) throw e;
        process.stderr.write(`oopscope: ${file}: ${code}\n`);
        return 2;
      }
    }
  }
  let status = 0;
  for (const { names, extract } of await extractVmcoreFiles(dumps.map((d) => ({ path: d, name: path.basename(d) })))) {
    const name = names.join(" + ");
    for (const w of extract.warnings) process.stderr.write(`oopscope: ${name}: warning: ${w}\n`);
    if (extract.error) {
      process.stderr.write(`oopscope: ${name}: ${extract.error}\n`);
      status = 2;
    }
    const bytes = formatVmcoreExtract({ name, vmcore: { facts: extract.facts, warnings: extract.warnings, ...(extract.error ? { error: extract.error } : {}) }, text: extract.text });
    parts.push({ name: `${name}.vmcore-extract`, blob: new Blob([bytes]) });
  }
  const form = new FormData();
  for (const p of parts) form.append("file", p.blob, p.name);
  const token = values.token ?? process.env.OOPSCOPE_TOKEN;
  const response = await fetch(new URL("/api/incidents", server), {
    method: "POST",
    body: form,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const body = (await response.json().catch((e: unknown) => {
    // A proxy's HTML error page is no JSON: the status line says enough. A body cut off in transit is not that.
    if (!(e instanceof SyntaxError)) throw e;
    return {};
  })) as { url?: string; statusUrl?: string; error?: string; message?: string; refused?: { name: string; message: string }[] };
  if (!response.ok || !body.url) {
    process.stderr.write(`oopscope: the server answered ${response.status}: ${body.message ?? body.error ?? response.statusText}\n`);
    return 2;
  }
  // 202: stored and queued; the server's workers triage it. Wait for the answer the synchronous upload gave.
  if (response.status === 202 && body.statusUrl) {
    const settled = await waitForTriage(new URL(body.statusUrl, server), token);
    if (settled.status === "failed") {
      process.stderr.write(`oopscope: the server could not triage the upload: ${settled.message ?? settled.error ?? "failed"}\n`);
      return 2;
    }
  }
  // Triaged, but not all of it: say what was not read (exit 2, as `oopscope triage` does for a refused input).
  for (const r of body.refused ?? []) process.stderr.write(`oopscope: ${r.name}: not read: ${r.message}\n`);
  if (body.refused?.length) status = 2;
  process.stdout.write(`${new URL(body.url, server).href}\n`);
  return status;
}

type UploadStatusAnswer = { status: string; error?: string; message?: string };

/** Long-polls the upload's status (`?wait=`) until it is done or failed. */
async function waitForTriage(statusUrl: URL, token: string | undefined): Promise<UploadStatusAnswer> {
  statusUrl.searchParams.set("wait", "60");
  for (;;) {
    const res = await fetch(statusUrl, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    const answer = (await res.json().catch((e: unknown) => {
      // A proxy's HTML error page is no JSON: the status says enough. A body cut off in transit is not that.
      if (!(e instanceof SyntaxError)) throw e;
      return { status: "failed", message: `HTTP ${res.status}` };
    })) as UploadStatusAnswer;
    if (!res.ok) return { status: "failed", message: answer.message ?? `the status check answered HTTP ${res.status}` };
    if (answer.status === "done" || answer.status === "failed") return answer;
    process.stderr.write(`oopscope: upload ${answer.status}…\n`);
  }
}
