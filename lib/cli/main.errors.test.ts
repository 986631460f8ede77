/** The CLI's top-level error mapper: one line and exit 1; a bug's stack is shown, a refusal's is not. */
import { describe, expect, it, vi } from "vitest";

let failure: unknown;
vi.mock("./upload-command", () => ({
  runUploadCommand: async () => {
    throw failure;
  },
}));

const { main } = await import("./main");

async function stderrOf(thrown: unknown): Promise<{ code: number; text: string }> {
  failure = thrown;
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    const code = await main(["upload"], { root: process.cwd() });
    return { code, text: stderr.mock.calls.map((c) => String(c[0])).join("") };
  } finally {
    stderr.mockRestore();
  }
}

describe("main's error mapper", () => {
  it("prints a refusal as one line", async () => {
    const r = await stderrOf(new Error("--settle must be a number of seconds"));
    expect(r).toEqual({ code: 1, text: "oopscope: --settle must be a number of seconds\n" });
    const parseArgsError = Object.assign(new TypeError("Unknown option '--bogus'"), { code: "ERR_PARSE_ARGS_UNKNOWN_OPTION" });
    expect((await stderrOf(parseArgsError)).text).toBe("oopscope: Unknown option '--bogus'\n");
  });

  it("prints a bug's stack after its message", async () => {
    const r = await stderrOf(new TypeError("Cannot read properties of undefined (reading 'findings')"));
    expect(r.code).toBe(1);
    const lines = r.text.trim().split("\n");
    expect(lines[0]).toBe("oopscope: Cannot read properties of undefined (reading 'findings')");
    expect(lines.filter((l) => /^\s+at /.test(l)).length).toBeGreaterThan(0);
  });
});
