import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

/** A 50 MB syslog: node noise, then the seed crash near the end (the engine must find it past the megabytes). */
function writeLargeLog(file: string, targetBytes: number): void {
  const noise: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const s = String(i % 60).padStart(2, "0");
    const line = `Aug 13 15:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${s} w09 kubelet[1432]: I0813 15:00:${s}.100203    1432 kubelet.go:2185] "SyncLoop (probe)" probe="readiness" status="ready" pod="default/web-${i}"\n`;
    noise.push(line);
    size += line.length;
  }
  const crash = [
    "Aug 13 16:59:23 w09 kernel: kernel BUG at net/core/skbuff.c:4230!",
    "Aug 13 16:59:23 w09 kernel: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI",
    "Aug 13 16:59:23 w09 kernel: CPU: 3 PID: 0 Comm: swapper/3 Not tainted 6.1.1-1.el9.elrepo.x86_64 #1",
    "Aug 13 16:59:23 w09 kernel: RIP: 0010:skb_segment+0xbc8/0xd80",
    "Aug 13 16:59:23 w09 kernel: Call Trace:",
    "Aug 13 16:59:23 w09 kernel:  <IRQ>",
    "Aug 13 16:59:23 w09 kernel:  tcp_gso_segment+0x107/0x540",
    "Aug 13 16:59:23 w09 kernel:  inet_gso_segment+0x15c/0x3d0",
    "Aug 13 16:59:23 w09 kernel:  skb_mac_gso_segment+0x9f/0x110",
    "Aug 13 16:59:23 w09 kernel:  __skb_gso_segment+0xc1/0x190",
    "Aug 13 16:59:23 w09 kernel:  validate_xmit_skb+0x16c/0x330",
    "Aug 13 16:59:23 w09 kernel:  </IRQ>",
    "Aug 13 16:59:23 w09 kernel: Kernel panic - not syncing: Fatal exception in interrupt",
    "",
  ].join("\n");
  writeFileSync(file, noise.join("") + crash);
}

test("a 50 MB upload shows per-file progress, then processing, then the permalink", async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "oopscope-e2e-"));
  const file = path.join(dir, "messages-20240818");
  try {
    writeLargeLog(file, 50 * 1024 * 1024);
    const statuses: string[] = [];
    await page.exposeFunction("recordUploadStatus", (text: string) => statuses.push(text));
    await page.goto("/");
    await page.getByTestId("file-input").setInputFiles(file);
    await expect(page.getByTestId("staged-files")).toContainText("messages-20240818");
    // Record every status the page shows: a loopback upload can be faster than a poll.
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid="upload-status"]');
      if (!el) throw new Error("no upload status element");
      const record = (window as unknown as { recordUploadStatus: (t: string) => void }).recordUploadStatus;
      new MutationObserver(() => record(el.textContent ?? "")).observe(el, { childList: true, subtree: true, characterData: true });
    });
    await page.getByTestId("submit").click();
    await page.waitForURL(/\/incidents\/[A-Za-z0-9_-]{22,}$/, { timeout: 200_000 });
    expect(statuses.some((s) => /Uploading… \d+%/.test(s))).toBe(true);
    expect(statuses.some((s) => /Analysing on the server/.test(s))).toBe(true);
    await expect(page.getByTestId("finding").first()).toContainText("kernel BUG in skb_segment");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
