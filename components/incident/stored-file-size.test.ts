import { describe, expect, it } from "vitest";
import type { InputSummary } from "@/lib/engine/types";
import { describeStoredSize } from "./stored-file-size";

const input = (extra: Partial<InputSummary>): InputSummary =>
  ({ name: "vmcore", bytes: 15_728_640, decodedBytes: 48_000, lines: 600, compressed: false, formats: ["dmesg"], truncatedLines: 0, invalidUtf8Lines: 0, ...extra }) as InputSummary;

describe("describeStoredSize", () => {
  it("shows a dump's own size first and labels the extracted log's", () => {
    const dump = input({ vmcore: { facts: { format: "kdump", parts: 1, dumpBytes: 15_728_640 }, warnings: [] } });
    expect(describeStoredSize({ bytes: 48_000 }, dump)).toBe("dump 15.0 MB, extracted log 46.9 KB");
  });

  it("a log is its stored size (gzip said)", () => {
    expect(describeStoredSize({ bytes: 2048, compressed: true }, input({}))).toBe("2.0 KB, gzip");
    expect(describeStoredSize({ bytes: 10 }, undefined)).toBe("10 B");
  });
});
