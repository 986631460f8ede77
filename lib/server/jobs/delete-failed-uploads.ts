/**
 * Failed uploads keep their job row so that their permalink and API can say why (their files went when they failed).
 * After a week nobody is waiting for that answer: the rows go, as the server's maintenance runs.
 */
import type { Db } from "../db";

export const FAILED_UPLOAD_KEEP_MS = 7 * 24 * 60 * 60 * 1000;

export async function deleteFailedUploads(db: Db, { now = new Date(), keepMs = FAILED_UPLOAD_KEEP_MS }: { now?: Date; keepMs?: number } = {}): Promise<number> {
  const { count } = await db.uploadJob.deleteMany({ where: { status: "failed", finishedAt: { lt: new Date(now.getTime() - keepMs) } } });
  return count;
}
