import { describe, expect, it, vi } from "vitest";
import { discardRestOfBody } from "./discard-request-body";

vi.mock("server-only", () => ({}));

/** A streamed request body of `chunks` chunks of `size` bytes, counting what was pulled and whether it was cancelled. */
function streamedRequest(chunks: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === chunks) return controller.close();
      seen.pulled++;
      controller.enqueue(new Uint8Array(size));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  const request = new Request("http://localhost/api/incidents", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, seen };
}

describe("discardRestOfBody", () => {
  it("reads what a refusal left of the body to its end, so the client can finish and read the answer", async () => {
    const { request, seen } = streamedRequest(40, 64 * 1024);
    // The handler read a little, then refused and let go.
    const reader = request.body!.getReader();
    await reader.read();
    reader.releaseLock();
    await discardRestOfBody(request);
    expect(seen).toEqual({ pulled: 40, cancelled: false });
  });

  it("cancels a body past the bound instead of reading it all", async () => {
    const { request, seen } = streamedRequest(1000, 64 * 1024);
    await discardRestOfBody(request, 10 * 64 * 1024);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(20);
  });

  it("leaves alone a body someone else is reading, and a request without one", async () => {
    const { request, seen } = streamedRequest(5, 16);
    const reader = request.body!.getReader();
    await discardRestOfBody(request);
    expect(seen.pulled).toBeLessThanOrEqual(1);
    reader.releaseLock();
    await expect(discardRestOfBody(new Request("http://localhost/api/incidents"))).resolves.toBeUndefined();
  });
});
