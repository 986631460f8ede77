import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", "public/monaco-vs/**", "data/**", "bench-out/**", "dist/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // The engine is pure: no framework, no database, no file system (ARCHITECTURE.md).
    files: ["lib/engine/**/*.ts", "lib/kb/schema.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react-dom", "@prisma/*", "**/generated/**", "node:fs", "fs", "**/server/**"], message: "lib/engine stays pure and framework-free." },
          ],
        },
      ],
    },
  },
  { rules: { "@typescript-eslint/no-explicit-any": "error" } },
  // CommonJS on purpose (scripts/cli-bundle.cjs: what bin/oopscope loads before any ES module).
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
];
export default config;
