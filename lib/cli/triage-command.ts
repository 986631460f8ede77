/**
 * `oopscope triage`: the CLI's main command, in a module of its own so that the other commands do not load the
 * engine and a triage loads it in few files (each ES module costs the loader ~0.5–1 ms of start-up).
 * Same engine entry point as the web app (lib/server/run-triage.ts). Exit 0 when it ran, 2 on unreadable input,
 * 1 on usage errors.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { DecompressionBudget } from "../engine/ingest/decompression-budget";
import { expandInputs, type InputSource } from "../engine/ingest/sources/expand-inputs";
import type { Incident, SourceSummary, TriageInput } from "../engine/types";
import { EMPTY_INPUT_MESSAGE } from "../schemas/messages";
import type { CliKb } from "../server/kb/load-cli-kb";
import { closeInputSources, openDirectorySource, openPathSource } from "../server/inputs/open-input-sources";
import { runTriage } from "../server/run-triage";
import { formatIncidentText } from "./format-text";
import type { MainContext } from "./main";
import { estimateInputBytes, readStdinPrefix, stdinChunks, youngCapMinBytes, type StdinPrefix } from "./young-generation-cap";

class UnreadableInput extends Error {}

/** A path (file or directory) or `-` as a source for expandInputs; missing paths are refused here. */
async function openSource(arg: string, name: string, stdin: StdinPrefix | undefined): Promise<InputSource> {
  if (arg === "-") return { kind: "file", name: "-", open: () => stdinChunks(stdin) };
  let st;
  try {
    st = statSync(arg);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e;
    throw new UnreadableInput(`oopscope: cannot read ${arg}: ${code}`);
  }
  // A directory is a copied /var/crash/<ip>-<date>/ or an unpacked sosreport: its files are picked like members.
  if (st.isDirectory()) return openDirectorySource(arg, name);
  return openPathSource(arg, name);
}

/**
 * Files opened at a time. Opening one reads its head and tail (the latest dated line): all at once, `triage
 * /var/log/*` over a thousand files or so ran out of file handles (EMFILE at the usual `ulimit -n` of 1024).
 */
const OPEN_CONCURRENCY = 16;

/** Every argument as a source, in order, a few at a time. */
async function openSources(files: string[], names: string[], stdin: StdinPrefix | undefined): Promise<InputSource[]> {
  const sources: InputSource[] = new Array(files.length);
  let next = 0;
  const openInTurn = async () => {
    while (next < files.length) {
      const i = next++;
      sources[i] = await openSource(files[i], names[i], stdin);
    }
  };
  await Promise.all(Array.from({ length: Math.min(OPEN_CONCURRENCY, files.length) }, openInTurn));
  return sources;
}

/** Archives, journals, dumps and compressed logs → text inputs; refused sources are reported and counted. */
async function expandSources(
  sources: InputSource[],
): Promise<{ inputs: TriageInput[]; summaries: SourceSummary[]; refused: boolean; decompressionBudget: DecompressionBudget }> {
  const { inputs, sources: summaries, decompressionBudget } = await expandInputs(sources);
  let refused = false;
  for (const s of summaries) {
    if (s.error) {
      refused = true;
      process.stderr.write(`oopscope: ${s.error}\n`);
    }
  }
  return { inputs, summaries, refused, decompressionBudget };
}

/** `triage [--json | --jsonl] [--no-kb] <file | dir | ->...`; `usage` is the CLI's, printed for --help. */
export async function runTriageCommand(args: string[], ctx: MainContext, usage: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, jsonl: { type: "boolean" }, "no-kb": { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help || positionals.length === 0) {
    process.stderr.write(usage + "\n");
    return values.help ? 0 : 1;
  }
  if (values.json && values.jsonl) {
    process.stderr.write("oopscope: --json and --jsonl are exclusive\n");
    return 1;
  }
  // Resolve paths before prepareDb changes the working directory.
  const files = positionals.map((p) => (p === "-" ? p : path.resolve(p)));
  const names = positionals;
  const relaunch = ctx.relaunchWithYoungGenerationCap;
  const capFrom = youngCapMinBytes();
  const stdin = relaunch && files.includes("-") ? readStdinPrefix(capFrom) : undefined;
  let sources: InputSource[];
  try {
    sources = await openSources(files, names, stdin);
  } catch (e) {
    if (e instanceof UnreadableInput) {
      process.stderr.write(e.message + "\n");
      return 2;
    }
    throw e;
  }
  if (relaunch && estimateInputBytes(sources, files, stdin, capFrom) >= capFrom) {
    await closeInputSources(sources);
    return relaunch(stdin?.chunks);
  }
  const withKb = !values["no-kb"];
  // The knowledge base is loaded only when a finding needs it; triage never creates or migrates a database.
  let loaded: Promise<CliKb> | undefined;
  const lazyKb = {
    loadKb: () =>
      (loaded ??= (async () => {
        process.chdir(ctx.root);
        const { loadCliKb } = await import("../server/kb/load-cli-kb");
        const kb = await loadCliKb();
        process.stderr.write(`oopscope: matched with ${kb.source}\n`);
        return kb;
      })()),
  };
  // An empty input (0 lines: an empty file, a gzip of nothing) is refused like the web UI refuses an empty upload.
  const emptyInputs = (inc: Incident) => inc.inputs.filter((i) => !i.error && i.lines === 0);
  const refused = (inc: Incident) => inc.inputs.some((i) => i.error) || emptyInputs(inc).length > 0;
  let status = 0;
  try {
    if (values.jsonl) {
      for (const source of sources) {
        const expanded = await expandSources([source]);
        if (expanded.refused) status = 2;
        const incident = await runTriage(expanded.inputs, { withKb, lazyKb, sources: expanded.summaries, decompressionBudget: expanded.decompressionBudget });
        process.stdout.write(JSON.stringify({ ...incident, file: source.name }) + "\n");
        if (refused(incident)) status = 2;
      }
    } else {
      const expanded = await expandSources(sources);
      if (expanded.refused) status = 2;
      const incident = await runTriage(expanded.inputs, { withKb, lazyKb, sources: expanded.summaries, decompressionBudget: expanded.decompressionBudget });
      if (values.json) process.stdout.write(JSON.stringify(incident, null, 2) + "\n");
      else process.stdout.write(formatIncidentText(incident, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
      if (refused(incident)) status = 2;
      for (const i of incident.inputs) if (i.error) process.stderr.write(`oopscope: ${i.name}: ${i.error}\n`);
      for (const i of emptyInputs(incident)) process.stderr.write(`oopscope: ${i.name}: ${EMPTY_INPUT_MESSAGE}\n`);
    }
  } finally {
    await closeInputSources(sources);
  }
  return status;
}
