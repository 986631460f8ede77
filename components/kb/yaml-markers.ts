/**
 * Where in the YAML text a validation problem is: YAML syntax errors carry their own position; schema issues carry
 * a path (`[2, "pattern"]`) that is looked up in the parsed document, falling back to the nearest existing parent
 * (a missing field is reported on its rule). Pure: the editor turns these into Monaco markers.
 */
import { LineCounter, parseDocument } from "yaml";

export type YamlMarker = { line: number; column: number; endLine: number; endColumn: number; message: string };
export type SchemaIssue = { path: PropertyKey[]; message: string };

export function yamlMarkers(text: string, issues: SchemaIssue[]): YamlMarker[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const at = (start: number, end: number, message: string): YamlMarker => {
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(Math.max(start, end));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col, message };
  };
  const markers: YamlMarker[] = doc.errors.map((e) => at(e.pos[0], e.pos[1], e.message));
  if (doc.errors.length > 0) return markers;
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    let placed = false;
    for (let n = path.length; n > 0 && !placed; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) {
        markers.push(at(node.range[0], node.range[1], issue.message));
        placed = true;
      }
    }
    if (!placed) markers.push({ line: 1, column: 1, endLine: 1, endColumn: 2, message: issue.message });
  }
  return markers;
}
