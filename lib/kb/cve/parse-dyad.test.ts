import { describe, expect, it } from "vitest";
import { isMainlineVersion, parseDyad } from "./parse-dyad";

describe("parseDyad", () => {
  it("reads vulnerable:fixed pairs, skipping comments and treating 0 as unknown", () => {
    const text = [
      "# dyad version: 1.2.0",
      "# \tgetting vulnerable:fixed pairs for git id 7104ba0f",
      "3.7:657b306a7bdfca4ae1514b533a0e7c3c6d26dbc6:6.1.78:0430bfcd46657d9116a26cd377f112cbc40826a4",
      "4.14.189:39e0651cac9c80865b2838f297f95ffc0f34a1d8:0:0",
      "0:0:6.10:8ee1b439b1540ae543149b15a2a61b9dff937d91",
      "",
    ].join("\n");
    expect(parseDyad(text)).toEqual([
      {
        introducedVersion: "3.7",
        introducedCommit: "657b306a7bdfca4ae1514b533a0e7c3c6d26dbc6",
        fixedVersion: "6.1.78",
        fixedCommit: "0430bfcd46657d9116a26cd377f112cbc40826a4",
      },
      { introducedVersion: "4.14.189", introducedCommit: "39e0651cac9c80865b2838f297f95ffc0f34a1d8" },
      { fixedVersion: "6.10", fixedCommit: "8ee1b439b1540ae543149b15a2a61b9dff937d91" },
    ]);
  });

  it("never throws on junk", () => {
    expect(parseDyad(undefined)).toEqual([]);
    expect(parseDyad("a:b\n0:0:0:0\n:::\nx:y:z:w")).toEqual([]);
  });

  it("tells mainline releases from stable ones", () => {
    expect(isMainlineVersion("6.8")).toBe(true);
    expect(isMainlineVersion("6.1.78")).toBe(false);
  });
});
