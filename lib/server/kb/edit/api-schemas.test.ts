import { describe, expect, it, vi } from "vitest";
import { resolveDocument } from "./api-schemas";
import { KbEditError } from "./errors";

// A stand-in for a failure inside the parser that is not about the text (a bug, a resource error).
vi.mock("yaml", async (importOriginal) => {
  const yaml = await importOriginal<typeof import("yaml")>();
  return {
    ...yaml,
    parse: (text: string) => {
      if (text === "internal-failure") throw new TypeError("the parser broke");
      return yaml.parse(text);
    },
  };
});

describe("resolveDocument", () => {
  it("answers bad YAML and refused aliases with a bad-request naming the problem", () => {
    for (const yaml of ["id: [unclosed", "id: *nowhere"]) {
      const thrown = (() => {
        try {
          resolveDocument({ yaml });
        } catch (e) {
          return e;
        }
      })();
      expect(thrown).toBeInstanceOf(KbEditError);
      expect(thrown).toMatchObject({ code: "bad-request", message: expect.stringMatching(/^YAML: /) });
    }
    expect(resolveDocument({ yaml: "id: ok" })).toEqual({ id: "ok" });
  });

  it("lets an error that is not about the YAML text propagate", () => {
    expect(() => resolveDocument({ yaml: "internal-failure" })).toThrow(TypeError);
  });
});
