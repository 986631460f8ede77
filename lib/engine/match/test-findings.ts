/** Finding builder for matcher/recommendation tests: only what a test sets differs from an empty finding. */
import type { Finding, Frame } from "../types";

export function frames(...names: string[]): Frame[] {
  return names.map((n) => ({ function: n, reliable: true }));
}

export function makeFinding(partial: Partial<Finding> & Pick<Finding, "kind" | "title">): Finding {
  return {
    id: "f1",
    altTitles: [],
    headline: partial.title,
    frames: [],
    corrupted: false,
    panicked: false,
    source: { file: "test.log", line: 1 },
    report: [],
    signature: "sig",
    matches: [],
    ...partial,
  };
}
