import type { VmcoreFacts } from "./types";

const FORMAT_LABEL: Record<VmcoreFacts["format"], string> = {
  elf: "ELF core",
  kdump: "kdump-compressed",
  "kdump-flattened": "kdump (makedumpfile flattened)",
};

export type VmcoreFactFormatters = { bytes: (n: number) => string; time: (iso: string) => string };

/**
 * The crash-dump facts a reader is shown, as label/value rows (only those the dump had): the incident page and
 * the Markdown export list the same ones. Formatters come from the caller (the page's and the ticket's differ).
 */
export function describeVmcoreFacts(f: VmcoreFacts, format: VmcoreFactFormatters): Array<[string, string]> {
  const rows: Array<[string, string | undefined]> = [
    ["Dump size", f.dumpBytes !== undefined ? format.bytes(f.dumpBytes) : undefined],
    ["Kernel release", f.release],
    ["Build", f.version],
    ["Crash time", f.crashTime ? format.time(f.crashTime) : undefined],
    ["Format", `${FORMAT_LABEL[f.format]}${f.parts > 1 ? `, ${f.parts} split parts` : ""}${f.compression?.length ? ` (${f.compression.join(", ")})` : ""}`],
    ["Dump level", f.dumpLevel !== undefined ? String(f.dumpLevel) : undefined],
    ["Page size", f.pageSize ? String(f.pageSize) : undefined],
    ["Kernel log", f.records !== undefined ? `${f.records} records (${f.printk} printk)${f.lostRecords ? `, ${f.lostRecords} lost` : ""}` : undefined],
    ["KASLR offset", f.kernelOffset ? `0x${f.kernelOffset}` : undefined],
    ["CPUs with registers", f.cpuCount ? String(f.cpuCount) : undefined],
  ];
  return rows.filter((r): r is [string, string] => Boolean(r[1]));
}
