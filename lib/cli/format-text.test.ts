import { describe, expect, it } from "vitest";
import type { Incident } from "../engine/types";
import { formatIncidentText } from "./format-text";

function incident(recommendation: Incident["recommendation"]): Incident {
  return {
    schemaVersion: 1,
    inputs: [{ name: "messages", bytes: 10, decodedBytes: 10, lines: 1, compressed: false, formats: ["plain"], truncatedLines: 0, invalidUtf8Lines: 0 }],
    hosts: [],
    boots: [],
    events: [],
    findings: [],
    recommendation,
    stats: { lines: 1, bytes: 10, elapsedMs: 1 },
  } as Incident;
}

describe("formatIncidentText", () => {
  it("prints a PR reference whole and shortens only a commit hash", () => {
    const text = formatIncidentText(
      incident({
        summary: "Upgrade cilium.",
        confidence: 0.9,
        fixCommits: [{ commit: "cilium/cilium#12345", title: "fix the leak" }, { commit: "fa5ef655615a01533035c6139248c5b33aa27028" }],
        workarounds: [],
        references: [],
      }),
      { color: false },
    );
    expect(text).toContain("fix: cilium/cilium#12345 fix the leak");
    expect(text).toMatch(/fix: fa5ef655615a\s*$/m);
    expect(text).not.toContain("fa5ef655615a0");
  });

  it("an input with no lines is not reported as a clean log", () => {
    const empty = incident(undefined);
    empty.inputs[0] = { ...empty.inputs[0], lines: 0, bytes: 0, decodedBytes: 0 };
    expect(formatIncidentText(empty, { color: false })).not.toMatch(/No problems found/);
    expect(formatIncidentText(incident(undefined), { color: false })).toMatch(/No problems found/);
  });
});
