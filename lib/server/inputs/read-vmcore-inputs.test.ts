/**
 * Dumps as triage inputs: the extracted log goes through the same triage() as any log, and the crash facts ride
 * on the input. Real fixtures from ../shared/data/vmcore; a synthetic dump for the overwritten-banner case.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { triage } from "../../engine/triage";
import { buildLocklessMachine, sparseToBytes, toKdump } from "../../engine/vmcore/testing/synthetic-dump";
import { isVmcoreFile, readVmcoreInputs } from "./read-vmcore-inputs";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const DATA = [path.resolve(ROOT, "../shared/data/vmcore"), path.resolve(ROOT, "../../shared/data/vmcore")].find(existsSync);
const dir = mkdtempSync(path.join(tmpdir(), "oopscope-vmcore-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!DATA)("vmcore fixtures through triage", () => {
  it("the 6.12 dump: NULL dereference in oopscope_read_victim, module oopscope_null, taint OE, its release", async () => {
    const file = path.join(DATA!, "deb12-6.12-null-deref-oops/vmcore-mini.kdump-zlib");
    expect(await isVmcoreFile(file)).toBe(true);
    const inputs = await readVmcoreInputs([{ path: file, name: "vmcore" }]);
    const incident = await triage(inputs);
    const f = incident.findings.find((x) => x.kind === "null-deref");
    expect(f).toBeDefined();
    expect(f!.guiltyFrame).toBe("oopscope_read_victim");
    expect(f!.rip).toContain("[oopscope_null]");
    expect(f!.modules).toContain("oopscope_null");
    expect(f!.taint?.flags).toBe("OE");
    expect(f!.kernelRelease).toBe("6.12.117+deb12-cloud-amd64");
    expect(f!.panicked).toBe(true);
    expect(incident.boots.map((b) => b.kernelRelease)).toEqual(["6.12.117+deb12-cloud-amd64"]);
    expect(incident.inputs[0].vmcore?.facts).toMatchObject({ format: "kdump", release: "6.12.117+deb12-cloud-amd64", pageSize: 4096, records: 415 });
    expect(incident.inputs[0].lines).toBe(415);
    // A dump proves a dump was taken: no "kdump not armed" finding.
    expect(incident.findings.some((x) => x.kind === "kdump-failure")).toBe(false);
  });

  it("oopscope dmesg prints makedumpfile's text, to stdout or to OUT", () => {
    const dump = path.join(DATA!, "deb12-6.1-sysrq-panic/vmcore-mini.kdump-lzo");
    const want = readFileSync(path.join(DATA!, "deb12-6.1-sysrq-panic/dmesg.makedumpfile.txt"));
    const stdout = spawnSync(path.join(ROOT, "bin/oopscope"), ["dmesg", dump], { encoding: "buffer" });
    expect(stdout.status).toBe(0);
    expect(Buffer.compare(stdout.stdout, want)).toBe(0);
    const out = path.join(dir, "dmesg.txt");
    const toFile = spawnSync(path.join(ROOT, "bin/oopscope"), ["dmesg", dump, out], { encoding: "utf8" });
    expect(toFile.status).toBe(0);
    expect(Buffer.compare(readFileSync(out), want)).toBe(0);
    const notDump = spawnSync(path.join(ROOT, "bin/oopscope"), ["dmesg", out], { encoding: "utf8" });
    expect(notDump.status).toBe(2);
    expect(notDump.stderr).toMatch(/not a vmcore/);
  });
});

describe("vmcore inputs without their banner", () => {
  it("a ring buffer whose banner was overwritten still gets a boot with the dump's release", async () => {
    const m = buildLocklessMachine({ records: [{ tsNsec: 5_000_000_000n, text: "Kernel panic - not syncing: sysrq triggered crash" }] });
    const parts = toKdump(m, { split: 2 }).map((f, i) => {
      const p = path.join(dir, `split-${i}`);
      writeFileSync(p, sparseToBytes(f));
      return { path: p, name: `split-${i}` };
    });
    const inputs = await readVmcoreInputs(parts);
    expect(inputs.map((i) => i.name)).toEqual(["split-0 + split-1"]);
    const incident = await triage(inputs);
    expect(incident.boots).toEqual([expect.objectContaining({ detectedBy: "file-start", kernelRelease: "6.1.0-synthetic" })]);
    expect(incident.findings.find((f) => f.kind === "panic")?.kernelRelease).toBe("6.1.0-synthetic");
    expect(incident.inputs[0].vmcore?.facts.parts).toBe(2);
  });

  it("a file that is not a dump is not taken for one", async () => {
    const p = path.join(dir, "log.txt");
    writeFileSync(p, "[    0.000000] Linux version 6.1.0\n");
    expect(await isVmcoreFile(p)).toBe(false);
    expect(await isVmcoreFile(path.join(dir, "missing"))).toBe(false);
  });
});
