/**
 * Test cases for the knowledge base read from the two log corpora: `testdata/kb/<id>.log` (one composed log per
 * curated entry, headers `KB:`, `VERDICT:`, `FIXED-IN:`) and `testdata/real/<class>/*.log` (real public logs with
 * `EXPECT:` lines written from the thread's conclusion; see testdata/real/README.md). Node-only (reads files).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export type KbCase = { file: string; kbId: string; verdict?: string; fixedIn?: string; log: string };

export type RealExpect = { kind: string; title?: string; kb?: string; kbProposed?: string; release?: string };
export type RealCase = {
  /** Path relative to the real-corpus root (`hung-task/gh-containerd-containerd-5325.log`). */
  rel: string;
  /** Held-out third: SHA-1 of `rel`, first byte < 86. Rules are never tuned on these. */
  heldOut: boolean;
  distro?: string;
  expects: RealExpect[];
  log: string;
};

/** Header lines (`NAME: value`) up to the first blank line, then the log. */
function splitHeader(text: string): { fields: [string, string][]; log: string } {
  const normalized = text.replace(/\r\n/g, "\n");
  const blank = normalized.indexOf("\n\n");
  const header = blank === -1 ? normalized : normalized.slice(0, blank);
  const fields: [string, string][] = [];
  for (const line of header.split("\n")) {
    const m = /^([A-Z-]+):\s*(.*)$/.exec(line);
    if (m) fields.push([m[1], m[2].trim()]);
  }
  return { fields, log: blank === -1 ? "" : text.slice(text.indexOf("\n\n") + 2) };
}

export function readKbCase(dir: string, file: string): KbCase {
  const { fields, log } = splitHeader(readFileSync(path.join(dir, file), "utf8"));
  const get = (k: string) => fields.find(([n]) => n === k)?.[1];
  return { file, kbId: get("KB") ?? "", verdict: get("VERDICT"), fixedIn: get("FIXED-IN"), log };
}

export function isHeldOut(rel: string): boolean {
  return createHash("sha1").update(rel).digest()[0] < 86;
}

function parseExpect(value: string): RealExpect | undefined {
  if (/^none\b/.test(value)) return undefined;
  const out: Record<string, string> = {};
  for (const part of value.split(" | ")) {
    const eq = part.indexOf("=");
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  if (!out.kind) return undefined;
  return { kind: out.kind, title: out.title, kb: out.kb, kbProposed: out["kb-proposed"], release: out.release };
}

/** Every `*.log` under `root` (recursively), in path order. A missing root gives no cases. */
export function readRealCases(root: string): RealCase[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      // No corpus checked out is "nothing to run"; an unreadable one must fail the tests that read it.
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
      throw e;
    }
    for (const n of names) {
      const p = path.join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith(".log")) files.push(p);
    }
  };
  walk(root);
  return files.map((p) => {
    const rel = path.relative(root, p).split(path.sep).join("/");
    const { fields, log } = splitHeader(readFileSync(p, "utf8"));
    const expects = fields.filter(([k]) => k === "EXPECT").map(([, v]) => parseExpect(v)).filter((e): e is RealExpect => !!e);
    return { rel, heldOut: isHeldOut(rel), distro: fields.find(([k]) => k === "DISTRO")?.[1], expects, log };
  });
}
