/**
 * Dumps are recognised by magic and handed to the vmcore reader (lib/engine/vmcore, mocked here: this checks the
 * seam, not the reader): one file, `--split` parts given together, a dump inside an archive, and a reader failure.
 */
import { describe, expect, it, vi } from "vitest";
import type { RandomAccessSource } from "../random-access";
import { bytesSource } from "../random-access";

const extractVmcoreLog = vi.fn(async (parts: RandomAccessSource[]) => {
  if (parts.some((p) => p.name.includes("broken"))) throw new Error("page descriptor beyond EOF");
  return {
    text: "[    0.000000] Linux version 6.12.117+deb12-cloud-amd64 (debian-kernel@lists.debian.org)\n[   42.000000] BUG: kernel NULL pointer dereference, address: 0000000000000000\n",
    facts: { format: "kdump", parts: parts.length, release: "6.12.117+deb12-cloud-amd64" },
    warnings: ["2 pages excluded"],
  };
});
vi.mock("../../vmcore", () => ({ detectVmcore: (head: Uint8Array) => new TextDecoder().decode(head.subarray(0, 8)) === "KDUMP   ", extractVmcoreLog }));
const { expandInputs } = await import("./expand-inputs");
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
  it("a dump's kernel log becomes an input and its facts go on the source", async () => {
    const { inputs, sources } = await expandInputs([file("/var/crash/10.0.0.7-2024-08-13/vmcore", dump("a"))]);
    expect(inputs.map((i) => i.name)).toEqual(["/var/crash/10.0.0.7-2024-08-13/vmcore (dmesg)"]);
    expect(sources).toMatchObject([{ kind: "vmcore", vmcore: { release: "6.12.117+deb12-cloud-amd64", parts: 1 }, warnings: ["2 pages excluded"] }]);
  });

  it("split parts from one directory are read together, other directories apart", async () => {
    extractVmcoreLog.mockClear();
    await expandInputs([file("crash/a/vmcore-1", dump("1")), file("crash/a/vmcore-2", dump("2")), file("crash/b/vmcore", dump("b"))]);
    expect(extractVmcoreLog.mock.calls.map((c) => c[0].map((p) => p.name))).toEqual([["crash/a/vmcore-1", "crash/a/vmcore-2"], ["crash/b/vmcore"]]);
  });

  it("a dump inside an archive is read from memory within the member cap", async () => {
    const p = tarPack();
    const parts: Uint8Array[] = [];
    const done = (async () => {
      for await (const c of p) parts.push(c as Uint8Array);
    })();
    p.entry({ name: "var/crash/127.0.0.1-2024-08-13/vmcore", size: 4096 }, Buffer.from(dump("in-tar")));
    p.finalize();
    await done;
    const tar = new Uint8Array(Buffer.concat(parts));
    const { inputs, sources } = await expandInputs([file("crash.tar", tar)]);
    expect(inputs.map((i) => i.name)).toEqual(["crash.tar:var/crash/127.0.0.1-2024-08-13/vmcore (dmesg)"]);
    expect(sources[0].vmcore).toMatchObject({ format: "kdump" });
  });

  it("a dump the reader cannot read refuses that source with the reader's reason", async () => {
    const { inputs, sources } = await expandInputs([file("broken/vmcore", dump("x"))]);
    expect(inputs).toEqual([]);
    expect(sources[0].error).toMatch(/page descriptor beyond EOF/);
  });
});
