/** Random bearer secrets (API tokens, invitation links): only their SHA-256 is stored, so a database leak leaks none. */
import { createHash, randomBytes } from "node:crypto";

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(24).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function newId(): string {
  return randomBytes(12).toString("base64url");
}
