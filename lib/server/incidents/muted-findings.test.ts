import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { countMutedFindings, mutedFilterWhere } from "./muted-findings";

let env: TestDb;
const finding = (incidentId: string, signature: string, n: number) => ({ incidentId, findingId: `f${n}`, signature, title: `t${n}`, kind: "bug" });

beforeAll(async () => {
  env = await createTestDb();
  for (const id of ["all-muted", "some-muted", "none-muted", "no-findings"]) await env.db.incident.create({ data: { id, title: id, result: "{}" } });
  await env.db.findingRecord.createMany({
    data: [
      finding("all-muted", "aaaaaaaaaaaaaaaa", 1),
      finding("all-muted", "aaaaaaaaaaaaaaaa", 2),
      finding("some-muted", "aaaaaaaaaaaaaaaa", 3),
      finding("some-muted", "bbbbbbbbbbbbbbbb", 4),
      finding("none-muted", "cccccccccccccccc", 5),
    ],
  });
});
afterAll(() => env.cleanup());

const MUTED = ["aaaaaaaaaaaaaaaa"];
const ids = async (where: ReturnType<typeof mutedFilterWhere>) =>
  (await env.db.incident.findMany({ where, select: { id: true }, orderBy: { id: "asc" } })).map((i) => i.id);

describe("muted findings on the incident list", () => {
  it("counts each incident's muted findings", async () => {
    const counts = await countMutedFindings(env.db, ["all-muted", "some-muted", "none-muted", "no-findings"], MUTED);
    expect([...counts.entries()].sort()).toEqual([
      ["all-muted", 2],
      ["some-muted", 1],
    ]);
    expect((await countMutedFindings(env.db, ["all-muted"], [])).size).toBe(0);
  });

  it("filters: 'hide' keeps incidents with something not muted, 'only' those with a muted finding", async () => {
    expect(await ids(mutedFilterWhere("hide", MUTED))).toEqual(["no-findings", "none-muted", "some-muted"]);
    expect(await ids(mutedFilterWhere("only", MUTED))).toEqual(["all-muted", "some-muted"]);
  });
});
