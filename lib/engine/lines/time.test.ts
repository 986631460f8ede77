import { describe, expect, it } from "vitest";
import { MONTHS, monthOf } from "./time";

describe("monthOf", () => {
  it("reads every English name by its character codes, and other names as before", () => {
    for (const [name, month] of Object.entries(MONTHS)) expect(monthOf(name)).toBe(month);
    // Three ASCII letters that are no English name (lower case, another locale) go through the locale table.
    expect(monthOf("aug")).toBe(7);
    expect(monthOf("Mrz")).toBe(2);
    expect(monthOf("Ene")).toBe(0);
    expect(monthOf("Xyz")).toBe(-1);
    expect(monthOf("Août")).toBe(7);
    expect(monthOf("8月")).toBe(7);
    // Same codes shifted into other characters must not alias an English name.
    expect(monthOf("Ju\u00ee")).toBe(-1);
  });
});
