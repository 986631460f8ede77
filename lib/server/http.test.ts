import { afterEach, describe, expect, it, vi } from "vitest";
import { ExpansionMeter, DEFAULT_EXPANSION_LIMITS } from "@/lib/engine/ingest/sources/decompress";
import { IngestError } from "@/lib/engine/ingest/read-lines";
import { AppError, isNotModified, toErrorResponse } from "./http";

vi.mock("server-only", () => ({}));

afterEach(() => vi.restoreAllMocks());

/** A bomb refused by the source expander's meter, as expandInputs would meet it. */
function meterRefusal(): unknown {
  const meter = new ExpansionMeter("bomb.gz", { ...DEFAULT_EXPANSION_LIMITS, ratioCheckAfterBytes: 10, maxRatio: 2 });
  meter.addConsumed(5);
  try {
    meter.addProduced(100);
  } catch (e) {
    return e;
  }
  throw new Error("the meter did not refuse a 20× stream over a 2× cap");
}

describe("toErrorResponse", () => {
  it("maps a refusal from the decompressors like one from the line reader: one class, the user's message kept", async () => {
    const refusal = meterRefusal();
    expect(refusal).toBeInstanceOf(IngestError);
    const res = toErrorResponse(refusal);
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("decompression-bomb");
    expect(body.message).toMatch(/^Refusing bomb\.gz: it expands more than 2×/);
    const corrupt = toErrorResponse(new IngestError("corrupt", "The gzip data is corrupt or truncated (unexpected end of file)."));
    expect(corrupt.status).toBe(422);
  });

  it("maps AppError to its status and hides an unknown error behind a logged 500", async () => {
    expect(toErrorResponse(new AppError("not-found", "No incident with this id.")).status).toBe(404);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = toErrorResponse(new TypeError("secret detail"));
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("secret detail");
    expect(logged).toHaveBeenCalledTimes(1);
  });
});

describe("isNotModified", () => {
  const asking = (value?: string) => new Request("http://localhost/x", value === undefined ? {} : { headers: { "If-None-Match": value } });
  it("answers 304 only for a listed tag, weak or strong, or *", () => {
    expect(isNotModified(asking('"a-1"'), '"a-1"')).toBe(true);
    expect(isNotModified(asking('"b-2", W/"a-1"'), '"a-1"')).toBe(true);
    expect(isNotModified(asking("*"), '"a-1"')).toBe(true);
    expect(isNotModified(asking('"a-2"'), '"a-1"')).toBe(false);
    expect(isNotModified(asking(), '"a-1"')).toBe(false);
  });
});
