/**
 * `oopscope triage` as bin/oopscope runs it from the bundle: the entry of the code-cached triage script
 * (scripts/build-cli.mjs, buildTriageScript), main.ts's dispatch of the command without main.ts, an ES module.
 */
import type { MainContext } from "./main";
import { runCommand, USAGE } from "./run-command";
import { runTriageCommand } from "./triage-command";

export function runTriage(args: string[], ctx: MainContext): Promise<number> {
  return runCommand(() => runTriageCommand(args, ctx, USAGE));
}
