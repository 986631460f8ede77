import { describe, expect, it } from "vitest";
import { triage } from "../triage";

const RECORD = [
  "CPU 0: Machine Check Exception: 0 Bank 5: 8c00004000010090",
  "TSC 0 ADDR 4a0d75900 MISC 21405cdc86 PROCESSOR 0:206d7 TIME 1428957562 SOCKET 0 APIC 0",
];

async function titlesOf(lines: string[]): Promise<string[]> {
  const incident = await triage([{ name: "kern.log", data: new TextEncoder().encode(`${lines.join("\n")}\n`) }]);
  return incident.findings.map((f) => `${f.kind}: ${f.title}`);
}

describe("a crash report decoded by the event after it (`decodes`)", () => {
  it("drops the raw machine-check record an EDAC line right after it names", async () => {
    expect(await titlesOf([...RECORD, "EDAC MC0: 1 CE memory read error"])).toEqual(["mce: EDAC: corrected memory error"]);
    // The 2.6-era EDAC core's line without a count decodes the record the same way.
    const legacy = 'EDAC MC1: CE page 0xfbf6f, offset 0x4d0, grain 8, syndrome 0xc8f4, row 1, channel 0, label "": k8_edac';
    expect(await titlesOf([...RECORD, legacy])).toEqual(["mce: EDAC: corrected memory error"]);
  });

  it("keeps the record without a decode, or with one too far after it to be the same record", async () => {
    expect(await titlesOf(RECORD)).toEqual(["mce: Machine Check Exception"]);
    const filler = Array.from({ length: 8 }, (_, i) => `e1000e: eth0 NIC Link is Up ${i}`);
    expect(await titlesOf([...RECORD, ...filler, "EDAC MC0: 1 CE memory read error"])).toEqual([
      "mce: Machine Check Exception",
      "mce: EDAC: corrected memory error",
    ]);
  });

  it("keeps a record the machine panicked with", async () => {
    const titles = await titlesOf([
      "CPU 0: Machine Check Exception: 5 Bank 4: b200000000070f0f",
      "Kernel panic - not syncing: Fatal Machine check",
      "EDAC MC0: 1 UE memory read error",
    ]);
    expect(titles).toContain("mce: Machine Check Exception");
  });
});
