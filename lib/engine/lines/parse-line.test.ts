import { describe, expect, it, vi } from "vitest";
import { createLineContext, parseLine } from "./parse-line";
import { inferYear, parseIsoTime } from "./time";
import type { LogLine } from "../types";

const iso = (s: string) => Date.parse(s);

type Row = { name: string; raw: string; expect: Partial<LogLine>; year?: number; month?: number };

const ROWS: Row[] = [
  {
    name: "RFC 3164 with host",
    raw: "Aug 13 15:59:23 w01 kernel: kernel BUG at net/core/skbuff.c:4230!",
    expect: { format: "syslog", host: "w01", program: "kernel", text: "kernel BUG at net/core/skbuff.c:4230!", time: iso("2024-08-13T15:59:23Z") },
  },
  {
    name: "RFC 3164 single-digit day (two spaces)",
    raw: "Aug  3 01:02:03 w01 kernel: hello",
    expect: { format: "syslog", host: "w01", text: "hello", time: iso("2024-08-03T01:02:03Z") },
  },
  {
    name: "RFC 3164 with <13> PRI",
    raw: "<13>Aug 13 15:59:23 w01 root: test message",
    expect: { format: "syslog", host: "w01", program: "root", level: 5, text: "test message" },
  },
  {
    name: "RFC 3164 program[pid]",
    raw: "Aug 13 15:59:21 w01 containerd[980]: time=\"2024-08-13T15:59:21Z\" level=info msg=\"shim disconnected\"",
    expect: { format: "syslog", host: "w01", program: "containerd", pid: 980, level: 6 },
  },
  {
    name: "RFC 3164 without host (tag right after the time)",
    raw: "Aug 13 15:59:23 kernel: Out of memory: Killed process 1234 (java)",
    expect: { format: "syslog", program: "kernel", text: "Out of memory: Killed process 1234 (java)" },
  },
  {
    name: "RFC 3164 without host, message that looks like a tag",
    raw: "Aug 13 15:59:23 kernel: RIP: 0010:skb_segment+0xbc8/0xf20",
    expect: { format: "syslog", program: "kernel", text: "RIP: 0010:skb_segment+0xbc8/0xf20" },
  },
  {
    name: "kernel line in syslog keeps its own [uptime] and caller id",
    raw: "Aug 13 15:59:23 w01 kernel: [  492.198014][T24950] BUG: soft lockup - CPU#3 stuck for 22s!",
    expect: { format: "syslog", host: "w01", uptime: 492.198014, callerId: "T24950", text: "BUG: soft lockup - CPU#3 stuck for 22s!" },
  },
  {
    name: "journalctl short-precise",
    raw: "Aug 13 15:59:23.123456 w01 kernel: eth0: link up",
    expect: { format: "syslog", host: "w01", program: "kernel", text: "eth0: link up", time: iso("2024-08-13T15:59:23.123Z") },
  },
  {
    name: "journalctl short-iso with zone offset",
    raw: "2024-08-13T15:59:23+0800 w01 kernel: eth0: link up",
    expect: { format: "syslog-iso", host: "w01", program: "kernel", text: "eth0: link up", time: iso("2024-08-13T07:59:23Z") },
  },
  {
    name: "rsyslog RFC 3339 with fraction and +08:00",
    raw: "2024-08-13T15:59:23.654321+08:00 w01 kubelet[1432]: E0813 15:59:23.654000    1432 pod_workers.go:1300] \"Error syncing pod\"",
    expect: { format: "syslog-iso", host: "w01", program: "kubelet", pid: 1432, level: 3, time: iso("2024-08-13T07:59:23.654Z") },
  },
  {
    name: "ISO with an hour-only zone",
    raw: "2024-08-13 15:59:23,250+08 w01 kernel: x",
    expect: { format: "syslog-iso", host: "w01", text: "x", time: iso("2024-08-13T07:59:23.250Z") },
  },
  {
    name: "ISO with Z",
    raw: "2024-08-13T15:59:23Z node-7 kernel: hello",
    expect: { format: "syslog-iso", host: "node-7", program: "kernel", text: "hello", time: iso("2024-08-13T15:59:23Z") },
  },
  {
    name: "ISO with negative offset",
    raw: "2024-08-13T15:59:23.5-05:00 h kernel: x",
    expect: { format: "syslog-iso", host: "h", time: iso("2024-08-13T20:59:23.500Z") },
  },
  {
    name: "RFC 5424",
    raw: "<34>1 2024-08-13T15:59:23.003Z mymachine.example.com su 1234 ID47 - 'su root' failed for lonvick",
    expect: {
      format: "syslog-iso",
      host: "mymachine.example.com",
      program: "su",
      pid: 1234,
      level: 2,
      text: "'su root' failed for lonvick",
      time: iso("2024-08-13T15:59:23.003Z"),
    },
  },
  {
    name: "RFC 5424 with structured data",
    raw: '<165>1 2024-08-13T15:59:23Z h app - - [exampleSDID@32473 iut="3"] An application event',
    expect: { format: "syslog-iso", host: "h", program: "app", level: 5, text: "An application event" },
  },
  {
    name: "dmesg raw",
    raw: "[  123.456789] kernel BUG at mm/slub.c:100!",
    expect: { format: "dmesg", program: "kernel", uptime: 123.456789, text: "kernel BUG at mm/slub.c:100!" },
  },
  {
    name: "dmesg with <4> level",
    raw: "<4>[  123.456789] WARNING: CPU: 1 PID: 2 at net/core/dev.c:1 f+0x1/0x2",
    expect: { format: "dmesg", level: 4, uptime: 123.456789, text: "WARNING: CPU: 1 PID: 2 at net/core/dev.c:1 f+0x1/0x2" },
  },
  {
    name: "dmesg with [T24950] caller id glued on",
    raw: "[  492.198014][T24950] BUG: KASAN: use-after-free in foo+0x1/0x2",
    expect: { format: "dmesg", uptime: 492.198014, callerId: "T24950", text: "BUG: KASAN: use-after-free in foo+0x1/0x2" },
  },
  {
    name: "dmesg with spaced [ T123] caller id",
    raw: "[    0.000000] [    T0] Linux version 6.9.0 (x@y) (gcc) #1 SMP",
    expect: { format: "dmesg", uptime: 0, callerId: "T0", text: "Linux version 6.9.0 (x@y) (gcc) #1 SMP" },
  },
  {
    name: "dmesg with CPU caller id",
    raw: "[   12.5][    C1] NMI backtrace for cpu 1",
    expect: { format: "dmesg", uptime: 12.5, callerId: "C1", text: "NMI backtrace for cpu 1" },
  },
  {
    name: "journalctl -o short-monotonic kernel line",
    raw: "[  492.198014] w01 kernel: BUG: soft lockup - CPU#3 stuck for 22s! [a:1]",
    expect: { format: "dmesg", host: "w01", program: "kernel", uptime: 492.198014, text: "BUG: soft lockup - CPU#3 stuck for 22s! [a:1]" },
  },
  {
    name: "journalctl -o short-monotonic agent line",
    raw: '[  492.2] w01 kubelet[1432]: E0813 15:59:21.100203    1432 kubelet.go:2185] "Skipping pod synchronization"',
    expect: { format: "dmesg", host: "w01", program: "kubelet", pid: 1432, level: 3, text: '"Skipping pod synchronization"' },
  },
  {
    name: "dmesg text that looks like `word word:` keeps its text",
    raw: "[    1.234567] usb 1-1: new high-speed USB device number 2 using xhci_hcd",
    expect: { format: "dmesg", program: "kernel", text: "usb 1-1: new high-speed USB device number 2 using xhci_hcd" },
  },
  {
    name: "dmesg -T",
    raw: "[Tue Aug 13 15:59:23 2024] kernel BUG at net/core/skbuff.c:4230!",
    expect: { format: "dmesg-human", program: "kernel", text: "kernel BUG at net/core/skbuff.c:4230!", time: iso("2024-08-13T15:59:23Z") },
  },
  {
    name: "dmesg -T with a single-digit day",
    raw: "[Sat Aug  3 01:02:03 2024] hello",
    expect: { format: "dmesg-human", text: "hello", time: iso("2024-08-03T01:02:03Z") },
  },
  {
    name: "klog inside syslog (kubelet)",
    raw: 'Aug 13 15:59:21 w01 kubelet[1432]: I0813 15:59:21.100203    1432 kubelet_getters.go:182] "Pod status updated"',
    expect: { format: "syslog", host: "w01", program: "kubelet", pid: 1432, level: 6, text: '"Pod status updated"' },
  },
  {
    name: "klog alone",
    raw: "E0813 15:59:21.100203    1432 kubelet.go:2185] \"Skipping pod synchronization\" err=\"PLEG is not healthy\"",
    expect: { format: "klog", level: 3, pid: 1432, time: iso("2024-08-13T15:59:21.100Z") },
  },
  {
    name: "logfmt",
    raw: 'time="2024-08-13T15:59:21Z" level=warning msg="Unable to update ipcache map entry" subsys=datapath',
    expect: { format: "logfmt", level: 4, time: iso("2024-08-13T15:59:21Z") },
  },
  {
    name: "JSON line",
    raw: '{"level":"error","ts":"2024-08-13T15:59:21.5Z","msg":"failed to sync","caller":"x.go:1"}',
    expect: { format: "json", level: 3, text: "failed to sync", time: iso("2024-08-13T15:59:21.500Z") },
  },
  {
    name: "JSON line with numeric epoch seconds",
    raw: '{"level":"info","ts":1723564761,"msg":"ok"}',
    expect: { format: "json", level: 6, text: "ok", time: 1723564761000 },
  },
  {
    name: "broken JSON stays plain",
    raw: '{"level":"info", oops}',
    expect: { format: "plain", text: '{"level":"info", oops}' },
  },
  {
    name: "crash utility prompt",
    raw: "crash> bt",
    expect: { format: "crash", program: "kernel", text: "bt" },
  },
  {
    name: "crash utility frame",
    raw: " #5 [ffffb0e1c0d5c8a8] skb_segment at ffffffff8a1b2c3d",
    expect: { format: "crash", program: "kernel" },
  },
  {
    name: "crash utility PID line",
    raw: 'PID: 0      TASK: ffffffff8a81a940  CPU: 12  COMMAND: "swapper/12"',
    expect: { format: "crash" },
  },
  {
    name: "grep -R match prefix (seed 000)",
    raw: "/var/log/messages-20240618:Aug 13 15:59:23 w01 kernel: kernel BUG at net/core/skbuff.c:4230!",
    expect: { format: "syslog", host: "w01", program: "kernel", text: "kernel BUG at net/core/skbuff.c:4230!" },
  },
  {
    name: "grep -R context prefix (seed 000)",
    raw: "/var/log/messages-20240618-Aug 13 16:00:30 w01 kernel: Command line: BOOT_IMAGE=x crashkernel=1G-4G:192M",
    expect: { format: "syslog", host: "w01", program: "kernel", text: "Command line: BOOT_IMAGE=x crashkernel=1G-4G:192M" },
  },
  {
    name: "plain text",
    raw: "Kernel panic - not syncing: Fatal exception",
    expect: { format: "plain", text: "Kernel panic - not syncing: Fatal exception" },
  },
  { name: "empty", raw: "", expect: { format: "plain", text: "" } },
];

