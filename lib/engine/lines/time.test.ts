import { describe, expect, it } from "vitest";
import { isoTime, MONTHS, monthOf } from "./time";

describe("monthOf", () => {
  it("reads every English name by its character codes, and other names as before", () => {
    for (const [name, month] of Object.entries(MONTHS)) expect(monthOf(name)).toBe(month);
    // Three ASCII letters that are no English name (lower case, another locale) go through the locale table.
    expect(monthOf("aug")).toBe(7);
    expect(monthOf("Mrz")).toBe(2);
    expect(monthOf("Ene")).toBe(0);
    expect(monthOf("Xyz")).toBe(-1);
    expect(monthOf("Août")).toBe(7);
    expect(monthOf("avril")).toBe(3);
    expect(monthOf("juli")).toBe(6);
    expect(monthOf("тра")).toBe(4);
    expect(monthOf("Лис")).toBe(10);
    expect(monthOf("8月")).toBe(7);
    // glibc's %b in more locales: Lithuanian (current with a dot, older three letters), Czech, Finnish, Turkish,
    // Swedish, Ukrainian.
    expect(monthOf("vas.")).toBe(1);
    expect(monthOf("Vas")).toBe(1);
    expect(monthOf("gruod.")).toBe(11);
    expect(monthOf("říj")).toBe(9);
    expect(monthOf("heinä")).toBe(6);
    expect(monthOf("Şub")).toBe(1);
    expect(monthOf("juli")).toBe(6);
    expect(monthOf("жов")).toBe(9);
    // Same codes shifted into other characters must not alias an English name.
    expect(monthOf("Ju\u00ee")).toBe(-1);
  });
});

describe("isoTime", () => {
  it("writes what toISOString writes, across days, years, fractions and the ends of the fast path", () => {
    const times = [1_723_564_741_882];
    let seed = 11;
    for (let k = 0; k < 3000; k++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      // Consecutive calls on one day and jumps between days, from 1970 to 2100, some with a fraction of a ms.
      times.push(k % 3 === 0 ? times[times.length - 1] + (seed % 7_200_000) : (seed / 2 ** 32) * 4.1e12 + (k % 5 === 0 ? 0.5 : 0));
    }
    times.push(0, 1, 999, 1000, 59_999, 86_399_999, 86_400_000, -1, -86_400_001, 951_782_400_000, 1_723_564_741_882.9, 253_402_300_799_999, 253_402_300_800_000, -62_198_755_200_000, 8.64e15);
    const differing = times.filter((t) => isoTime(t) !== new Date(t).toISOString());
    expect(differing).toEqual([]);
    expect(isoTime(undefined)).toBeUndefined();
    expect(isoTime(Number.NaN)).toBeUndefined();
  });
});
