/** How `oopscope upload` reads a server answer that is not the JSON it expects. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { runUploadCommand } from "./upload-command";

const dir = mkdtempSync(path.join(tmpdir(), "oopscope-upload-errors-"));
const log = path.join(dir, "messages");
writeFileSync(log, "Aug 13 15:59:23 w01 kernel: nf_conntrack: table full, dropping packet\n");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function withServer(answer: (res: ServerResponse) => void, run: (url: string) => Promise<void>): Promise<void> {
  const server = createServer(async (req, res) => {
    for await (const chunk of req) void chunk;
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("oopscope upload, server answers", () => {
  it("reports a non-JSON error page by its status line", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await withServer(
      (res) => res.writeHead(502, { "content-type": "text/html" }).end("<html>Bad gateway</html>"),
      async (url) => {
        expect(await runUploadCommand(["--server", url, log])).toBe(2);
      },
    );
    expect(stderr.mock.calls.map((c) => String(c[0])).join("")).toBe("oopscope: the server answered 502: Bad Gateway\n");
  });

  it("lets a body cut off in transit propagate instead of reading it as an empty answer", async () => {
    await withServer(
      (res) => {
        res.writeHead(201, { "content-type": "application/json", "content-length": "200" });
        res.write('{"id":"abc","url":"/inci');
        setTimeout(() => res.socket?.destroy(), 20);
      },
      async (url) => {
        await expect(runUploadCommand(["--server", url, log])).rejects.toThrow(TypeError);
      },
    );
  });
});
