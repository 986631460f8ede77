import { describe, expect, it } from "vitest";
import { formatAge } from "./format";

describe("formatAge", () => {
  const now = new Date("2026-12-02T02:00:00Z");
  it("says how long ago in the largest whole unit", () => {
    expect(formatAge(new Date(now.getTime() - 59_000), now)).toBe("59 s");
    expect(formatAge(new Date(now.getTime() - 60_000), now)).toBe("1 min");
    expect(formatAge("2026-12-01T23:00:00Z", now)).toBe("3 h");
    expect(formatAge("2026-11-29T01:00:00Z", now)).toBe("3 d");
  });
  it("reads a clock ahead of ours as just now", () => {
    expect(formatAge("2026-12-02T02:05:00Z", now)).toBe("0 s");
  });
});
