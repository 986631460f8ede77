/**
 * `oopscope triage [--json|--jsonl] [--no-kb] <file|->...`, `oopscope dmesg <vmcore>... [out]` and
 * `oopscope kb list|show|seed|import-cve`, and the other commands' dispatch (each in its own module, loaded when run).
 */
import { statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runDbCommand } from "./db-command";
import { runCommand, USAGE } from "./run-command";

export type MainContext = {
  root: string;
  /**
   * Runs this command again in a node whose young generation is capped (bin/oopscope), feeding it `stdinPrefix` and
   * then the rest of stdin; absent when this process is capped already. Resolves with its exit code.
   */
  relaunchWithYoungGenerationCap?: (stdinPrefix?: Uint8Array[]) => Promise<number>;
};

/** `dmesg <vmcore>... [out]`: the last argument is the output file when it is not itself a dump. */
async function runDmesgCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { help: { type: "boolean", short: "h" } } });
  if (values.help || positionals.length === 0) {
    process.stderr.write("usage: oopscope dmesg <vmcore>... [out]   (several files: the parts of a --split dump)\n");
    return values.help ? 0 : 1;
  }
  const { isVmcoreFile, extractVmcoreFiles } = await import("../server/inputs/read-vmcore-inputs");
  let out: string | undefined;
  let dumps = positionals;
  if (positionals.length > 1 && !(await isVmcoreFile(positionals[positionals.length - 1]))) {
    out = positionals[positionals.length - 1];
    dumps = positionals.slice(0, -1);
  }
  for (const d of dumps) {
    if (!(await isVmcoreFile(d))) {
      let reason = "not a vmcore (no ELF core, KDUMP or flattened signature)";
      try {
        if (statSync(d).isDirectory()) reason = "a directory";
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (!code) throw e;
        reason = code;
      }
      process.stderr.write(`oopscope: ${d}: ${reason}\n`);
      return 2;
    }
  }
  const extracts = await extractVmcoreFiles(dumps.map((d) => ({ path: d, name: d })));
  let status = 0;
  const text = extracts.map((e) => e.extract.text).join("");
  for (const { names: parts, extract } of extracts) {
    for (const w of extract.warnings) process.stderr.write(`oopscope: warning: ${w}\n`);
    if (extract.error) {
      // Reader messages name the part they are about.
      process.stderr.write(`oopscope: ${extract.error.startsWith(parts[0]) ? "" : `${parts.join(" + ")}: `}${extract.error}\n`);
      status = 2;
    }
  }
  if (out) {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(out, text, "latin1");
  } else process.stdout.write(Buffer.from(text, "latin1"));
  return status;
}

async function prepareDb(ctx: MainContext): Promise<void> {
  process.chdir(ctx.root);
  const { ensureDatabase } = await import("../server/ensure-database");
  await ensureDatabase({ quiet: true });
}

async function runKbCommand(args: string[], ctx: MainContext): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: "boolean" }, origin: { type: "string" } },
  });
  if (sub === "import-cve") {
    if (!positionals[0]) {
      process.stderr.write("usage: oopscope kb import-cve <vulns.tar.gz | vulns.git checkout>\n");
      return 1;
    }
    const source = path.resolve(positionals[0]);
    await prepareDb(ctx);
    const { importCveRecords } = await import("../server/kb/import-cve");
    const { getDb } = await import("../server/db");
    let lastPrint = 0;
    const r = await importCveRecords({
      source,
      db: getDb(),
      onProgress: (done: number, total: number) => {
        const now = Date.now();
        if (now - lastPrint > 500 || done === total) {
          lastPrint = now;
          process.stderr.write(`\rimporting CVE records: ${done}/${total}`);
        }
      },
    });
    process.stderr.write("\n");
    process.stdout.write(JSON.stringify(r) + "\n");
    return 0;
  }
  await prepareDb(ctx);
  const { getDb } = await import("../server/db");
  const db = getDb();
  if (sub === "seed") {
    const { seedKb } = await import("../server/kb/seed-kb");
    const r = await seedKb(db);
    process.stdout.write(
      `knowledge base: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.keptTeamEdits} team-edited kept\n`,
    );
    for (const e of r.errors) process.stderr.write(`invalid entry: ${e}\n`);
    return r.errors.length > 0 ? 1 : 0;
  }
  if (sub === "list") {
    const rows = await db.kbEntry.findMany({
      where: values.origin ? { origin: values.origin } : {},
      orderBy: [{ origin: "asc" }, { id: "asc" }],
      select: { id: true, title: true, component: true, origin: true, revision: true },
    });
    if (values.json) process.stdout.write(JSON.stringify(rows) + "\n");
    else for (const r of rows) process.stdout.write(`${r.id.padEnd(40)} ${r.origin.padEnd(9)} ${r.component.padEnd(12)} ${r.title}\n`);
    return 0;
  }
  if (sub === "show") {
    const id = positionals[0];
    const row = id ? await db.kbEntry.findUnique({ where: { id } }) : null;
    if (!row) {
      process.stderr.write(`oopscope: no knowledge-base entry ${id ?? ""}\n`);
      return 1;
    }
    const doc = JSON.parse(row.document);
    if (values.json) process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
    else {
      const YAML = await import("yaml");
      process.stdout.write(YAML.stringify(doc));
    }
    return 0;
  }
  process.stderr.write(USAGE + "\n");
  return 1;
}

export async function main(argv: string[], ctx: MainContext): Promise<number> {
  const [command, ...args] = argv;
  return runCommand(async () => {
    if (command === "triage") return (await import("./triage-command")).runTriageCommand(args, ctx, USAGE);
    if (command === "dmesg") return runDmesgCommand(args);
    if (command === "upload") return (await import("./upload-command")).runUploadCommand(args);
    if (command === "kb") return runKbCommand(args, ctx);
    if (command === "db") {
      process.chdir(ctx.root);
      return runDbCommand(args);
    }
    if (command === "incidents") return (await import("./incidents-command")).runIncidentsCommand(args, () => prepareDb(ctx));
    if (command === "listen") return (await import("./listen-command")).runListenCommand(args, () => prepareDb(ctx));
    if (command === "worker") return (await import("./worker-command")).runWorkerCommand(args, ctx.root, () => prepareDb(ctx));
    process.stderr.write(USAGE + "\n");
    return command === "--help" || command === "-h" ? 0 : 1;
  });
}
