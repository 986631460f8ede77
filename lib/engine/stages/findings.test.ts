import { describe, expect, it } from "vitest";
import { triage } from "../triage";
import { builtinKb } from "../triage-test-helpers";

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

describe("an event finding keeps the lines printed before it (KB `nearby` rules)", () => {
  const AMDGPU = [
    "Dec  1 10:00:01 gpu-3 kernel: [    5.101] [drm] amdgpu kernel modesetting enabled.",
    "Dec  1 10:00:01 other-node kernel: [    7.000] e1000e: eth0 NIC Link is Up",
    "Dec  1 10:00:01 gpu-3 kernel: [    5.212] amdgpu 0000:04:00.0: Direct firmware load for amdgpu/psp_13_0_8_toc.bin failed with error -2",
    "Dec  1 10:00:01 gpu-3 kernel: [    5.213] amdgpu 0000:04:00.0: amdgpu: fw_init: failed to load psp firmware",
    "Dec  1 10:00:01 gpu-3 kernel: [    5.215] amdgpu 0000:04:00.0: amdgpu: Fatal error during GPU init",
  ];

  async function findingsOf(lines: string[]) {
    return (await triage([{ name: "kern.log", data: new TextEncoder().encode(`${lines.join("\n")}\n`) }], { kb: builtinKb() })).findings;
  }

  it("the missing firmware file named before amdgpu gives up is evidence for the firmware entry", async () => {
    const [gpu] = await findingsOf(AMDGPU);
    expect(gpu.title).toBe("amdgpu: GPU initialization failed");
    // Same host only: the other node's line is not this GPU's story.
    expect(gpu.context).toEqual([AMDGPU[0], AMDGPU[2], AMDGPU[3]]);
    const firmware = gpu.matches.find((m) => m.kbId === "amdgpu-missing-firmware");
    expect(firmware?.reasons.some((r) => r.includes("firmware file was not found"))).toBe(true);
  });

  it("only a run's first occurrence keeps lines: a repeat adds none", async () => {
    const repeated = [...AMDGPU, ...Array.from({ length: 5 }, (_, i) => `Dec  1 10:00:0${2 + i} gpu-3 kernel: [    6.00${i}] amdgpu 0000:04:00.0: amdgpu: Fatal error during GPU init`)];
    const [gpu] = await findingsOf(repeated);
    expect(gpu.repeats).toBe(6);
    expect(gpu.context).toEqual([AMDGPU[0], AMDGPU[2], AMDGPU[3]]);
  });
});
