import { APIError } from "better-auth/api";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "../app-error";

const getActor = vi.fn();
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("../db", () => ({ getDb: () => ({}) }));
vi.mock("./auth", () => ({ getAuth: () => ({}) }));
vi.mock("./actor", () => ({ getActor: (...args: unknown[]) => getActor(...args), authorize: vi.fn() }));
vi.mock("./settings", () => ({ getAccessSettings: vi.fn() }));

const { currentActor } = await import("./access");
const { meansNoSession } = await import("./means-no-session");

describe("currentActor", () => {
  beforeEach(() => getActor.mockReset());

  it("returns the actor getActor finds", async () => {
    getActor.mockResolvedValue({ kind: "user", userId: "u1", name: "a", email: "a@x", role: "editor", via: "session" });
    expect(await currentActor()).toMatchObject({ kind: "user", userId: "u1" });
  });

  it("is anonymous for a revoked API token and a session better-auth could not refresh", async () => {
    getActor.mockRejectedValueOnce(new AppError("unauthorized", "Unknown or revoked API token."));
    expect(await currentActor()).toEqual({ kind: "anonymous" });
    getActor.mockRejectedValueOnce(APIError.from("UNAUTHORIZED", { code: "FAILED_TO_GET_SESSION", message: "Failed to get session" }));
    expect(await currentActor()).toEqual({ kind: "anonymous" });
  });

  it("rethrows what is not 'nobody signed in': a failing database, another app error, Next's dynamic-usage signal", async () => {
    const dbDown = new Error("SqliteError: database is locked");
    getActor.mockRejectedValueOnce(dbDown);
    await expect(currentActor()).rejects.toBe(dbDown);
    getActor.mockRejectedValueOnce(new AppError("forbidden", "no"));
    await expect(currentActor()).rejects.toMatchObject({ code: "forbidden" });
    const dynamic = Object.assign(new Error("Dynamic server usage: headers"), { digest: "DYNAMIC_SERVER_USAGE" });
    getActor.mockRejectedValueOnce(dynamic);
    await expect(currentActor()).rejects.toBe(dynamic);
  });
});

describe("meansNoSession", () => {
  it("takes any failure while `next build` prerenders (no request, often no database) for no session", () => {
    expect(meansNoSession(new Error("no such table: user"), "phase-production-build")).toBe(true);
    expect(meansNoSession(new Error("no such table: user"), "phase-production-server")).toBe(false);
    expect(meansNoSession(new Error("no such table: user"), undefined)).toBe(false);
  });
});
