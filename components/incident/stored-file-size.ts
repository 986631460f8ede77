import type { InputSummary } from "@/lib/engine/types";
import { formatBytes } from "@/components/ui/format";

/**
 * The size shown beside a stored file. A crash dump is stored as the kernel log read out of it: its own size is the
 * dump's (what was uploaded), and the text's is labelled as such.
 */
export function describeStoredSize(file: { bytes: number; compressed?: boolean }, input: InputSummary | undefined): string {
  const dumpBytes = input?.vmcore?.facts.dumpBytes;
  if (dumpBytes !== undefined) return `dump ${formatBytes(dumpBytes)}, extracted log ${formatBytes(file.bytes)}`;
  return `${formatBytes(file.bytes)}${file.compressed ? ", gzip" : ""}`;
}
