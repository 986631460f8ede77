import { describe, expect, it, vi } from "vitest";
import { makeFinding } from "../../../engine/match/test-findings";
import { AppError } from "../../app-error";

vi.mock("server-only", () => ({}));
// Stored incidents by id: one with a finding, one missing, one whose read fails for another reason.
vi.mock("../../incidents/get-incident", () => ({
  getIncident: async (id: string) => {
    if (id === "stored") return { incident: { findings: [makeFinding({ id: "f1", kind: "bug", title: "BUG: unable to handle page fault in ip6mr_sk_done" })] } };
    if (id === "locked") throw new Error("SqliteError: database is locked");
    throw new AppError("not-found", "No incident with this id.");
  },
}));

const { draftFromIncident } = await import("./draft-from-incident");

describe("draftFromIncident", () => {
  it("pre-fills from the finding, and says why when the incident or the finding is not there", async () => {
    const filled = await draftFromIncident({ incidentId: "stored", findingId: "f1" });
    expect(filled.note).toBe("Pre-filled from “BUG: unable to handle page fault in ip6mr_sk_done”.");
    expect(filled.draft?.title).toContain("ip6mr_sk_done");
    expect(await draftFromIncident({ incidentId: "stored", findingId: "f9" })).toEqual({ note: "That finding is not in the incident; starting from an empty entry." });
    expect(await draftFromIncident({ incidentId: "gone", findingId: "f1" })).toEqual({ note: "That incident was not found; starting from an empty entry." });
  });

  it("lets a failure other than not-found propagate instead of claiming the incident was not found", async () => {
    await expect(draftFromIncident({ incidentId: "locked", findingId: "f1" })).rejects.toThrow("database is locked");
  });
});
