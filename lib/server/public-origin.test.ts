import { afterEach, describe, expect, it } from "vitest";
import { publicOrigin } from "./public-origin";

const req = (url: string, headers: Record<string, string>) => new Request(url, { headers });

describe("publicOrigin", () => {
  afterEach(() => {
    delete process.env.BETTER_AUTH_URL;
    delete process.env.OOPSCOPE_TRUST_PROXY;
  });

  it("uses the Host the browser addressed, not the server's bind address", () => {
    expect(publicOrigin(req("http://localhost:3000/api/x", { host: "127.0.0.1:3000" }))).toBe("http://127.0.0.1:3000");
  });

  it("ignores forwarded headers unless a proxy is declared", () => {
    const forged = req("http://localhost:3000/x", { host: "localhost:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(publicOrigin(forged)).toBe("http://localhost:3000");
  });

  it("follows a declared reverse proxy's forwarded host and protocol", () => {
    process.env.OOPSCOPE_TRUST_PROXY = "1";
    expect(publicOrigin(req("http://localhost:3000/x", { host: "localhost:3000", "x-forwarded-host": "oops.example.com", "x-forwarded-proto": "https, http" }))).toBe(
      "https://oops.example.com",
    );
  });

  it("prefers the configured public URL", () => {
    process.env.BETTER_AUTH_URL = "https://triage.example.com/some/path";
    expect(publicOrigin(req("http://localhost:3000/x", { host: "localhost:3000" }))).toBe("https://triage.example.com");
  });
});
