import { describe, expect, it } from "vitest";
import type { Boot, Finding, HostSummary, TimelineEvent } from "../types";
import { logTimeSpan, timelineLanes, workbenchData } from "./workbench-data";

const host = (name: string, firstTime?: string, lastTime?: string): HostSummary => ({ name, firstTime, lastTime, lines: 10, boots: 0, kernelReleases: ["6.1.0"] });

const event = (over: Partial<TimelineEvent>): TimelineEvent => ({ kind: "problem", source: { file: "messages", line: 1 }, label: "x", ...over });

const boot: Boot = {
  id: "b1",
  host: "w01",
  kernelRelease: "6.1.0",
  banner: "Linux version 6.1.0 (builder@host) #1 SMP",
  commandLine: "BOOT_IMAGE=/vmlinuz root=/dev/sda1",
  isKdumpCapture: false,
  startTime: "2024-08-13T15:00:00.000Z",
  source: { file: "messages", line: 3 },
  detectedBy: "banner",
};

const finding = (id: string, repeats?: number): Finding =>
  ({
    id,
    title: `finding ${id}`,
    source: { file: "messages", line: 7, endLine: 9 },
    repeats,
    lastTime: repeats ? "2024-08-13T16:00:00.000Z" : undefined,
    lastSource: repeats ? { file: "messages", line: 70 } : undefined,
    matches: [{ kbId: "kb-1", score: 0.9 }],
    lines: ["a long report", "that the workbench never draws"],
  }) as unknown as Finding;

describe("logTimeSpan", () => {
  it("takes the earliest first time and the latest last time of any host, skipping unreadable ones", () => {
    const span = logTimeSpan([
      host("a", "2024-08-13T10:00:00.000Z", "2024-08-13T11:00:00.000Z"),
      host("b", "2024-08-13T09:00:00.000Z", "not a time"),
      host("c", undefined, "2024-08-13T12:00:00.000Z"),
    ]);
    expect(span).toEqual({ first: "2024-08-13T09:00:00.000Z", last: "2024-08-13T12:00:00.000Z" });
  });

  it("is empty for a log without wall-clock times", () => {
    expect(logTimeSpan([host("a"), host("b")])).toEqual({});
  });
});

describe("timelineLanes", () => {
  it("names boots' hosts first, then events' hosts, and a file's lane for lines without a host", () => {
    const lanes = timelineLanes([event({ host: "w02" }), event({ host: "w01" }), event({ source: { file: "dmesg", line: 4 } })], [boot]);
    expect(lanes).toEqual(["w01", "w02", "(dmesg)"]);
  });
});

describe("workbenchData", () => {
  const incident = {
    events: [
      event({ kind: "agent", host: "w01", label: "kubelet: probe ok", text: "probe ok", program: "kubelet", bootId: "b1", uptime: 12 }),
      event({ host: "w01", label: "nf_conntrack: table full (×3)", text: "nf_conntrack: nf_conntrack: table full", findingId: "f1" }),
    ],
    boots: [boot],
    findings: [finding("f1", 3), finding("f2")],
    hosts: [host("w01", "2024-08-13T10:00:00.000Z", "2024-08-13T11:00:00.000Z")],
  };
  const data = workbenchData(incident);

  it("keeps an event's line text only when its label does not already hold it", () => {
    expect(data.events.map((e) => e.text)).toEqual([undefined, "nf_conntrack: nf_conntrack: table full"]);
    expect(data.events[0]).not.toHaveProperty("program");
    expect(data.events[1].findingId).toBe("f1");
  });

  it("drops a boot's banner and command line, keeping what the timeline draws", () => {
    expect(data.boots[0]).not.toHaveProperty("banner");
    expect(data.boots[0]).not.toHaveProperty("commandLine");
    expect(data.boots[0]).toMatchObject({ id: "b1", host: "w01", kernelRelease: "6.1.0", startTime: boot.startTime, source: boot.source });
  });

  it("keeps a finding's position and title, and its folded run only when it repeats", () => {
    expect(data.findings).toEqual([
      { id: "f1", title: "finding f1", source: { file: "messages", line: 7, endLine: 9 }, repeats: 3, lastTime: "2024-08-13T16:00:00.000Z", lastSource: { file: "messages", line: 70 } },
      { id: "f2", title: "finding f2", source: { file: "messages", line: 7, endLine: 9 } },
    ]);
  });

  it("is smaller as JSON than the parts of the incident it comes from", () => {
    const whole = JSON.stringify({ events: incident.events, boots: incident.boots, findings: incident.findings, hosts: incident.hosts }).length;
    expect(JSON.stringify(data).length / whole).toBeLessThan(0.8);
  });
});
