import { afterEach, describe, expect, it, vi } from "vitest";
import { deliverWebhook } from "./deliver-webhook";

const noSleep = async () => undefined;

afterEach(() => vi.restoreAllMocks());

describe("deliverWebhook", () => {
  it("records a network failure and a timeout, retrying each attempt", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const failures = [new TypeError("fetch failed"), new DOMException("The operation timed out.", "TimeoutError")];
    let calls = 0;
    const fetchImpl = (async () => {
      throw failures[calls++ % failures.length];
    }) as unknown as typeof fetch;
    const d = await deliverWebhook({ url: "https://hooks.example/x", body: { a: 1 }, summary: "s", maxAttempts: 3, fetchImpl, sleep: noSleep });
    expect(calls).toBe(3);
    expect(d).toMatchObject({ ok: false, attempts: 3, error: "fetch failed", target: "hooks.example" });
  });

  it("lets an error that is no failed delivery propagate instead of recording it as one", async () => {
    const fetchImpl = (async () => {
      throw new RangeError("a bug of ours");
    }) as unknown as typeof fetch;
    await expect(deliverWebhook({ url: "https://hooks.example/x", body: {}, summary: "s", fetchImpl, sleep: noSleep })).rejects.toThrow(RangeError);
  });

  it("refuses a body that cannot be serialised before any attempt", async () => {
    const fetchImpl = vi.fn();
    await expect(deliverWebhook({ url: "https://hooks.example/x", body: { n: 1n }, summary: "s", fetchImpl: fetchImpl as unknown as typeof fetch, sleep: noSleep })).rejects.toThrow(TypeError);
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
