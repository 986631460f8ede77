/** A rule that throws loses only its report or window, and the incident says so (`warnings`). */
import { afterEach, describe, expect, it } from "vitest";
import { PROBLEM_EVENT_RULES, type ProblemEventRule } from "./events/problem-events";
import { installThrowingSkbuffBugTitle, kbWithExplodingSkbuffEntry } from "./testing/throwing-rule";
import { triage } from "./triage";
import { input } from "./triage-test-helpers";
import { IPV6_ROUTE_MAX_SIZE } from "./versions/test-entries";

const STACKLESS_BUG = ["Aug 16 00:15:16 w01 kernel: ------------[ cut here ]------------", "Aug 16 00:15:16 w01 kernel: kernel BUG at net/core/skbuff.c:4230!"];
const ROUTE_CACHE = "Aug 16 00:20:00 w01 kernel: Route cache is full: consider increasing sysctl net.ipv6.route.max_size.";

const undo: Array<() => void> = [];
afterEach(() => {
  while (undo.length) undo.pop()!();
});

describe("triage warnings", () => {
  it("a title rule that throws skips its report, keeps the others, and is recorded with its line", async () => {
    undo.push(installThrowingSkbuffBugTitle());
    const incident = await triage([input("w.log", [...STACKLESS_BUG, ROUTE_CACHE])]);
    expect(incident.warnings).toEqual([{ stage: "report", source: { file: "w.log", line: 2 }, message: "Error: rule exploded" }]);
    expect(incident.findings.map((f) => f.kind)).toEqual(["route-cache-full"]);
    // The warning reaches the JSON document.
    expect(JSON.parse(JSON.stringify(incident)).warnings).toHaveLength(1);
  });

  it("an event rule that throws loses its window only", async () => {
    const throwing: ProblemEventRule = {
      id: "test-throwing",
      kind: "other",
      needle: "Route cache is full",
      pattern: /Route cache is full/,
      title: () => "x",
      details: () => {
        throw new TypeError("details exploded");
      },
    };
    PROBLEM_EVENT_RULES.unshift(throwing);
    undo.push(() => PROBLEM_EVENT_RULES.shift());
    const filler = Array.from({ length: 200 }, (_, i) => `Aug 16 00:10:00 w01 kernel: eth0: link up ${i}`);
    const incident = await triage([input("e.log", [...STACKLESS_BUG, ...filler, ROUTE_CACHE])]);
    expect(incident.warnings).toEqual([{ stage: "window", source: { file: "e.log", line: 173, endLine: 203 }, message: "TypeError: details exploded" }]);
    // The BUG's window closed long before: it is still found.
    expect(incident.findings.map((f) => f.title)).toEqual(["kernel BUG at net/core/skbuff.c:LINE"]);
  });

  it("a KB entry whose verdict throws leaves only its finding unmatched, and is recorded", async () => {
    const kb = kbWithExplodingSkbuffEntry([IPV6_ROUTE_MAX_SIZE]);
    const incident = await triage([input("m.log", [...STACKLESS_BUG, ROUTE_CACHE])], { kb });
    expect(incident.warnings).toEqual([{ stage: "match", source: { file: "m.log", line: 2, endLine: 3 }, message: "RangeError: fixes exploded" }]);
    expect(incident.findings.map((f) => [f.kind, f.matches.map((m) => m.kbId)])).toEqual([
      ["bug", []],
      ["route-cache-full", ["ipv6-route-max-size"]],
    ]);
  });

  it("an ordinary log has no warnings field", async () => {
    const incident = await triage([input("ok.log", STACKLESS_BUG)]);
    expect(incident.warnings).toBeUndefined();
    expect(incident.findings).toHaveLength(1);
  });
});
