import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frames, makeFinding } from "../../../engine/match/test-findings";
import { createTestDb, type TestDb } from "../../test-db";
import { inlineJobQueue } from "../../jobs/inline-job-queue";
import { JOB_FUNCTIONS } from "../../jobs/job-functions";
import { LocalDirectoryStore } from "../../storage/upload-store";
import { getKbEntry, saveKbEntry } from "./kb-store";
import { linkFindingToEntry } from "./link-finding";

const finding = makeFinding({
  kind: "bug",
  title: "kernel BUG in skb_segment",
  guiltyFrame: "skb_segment",
  sourceFile: "net/core/skbuff.c",
  frames: frames("skb_segment", "tcp_gso_segment"),
});

let env: TestDb;
const jobs = () => ({ queue: inlineJobQueue({ db: env.db, store: new LocalDirectoryStore("/nonexistent"), cliPath: "", jobs: JOB_FUNCTIONS }) });
beforeAll(async () => {
  env = await createTestDb();
  await saveKbEntry(env.db, {
    document: {
      id: "team-gso-note",
      title: "GSO crash seen on our nodes",
      summary: "Written before we knew the title.",
      rootCause: "GSO partial segments.",
      component: "kernel",
      signatures: [{ kind: "guilty-frame", value: "skb_segment", weight: 0.5 }],
    },
    message: "first",
    author: "alice",
  }, jobs());
});
afterAll(() => env.cleanup());

describe("linkFindingToEntry", () => {
  it("adds only the identifying rules the entry lacks, as a revision naming the incident", async () => {
    const r = await linkFindingToEntry(env.db, { entryId: "team-gso-note", finding, incidentId: "inc123", author: "bob" }, jobs());
    expect(r.linked).toBe(true);
    if (!r.linked) return;
    expect(r.added).toEqual([{ kind: "title", value: "kernel BUG in skb_segment", weight: 0.7 }]);
    expect(r.revision).toBe(2);
    const detail = await getKbEntry(env.db, "team-gso-note");
    expect(detail.entry.signatures.map((s) => s.kind)).toEqual(["guilty-frame", "title"]);
    expect(detail.revisions[0]).toMatchObject({ revision: 2, authorName: "bob", message: "Linked finding “kernel BUG in skb_segment” from incident inc123" });
  });

  it("makes no revision when the entry already recognises the finding", async () => {
    const r = await linkFindingToEntry(env.db, { entryId: "team-gso-note", finding, incidentId: "inc456", author: "bob" }, jobs());
    expect(r).toMatchObject({ linked: false });
    expect((await getKbEntry(env.db, "team-gso-note")).revision).toBe(2);
  });

  it("refuses an unknown entry", async () => {
    await expect(linkFindingToEntry(env.db, { entryId: "no-such-entry", finding, incidentId: "x", author: "bob" }, jobs())).rejects.toMatchObject({ status: 404 });
  });
});
