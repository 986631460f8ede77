import { describe, expect, it } from "vitest";
import { RateLimitedError, RateLimiter } from "./rate-limiter";

describe("RateLimiter", () => {
  it("caps requests and bytes per key per minute, refilling continuously", () => {
    let now = 0;
    const limiter = new RateLimiter({ requestsPerMinute: 3, bytesPerMinute: 1000 }, () => now);
    for (let i = 0; i < 3; i++) limiter.takeRequest("a");
    expect(() => limiter.takeRequest("a")).toThrow(RateLimitedError);
    limiter.takeRequest("b");
    now += 20_000; // a third of a minute: one request back
    limiter.takeRequest("a");
    expect(() => limiter.takeRequest("a")).toThrow(RateLimitedError);

    limiter.takeBytes("a", 900);
    try {
      limiter.takeBytes("a", 400);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RateLimitedError);
      expect((e as RateLimitedError).retryAfterSeconds).toBe(18); // 300 bytes missing at 1000 a minute
    }
    now += 60_000;
    limiter.takeBytes("a", 1000);
  });
});
