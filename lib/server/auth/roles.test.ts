import { describe, expect, it } from "vitest";
import { decide, effectiveRole, type Actor, type Role } from "./roles";

const person = { kind: "user", userId: "u", name: "n", email: "e@x" } as const;
const user = (role: Role): Actor => ({ ...person, role, via: "session" });
const token = (role: Role, scope: "read" | "write"): Actor => ({ ...person, role, via: "token", tokenId: "t", scope });
const open = { signInRequired: false };
const closed = { signInRequired: true };

describe("decide", () => {
  it("lets anonymous visitors read and triage unless sign-in is required", () => {
    const anon: Actor = { kind: "anonymous" };
    expect(decide(anon, "read", open)).toEqual({ allowed: true });
    expect(decide(anon, "triage", open)).toEqual({ allowed: true });
    expect(decide(anon, "read", closed)).toMatchObject({ allowed: false, status: 401 });
    expect(decide(anon, "kb:write", open)).toMatchObject({ allowed: false, status: 401 });
  });

  it("orders viewer < editor < admin", () => {
    expect(decide(user("viewer"), "kb:write", open)).toMatchObject({ allowed: false, status: 403 });
    expect(decide(user("editor"), "kb:write", open)).toEqual({ allowed: true });
    expect(decide(user("editor"), "admin", open)).toMatchObject({ allowed: false, status: 403 });
    expect(decide(user("admin"), "admin", open)).toEqual({ allowed: true });
    expect(decide(user("viewer"), "read", closed)).toEqual({ allowed: true });
  });

  it("caps a read token at viewer whatever its owner's role, and says why", () => {
    expect(effectiveRole(token("admin", "read"))).toBe("viewer");
    const d = decide(token("admin", "read"), "kb:write", open);
    expect(d).toMatchObject({ allowed: false, status: 403 });
    expect(d.allowed || d.message).toContain("read-only");
    expect(decide(token("editor", "write"), "kb:write", open)).toEqual({ allowed: true });
    expect(decide(token("viewer", "write"), "kb:write", open)).toMatchObject({ allowed: false, status: 403 });
  });
});
