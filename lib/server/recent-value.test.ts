import { describe, expect, it } from "vitest";
import { RecentValue, sharedRecentValue } from "./recent-value";

describe("RecentValue", () => {
  it("reads once while fresh, again after forget() and after its age, and never keeps a failed read", async () => {
    let reads = 0;
    let fail = false;
    const value = new RecentValue(async () => {
      reads++;
      if (fail) throw new Error("database gone");
      return reads;
    }, 60_000);
    expect(await Promise.all([value.get(), value.get()])).toEqual([1, 1]);
    expect(reads).toBe(1);
    value.forget();
    expect(await value.get()).toBe(2);
    fail = true;
    value.forget();
    await expect(value.get()).rejects.toThrow("database gone");
    fail = false;
    expect(await value.get()).toBe(4);

    const aged = new RecentValue(async () => ++reads, 0);
    const first = await aged.get();
    expect(await aged.get()).toBe(first + 1);
  });

  it("is one value per name in the process, whichever copy of a module asks", async () => {
    const a = sharedRecentValue("test-shared", async () => "first");
    const b = sharedRecentValue("test-shared", async () => "second");
    expect(b).toBe(a);
    expect(await b.get()).toBe("first");
  });
});
