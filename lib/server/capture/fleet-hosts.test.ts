import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { HostSummary } from "@/lib/capture/host-windows";
import { createTestDb, type TestDb } from "../test-db";
import { listFleetHosts, saveFleetHosts } from "./fleet-hosts";

const T0 = Date.UTC(2026, 0, 1);
const host = (name: string, lines: number): HostSummary => ({ host: name, firstSeen: T0, lastSeen: T0 + 1000, lines, via: "syslog", openWindow: false });

let env: TestDb;
beforeAll(async () => {
  env = await createTestDb();
});
afterAll(async () => env.cleanup());

describe("fleet host rows", () => {
  it("lists the readable hosts and reports each damaged row by key and reason", async () => {
    await saveFleetHosts(env.db, [host("good", 5)]);
    await env.db.setting.create({ data: { key: "fleet.host:cut", value: '{"firstSeen":"2026-' } });
    await env.db.setting.create({ data: { key: "fleet.host:shapeless", value: '{"lines":"many"}' } });
    const { hosts, warnings } = await listFleetHosts(env.db, T0);
    expect(hosts.map((h) => h.host)).toEqual(["good"]);
    expect(warnings).toHaveLength(2);
    expect(warnings.find((w) => w.startsWith("fleet.host:cut: "))).toMatch(/JSON/);
    expect(warnings.find((w) => w.startsWith("fleet.host:shapeless: "))).toBeDefined();
  });

  it("rewrites a damaged row on the next save (said in the log) instead of failing every save", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await saveFleetHosts(env.db, [host("cut", 7), host("good", 2)]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toContain("fleet.host:cut");
    } finally {
      warn.mockRestore();
    }
    const { hosts, warnings } = await listFleetHosts(env.db, T0);
    expect(hosts.find((h) => h.host === "cut")?.lines).toBe(7);
    expect(hosts.find((h) => h.host === "good")?.lines).toBe(7);
    expect(warnings).toHaveLength(1);
  });
});
