/**
 * What a refused request's body still has to send, read and dropped after the answer.
 *
 * A handler that refuses an upload part-way (past a cap, a binary part) or before its first byte (auth, a bad query)
 * leaves the rest of the body on the socket. Node's server keeps the connection and pauses the request: the client
 * cannot finish sending, and a keep-alive client's next request on that connection waited out the keep-alive timeout
 * (65 s, measured: a GET after a 413 on a 60 MB upload over one pooled socket). Closing the connection with the answer
 * is worse: the client, still writing, meets a reset (EPIPE) before it reads the 413. So the rest is read and dropped
 * in the background, as HTTP servers' "lingering close" does: the client finishes, reads the answer, and the
 * connection serves its next request. Past `maxBytes` (a dump-sized body refused early) the body is cancelled,
 * which ends the connection: a client sending that much after a refusal gets no more of this server's time.
 */
import "server-only";

/** Enough for any log upload to finish after a refusal (MAX_UPLOAD_BYTES is 200 MB by default). */
export const MAX_DISCARDED_BYTES = 256 * 1024 * 1024;

/**
 * Reads what is left of `request`'s body and drops it, without waiting: the caller answers at once. A body already
 * read to its end, or being read by someone else, is left alone. Resolves when done (tests wait for it).
 */
export function discardRestOfBody(request: Request, maxBytes = MAX_DISCARDED_BYTES): Promise<void> {
  const body = request.body;
  if (!body || body.locked) return Promise.resolve();
  const reader = body.getReader();
  const drain = async () => {
    let seen = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > maxBytes) {
        await reader.cancel();
        return;
      }
    }
  };
  // The client going away mid-body is its business; the answer it no longer waits for was already given.
  return drain().catch((err: unknown) => console.warn("[oopscope] discarding a refused request's body failed:", err));
}
