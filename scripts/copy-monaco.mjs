// Serves Monaco from our own origin: copies node_modules/monaco-editor/min/vs to public/monaco-vs (not committed).
import { cpSync, existsSync, mkdirSync } from "node:fs";
const src = "node_modules/monaco-editor/min/vs";
if (existsSync(src)) {
  mkdirSync("public", { recursive: true });
  cpSync(src, "public/monaco-vs", { recursive: true });
}
