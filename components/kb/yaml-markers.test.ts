import { describe, expect, it } from "vitest";
import { yamlMarkers } from "./yaml-markers";

const RULES = "- kind: title\n  value: kernel BUG in x\n  weight: 0.5\n- kind: message\n  pattern: '('\n  weight: 0.4\n";

describe("yamlMarkers", () => {
  it("puts a schema issue on the line of the field it names", () => {
    const [marker] = yamlMarkers(RULES, [{ path: [1, "pattern"], message: "bad regex" }]);
    expect(marker).toMatchObject({ line: 5, message: "bad regex" });
  });

  it("puts an issue about a missing field on its rule", () => {
    const [marker] = yamlMarkers(RULES, [{ path: [1, "value"], message: "needs value" }]);
    expect(marker.line).toBe(4);
  });

  it("reports YAML syntax errors with their own position", () => {
    const markers = yamlMarkers("- kind: title\n  value: [unclosed\n", []);
    expect(markers.length).toBeGreaterThan(0);
    expect(markers[0].line).toBeGreaterThanOrEqual(2);
  });
});
