import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { pack as tarPack } from "tar-stream";
import { FIXTURE_PATH } from "./helpers";

/** A sosreport-shaped tar.xz (tar.gz where xz is missing): the seed log as var/log/messages, a link, noise. */
async function writeSosreport(dir: string): Promise<string> {
  const p = tarPack();
  const parts: Buffer[] = [];
  const done = (async () => {
    for await (const c of p) parts.push(c as Buffer);
  })();
  const top = "sosreport-w01-2024-08-18-xkcdabc";
  const messages = readFileSync(FIXTURE_PATH);
  p.entry({ name: `${top}/etc/hostname`, size: 4 }, Buffer.from("w01\n"));
  p.entry({ name: `${top}/hostname`, type: "symlink", linkname: "sos_commands/general/hostname" });
  p.entry({ name: `${top}/var/log/messages`, size: messages.length }, messages);
  for (let i = 0; i < 200; i++) {
    const noise = Buffer.from(`sysctl value ${i}\n`.repeat(50));
    p.entry({ name: `${top}/sos_commands/kernel/sysctl_-a.${i}`, size: noise.length }, noise);
  }
  p.finalize();
  await done;
  const tar = Buffer.concat(parts);
  let xz: Buffer | undefined;
  try {
    xz = execFileSync("xz", ["-c", "-1"], { input: tar });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const file = path.join(dir, xz ? "sosreport-w01.tar.xz" : "sosreport-w01.tar.gz");
  writeFileSync(file, xz ?? gzipSync(tar));
  return file;
}

test("drop a sosreport → progress, then the permalink with the crash, the host name and what was skipped", async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-e2e-archive-"));
  try {
    const file = await writeSosreport(dir);
    const statuses: string[] = [];
    await page.exposeFunction("recordUploadStatus", (text: string) => statuses.push(text));
    await page.goto("/");
    await page.getByTestId("file-input").setInputFiles(file);
    await expect(page.getByTestId("staged-files")).toContainText(path.basename(file));
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid="upload-status"]');
      if (!el) throw new Error("no upload status element");
      const record = (window as unknown as { recordUploadStatus: (t: string) => void }).recordUploadStatus;
      new MutationObserver(() => record(el.textContent ?? "")).observe(el, { childList: true, subtree: true, characterData: true });
    });
    await page.getByTestId("submit").click();
    await page.waitForURL(/\/incidents\/[A-Za-z0-9_-]{22,}$/, { timeout: 100_000 });
    expect(statuses.some((s) => /Uploading|Analysing/.test(s))).toBe(true);

    await expect(page.getByTestId("finding").first()).toContainText("kernel BUG in skb_segment");
    // The text read from the archive is what the page lists and shows: the member, named after the archive.
    await expect(page.getByTestId("raw-files")).toContainText(`${path.basename(file)}:sosreport-w01-2024-08-18-xkcdabc/var/log/messages`);
    const source = page.getByTestId("source");
    await expect(source).toContainText(path.basename(file));
    await expect(source).toContainText("host w01");
    await expect(source).toContainText("203 members, 1 read");
    await page.getByTestId("skipped-summary").click();
    await expect(page.getByTestId("skipped-members")).toContainText("not followed: a symbolic link to sos_commands/general/hostname");
    await expect(page.locator(".monaco-editor .view-lines")).toContainText("kernel", { timeout: 30_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an archive that is a decompression bomb is refused with a clear message", async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-e2e-bomb-"));
  try {
    const p = tarPack();
    const parts: Buffer[] = [];
    const done = (async () => {
      for await (const c of p) parts.push(c as Buffer);
    })();
    p.entry({ name: "var/log/messages", size: 64 << 20 }, Buffer.alloc(64 << 20));
    p.finalize();
    await done;
    const file = path.join(dir, "bomb.tar.gz");
    writeFileSync(file, gzipSync(Buffer.concat(parts)));
    await page.goto("/");
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByTestId("submit").click();
    await expect(page.getByTestId("upload-error")).toContainText("decompression bomb", { timeout: 60_000 });
    expect(page.url()).not.toMatch(/\/incidents\//);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const VMCORE_DATA = [path.resolve(import.meta.dirname, "../../shared/data/vmcore"), path.resolve(import.meta.dirname, "../../../shared/data/vmcore")].find(existsSync);

test("drop a vmcore → progress, then the permalink with the NULL dereference and the dump's facts", async ({ page }) => {
  test.skip(!VMCORE_DATA, "needs ../shared/data/vmcore");
  test.setTimeout(120_000);
  const statuses: string[] = [];
  await page.exposeFunction("recordUploadStatus", (text: string) => statuses.push(text));
  await page.goto("/");
  await page.getByTestId("file-input").setInputFiles({
    name: "vmcore",
    mimeType: "application/octet-stream",
    buffer: readFileSync(path.join(VMCORE_DATA!, "deb12-6.12-null-deref-oops/vmcore-mini.kdump-zlib")),
  });
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="upload-status"]');
    if (!el) throw new Error("no upload status element");
    const record = (window as unknown as { recordUploadStatus: (t: string) => void }).recordUploadStatus;
    new MutationObserver(() => record(el.textContent ?? "")).observe(el, { childList: true, subtree: true, characterData: true });
  });
  await page.getByTestId("submit").click();
  await page.waitForURL(/\/incidents\/[A-Za-z0-9_-]{22,}$/, { timeout: 100_000 });
  expect(statuses.some((s) => /Uploading|Analysing/.test(s))).toBe(true);
  await expect(page.getByTestId("finding").first()).toContainText("oopscope_read_victim");
  await expect(page.getByTestId("vmcore")).toContainText("6.12.117+deb12-cloud-amd64");
  // The stored file is the log read out of the dump: the dump's own size comes first, the text's is labelled.
  await expect(page.getByTestId("vmcore")).toContainText("Dump size2.5 MB");
  await expect(page.getByTestId("raw-file-size")).toHaveText(/^\(dump 2\.5 MB, extracted log \d+(\.\d)? KB\)$/);
  const markdown = await (await page.request.get(`${new URL(page.url()).pathname.replace("/incidents/", "/api/incidents/")}/export.md`)).text();
  expect(markdown).toContain("## Crash dump");
  expect(markdown).toContain("- **Dump size:** 2.53 MiB");
  expect(markdown).toContain("- **Kernel release:** 6.12.117+deb12-cloud-amd64");
});
