/**
 * VMCOREINFO: the `KEY=VALUE` lines the kernel exports for dump tools (Documentation/admin-guide/kdump/
 * vmcoreinfo.rst). Symbols are hex virtual addresses (already KASLR-relocated), offsets and sizes decimal, and
 * `NUMBER(x)` signed decimal (`NUMBER(phys_base)` is negative under KASLR; QEMU misreads it as hex).
 */
export type Vmcoreinfo = {
  raw: Map<string, string>;
  symbol(name: string): bigint | undefined;
  offset(member: string): number | undefined;
  size(struct: string): number | undefined;
  length(name: string): number | undefined;
  number(name: string): bigint | undefined;
  get(key: string): string | undefined;
};

function parseHex(v: string | undefined): bigint | undefined {
  if (v === undefined || !/^(0x)?[0-9a-f]{1,16}$/i.test(v.trim())) return undefined;
  return BigInt("0x" + v.trim().replace(/^0x/i, ""));
}

function parseDec(v: string | undefined): number | undefined {
  if (v === undefined || !/^-?\d{1,15}$/.test(v.trim())) return undefined;
  return Number(v.trim());
}

/** `NUMBER()` values are decimal; a few arches print hex with `0x` (kimage_voffset). */
function parseNumber(v: string | undefined): bigint | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (/^-?\d{1,20}$/.test(t)) return BigInt(t);
  if (/^0x[0-9a-f]{1,16}$/i.test(t)) return BigInt(t);
  return undefined;
}

export function parseVmcoreinfo(text: string): Vmcoreinfo {
  const raw = new Map<string, string>();
  for (const line of text.split("\n")) {
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    raw.set(line.slice(0, eq), line.slice(eq + 1).replace(/\0+$/, ""));
  }
  return {
    raw,
    symbol: (name) => parseHex(raw.get(`SYMBOL(${name})`)),
    offset: (member) => parseDec(raw.get(`OFFSET(${member})`)),
    size: (struct) => parseDec(raw.get(`SIZE(${struct})`)),
    length: (name) => parseDec(raw.get(`LENGTH(${name})`)),
    number: (name) => parseNumber(raw.get(`NUMBER(${name})`)),
    get: (key) => raw.get(key),
  };
}

/** KERNELOFFSET is hex without `0x`. */
export function parseKernelOffset(info: Vmcoreinfo): bigint | undefined {
  return parseHex(info.get("KERNELOFFSET"));
}
