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

  it("an empty input is called empty in the CLI's words; inputs that were all refused are not called empty", () => {
    const empty = incident(undefined);
    empty.inputs[0] = { ...empty.inputs[0], lines: 0, bytes: 0, decodedBytes: 0 };
    expect(formatIncidentText(empty, { color: false })).toContain("The input is empty: it holds no log text.");
    const refused = incident(undefined);
    refused.inputs[0] = { ...refused.inputs[0], lines: 0, error: "vmcore: a truncated ELF vmcore" };
    const bomb = incident(undefined);
    bomb.inputs = [];
    bomb.sources = [{ name: "b.zip", kind: "archive", format: "zip", inputs: [], skipped: [], warnings: [], error: "Refusing b.zip: a decompression bomb." }];
    for (const text of [formatIncidentText(refused, { color: false }), formatIncidentText(bomb, { color: false })]) {
      expect(text).toContain("Nothing was read: every input was refused");
      expect(text).not.toMatch(/empty|upload/i);
    }
  });

  it("lists the engine's warnings with stage, file:line and message, cleaned of terminal escapes", () => {
    const withWarnings = incident(undefined);
    withWarnings.warnings = [
      { stage: "report", source: { file: "messages", line: 120 }, message: "Error: rule exploded" },
      { stage: "window", source: { file: "messages", line: 40, endLine: 95 }, message: "TypeError: x\x1b[2J is undefined" },
    ];
    const lines = formatIncidentText(withWarnings, { color: false }).split("\n");
    const at = lines.findIndex((l) => l.startsWith("Engine warnings (2)"));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3)).toEqual(["  report at messages:120: Error: rule exploded", "  window at messages:40-95: TypeError: x[2J is undefined"]);
    expect(formatIncidentText(incident(undefined), { color: false })).not.toContain("Engine warnings");
  });

  it("shows at most ten warnings and counts the rest", () => {
    const many = incident(undefined);
    many.warnings = Array.from({ length: 13 }, (_, i) => ({ stage: "report" as const, source: { file: "m", line: i + 1 }, message: "boom" }));
    const text = formatIncidentText(many, { color: false });
    expect(text.match(/^ {2}report at m:\d+: boom$/gm)).toHaveLength(10);
    expect(text).toContain("… and 3 more (see --json)");
  });
});
