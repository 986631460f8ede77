/** kdump problems the log proves, from the boots and the findings of one input (see `kdumpFindings`). */
import type { Boot, Finding } from "../types";
import { dropUndefined } from "../stages/util";

/**
 * A kdump finding and the finding it follows from. "Not armed" is read from the boot's command line (its source), but
 * it is a consequence of the panic: listed right after it, never ahead of the crash it explains (an incident's first
 * finding is its title).
 */
export type KdumpFinding = { finding: Finding; follows?: Finding };

/**
 * kdump trouble the log proves: a crash inside a kdump capture kernel (it ran out of memory or hung, so no vmcore
 * and no reboot), or a panic on a kernel booted without any `crashkernel=` reservation.
 */
export function kdumpFindings(
  fileName: string,
  findings: Finding[],
  boots: Array<{ boot: Boot; line: number; host: string }>,
): KdumpFinding[] {
  const out: KdumpFinding[] = [];
  const byBoot = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.bootId || f.kind === "kdump-failure") continue;
    let arr = byBoot.get(f.bootId);
    if (!arr) byBoot.set(f.bootId, (arr = []));
    arr.push(f);
  }
  const lastRegularBoot = new Map<string, Boot>();
  for (const { boot } of boots) {
    if (!boot.isKdumpCapture) {
      lastRegularBoot.set(boot.host ?? "", boot);
      continue;
    }
    const inCapture = byBoot.get(boot.id) ?? [];
    if (inCapture.length === 0) continue;
    const first = inCapture[0];
    const oom = inCapture.some(showsOutOfMemory);
    const prev = lastRegularBoot.get(boot.host ?? "");
    out.push({
      finding: dropUndefined({
        id: "",
        kind: "kdump-failure" as const,
        title: oom ? "kdump: capture kernel out of memory" : "kdump: capture kernel crashed",
        altTitles: [],
        type: "kdump-capture-failed",
        headline: first.headline,
        frames: [],
        corrupted: false,
        panicked: first.panicked,
        host: boot.host,
        time: first.time,
        bootId: boot.id,
        kernelRelease: boot.kernelRelease,
        source: first.source,
        report: first.report.slice(0, 40),
        signature: "",
        details: dropUndefined({
          captureKernel: boot.kernelRelease ?? "",
          crashkernel: prev?.crashkernel ?? boot.crashkernel,
          firstProblem: first.title,
        }) as Record<string, string>,
        matches: [],
      }),
    });
  }
  const bootById = new Map(boots.map((b) => [b.boot.id, b.boot]));
  for (const f of findings) {
    if (!f.panicked || f.kdumpLoaded || f.kind === "go-panic" || f.kind === "kdump-failure") continue;
    const boot = f.bootId ? bootById.get(f.bootId) : undefined;
    if (!boot || !boot.commandLine || boot.isKdumpCapture || boot.crashkernel) continue;
    out.push({
      follows: f,
      finding: {
        id: "",
        kind: "kdump-failure",
        title: "kdump: not armed",
        altTitles: [],
        type: "kdump-not-armed",
        headline: `the kernel panicked, but its command line has no crashkernel= reservation: no vmcore was taken`,
        frames: [],
        corrupted: false,
        panicked: false,
        ...(boot.host ? { host: boot.host } : {}),
        ...(f.time ? { time: f.time } : {}),
        bootId: boot.id,
        ...(boot.kernelRelease ? { kernelRelease: boot.kernelRelease } : {}),
        source: { file: fileName, line: boot.source.line },
        report: [boot.commandLine],
        signature: "",
        details: { commandLine: boot.commandLine },
        matches: [],
      },
    });
  }
  return out;
}

/** A finding that tells of memory running out (a capture kernel's crash then means its reservation was too small). */
export function showsOutOfMemory(f: Pick<Finding, "kind" | "title" | "panicMessage" | "report">): boolean {
  return f.kind === "oom" || /out of memory|deadlocked on memory|oom-killer/i.test(f.title + " " + (f.panicMessage ?? "") + " " + f.report.join(" "));
}
