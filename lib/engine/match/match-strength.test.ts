import { describe, expect, it } from "vitest";
import { KNOWN_ISSUE_MIN_SCORE, matchStrength } from "./match-strength";

describe("matchStrength", () => {
  it("splits matches into known issues, weak candidates and related entries", () => {
    expect(matchStrength({ score: 0.84 })).toBe("known");
    expect(matchStrength({ score: KNOWN_ISSUE_MIN_SCORE })).toBe("known");
    expect(matchStrength({ score: 0.24 })).toBe("weak");
    expect(matchStrength({ score: 0 })).toBe("related");
    expect(matchStrength({ score: 0.9, related: true })).toBe("related");
  });
});
