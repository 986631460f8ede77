/**
 * Dumps are recognised by magic and handed to the vmcore reader (lib/engine/vmcore; its extraction is mocked here:
 * this checks the seam, not the reader): one file, `--split` parts, a dump inside an archive, a reader failure.
 * Real dumps are the reader's own tests.
 */
import { describe, expect, it, vi } from "vitest";
import type { RandomAccessSource } from "../random-access";
import { bytesSource } from "../random-access";

const extractVmcoreLog = vi.fn(async (parts: RandomAccessSource[]) => ({
  text: parts.some((p) => p.name.includes("broken"))
    ? ""
    : "[    0.000000] Linux version 6.12.117+deb12-cloud-amd64 (debian-kernel@lists.debian.org)\n[   42.000000] BUG: kernel NULL pointer dereference, address: 0000000000000000\n",
  facts: { format: "kdump" as const, parts: parts.length, release: "6.12.117+deb12-cloud-amd64", nodename: parts.some((p) => p.name.includes("named")) ? "node-a17.example" : "(none)" },
  warnings: ["2 pages excluded"],
  ...(parts.some((p) => p.name.includes("broken")) ? { error: `${parts[0].name}: page descriptor beyond EOF` } : {}),
}));
// Parts whose content names the same dump ("split:<id>") belong together, as the kdump header would say.
const groupVmcoreParts = vi.fn(async (sources: RandomAccessSource[]) => {
  const groups = new Map<string, RandomAccessSource[]>();
  for (const s of sources) {
    const head = new TextDecoder().decode(await s.read(8, 16)).replace(/\0+$/, "");
    const key = head.startsWith("split:") ? head : `single:${s.name}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()];
});
vi.mock("../../vmcore", () => ({ detectVmcore: (head: Uint8Array) => new TextDecoder().decode(head.subarray(0, 8)) === "KDUMP   ", extractVmcoreLog, groupVmcoreParts }));
const { expandInputs } = await import("./expand-inputs");
const { triage } = await import("../../triage");
const { pack: tarPack } = await import("tar-stream");

const dump = (tag: string) => new TextEncoder().encode(`KDUMP   ${tag}`.padEnd(4096, "\0"));
const file = (name: string, bytes: Uint8Array) => ({
  kind: "file" as const,
  name,
  open: async function* () {
    yield bytes;
  },
  randomAccess: bytesSource(name, bytes),
  size: bytes.length,
});

describe("vmcores", () => {
  it("a dump's kernel log becomes an input carrying the crash facts; the release is the boot's", async () => {
    const { inputs, sources } = await expandInputs([file("/var/crash/10.0.0.7-2024-08-13/vmcore", dump("a"))]);
    expect(sources).toEqual([]);
    expect(inputs.map((i) => [i.name, i.vmcore?.facts.release, i.vmcore?.warnings])).toEqual([
      ["/var/crash/10.0.0.7-2024-08-13/vmcore", "6.12.117+deb12-cloud-amd64", ["2 pages excluded"]],
    ]);
    const incident = await triage(inputs);
    expect(incident.inputs[0].vmcore?.facts.release).toBe("6.12.117+deb12-cloud-amd64");
    expect(incident.boots[0].kernelRelease).toBe("6.12.117+deb12-cloud-amd64");
  });

  it("the dump's utsname names the host of its lines; Linux's \"(none)\" names none", async () => {
    const { inputs } = await expandInputs([file("named/vmcore", dump("a")), file("plain/vmcore", dump("b"))]);
    expect(inputs.map((i) => [i.name, i.host])).toEqual([
      ["named/vmcore", "node-a17.example"],
      ["plain/vmcore", undefined],
    ]);
    const incident = await triage(inputs);
    expect(incident.findings.map((f) => f.host)).toEqual(["node-a17.example", undefined]);
  });

  it("the parts of a split dump are read together, other dumps apart", async () => {
    extractVmcoreLog.mockClear();
    const { inputs } = await expandInputs([file("a/vmcore-1", dump("split:x")), file("b/vmcore", dump("b")), file("a/vmcore-2", dump("split:x"))]);
    expect(extractVmcoreLog.mock.calls.map((c) => c[0].map((p) => p.name))).toEqual([["a/vmcore-1", "a/vmcore-2"], ["b/vmcore"]]);
    expect(inputs.map((i) => i.name)).toEqual(["a/vmcore-1 + a/vmcore-2", "b/vmcore"]);
  });

  it("a dump inside an archive is read from memory within the member cap, and listed on the archive", async () => {
    const p = tarPack();
    const parts: Uint8Array[] = [];
    const done = (async () => {
      for await (const c of p) parts.push(c as Uint8Array);
    })();
    p.entry({ name: "var/crash/127.0.0.1-2024-08-13/vmcore", size: 4096 }, Buffer.from(dump("in-tar")));
    p.finalize();
    await done;
    const { inputs, sources } = await expandInputs([file("crash.tar", new Uint8Array(Buffer.concat(parts)))]);
    expect(inputs.map((i) => [i.name, i.vmcore?.facts.format])).toEqual([["crash.tar:var/crash/127.0.0.1-2024-08-13/vmcore", "kdump"]]);
    expect(sources[0].inputs).toEqual(["crash.tar:var/crash/127.0.0.1-2024-08-13/vmcore"]);
  });

  it("a dump the reader cannot read is an input with the reader's reason as its error", async () => {
    const { inputs } = await expandInputs([file("broken/vmcore", dump("x"))]);
    expect(inputs[0].vmcore?.error).toBe("page descriptor beyond EOF");
    const incident = await triage(inputs);
    expect(incident.inputs[0].error).toBe("page descriptor beyond EOF");
  });
});
