/**
 * Stage 2 — boots: per input, in line order (ids `b1`… across the incident), and the lookups the later stages need:
 * the boot a line belongs to (its host's last boot at or before it), all boots of a host. Binary search: thousands
 * of boots and findings in a long serial capture must not cost boots × findings.
 */
import { isoTime } from "../lines/time";
import type { RawBoot } from "../scan/scan-input";
import type { Boot } from "../types";
import type { ScannedInput } from "./ingest";
import { dropUndefined } from "./util";

export type BootAt = { boot: Boot; line: number; host: string };

export class BootIndex {
  readonly boots: Boot[] = [];
  readonly byId: Map<string, Boot>;
  /** Per input: its boots in line order. */
  readonly perFile: BootAt[][] = [];
  /** Per input: its boots per host (`""` for boots of lines without a host), in line order. */
  readonly perFileByHost: Map<string, BootAt[]>[];

  constructor(scans: readonly ScannedInput[]) {
    for (const { scan, fileName, vmcore } of scans) {
      const list: BootAt[] = [];
      const raw = [...scan.boots].sort((a, b) => a.lineNo - b.lineNo);
      // A vmcore's ring buffer holds one boot, the crashed one; when its banner was overwritten the dump still says.
      if (vmcore && !vmcore.error && raw.length === 0) raw.push({ lineNo: 1, detectedBy: "file-start" });
      for (const rb of raw) {
        const boot = toBoot(rb, fileName, this.boots.length + 1);
        if (vmcore?.facts.release) boot.kernelRelease = vmcore.facts.release;
        this.boots.push(boot);
        list.push({ boot, line: rb.lineNo, host: rb.host ?? "" });
      }
      this.perFile.push(list);
    }
    this.perFileByHost = this.perFile.map((list) => {
      const m = new Map<string, BootAt[]>();
      for (const b of list) {
        let arr = m.get(b.host);
        if (!arr) m.set(b.host, (arr = []));
        arr.push(b);
      }
      return m;
    });
    this.byId = new Map(this.boots.map((b) => [b.id, b]));
  }

  /** The boot the line at `line` of input `fileIdx` (from `host`) belongs to. */
  bootFor(fileIdx: number, host: string | undefined, line: number): Boot | undefined {
    if (!host) return lastAtOrBefore(this.perFile[fileIdx], line)?.boot;
    const own = lastAtOrBefore(this.perFileByHost[fileIdx].get(host), line);
    const anonymous = lastAtOrBefore(this.perFileByHost[fileIdx].get(""), line);
    if (own && anonymous) return own.line >= anonymous.line ? own.boot : anonymous.boot;
    return (own ?? anonymous)?.boot;
  }
}

function lastAtOrBefore(list: BootAt[] | undefined, line: number): BootAt | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}

function toBoot(rb: RawBoot, fileName: string, n: number): Boot {
  const cmd = rb.commandLine;
  const crashkernel = cmd ? /(?:^|\s)crashkernel=(\S+)/.exec(cmd)?.[1] : undefined;
  const boot: Boot = {
    id: `b${n}`,
    host: rb.host,
    kernelRelease: rb.release,
    kernelBuild: rb.build,
    banner: rb.banner,
    commandLine: cmd,
    isKdumpCapture: Boolean(cmd && /(?:^|\s)elfcorehdr=/.test(cmd)),
    crashkernel,
    startTime: isoTime(rb.time),
    source: { file: fileName, line: rb.lineNo },
    detectedBy: rb.detectedBy,
  };
  if (rb.time !== undefined && rb.previousTime !== undefined && rb.time >= rb.previousTime)
    boot.gapBeforeSec = Math.round((rb.time - rb.previousTime) / 1000);
  return dropUndefined(boot);
}

