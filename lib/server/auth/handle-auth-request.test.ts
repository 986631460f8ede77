import { describe, expect, it, vi } from "vitest";
import type { Auth } from "./auth";
import { handleAuthRequest } from "./handle-auth-request";

const SIGN_IN = "http://127.0.0.1/api/auth/sign-in/email";

function fakeAuth(): { auth: Auth; handler: ReturnType<typeof vi.fn> } {
  const handler = vi.fn(async () => Response.json({ code: "BAD_REQUEST" }, { status: 400 }));
  return { auth: { handler } as unknown as Auth, handler };
}

describe("handleAuthRequest", () => {
  it("passes a sign-in whose body is not JSON to better-auth untouched", async () => {
    const { auth, handler } = fakeAuth();
    const res = await handleAuthRequest(auth, new Request(SIGN_IN, { method: "POST", body: "email=a@b", headers: { "content-type": "application/json" } }));
    expect(res.status).toBe(400);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("lets a body that fails mid-read propagate instead of treating it as no email", async () => {
    const { auth, handler } = fakeAuth();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("connection reset"));
      },
    });
    const request = new Request(SIGN_IN, { method: "POST", body, duplex: "half" } as RequestInit);
    await expect(handleAuthRequest(auth, request)).rejects.toThrow("connection reset");
    expect(handler).not.toHaveBeenCalled();
  });
});
