/**
 * A vmcore's kernel log and crash facts, extracted on the node (`oopscope upload`), as one small text file: a magic
 * line, one JSON line (name, facts, warnings, error), then the log exactly as `oopscope dmesg` prints it. The server
 * recognises it by its magic and reads it as the dump itself would have been read, so a 5 GB dump never crosses the
 * network. The JSON comes from a client: it is validated, and anything unexpected refuses the file.
 */
import { z } from "zod";
import type { VmcoreInput } from "../types";
import { VMCORE_EXTRACT_MAGIC } from "./vmcore-extract-magic";

export { VMCORE_EXTRACT_MAGIC };
/** The JSON line's limit: facts hold at most a few CPUs' registers. */
export const MAX_EXTRACT_HEADER_BYTES = 256 * 1024;

const hex = z.string().max(64);
const factsSchema = z
  .object({
    format: z.enum(["elf", "kdump", "kdump-flattened"]),
    parts: z.number().int().min(1).max(256),
    dumpBytes: z.number().int().min(0).optional(),
    release: z.string().max(200).optional(),
    version: z.string().max(400).optional(),
    machine: z.string().max(64).optional(),
    nodename: z.string().max(256).optional(),
    crashTime: z.string().max(64).optional(),
    pageSize: z.number().int().positive().optional(),
    dumpLevel: z.number().int().min(0).max(31).optional(),
    headerVersion: z.number().int().optional(),
    compression: z.array(z.string().max(16)).max(8).optional(),
    incomplete: z.boolean().optional(),
    kernelOffset: hex.optional(),
    physBase: hex.optional(),
    buildId: z.string().max(128).optional(),
    printk: z.enum(["lockless", "legacy", "plain"]).optional(),
    records: z.number().int().min(0).optional(),
    lostRecords: z.number().int().min(0).optional(),
    cpus: z
      .array(z.object({ index: z.number().int().min(0), pid: z.number().int(), registers: z.record(z.string().max(16), hex) }).strict())
      .max(64)
      .optional(),
    cpuCount: z.number().int().min(0).optional(),
  })
  .strict();

const headerSchema = z
  .object({
    name: z.string().min(1).max(1024),
    facts: factsSchema,
    warnings: z.array(z.string().max(2000)).max(200),
    error: z.string().max(2000).optional(),
  })
  .strict();

export type VmcoreExtractFile = { name: string; vmcore: VmcoreInput; text: string };

/** The file for one extracted dump (`text` is the log, ASCII: makedumpfile escapes every other byte). */
export function formatVmcoreExtract({ name, vmcore, text }: VmcoreExtractFile): Uint8Array<ArrayBuffer> {
  const header = JSON.stringify({ name, facts: vmcore.facts, warnings: vmcore.warnings, ...(vmcore.error ? { error: vmcore.error } : {}) });
  return new TextEncoder().encode(`${VMCORE_EXTRACT_MAGIC}${header}\n${text}`);
}

/** Reads the file back; `error` says why it is refused. */
export function parseVmcoreExtract(bytes: Uint8Array): VmcoreExtractFile | { error: string } {
  const magic = new TextEncoder().encode(VMCORE_EXTRACT_MAGIC);
  const headerEnd = bytes.indexOf(0x0a, magic.length);
  if (headerEnd < 0 || headerEnd - magic.length > MAX_EXTRACT_HEADER_BYTES) return { error: "its facts line is missing or too long" };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(magic.length, headerEnd)));
  } catch (e) {
    // Only a syntax error is the input's fault; anything else is a bug and must surface.
    if (!(e instanceof SyntaxError)) throw e;
    return { error: `its facts line is not JSON (${e.message})` };
  }
  const header = headerSchema.safeParse(json);
  if (!header.success) return { error: `its facts line is not valid: ${header.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` };
  const { name, facts, warnings, error } = header.data;
  return { name, vmcore: { facts, warnings, ...(error ? { error } : {}) }, text: new TextDecoder("latin1").decode(bytes.subarray(headerEnd + 1)) };
}
