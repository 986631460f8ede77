import { describe, expect, it } from "vitest";
import type { Incident } from "../engine/types";
import { evaluateExpect } from "./evaluate-expect";

/** Only what evaluateExpect reads: kind, titles and the matches. */
const finding = (title: string, matches: { kbId: string; score: number }[]) => ({ kind: "hung-task", title, altTitles: [], matches });
const incident = (...findings: ReturnType<typeof finding>[]) => ({ findings }) as unknown as Incident;

describe("evaluateExpect", () => {
  // 6.9 leds/RTNL deadlock (lore lkml): two tasks wait for RTNL (the RTNL entry fits), the holder waits on the rwsem
  const log = incident(
    finding("INFO: task hung in reg_check_chans_work", [{ kbId: "hung-task-rtnl-lock", score: 0.51 }]),
    finding("INFO: task hung in led_trigger_register", []),
  );
  it("holds a titled none-fits expectation to its own finding, not to the others of its kind", () => {
    expect(evaluateExpect(log, { kind: "hung-task", title: "INFO: task hung in led_trigger_register", kb: "none-fits" }, "none-fits").ok).toBe(true);
    expect(evaluateExpect(log, { kind: "hung-task", title: "INFO: task hung in reg_check_chans_work", kb: "none-fits" }, "none-fits").ok).toBe(false);
  });
  it("holds an untitled none-fits expectation (or one whose title no finding has) to every finding of its kind", () => {
    expect(evaluateExpect(log, { kind: "hung-task", kb: "none-fits" }, "none-fits")).toMatchObject({ ok: false, got: "hung-task-rtnl-lock 0.51" });
    expect(evaluateExpect(log, { kind: "hung-task", title: "INFO: task hung in nothing", kb: "none-fits" }, "none-fits").ok).toBe(false);
  });
  it("finds a named entry as the top match of any finding", () => {
    expect(evaluateExpect(log, { kind: "hung-task", kb: "hung-task-rtnl-lock" }, "hung-task-rtnl-lock").ok).toBe(true);
  });
});
