import { describe, expect, it } from "vitest";
import { isRematchSettled, rematchStatusText, type RematchJobView } from "./rematch-status-text";

const job = (over: Partial<RematchJobView>): RematchJobView => ({ id: "j", status: "queued", done: 0, total: 0, ...over });

describe("rematchStatusText", () => {
  it("follows the job from queued to done", () => {
    expect(rematchStatusText(job({}))).toBe("Re-matching stored incidents against the changed KB: queued.");
    expect(rematchStatusText(job({ status: "running" }))).toBe("Re-matching stored incidents…");
    expect(rematchStatusText(job({ status: "running", total: 37 }))).toBe("Re-matching 37 incidents…");
    expect(rematchStatusText(job({ status: "running", total: 1200, done: 37 }))).toBe("Re-matching 1,200 incidents… 37 done");
    expect(rematchStatusText(job({ status: "done", result: { incidents: 37, changed: 1, skipped: ["x"] } }))).toBe(
      "Re-matched 37 incidents: done, 1 changed; 1 unreadable, skipped.",
    );
    expect(rematchStatusText(job({ status: "done", result: { incidents: 1, changed: 0, skipped: [] } }))).toBe("Re-matched 1 incident: done, 0 changed.");
  });

  it("names a failure's reason, and counts only done and failed as settled", () => {
    expect(rematchStatusText(job({ status: "failed", error: "database gone" }))).toBe("Re-matching stored incidents failed: database gone.");
    expect(["queued", "running", "done", "failed"].map((status) => isRematchSettled(job({ status: status as RematchJobView["status"] })))).toEqual([false, false, true, true]);
  });
});
