/**
 * The first-account race on a fresh install: the shared e2e server already has its admin, so this spec starts its own
 * throw-away server on the existing build (fresh data dir and database, invite-only by default).
 */
import { expect, test } from "@playwright/test";
import { startTestServer } from "../scripts/run-e2e.mjs";

const RACERS = 12;

test("12 sign-ups racing on a fresh invite-only install: exactly one becomes admin, the other 11 are refused", async () => {
  test.setTimeout(240_000);
  const server = await startTestServer({}, { build: false });
  try {
    const signUp = (n: number) =>
      fetch(`${server.baseUrl}/api/account/sign-up`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: server.baseUrl },
        body: JSON.stringify({ name: `Racer ${n}`, email: `racer-${n}@race.test`, password: "race-password-0123" }),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { user?: { role: string; email: string }; message?: string } }));
    const results = await Promise.all(Array.from({ length: RACERS }, (_, n) => signUp(n)));

    const admitted = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 403);
    expect(admitted).toHaveLength(1);
    expect(admitted[0].body.user?.role).toBe("admin");
    expect(refused).toHaveLength(RACERS - 1);
    for (const r of refused) expect(r.body.message).toContain("invitation");

    // The install stays invite-only: a late sign-up is refused too.
    expect((await signUp(RACERS)).status).toBe(403);
  } finally {
    await server.stop();
  }
});
