import { describe, expect, it } from "vitest";
import { INCIDENT_SCHEMA_VERSION, type Finding, type Incident } from "@/lib/engine/types";
import { renderIncidentMarkdown } from "./render-incident-markdown";
import { summarizeIncident } from "./summarize-incident";

const finding: Finding = {
  id: "f1",
  kind: "bug",
  title: "kernel BUG in skb_segment",
  altTitles: [],
  headline: "kernel BUG at net/core/skbuff.c:4230!",
  frames: [],
  corrupted: false,
  panicked: true,
  host: "w01",
  kernelRelease: "6.1.1-1.el9.elrepo.x86_64",
  source: { file: "messages", line: 5 },
  // A report line holding a backtick fence must not close the block early.
  report: ["kernel BUG at net/core/skbuff.c:4230!", "``` <script>alert(1)</script>"],
  signature: "sig1",
  matches: [
    { kbId: "skb-segment-gso-bug", title: "GSO bug", score: 0.92, reasons: ["title"], verdict: "affected", confidence: 0.95, verdictReason: "6.1.1 is below 6.1.103", origin: "builtin" },
  ],
};

const incident: Incident = {
  schemaVersion: INCIDENT_SCHEMA_VERSION,
  inputs: [{ name: "messages", bytes: 10, decodedBytes: 10, lines: 2, compressed: false, formats: ["syslog"], truncatedLines: 0, invalidUtf8Lines: 0 }],
  hosts: [{ name: "w01", lines: 2, boots: 1, kernelReleases: [] }],
  boots: [],
  events: [],
  findings: [finding],
  recommendation: {
    summary: "affected; upgrade",
    confidence: 0.9,
    upgrade: { component: "kernel", from: "6.1.1", to: "6.1.103", branch: "6.1", text: "6.1.1 → 6.1.103 or later on 6.1.y" },
    fixCommits: [{ commit: "fa5ef655615a01533035c6139248c5b33aa27028", url: "https://git.kernel.org/stable/c/fa5ef655615a" }],
    workarounds: [{ title: "Disable GRO/GSO", commands: ["ethtool -K <dev> gro off gso off"] }],
    references: [],
  },
  stats: { lines: 2, bytes: 10, elapsedMs: 1 },
};

describe("renderIncidentMarkdown", () => {
  const md = renderIncidentMarkdown({ incident, title: "kernel BUG in skb_segment", url: "http://x/incidents/abc" });

  it("carries the verdict, upgrade, fix commit, workaround and match", () => {
    expect(md).toContain("6.1.1 → 6.1.103 or later on 6.1.y");
    expect(md).toContain("[fa5ef655615a](https://git.kernel.org/stable/c/fa5ef655615a)");
    expect(md).toContain("ethtool -K <dev> gro off gso off");
    expect(md).toContain("`skb-segment-gso-bug`");
  });

  it("lists engine warnings with their location, markup escaped, and only when there are some", () => {
    const warned = { ...incident, warnings: [{ stage: "report" as const, source: { file: "messages", line: 5 }, message: "TypeError: *x* is `undefined`" }] };
    const text = renderIncidentMarkdown({ incident: warned, title: "t" });
    expect(text).toContain("## Engine warnings (1)");
    expect(text).toContain("- report at messages:5: TypeError: \\*x\\* is \\`undefined\\`");
    expect(md).not.toContain("Engine warnings");
  });

  it("writes log text so that no Markdown flavour makes a link, image, HTML or autolink of it", () => {
    const hostile = "WARNING at <img src=x onerror=alert(1)> [click](http://evil.example/a) ![i](https://evil.example/p.png) see http://evil.example/b, www.evil.example and x@evil.example";
    const text = renderIncidentMarkdown({
      incident: {
        ...incident,
        // Without the KB's advice: its fix-commit links are ours and stay links.
        recommendation: undefined,
        findings: [{ ...finding, title: hostile, host: "www.evil.example", guiltyFrame: "[f](javascript:alert(1))" }],
        inputs: [{ ...incident.inputs[0], name: "https://evil.example/x.log" }],
      },
      title: hostile,
    });
    const outsideFences = text.replace(/^(`{3,})\n[\s\S]*?\n\1$/gm, "");
    // GitHub and GitLab autolink `scheme://`, `www.` and `user@host` in plain text: the escapes stop them.
    expect(outsideFences).not.toMatch(/[a-z]:\/\/|(?<!\\)www\.|[^\\]@|(?<!\\)[[<]/i);
    expect(outsideFences).toContain("see http\\://evil.example/b, www\\.evil.example and x\\@evil.example");
    // The permalink and the KB's own links are ours: left as they are.
    expect(md).toContain("Permalink: http://x/incidents/abc");
  });

  it("says which inputs were not read and why", () => {
    const refused = renderIncidentMarkdown({
      incident: { ...incident, inputs: [...incident.inputs, { ...incident.inputs[0], name: "core.bin", lines: 0, error: "core.bin looks like a binary file, not a log" }] },
      title: "t",
    });
    expect(refused).toContain("- core.bin: not read: core.bin looks like a binary file, not a log");
  });

  it("has a crash-dump section with the facts the page shows, only when an input was a dump", () => {
    expect(md).not.toContain("## Crash dump");
    const dump: Incident["inputs"][number] = {
      ...incident.inputs[0],
      name: "vmcore",
      vmcore: {
        facts: { format: "kdump", parts: 1, dumpBytes: 15_728_640, release: "6.1.0-26-amd64", crashTime: "2024-08-13T15:59:23Z", dumpLevel: 31, records: 393, printk: "lockless", lostRecords: 2, kernelOffset: "34200000", cpuCount: 4 },
        warnings: ["1 page excluded by the dump level"],
      },
    };
    const withDump = renderIncidentMarkdown({ incident: { ...incident, inputs: [...incident.inputs, dump] }, title: "t" });
    const section = withDump.slice(withDump.indexOf("## Crash dump"), withDump.indexOf("## Inputs"));
    expect(section).toContain("### vmcore");
    for (const line of [
      "- **Dump size:** 15 MiB",
      "- **Kernel release:** 6.1.0-26-amd64",
      "- **Crash time:** 2024-08-13T15:59:23Z",
      "- **Format:** kdump-compressed",
      "- **Dump level:** 31",
      "- **Kernel log:** 393 records (lockless printk), 2 lost",
      "- **KASLR offset:** 0x34200000",
      "- **CPUs with registers:** 4",
      "  - 1 page excluded by the dump level",
    ])
      expect(section).toContain(line);
  });

  it("fences log text with a fence longer than any backtick run inside", () => {
    expect(md).toContain("````\nkernel BUG at net/core/skbuff.c:4230!\n``` <script>alert(1)</script>\n````");
  });
});

describe("summarizeIncident", () => {
  it("derives list columns from the Incident", () => {
    expect(summarizeIncident(incident)).toEqual({
      title: "kernel BUG in skb_segment",
      hosts: ["w01"],
      kernels: ["6.1.1-1.el9.elrepo.x86_64"],
      kbIds: ["skb-segment-gso-bug"],
    });
  });
});