describe("parseLine", () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const ctx = createLineContext(0, row.year ?? 2024, row.month);
      const line = parseLine(row.raw, 7, ctx);
      expect(line).toMatchObject({ ...row.expect, raw: row.raw, lineNo: 7, fileIndex: 0 });
    });
  }

  it("syslogd wall banner applies host and time to the ` kernel:…` body (seed 001)", () => {
    const ctx = createLineContext(0, 2019, 5);
    const banner = parseLine("Message from syslogd@VM_1_72_centos at May  6 17:43:49 ...", 1, ctx);
    expect(banner).toMatchObject({ format: "syslogd-wall", host: "VM_1_72_centos" });
    const body = parseLine(" kernel:unregister_netdevice: waiting for cli-veth to become free. Usage count = 1", 2, ctx);
    expect(body).toMatchObject({
      format: "syslogd-wall",
      host: "VM_1_72_centos",
      program: "kernel",
      text: "unregister_netdevice: waiting for cli-veth to become free. Usage count = 1",
      time: iso("2019-05-06T17:43:49Z"),
    });
    // The banner applies once: the next line is parsed on its own.
    const next = parseLine("kernel:unregister_netdevice: waiting for cli-veth to become free. Usage count = 1", 3, ctx);
    expect(next.host).toBeUndefined();
  });

  it("a grep -R prefix anchors the year of its line (rotated file date)", () => {
    const ctx = createLineContext(0, 2026, 11);
    const l = parseLine("/var/log/messages-20240618:Aug 16 00:15:16 w01 kernel: kernel BUG at net/core/skbuff.c:4230!", 3, ctx);
    // August is after the June rotation date: the line is from 2023 (see inferYear).
    expect(l).toMatchObject({ format: "syslog", host: "w01", time: iso("2023-08-16T00:15:16Z"), lineNo: 3 });
    expect(l.raw.startsWith("/var/log/messages-20240618:")).toBe(true);
    const m = parseLine("/var/log/messages-20240822-Aug 13 16:00:30 w01 kernel: x", 4, ctx);
    expect(m.time).toBe(iso("2024-08-13T16:00:30Z"));
    // Without a date in the name the file's year stands.
    expect(parseLine("/var/log/messages:Aug 13 16:00:30 w01 kernel: x", 5, ctx).time).toBe(iso("2026-08-13T16:00:30Z"));
  });

  it("grep -r prefixes: relative names, -n line numbers and -A/-B context lines take the named file's year", () => {
    const ctx = createLineContext(0, 2026, 12);
    const rows: [string, string][] = [
      ["messages-20240901:Aug 16 10:00:01 node7 kernel: x", "2024-08-16T10:00:01Z"],
      ["messages-20240901-Aug 31 23:10:01 node7 kernel: x", "2024-08-31T23:10:01Z"],
      ["./messages-20240901:Aug 31 23:10:01 node7 kernel: x", "2024-08-31T23:10:01Z"],
      ["../log/messages-20240901-Aug 31 23:10:01 node7 kernel: x", "2024-08-31T23:10:01Z"],
      ["/var/log/messages-20240901:1234:Aug 16 10:00:01 node7 kernel: x", "2024-08-16T10:00:01Z"],
      ["/var/log/messages-20240901-1235-Aug 16 10:00:01 node7 kernel: x", "2024-08-16T10:00:01Z"],
      ["messages-20240901-88-Aug 31 23:10:01 node7 kernel: x", "2024-08-31T23:10:01Z"],
    ];
    for (const [raw, time] of rows) {
      expect(parseLine(raw, 1, ctx), raw).toMatchObject({ format: "syslog", host: "node7", program: "kernel", text: "x", time: iso(time), raw });
    }
    // A word before a colon is a tag, not a file, unless a full date follows.
    expect(parseLine("audit: type=1400 audit(1723543163.123:42): apparmor", 1, ctx).format).toBe("plain");
    expect(parseLine("kernel:[  12.345678] x", 1, ctx).host).toBeUndefined();
  });

  it("CRI container log lines (/var/log/containers): time, stream, tag, then the agent's own line", () => {
    const ctx = createLineContext(0, 2024);
    const p = parseLine("2024-02-14T10:00:00.123456789Z stderr F panic: runtime error: index out of range [3] with length 0", 1, ctx);
    expect(p).toMatchObject({ format: "syslog-iso", text: "panic: runtime error: index out of range [3] with length 0", time: iso("2024-02-14T10:00:00.123Z") });
    expect(p.host).toBeUndefined();
    const q = parseLine('2024-02-14T10:00:00.5Z stdout F level=info msg="Cilium 1.15.0 5f4d5c7 2024-01-31T10:28:19+01:00" subsys=daemon', 2, ctx);
    expect(q).toMatchObject({ level: 6, text: 'level=info msg="Cilium 1.15.0 5f4d5c7 2024-01-31T10:28:19+01:00" subsys=daemon' });
    expect(parseLine("2024-02-14T10:00:00Z stderr F \t/go/src/x.go:15 +0x65", 3, ctx).text).toBe("\t/go/src/x.go:15 +0x65");
  });

  it("wall body without the leading space", () => {
    const ctx = createLineContext(0, 2019, 5);
    parseLine("Message from syslogd@h1 at Tue May  6 17:43:49 2019 ...", 1, ctx);
    const body = parseLine("kernel:BUG: soft lockup - CPU#2 stuck for 23s! [kworker/2:1:123]", 2, ctx);
    expect(body).toMatchObject({ host: "h1", program: "kernel", text: "BUG: soft lockup - CPU#2 stuck for 23s! [kworker/2:1:123]" });
  });

  it("year inference: messages-20240618 and a December line belong to 2023", () => {
    const y = inferYear("/var/log/messages-20240618");
    expect(y).toMatchObject({ year: 2024, month: 6 });
    const ctx = createLineContext(0, y.year, y.month);
    expect(parseLine("Dec 31 23:59:59 w01 kernel: x", 1, ctx).time).toBe(iso("2023-12-31T23:59:59Z"));
    expect(parseLine("Jun 17 10:00:00 w01 kernel: x", 2, ctx).time).toBe(iso("2024-06-17T10:00:00Z"));
    expect(parseLine("Jan  2 10:00:00 w01 kernel: x", 3, ctx).time).toBe(iso("2024-01-02T10:00:00Z"));
  });

  it("year inference falls back to mtime, then now", () => {
    expect(inferYear("messages", { mtime: new Date("2022-03-01T00:00:00Z") })).toMatchObject({ year: 2022, month: 3, from: "file time" });
    expect(inferYear("dmesg.txt", { now: new Date("2021-07-01T00:00:00Z") })).toMatchObject({ year: 2021, from: "current year" });
    // A number that is not a date is not taken for one.
    expect(inferYear("messages-20241399", { now: new Date("2021-07-01T00:00:00Z") }).year).toBe(2021);
  });

  it("the latest dated line anchors before the mtime, and lines may run a month past it (a sample is not the end)", () => {
    // A grep paste of messages-20240929 and the current `messages`: the current file's lines follow the rotation.
    const y = inferYear("paste.txt", { latestDatedLine: new Date("2024-09-29T23:59:59Z"), mtime: new Date("2026-11-20T00:00:00Z") });
    expect(y).toMatchObject({ year: 2024, month: 9, monthsAhead: 1, from: "dated lines" });
    const ctx = createLineContext(0, y.year, y.month, y.monthsAhead);
    expect(parseLine("/var/log/messages:Oct  3 08:00:00 w01 kernel: x", 1, ctx).time).toBe(iso("2024-10-03T08:00:00Z"));
    expect(parseLine("/var/log/messages-20240929:Sep 28 08:00:00 w01 kernel: x", 2, ctx).time).toBe(iso("2024-09-28T08:00:00Z"));
    expect(parseLine("Aug 16 10:00:01 w01 kernel: x", 3, ctx).time).toBe(iso("2024-08-16T10:00:01Z"));
    expect(parseLine("Dec  1 10:00:01 w01 kernel: x", 4, ctx).time).toBe(iso("2023-12-01T10:00:01Z"));
    // Across the new year: a December anchor, January lines.
    const dec = inferYear("paste.txt", { latestDatedLine: new Date("2024-12-28T00:00:00Z") });
    expect(parseLine("Jan  3 10:00:00 w01 kernel: x", 5, createLineContext(0, dec.year, dec.month, dec.monthsAhead)).time).toBe(iso("2025-01-03T10:00:00Z"));
    // The mtime and now are where the file ends: a month past them is the year before.
    expect(parseLine("Oct  3 08:00:00 w01 kernel: x", 6, createLineContext(0, 2024, 9)).time).toBe(iso("2023-10-03T08:00:00Z"));
  });

  it("impossible dates give no time instead of a rolled-over one", () => {
    expect(parseIsoTime("2024-13-01T00:00:00Z")).toBeUndefined();
    expect(parseIsoTime("2024-02-30T00:00:00Z")).toBeUndefined();
    expect(parseIsoTime("2024-04-31T00:00:00Z")).toBeUndefined();
    expect(parseIsoTime("2024-02-29T00:00:00Z")).toBe(iso("2024-02-29T00:00:00Z"));
    expect(parseLine("Feb 29 10:00:00 h kernel: x", 1, createLineContext(0, 2023)).time).toBeUndefined();
    expect(parseLine("Feb 29 10:00:00 h kernel: x", 1, createLineContext(0, 2024)).time).toBe(iso("2024-02-29T10:00:00Z"));
    const l = parseLine("2024-02-31T25:00:00Z h kernel: x", 1, createLineContext(0, 2024));
    expect(l.time).toBeUndefined();
  });

  it("a pasted shell prompt is the user's command, not log output", () => {
    const ctx = createLineContext(0, 2024);
    for (const raw of ['[root@w01 ~]# grep -A 10 -R "kernel BUG" /var/log/messages*', "core@node-1:~$ dmesg | grep BUG:", "$ uname -r", "# journalctl -k"]) {
      expect(parseLine(raw, 1, ctx)).toMatchObject({ program: "shell", text: raw, format: "plain" });
    }
    // A kernel line that starts with `#` (crash's `bt`) or a word stays what it was.
    expect(parseLine(" #0 [ffffb4a9c0198a40] machine_kexec at ffffffff8106", 1, ctx).program).not.toBe("shell");
    expect(parseLine("kernel BUG at net/core/skbuff.c:4230!", 1, ctx).program).toBeUndefined();
  });

  it("peels wrappers around whole lines: quotes, line numbers, Talos, facility tags, date-less kernel tags, forwarded consoles", () => {
    const ctx = createLineContext(0, 2024);
    expect(parseLine(">>>   RIP: 0010:[<ffffffff8103157e>]  [<ffffffff8103157e>] kern_addr_valid+0xbe/0x110", 1, ctx).text).toBe(
      "  RIP: 0010:[<ffffffff8103157e>]  [<ffffffff8103157e>] kern_addr_valid+0xbe/0x110",
    );
    expect(parseLine("> [598428.945793] RIP: 0010:smb2_push_mandatory_locks+0xd6/0x5a0 [cifs]", 1, ctx)).toMatchObject({ format: "dmesg", text: "RIP: 0010:smb2_push_mandatory_locks+0xd6/0x5a0 [cifs]" });
    expect(parseLine("32792 Mar  3 15:04:11 localhost kernel: [610610.283118] RIP: 0010:__dec_node_state+0x13/0x60", 1, ctx)).toMatchObject({
      format: "syslog",
      host: "localhost",
      program: "kernel",
      text: "RIP: 0010:__dec_node_state+0x13/0x60",
    });
    // A number before plain text is the text's own.
    expect(parseLine("42 packets dropped", 1, ctx).text).toBe("42 packets dropped");
    expect(parseLine("nanofield: kern: warning: [2021-08-05T21:46:09.360110081Z]: WARNING: CPU: 3 PID: 13261 at net/core/stream.c:208 sk_stream_kill_queues+0x109/0x120", 1, ctx)).toMatchObject({
      host: "nanofield",
      program: "kernel",
      level: 4,
      time: Date.parse("2021-08-05T21:46:09.360Z"),
      text: "WARNING: CPU: 3 PID: 13261 at net/core/stream.c:208 sk_stream_kill_queues+0x109/0x120",
    });
    expect(parseLine(" kern:     err: [2025-01-22T15:00:15.542409509Z]: e1000e 0000:00:1f.6 eno1: Detected Hardware Unit Hang:", 1, ctx)).toMatchObject({ program: "kernel", level: 3 });
    expect(parseLine("2025-01-11T14:18:39.91660 kern.err: [  621.892001] ACPI BIOS Error (bug): x", 1, ctx)).toMatchObject({ program: "kernel", text: "ACPI BIOS Error (bug): x", uptime: 621.892001 });
    expect(parseLine("vmhost kernel: e1000e 0000:00:1f.6 eth0: Detected Hardware Unit Hang:", 1, ctx)).toMatchObject({ host: "vmhost", program: "kernel", text: "e1000e 0000:00:1f.6 eth0: Detected Hardware Unit Hang:" });
    expect(parseLine('time="2020-06-29T17:09:58.370225586Z" level=info msg="[    0.317958] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\\n" name=kata-proxy pid=1 source=agent', 1, ctx)).toMatchObject({
      program: "kernel",
      text: "Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)",
    });
  });

  it("dmesg -H: dated minute lines and +delta lines (no uptime: a delta is no clock)", () => {
    const ctx = createLineContext(0, 2024);
    expect(parseLine("[Mar 5 10:00] sd 6:0:4:0: attempting task abort!", 1, ctx)).toMatchObject({
      format: "dmesg-human",
      program: "kernel",
      time: Date.UTC(2024, 2, 5, 10, 0, 0),
      text: "sd 6:0:4:0: attempting task abort!",
    });
    const delta = parseLine("[  +0.000003] sd 6:0:4:0: task abort: SUCCESS scmd(0x00000000eb0d9438)", 2, ctx);
    expect(delta).toMatchObject({ format: "dmesg-human", program: "kernel", text: "sd 6:0:4:0: task abort: SUCCESS scmd(0x00000000eb0d9438)" });
    expect(delta.uptime).toBeUndefined();
  });

  it("a VM console forwarded by its hypervisor process is kernel output", () => {
    const ctx = createLineContext(0, 2024);
    expect(parseLine("Jan 27 16:33:09 HOST com.docker.backend[56957]: [  956.812853] kernel BUG at fs/attr.c:446!", 1, ctx)).toMatchObject({
      program: "kernel",
      uptime: 956.812853,
      text: "kernel BUG at fs/attr.c:446!",
    });
    expect(parseLine("Jan 27 16:33:09 HOST dockerd[1]: [info] started", 1, ctx).program).toBe("dockerd");
  });

  it("a paste indented as a code block keeps its prefixes; an indented frame stays a frame", () => {
    const ctx = createLineContext(0, 2024);
    expect(parseLine("    [  484.469885]       Not tainted 5.4.0-104-generic #118-Ubuntu", 1, ctx)).toMatchObject({ format: "dmesg", uptime: 484.469885, text: "      Not tainted 5.4.0-104-generic #118-Ubuntu" });
    expect(parseLine("    kernel: Pid: 0, comm: swapper Not tainted 2.6.32-358.2.1.el6.x86_64 #1", 1, ctx)).toMatchObject({ program: "kernel", text: "Pid: 0, comm: swapper Not tainted 2.6.32-358.2.1.el6.x86_64 #1" });
    expect(parseLine(" [<ffffffff8112c207>] ? __alloc_pages_nodemask+0x757/0x8d0", 1, ctx)).toMatchObject({ format: "plain", text: " [<ffffffff8112c207>] ? __alloc_pages_nodemask+0x757/0x8d0" });
  });

  it("never throws on junk", () => {
    const ctx = createLineContext(0, 2024);
    for (const raw of ["<", "[", "[ 1.", "<999>[", "{", "{}", "Aug", "Aug 13 ", "/", "/x:Aug 13 1", "Message from syslogd@", "\ufffd\ufffd", "2024-"]) {
      const l = parseLine(raw, 1, ctx);
      expect(typeof l.text).toBe("string");
    }
  });
});

describe("JSON lines", () => {
  it("only a syntax error means 'not JSON': any other failure while reading the line is not hidden", () => {
    const ctx = createLineContext(0, 2024);
    const spy = vi.spyOn(JSON, "parse").mockImplementation(() => {
      throw new TypeError("parser bug");
    });
    try {
      expect(() => parseLine('{"msg":"x"}', 1, ctx)).toThrow("parser bug");
    } finally {
      spy.mockRestore();
    }
    expect(parseLine('{"msg":"x"}', 1, ctx).text).toBe("x");
    expect(parseLine("{ not json }", 1, ctx)).toMatchObject({ format: "plain", text: "{ not json }" });
  });
});
