/** Uploads and logs shared by the workbench specs (signature page, list filters, viewer, phone width, keyboard). */
import { expect, type APIRequestContext } from "@playwright/test";
import { fixtureText } from "./helpers";

/** A unique tag per spec run, so counts are read relative to what this run uploaded. */
export const RUN = Date.now().toString(36);

/** The seed crash (kernel BUG in skb_segment, Aug 13, kernel 6.1.1) on another host. */
export const skbLog = (host: string): string => fixtureText().replaceAll(" w01 ", ` ${host} `);

/** The seed crash without its containerd line (`time="2024-08-13…"`): nothing in it says the year but the file's date. */
export const undatedSkbLog = (host: string): string =>
  skbLog(host)
    .split("\n")
    .filter((l) => !/time="\d{4}-/.test(l))
    .join("\n");

/** A hung task on kernel 5.15 (Sep 2): another class, kernel and date than the seed log. */
export const hungTaskLog = (host: string): string =>
  [
    "Sep  2 10:00:00 HOST kernel: Linux version 5.15.0-91-generic (buildd@lcy02) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0) #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023",
    "Sep  2 10:00:00 HOST kernel: Command line: BOOT_IMAGE=/vmlinuz ro",
    "Sep  2 10:05:00 HOST kernel: INFO: task kworker/0:1:123 blocked for more than 120 seconds.",
    "Sep  2 10:05:00 HOST kernel:       Not tainted 5.15.0-91-generic #101-Ubuntu",
    'Sep  2 10:05:00 HOST kernel: "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
    "Sep  2 10:05:00 HOST kernel: task:kworker/0:1     state:D stack:    0 pid:  123 ppid:     2 flags:0x00004000",
    "Sep  2 10:05:00 HOST kernel: Call Trace:",
    "Sep  2 10:05:00 HOST kernel:  <TASK>",
    "Sep  2 10:05:00 HOST kernel:  __schedule+0x2cd/0x890",
    "Sep  2 10:05:00 HOST kernel:  schedule+0x69/0x110",
    "Sep  2 10:05:00 HOST kernel:  rtnl_lock+0x15/0x20",
    "Sep  2 10:05:00 HOST kernel:  linkwatch_event+0xe/0x30",
    "Sep  2 10:05:00 HOST kernel:  process_one_work+0x228/0x3d0",
    "Sep  2 10:05:00 HOST kernel:  </TASK>",
    "",
  ]
    .join("\n")
    .replaceAll(" HOST ", ` ${host} `);

export type Uploaded = { id: string; url: string; repeatOf?: { id: string } };

/** Raw upload through the API; `lastModified` is what a browser sends for a dropped file (the year of syslog dates). */
export async function upload(request: APIRequestContext, { name, text, lastModified }: { name: string; text: string; lastModified?: string }): Promise<Uploaded> {
  const headers: Record<string, string> = { "X-Filename": name, "Content-Type": "text/plain" };
  if (lastModified) headers["X-Last-Modified"] = String(Date.parse(lastModified));
  const res = await request.post("/api/incidents", { data: text, headers });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as Uploaded;
}
