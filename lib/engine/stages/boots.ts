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
  /** Per named host: its dated boots in every input, by start time (rotated files continue each other's boots). */
  private readonly datedByHost = new Map<string, Array<{ time: number; boot: Boot; fileIdx: number }>>();

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
        if (rb.host !== undefined && rb.time !== undefined) {
          let dated = this.datedByHost.get(rb.host);
          if (!dated) this.datedByHost.set(rb.host, (dated = []));
          dated.push({ time: rb.time, boot, fileIdx: this.perFile.length });
        }
      }
      this.perFile.push(list);
    }
    for (const dated of this.datedByHost.values()) dated.sort((a, b) => a.time - b.time);
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

  /**
   * The boot the line at `line` of input `fileIdx` (from `host`, logged at `time` ms) belongs to: the host's last boot
   * at or before it in the same input; else, for a dated line of a named host, the host's last boot started at or
   * before that time in another input — `messages` continues the boot whose banner is in `messages.1`.
   */
  bootFor(fileIdx: number, host: string | undefined, line: number, time?: number): Boot | undefined {
    if (!host) return lastAtOrBefore(this.perFile[fileIdx], line)?.boot;
    const own = lastAtOrBefore(this.perFileByHost[fileIdx].get(host), line);
    const anonymous = lastAtOrBefore(this.perFileByHost[fileIdx].get(""), line);
    if (own && anonymous) return own.line >= anonymous.line ? own.boot : anonymous.boot;
    return (own ?? anonymous)?.boot ?? (time === undefined ? undefined : this.earlierInputsBoot(fileIdx, host, time));
  }

  private earlierInputsBoot(fileIdx: number, host: string, time: number): Boot | undefined {
    const dated = this.datedByHost.get(host);
    if (!dated) return undefined;
    // The input's own boots are all after the line (none was at or before it): skip those dated earlier by a clock step.
    for (let i = countAtOrBefore(dated, time, (b) => b.time) - 1; i >= 0; i--) if (dated[i].fileIdx !== fileIdx) return dated[i].boot;
    return undefined;
  }
}

/** How many items of `list` (ascending by `keyOf`) have a key at or before `value`: binary search. */
function countAtOrBefore<T>(list: readonly T[], value: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(list[mid]) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastAtOrBefore(list: BootAt[] | undefined, line: number): BootAt | undefined {
  if (!list) return undefined;
  const n = countAtOrBefore(list, line, (b) => b.line);
  return n > 0 ? list[n - 1] : undefined;
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

