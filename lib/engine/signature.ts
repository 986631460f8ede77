/**
 * A finding's signature: what identifies the bug across hosts, builds and boots. syzkaller buckets crashes by
 * title, and our titles already carry the guilty function with addresses, line numbers and numbered task names
 * normalised away, so the hash covers kind + title (+ component for agent panics). Pure JS (no node:crypto) so
 * the engine stays framework-free; 64-bit FNV-1a is plenty for bucketing.
 */
import type { Finding } from "./types";

export function hash64(text: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x84222325 | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 7);
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}

export function signatureOf(f: Pick<Finding, "kind" | "title" | "component">): string {
  return hash64(`${f.kind}\u0000${f.title}\u0000${f.component ?? ""}`);
}
