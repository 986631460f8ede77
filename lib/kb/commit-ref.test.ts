import { describe, expect, it } from "vitest";
import { shortCommitRef } from "./commit-ref";

describe("shortCommitRef", () => {
  it("shortens hashes and keeps PR references whole", () => {
    expect(shortCommitRef("fa5ef655615a01533035c6139248c5b33aa27028")).toBe("fa5ef655615a");
    expect(shortCommitRef("fa5ef65")).toBe("fa5ef65");
    expect(shortCommitRef("opencontainers/runc#1921")).toBe("opencontainers/runc#1921");
  });
});
