import { describe, expect, it, vi } from "vitest";
import { createLineContext, parseLine, peekHostOfText } from "./parse-line";
import { inferYear, parseIsoTime } from "./time";
import type { LogLine } from "../types";

const iso = (s: string) => Date.parse(s);

type Row = { name: string; raw: string; expect: Partial<LogLine>; year?: number; month?: number };

const ROWS: Row[] = [
  {
    name: "a blog mirror's copy with spaces around a symbol's `+` (syntaxbug.com): read as `f+0xN/0xM`",
    raw: "[ 153.156928] PC is at test_and_set_bit + 0x18/0x38",
    expect: { format: "dmesg", program: "kernel", text: "PC is at test_and_set_bit+0x18/0x38" },
  },
  {
    name: "a spaced `+` in an ARM `(f) from (g)` frame; a `+` between words stays",
    raw: "[<c4562960>] (_ do_softirq + 0x8c/0x118) from [<c4562a68>] (irq_exit + 0x7c/0x98), a + b",
    expect: { text: "[<c4562960>] (_ do_softirq+0x8c/0x118) from [<c4562a68>] (irq_exit+0x7c/0x98), a + b" },
  },
  {
    name: "RFC 3164 with host",
    raw: "Aug 13 15:59:23 w01 kernel: kernel BUG at net/core/skbuff.c:4230!",
    expect: { format: "syslog", host: "w01", program: "kernel", text: "kernel BUG at net/core/skbuff.c:4230!", time: iso("2024-08-13T15:59:23Z") },
  },
  {
    name: "dmesg stamp whose head a paste lost (the selection started inside it)",
    raw: ".345678] BUG: kernel NULL pointer dereference, address: 0000000000000008",
    expect: { format: "dmesg", program: "kernel", text: "BUG: kernel NULL pointer dereference, address: 0000000000000008" },
  },
  {
    name: "dmesg stamp cut before its caller id (kept: syzkaller's interleaved reports are split by it)",
    raw: "45678][ T1234] RIP: 0010:skb_segment+0xbc8/0xf20",
    expect: { format: "dmesg", program: "kernel", text: "RIP: 0010:skb_segment+0xbc8/0xf20", callerId: "T1234" },
  },
  {
    name: "s390 console copied from x3270 under code page 037 (CP1047 text): `¨`/`Ý` for the brackets, stamp's `[` lost",
    raw: "64.735740¨  <00000000876936c6>¨ notifier_call_chain+0x3e/0xe8  ",
    expect: { format: "dmesg", program: "kernel", uptime: 64.73574, text: " [<00000000876936c6>] notifier_call_chain+0x3e/0xe8  " },
  },
  {
    name: "x3270 code page 037 copy: `Ý#1¨` is the oops counter",
    raw: "64.735533¨ Oops: 0038 ilc:3 Ý#1¨ PREEMPT SMP  ",
    expect: { format: "dmesg", uptime: 64.735533, text: "Oops: 0038 ilc:3 [#1] PREEMPT SMP  " },
  },
  {
    name: "x3270 copy of code page 500 text in a Latin-9 mail: `c` and `!` for the brackets (frames, `c#1!`)",
    raw: "c 1851.721279!  c<000000000029342a>! unlink_anon_vmas+0x9a/0x1d8",
    expect: { format: "dmesg", program: "kernel", uptime: 1851.721279, text: " [<000000000029342a>] unlink_anon_vmas+0x9a/0x1d8" },
  },
  {
    name: "x3270 Latin-9 copy: a bare-address frame in parentheses and the oops counter",
    raw: "c 1851.721273! (c<0000000083e45898>! 0x83e45898)",
    expect: { format: "dmesg", text: "([<0000000083e45898>] 0x83e45898)" },
  },
  {
    name: "a line starting with `c` and a number is not an x3270 stamp without the `!`",
    raw: "c 1851.721279 cpu clock",
    expect: { format: "plain", text: "c 1851.721279 cpu clock" },
  },
  {
    name: "RFC 3164 under a Chinese or Japanese locale: journalctl writes the month as a number (`1月`)",
    raw: "1月 29 22:38:32 localhost.localdomain dockerd[7024]: SIGABRT: abort",
    expect: { format: "syslog", host: "localhost.localdomain", program: "dockerd", pid: 7024, text: "SIGABRT: abort", time: iso("2024-01-29T22:38:32Z") },
  },
  {
    name: "RFC 3164 under a Korean locale, one-digit day (`12월  3`)",
    raw: "12월  3 04:05:06 node-a kernel: nf_conntrack: table full, dropping packet",
    expect: { format: "syslog", host: "node-a", program: "kernel", text: "nf_conntrack: table full, dropping packet", time: iso("2024-12-03T04:05:06Z") },
  },
  {
    name: "a digit-led line with a syslog-like shape but no CJK month is no syslog line (no time from it)",
    raw: "123 05 10:11:12 node-a kernel: x",
    expect: { format: "plain", host: "node-a", program: "kernel", text: "x" },
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
    name: "SONiC rsyslog template: zone after the fraction, year after the zone, level word before the tag",
    raw: "Jan 15 05:40:45.093251+00:00 2024 ax1-spine103 INFO containerd[501]: fatal error: unexpected signal during runtime execution",
    expect: { format: "syslog", host: "ax1-spine103", program: "containerd", pid: 501, level: 6, text: "fatal error: unexpected signal during runtime execution", time: iso("2024-01-15T05:40:45.093Z") },
  },
  {
    name: "RFC 3164 stamp with a zone offset: the time is taken back to UTC",
    raw: "Mar 26 21:22:11.827598+08:00 2021 r-bulldog-02 EMERG kernel: [  594.227984] eth0: link up",
    expect: { format: "syslog", host: "r-bulldog-02", program: "kernel", level: 0, uptime: 594.227984, text: "eth0: link up", time: iso("2021-03-26T13:22:11.827Z") },
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
    // rsyslog names a machine whose hostname was never set `(none)` (the kernel's default nodename): a host, not the
    // start of console text, after an ISO time as after an RFC 3164 one (openzfs/zfs#368, 3.0.3 Gentoo).
    name: "ISO time with the unset hostname `(none)`",
    raw: "2011-08-20T12:06:24.176101+02:00 (none) kernel: IP: [<ffffffff810aa508>] balance_pgdat+0x488/0x750",
    expect: { format: "syslog-iso", host: "(none)", program: "kernel", text: "IP: [<ffffffff810aa508>] balance_pgdat+0x488/0x750", time: iso("2011-08-20T10:06:24.176Z") },
  },
  {
    name: "RFC 3164 time with the unset hostname `(none)`",
    raw: "Aug 20 12:06:24 (none) kernel: Oops: 0002 [#1] SMP",
    expect: { format: "syslog", host: "(none)", program: "kernel", text: "Oops: 0002 [#1] SMP" },
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
    // A template that writes `<%PRI%> %PROTOCOL-VERSION% …` (netdev, bonding under TIPC): once read as dmesg's `<6>`
    // level with the whole syslog prefix left in the message.
    name: "RFC 5424 with a space between the PRI and the version",
    raw: "<6> 1 2020-11-20T18:14:19.159524+01:00 LABNBS5B kernel - - - [65818.378287] bond0: now running without any active interface!",
    expect: {
      format: "syslog-iso",
      host: "LABNBS5B",
      program: "kernel",
      level: 6,
      uptime: 65818.378287,
      text: "bond0: now running without any active interface!",
      time: iso("2020-11-20T17:14:19.159Z"),
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
    // igb's Tx-hang dump prints values as `<0>`; a terminal wrap moves one onto a line of its own.
    name: "a bare level with nothing after it is the value a wrap moved, not a kmsg record",
    raw: " <0>",
    expect: { format: "plain", text: " <0>" },
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
    name: "a caller id with no stamp (CONFIG_PRINTK_CALLER, printk.time=0): peeled like the stamped form's",
    raw: "[  T643] kernel BUG at kernel/popcorn/pcn_kmsg.c:81!",
    expect: { format: "dmesg", program: "kernel", callerId: "T643", text: "kernel BUG at kernel/popcorn/pcn_kmsg.c:81!" },
  },
  {
    name: "a stampless caller id keeps the frame's own indentation, and a level before it is read",
    raw: "<4>[    C1]  __request_remote_page.cold+0x46/0x65",
    expect: { format: "dmesg", level: 4, callerId: "C1", text: " __request_remote_page.cold+0x46/0x65" },
  },
  {
    name: "dmesg with Android's CPU glued after the stamp (`]@0 `)",
    raw: "[   49.655108]@0 PC is at mpage_prepare_extent_to_map+0x198/0x218",
    expect: { format: "dmesg", uptime: 49.655108, text: "PC is at mpage_prepare_extent_to_map+0x198/0x218" },
  },
  {
    name: "dmesg with Broadcom Android's CPU and task comm after the stamp (` C1 [ swapper/1] `)",
    raw: "<3>[26578.636839] C1 [ swapper/1] BUG: scheduling while atomic: swapper/1/0/0x00000002",
    expect: { format: "dmesg", level: 3, uptime: 26578.636839, text: "BUG: scheduling while atomic: swapper/1/0/0x00000002" },
  },
  {
    name: "dmesg with MediaTek/realme's CPU and pid:comm glued before the text (`  (3)[31797:kworker/u16:3]`)",
    raw: "<4>[ 3119.648002]  (3)[31797:kworker/u16:3]pc : rpmh_write_batch+0x43c/0x448",
    expect: { format: "dmesg", level: 4, uptime: 3119.648002, text: "pc : rpmh_write_batch+0x43c/0x448" },
  },
  {
    name: "Samsung last_kmsg's lower-case CPU tag after the stamp (` c1 `) is peeled, the PC line read",
    raw: "<4>[41740.125183] c1 PC is at cgroup_rmdir+0x88/0x534",
    expect: { format: "dmesg", level: 4, uptime: 41740.125183, text: "PC is at cgroup_rmdir+0x88/0x534" },
  },
  {
    name: "Samsung's CPU tag with the pid and comm in parentheses (` c0 1 (swapper/0) `) is peeled",
    raw: "[    0.694030] c0 1 (swapper/0) Internal error: Oops: 5 [#1] PREEMPT SMP ARM",
    expect: { format: "dmesg", uptime: 0.69403, text: "Internal error: Oops: 5 [#1] PREEMPT SMP ARM" },
  },
  {
    name: "a Samsung CPU tag keeps a backtrace line's own indentation (`c1  r7:`)",
    raw: "<4>[169739.712633] c1  r7:00000006 r6:00000021 r5:00000000 r4:00000000",
    expect: { format: "dmesg", level: 4, text: " r7:00000006 r6:00000021 r5:00000000 r4:00000000" },
  },
  {
    name: "dmesg with PREEMPT_RT 5.x's three-digit CPU after the stamp (` 027: `), a frame keeping its indent",
    raw: "[195380.604793] 027:  __schedule+0x3d4/0x8a0",
    expect: { format: "dmesg", uptime: 195380.604793, text: " __schedule+0x3d4/0x8a0" },
  },
  {
    name: "PREEMPT_RT's CPU prefix in a kernel line rsyslog wrote (imklog) is peeled, the register line read",
    raw: "Mar 11 08:00:00 s32g kernel: 000: pc : setup_arch+0x15c/0x570",
    expect: { format: "syslog", program: "kernel", text: "pc : setup_arch+0x15c/0x570" },
  },
  {
    name: "PREEMPT_RT's CPU prefix after a dmesg -T stamp is peeled",
    raw: "[Mon Mar 11 08:00:00 2024] 000: pc : setup_arch+0x15c/0x570",
    expect: { format: "dmesg-human", program: "kernel", text: "pc : setup_arch+0x15c/0x570" },
  },
  {
    name: "PREEMPT_RT's CPU prefix in a /dev/kmsg record is peeled, a frame keeping its indent",
    raw: "4,1005,0,-;027:  __schedule+0x3d4/0x8a0",
    expect: { program: "kernel", text: " __schedule+0x3d4/0x8a0" },
  },
  {
    name: "after the dmesg stamp's own PREEMPT_RT peel, three digits and a colon in the text are kept",
    raw: "[    1.000000] 000: 123: not a second CPU prefix",
    expect: { format: "dmesg", uptime: 1, text: "123: not a second CPU prefix" },
  },
  {
    name: "three digits and a colon at the start of another program's message are kept",
    raw: "Mar 11 08:00:00 s32g kubelet[1432]: 000: not a kernel line",
    expect: { format: "syslog", program: "kubelet", text: "000: not a kernel line" },
  },
  {
    name: "dmesg whose text starts with three digits and a colon not followed by a space keeps them",
    raw: "[    1.000000] 000:00:1f.2: not a CPU prefix",
    expect: { format: "dmesg", uptime: 1, text: "000:00:1f.2: not a CPU prefix" },
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
    // CI tools and `journalctl -k` wrappers that print the monotonic stamp and the tag but no host.
    name: "dmesg stamp then a bare kernel tag",
    raw: "[ 3318.829227] kernel:       Not tainted 5.16.0-rc1-daily-default-20220111-0 #55744127",
    expect: { format: "dmesg", program: "kernel", uptime: 3318.829227, text: "      Not tainted 5.16.0-rc1-daily-default-20220111-0 #55744127" },
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
    name: "a wall-clock stamp in date(1)'s shape, the zone before the year",
    raw: "[Mon Jun 12 10:50:08 UTC 2023] BUG: kernel NULL pointer dereference, address: 0000000000000008",
    expect: { format: "dmesg-human", program: "kernel", text: "BUG: kernel NULL pointer dereference, address: 0000000000000008", time: iso("2023-06-12T10:50:08Z") },
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
    name: "journalctl -o short-iso-precise",
    raw: "2024-08-13T15:59:23.123456+0800 w01 kernel: eth0: link up",
    expect: { format: "syslog-iso", host: "w01", program: "kernel", text: "eth0: link up", time: iso("2024-08-13T07:59:23.123Z") },
  },
  {
    name: "rsyslog #011 escape (a tab) in an RCU stall line",
    raw: "Aug 13 15:59:23 w01 kernel: rcu: #0113-...!: (0 ticks this GP) idle=b3e/1/0x4000000000000000",
    expect: { format: "syslog", host: "w01", program: "kernel", text: "rcu: \t3-...!: (0 ticks this GP) idle=b3e/1/0x4000000000000000" },
  },
  {
    name: "RFC 5424 with #011 escapes",
    raw: "<4>1 2024-08-13T15:59:23.003Z w01 kernel - - - #011(detected by 1, t=60002 jiffies, g=123, q=4)",
    expect: { format: "syslog-iso", host: "w01", program: "kernel", level: 4, text: "\t(detected by 1, t=60002 jiffies, g=123, q=4)" },
  },
  {
    name: "journald short in a Russian locale",
    raw: "июл 27 14:08:03 laptop kernel: list_del corruption. prev->next should be ffff98679438a5d0",
    expect: { format: "syslog", host: "laptop", program: "kernel", time: iso("2024-07-27T14:08:03Z") },
  },
  {
    name: "journald short in a Ukrainian locale",
    raw: "тра 05 01:04:57 ubuntu kernel: WARNING: CPU: 0 PID: 152847 at fs/kernfs/dir.c:1503 kernfs_remove_by_name_ns+0x8a/0xa0",
    expect: { format: "syslog", host: "ubuntu", program: "kernel", time: iso("2024-05-05T01:04:57Z") },
  },
  {
    name: "journald short in a French locale",
    raw: "août 13 15:59:23 w01 kernel: BUG: soft lockup - CPU#3 stuck for 22s! [a:1]",
    expect: { format: "syslog", host: "w01", program: "kernel", time: iso("2024-08-13T15:59:23Z") },
  },
  {
    name: "ESX vmkernel forwarded to syslog: the uptime and cpu:world prefix peeled, vmklinux text read as kernel text",
    raw: "Mar 6 17:31:16 ESX01 vmkernel: 15:07:33:10.284 cpu2:4245)BUG: warning at vmkdrivers/src26/vmklinux26/vmware/linux_net.c:3235/netdev_watchdog() (inside vmklinux)",
    expect: { format: "syslog", host: "ESX01", program: "kernel", text: "BUG: warning at vmkdrivers/src26/vmklinux26/vmware/linux_net.c:3235/netdev_watchdog() (inside vmklinux)" },
  },
  {
    name: "journald short in a Lithuanian locale (glibc's abbreviation with a dot)",
    raw: "vas. 19 10:20:12 neworld-home kernel: BUG: unable to handle page fault for address: 000027c000000000",
    expect: { format: "syslog", host: "neworld-home", program: "kernel", time: iso("2024-02-19T10:20:12Z") },
  },
  {
    name: "journald short in a Czech locale",
    raw: "úno 03 08:01:02 srv1 kernel: RIP: 0010:dbuf_find+0x93/0x1e0 [zfs]",
    expect: { format: "syslog", host: "srv1", program: "kernel", text: "RIP: 0010:dbuf_find+0x93/0x1e0 [zfs]", time: iso("2024-02-03T08:01:02Z") },
  },
  {
    name: "dmesg -T, German",
    raw: "[Di Mär  5 15:59:23 2024] BUG: soft lockup - CPU#3 stuck for 22s!",
    expect: { format: "dmesg-human", program: "kernel", text: "BUG: soft lockup - CPU#3 stuck for 22s!", time: iso("2024-03-05T15:59:23Z") },
  },
  {
    name: "dmesg -T, French",
    raw: "[mar. août 13 15:59:23 2024] BUG: x",
    expect: { format: "dmesg-human", text: "BUG: x", time: iso("2024-08-13T15:59:23Z") },
  },
  {
    // glibc's fr_FR `%b` spells April and March out (`avril`, `mars`): no dot, no three-letter form.
    name: "dmesg -T, French April",
    raw: "[dim. avril  7 23:37:45 2024] INFO: task a:1 blocked for more than 120 seconds.",
    expect: { format: "dmesg-human", text: "INFO: task a:1 blocked for more than 120 seconds.", time: iso("2024-04-07T23:37:45Z") },
  },
  {
    name: "dmesg -T, French, the day before the month",
    raw: "[lun. 10 juin 18:09:34 2024] BUG: kernel NULL pointer dereference, address:",
    expect: { format: "dmesg-human", text: "BUG: kernel NULL pointer dereference, address:", time: iso("2024-06-10T18:09:34Z") },
  },
  {
    name: "dmesg -T, German day-first with the day's dot",
    raw: "[Mo 10. Jun 18:09:34 2024] #PF: supervisor read access in kernel mode",
    expect: { format: "dmesg-human", text: "#PF: supervisor read access in kernel mode", time: iso("2024-06-10T18:09:34Z") },
  },
  {
    name: "dmesg -T, Spanish",
    raw: "[mié dic 11 15:59:23 2024] BUG: x",
    expect: { format: "dmesg-human", text: "BUG: x", time: iso("2024-12-11T15:59:23Z") },
  },
  {
    name: "dmesg -T, Chinese",
    raw: "[二 8月 13 15:59:23 2024] BUG: x",
    expect: { format: "dmesg-human", text: "BUG: x", time: iso("2024-08-13T15:59:23Z") },
  },
  {
    name: "dmesg -T, Japanese (padded month)",
    raw: "[火  8月  6 15:59:23 2024] BUG: x",
    expect: { format: "dmesg-human", text: "BUG: x", time: iso("2024-08-06T15:59:23Z") },
  },
  {
    name: "dmesg --time-format=iso (no host, no tag)",
    raw: "2024-08-13T15:59:23,123456+02:00 BUG: soft lockup - CPU#1 stuck for 22s!",
    expect: { format: "dmesg-human", program: "kernel", text: "BUG: soft lockup - CPU#1 stuck for 22s!", time: iso("2024-08-13T13:59:23.123Z") },
  },
  {
    name: "ISO time then kernel console text (a collector's capture: no host, no tag)",
    raw: "2025-01-16T17:24:58.365Z INFO: task khugepaged:931 blocked for more than 1228 seconds.",
    expect: { format: "syslog-iso", text: "INFO: task khugepaged:931 blocked for more than 1228 seconds.", time: iso("2025-01-16T17:24:58.365Z") },
  },
  {
    name: "ISO time then a stack frame (no word that could be a host)",
    raw: "2025-01-16T17:24:58.394Z __schedule+0x266/0x720",
    expect: { format: "syslog-iso", text: "__schedule+0x266/0x720" },
  },
  {
    name: "ISO time then an indented frame (a remote log's call trace: a second space is never a host's)",
    raw: "2025-04-23T04:38:59Z  destroy_ed_task_cache+0x21/0x70 [lkrg]",
    expect: { format: "syslog-iso", text: " destroy_ed_task_cache+0x21/0x70 [lkrg]", time: iso("2025-04-23T04:38:59Z") },
  },
  {
    name: "LAVA's ISO receive time, then `dmesg -x` facility and level (KernelCI lab logs)",
    raw: "2023-01-27T07:14:39.730626  kern  :emerg : [<c08626f0>] (devm_clk_release) from [<c0a35e90>] (devres_release+0x24/0x4c)",
    expect: { format: "syslog-iso", program: "kernel", level: 0, text: "[<c08626f0>] (devm_clk_release) from [<c0a35e90>] (devres_release+0x24/0x4c)" },
  },
  {
    name: "LAVA's time with a space and `+00:00`, then `dmesg -x`",
    raw: "2020-10-29 06:39:53.793000+00:00  kern  :alert : Unable to handle kernel paging request at virtual address 75682094",
    expect: { format: "syslog-iso", program: "kernel", level: 1, text: "Unable to handle kernel paging request at virtual address 75682094" },
  },
  {
    name: "an out-of-band console server's time and a tab, then the kernel text (no host: syslog never uses a tab)",
    raw: "2017-01-14 01:04:26\tBUG: unable to handle kernel paging request at ffff8802ea75bb00",
    expect: { format: "syslog-iso", text: "BUG: unable to handle kernel paging request at ffff8802ea75bb00" },
  },
  {
    name: "a console server's time and a tab, then a frame whose address the page lost",
    raw: "2017-01-14 01:04:27\t[] inet_diag_dump+0x3c8/0x7ca [inet_diag]",
    expect: { format: "syslog-iso", text: "[] inet_diag_dump+0x3c8/0x7ca [inet_diag]" },
  },
  {
    name: "ISO time and nothing after it (a blank console line)",
    raw: "2025-04-23T04:38:59Z ",
    expect: { format: "syslog-iso", text: "" },
  },
  {
    name: "dmesg --time-format=iso with an indented frame",
    raw: "2024-08-13T15:59:23,123456+02:00  __schedule+0x266/0x720",
    expect: { format: "dmesg-human", program: "kernel", text: " __schedule+0x266/0x720" },
  },
  {
    name: "collector time without `T` then a 4.x `NMI watchdog:` line (netconsole capture: `NMI` is no host)",
    raw: "2017-12-05 07:00:50 NMI watchdog: Watchdog detected hard LOCKUP on cpu 0",
    expect: { format: "syslog-iso", text: "NMI watchdog: Watchdog detected hard LOCKUP on cpu 0" },
  },
  {
    name: "ISO time then `Call Trace:` (its first word would pass for a host)",
    raw: "2025-01-16T17:24:58.387Z Call Trace:",
    expect: { format: "syslog-iso", text: "Call Trace:" },
  },
  {
    name: "ISO time then the hung-task header's `task:comm` word",
    raw: "2025-01-16T17:24:58.384Z task:khugepaged state:D stack:0 pid:931 tgid:931 ppid:2 flags:0x00004002",
    expect: { format: "syslog-iso", text: "task:khugepaged state:D stack:0 pid:931 tgid:931 ppid:2 flags:0x00004002" },
  },
  {
    name: "ISO time, IPv6 host and a tag (still a host)",
    raw: "2024-08-13T15:59:23Z fe80::1 kernel: BUG: x",
    expect: { format: "syslog-iso", host: "fe80::1", program: "kernel", text: "BUG: x" },
  },
  {
    name: "dmesg -x facility and level",
    raw: "kern  :err   : [  123.456789] BUG: unable to handle page fault for address: ffffffffffffffe8",
    expect: { format: "dmesg", program: "kernel", level: 3, uptime: 123.456789, text: "BUG: unable to handle page fault for address: ffffffffffffffe8" },
  },
  {
    name: "dmesg -x -T",
    raw: "kern  :warn  : [Tue Aug 13 15:59:23 2024] WARNING: CPU: 1 PID: 2 at net/core/dev.c:1 f+0x1/0x2",
    expect: { format: "dmesg-human", program: "kernel", level: 4, time: iso("2024-08-13T15:59:23Z") },
  },
  {
    name: "/dev/kmsg and extended netconsole",
    raw: "6,1234,5678901,-;BUG: kernel NULL pointer dereference, address: 0000000000000008",
    expect: { format: "dmesg", program: "kernel", level: 6, uptime: 5.678901, text: "BUG: kernel NULL pointer dereference, address: 0000000000000008" },
  },
  {
    name: "/dev/kmsg with caller id and a netconsole fragment",
    raw: "4,1235,5678902,-,caller=T123,ncfrag=0/2;Call Trace:",
    expect: { format: "dmesg", program: "kernel", level: 4, callerId: "T123", text: "Call Trace:" },
  },
  {
    name: "/dev/kmsg line written by user space",
    raw: "30,1236,5678903,-;systemd[1]: Started Journal Service.",
    expect: { format: "dmesg", program: "systemd", pid: 1, level: 6, text: "Started Journal Service." },
  },
  {
    name: "CRI line carrying a dmesg line",
    raw: "2024-02-14T10:00:00.123456789Z stdout F [  123.456789] BUG: soft lockup - CPU#2 stuck for 23s! [a:1]",
    expect: { format: "syslog-iso", program: "kernel", uptime: 123.456789, text: "BUG: soft lockup - CPU#2 stuck for 23s! [a:1]", time: iso("2024-02-14T10:00:00.123Z") },
  },
  {
    name: "Docker json-file / Fluent Bit envelope carrying a dmesg line",
    raw: '{"log":"[  123.456789] BUG: soft lockup - CPU#2 stuck for 23s! [a:1]\\n","stream":"stdout","time":"2024-02-14T10:00:00.5Z"}',
    expect: { format: "json", program: "kernel", uptime: 123.456789, text: "BUG: soft lockup - CPU#2 stuck for 23s! [a:1]", time: iso("2024-02-14T10:00:00.500Z") },
  },
  {
    name: "Fluent Bit envelope carrying a syslog line",
    raw: '{"log":"Aug 13 15:59:23 w01 kernel: BUG: x\\n","stream":"stdout","time":"2024-02-14T10:00:00.5Z"}',
    expect: { format: "json", host: "w01", program: "kernel", text: "BUG: x", time: iso("2024-08-13T15:59:23Z") },
  },
  {
    // A paste cut the record (or its author broke it over lines): no JSON object, but its `log` string still holds
    // the line, read up to where it was cut, escapes undone.
    name: "Fluent Bit envelope cut inside its log string, carrying a syslog line",
    raw: '{"log":"Aug 13 15:59:23 w01 kernel: nf_conntrack: table full, dropping \\"packet',
    expect: { format: "json", host: "w01", program: "kernel", text: 'nf_conntrack: table full, dropping "packet', time: iso("2024-08-13T15:59:23Z") },
  },
  {
    name: "Docker json-file record broken after its log string (the rest of the record on the next lines)",
    raw: '{"log":"panic: Error setting OVS external ID\\n","stream":"stderr",',
    expect: { format: "json", text: "panic: Error setting OVS external ID" },
  },
  {
    name: "a cut envelope whose cut left half an escape: the string as written",
    raw: '{"log":"I0904 15:34:09.798785 1377054 ovs.go:160] Exec(1): \\',
    expect: { format: "json", text: "Exec(1): \\" },
  },
  {
    name: "journalctl -o json (kernel transport)",
    raw: '{"__CURSOR":"s=a;i=1","__REALTIME_TIMESTAMP":"1723564763123456","_SOURCE_MONOTONIC_TIMESTAMP":"492198014","_TRANSPORT":"kernel","PRIORITY":"4","SYSLOG_IDENTIFIER":"kernel","MESSAGE":"BUG: soft lockup - CPU#3 stuck for 22s! [a:1]","_HOSTNAME":"w01"}',
    expect: { format: "json", host: "w01", program: "kernel", level: 4, uptime: 492.198014, time: iso("2024-08-13T15:59:23.123Z"), text: "BUG: soft lockup - CPU#3 stuck for 22s! [a:1]" },
  },
  {
    name: "journalctl -o json (a service)",
    raw: '{"__REALTIME_TIMESTAMP":"1723564763123456","_TRANSPORT":"stdout","PRIORITY":"6","SYSLOG_IDENTIFIER":"kubelet","_PID":"1432","MESSAGE":"I0813 15:59:23.100203    1432 kubelet.go:2185] ok","_HOSTNAME":"w01"}',
    expect: { format: "json", host: "w01", program: "kubelet", pid: 1432, level: 6, text: "ok" },
  },
  {
    name: "journalctl -o json of a serial capture's line (visible ^M kept in MESSAGE)",
    raw: '{"_TRANSPORT":"kernel","PRIORITY":"4","MESSAGE":"Call Trace:^M","_HOSTNAME":"w01"}',
    expect: { format: "json", host: "w01", program: "kernel", text: "Call Trace:" },
  },
  {
    name: "journalctl -o json with a binary MESSAGE (a tab makes journald write bytes)",
    raw: `{"_TRANSPORT":"kernel","PRIORITY":"4","MESSAGE":${JSON.stringify([...new TextEncoder().encode("Call Trace:\tx")])},"_HOSTNAME":"w01"}`,
    expect: { format: "json", host: "w01", program: "kernel", text: "Call Trace:\tx" },
  },
  {
    name: "Vector journald event",
    raw: '{"host":"w01","message":"BUG: x","source_type":"journald","timestamp":"2024-08-13T15:59:23Z"}',
    expect: { format: "json", host: "w01", text: "BUG: x", time: iso("2024-08-13T15:59:23Z") },
  },
  {
    name: "stern pod/container prefix",
    raw: "node-debugger-w01-x debugger [  123.456789] BUG: soft lockup - CPU#2 stuck for 23s! [a:1]",
    expect: { format: "dmesg", program: "kernel", uptime: 123.456789, text: "BUG: soft lockup - CPU#2 stuck for 23s! [a:1]" },
  },
  {
    name: "stern with a namespace, around a syslog line",
    raw: "kube-system npd-abcde node-problem-detector Aug 13 15:59:23 w01 kernel: BUG: x",
    expect: { format: "syslog", host: "w01", program: "kernel", text: "BUG: x" },
  },
  {
    name: "kubectl logs --prefix around dmesg",
    raw: "[pod/node-problem-detector-x2f9k/kmsg] [  123.456789] BUG: soft lockup - CPU#2 stuck for 23s! [a:1]",
    expect: { format: "dmesg", program: "kernel", uptime: 123.456789, text: "BUG: soft lockup - CPU#2 stuck for 23s! [a:1]" },
  },
  {
    name: "kubectl logs --prefix around a syslog line",
    raw: "[pod/npd-abcde/node-problem-detector] Aug 13 15:59:23 w01 kernel: BUG: x",
    expect: { format: "syslog", host: "w01", program: "kernel", text: "BUG: x" },
  },
  {
    name: "kubectl logs --prefix around a container's own text",
    raw: "[pod/app-7d9f8/app] Call Trace:",
    expect: { format: "plain", text: "Call Trace:" },
  },
  {
    name: "journalctl -o short-unix: epoch seconds, host and kernel tag",
    raw: "1634463961.245751 BlueQ kernel: BTRFS error (device sdb1): failed to rebuild valid logical 17663044222976 for dev (efault)",
    expect: { format: "syslog", host: "BlueQ", program: "kernel", time: 1634463961245, text: "BTRFS error (device sdb1): failed to rebuild valid logical 17663044222976 for dev (efault)" },
  },
  {
    name: "journalctl -o short-unix: a program with its pid",
    raw: "1634463961.255819 BlueQ systemd-shutdown[1]: Syncing filesystems and block devices.",
    expect: { format: "syslog", host: "BlueQ", program: "systemd-shutdown", pid: 1, text: "Syncing filesystems and block devices." },
  },
  {
    name: "a number with a fraction and no host and tag is text",
    raw: "1634463961.245751 seconds since the epoch",
    expect: { format: "plain", text: "1634463961.245751 seconds since the epoch" },
  },
  {
    name: "dmesg -d: the delta inside the stamp",
    raw: "[  262.486850 <    0.000012>] Oops: 0011 [#2] SMP",
    expect: { format: "dmesg", program: "kernel", uptime: 262.48685, text: "Oops: 0011 [#2] SMP" },
  },
  {
    name: "journalctl -o short-delta: delta, host and kernel tag",
    raw: "[  262.486850 <    0.000012>] w01 kernel: Oops: 0011 [#2] SMP",
    expect: { format: "dmesg", host: "w01", program: "kernel", text: "Oops: 0011 [#2] SMP" },
  },
  {
    name: "Jenkins pipeline timestamps() before a console line: UTC with its zone",
    raw: "[2025-03-18T00:15:50.235Z] [   12.345678] BUG: x",
    expect: { format: "dmesg", program: "kernel", uptime: 12.345678, time: Date.parse("2025-03-18T00:15:50.235Z"), text: "BUG: x" },
  },
  {
    name: "a whole line in Markdown inline code",
    raw: "`Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)`",
    expect: { text: "Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)" },
  },
  {
    name: "a syslog line in inline code keeps its host",
    raw: "`Aug 13 15:59:23 w01 kernel: BUG: x` ",
    expect: { format: "syslog", host: "w01", program: "kernel", text: "BUG: x" },
  },
  {
    name: "backticks inside a line are the line's own",
    raw: "`a` and `b`",
    expect: { format: "plain", text: "`a` and `b`" },
  },
  {
    name: "syslog whose host a poster replaced with a placeholder glued to the tag",
    raw: "Jul 12 10:32:19.801048 [REDACTED]kernel: WARNING: CPU: 1 PID: 12647 at io_uring/refs.h:25 io_free_batch_list+0x229/0x230",
    expect: { format: "syslog", program: "kernel", text: "WARNING: CPU: 1 PID: 12647 at io_uring/refs.h:25 io_free_batch_list+0x229/0x230" },
  },
  {
    name: "syslog with an angle-bracket host placeholder glued to the tag",
    raw: "Jul 12 10:32:19 <hostname>kernel: BUG: x",
    expect: { format: "syslog", program: "kernel", text: "BUG: x" },
  },
  {
    // A blog's web copy lost the space between the host and the tag (its other lines read `customer kernel:`): the
    // host, as on those lines, not a host-less line of a program `customerkernel`.
    name: "syslog whose host a web copy glued to the kernel tag",
    raw: "Jul 21 08:54:32 customerkernel: EDAC MC1: 5486 CE error on CPU#1Channel#2_DIMM#1 (channel:2 slot:1page:0x0 offset:0x0 grain:8 syndrome:0x0)",
    expect: { format: "syslog", host: "customer", program: "kernel", text: "EDAC MC1: 5486 CE error on CPU#1Channel#2_DIMM#1 (channel:2 slot:1page:0x0 offset:0x0 grain:8 syndrome:0x0)" },
  },
  {
    // ESXi's kernel (its own reading: the `cpuN:world)` prefix peeled), with no host `vm`.
    name: "ESXi's own `vmkernel:` tag is no host glued to `kernel:`",
    raw: "Jun 17 17:41:52 vmkernel: cpu50:66340)i40en: i40en_HandleMddEvent:6855: TX driver issue detected, PF reset issued",
    expect: { format: "syslog", program: "kernel", text: "i40en: i40en_HandleMddEvent:6855: TX driver issue detected, PF reset issued" },
  },
  {
    name: "quoted with a `| ` gutter",
    raw: "| Aug 13 15:59:23 w01 kernel: BUG: x",
    expect: { format: "syslog", host: "w01", text: "BUG: x" },
  },
  {
    // A commit message's quoted report has no stamps: its stack lines are peeled by their shape (frame, trace header).
    name: "an unstamped stack frame behind a commit message's `  | ` gutter",
    raw: "  |  create_pinctrl+0x18c/0x7f4",
    expect: { text: " create_pinctrl+0x18c/0x7f4" },
  },
  {
    name: "an unstamped trace header behind a `  | ` gutter",
    raw: "  | Call trace:",
    expect: { text: "Call trace:" },
  },
  {
    // powerpc's frames and its NIP line are address-led: a patch's `| ` quote of a ppc oops (quoted again `> | `).
    name: "a powerpc frame behind a quoted `> | ` gutter",
    raw: "> | [cfa59a08] [c003f4e0] __cancel_work_timer+0x124/0x194 (unreliable)",
    expect: { text: "[cfa59a08] [c003f4e0] __cancel_work_timer+0x124/0x194 (unreliable)" },
  },
  {
    name: "powerpc's NIP line behind a `| ` gutter",
    raw: "| NIP [c03ed4b8] sata_dwc_qc_issue+0x14c/0x254",
    expect: { text: "NIP [c03ed4b8] sata_dwc_qc_issue+0x14c/0x254" },
  },
  {
    name: "an x86 `[<ip>]` frame behind a `| ` gutter",
    raw: "|  [<c10e2d77>] slab_destroy+0x27/0x70",
    expect: { text: " [<c10e2d77>] slab_destroy+0x27/0x70" },
  },
  {
    name: "an arm32 `(f) from` frame of a module behind a `| ` gutter",
    raw: "| [<bf10c5b8>] (brcmf_sdio_watchdog_thread [brcmfmac]) from [<c02570b8>] (kthread+0x178/0x180)",
    expect: { text: "[<bf10c5b8>] (brcmf_sdio_watchdog_thread [brcmfmac]) from [<c02570b8>] (kthread+0x178/0x180)" },
  },
  {
    name: "a table row behind a `| ` gutter is no stack line and keeps its gutter",
    raw: "| zone | pages |",
    expect: { text: "| zone | pages |" },
  },
  {
    name: "kubectl describe node event from node-problem-detector",
    raw: "  Warning  UnregisterNetDevice  3s (x14245 over 1d)  kernel-monitor, gke-c1-3w22  unregister_netdevice: waiting for eth0 to become free. Usage count = 21",
    expect: { host: "gke-c1-3w22", program: "kernel", text: "unregister_netdevice: waiting for eth0 to become free. Usage count = 21" },
  },
  {
    name: "kubectl get events",
    raw: "11m         Warning   KernelOops     node/clr-02   BUG: unable to handle kernel NULL pointer dereference at 0000000000000008",
    expect: { host: "clr-02", text: "BUG: unable to handle kernel NULL pointer dereference at 0000000000000008" },
  },
  {
    name: "Go time with its zone after a space, and facility.level where the host would be",
    raw: "2016-07-31 16:26:53 +0000 UTC kern.alert kernel: BUG: unable to handle kernel paging request at ffff88007bd671c0",
    expect: { format: "syslog-iso", program: "kernel", level: 1, text: "BUG: unable to handle kernel paging request at ffff88007bd671c0", time: iso("2016-07-31T16:26:53Z") },
  },
  {
    name: "a hypervisor's line holding its VM's syslog (Docker Desktop for Mac)",
    raw: "<Error>: VM: 2016-08-03 04:35:57 +0000 UTC kern.error kernel: INFO: rcu_sched self-detected stall on CPU",
    expect: { format: "syslog-iso", program: "kernel", level: 3, text: "INFO: rcu_sched self-detected stall on CPU", time: iso("2016-08-03T04:35:57Z") },
  },
  {
    name: "macOS's unified log (`log show --style syslog`): two spaces, the host, the HyperKit VM's console line",
    raw: "2018-06-14 09:17:57.055476+0200  localhost com.docker.hyperkit[62358]: [19012.787586] RIP: 0010:[<ffffffffa313a48e>]  [<ffffffffa313a48e>] smp_call_function_many+0x1eb/0x1fe",
    expect: { format: "syslog-iso", host: "localhost", program: "kernel", uptime: 19012.787586, text: "RIP: 0010:[<ffffffffa313a48e>]  [<ffffffffa313a48e>] smp_call_function_many+0x1eb/0x1fe", time: iso("2018-06-14T07:17:57.055Z") },
  },
  {
    name: "the same time's two spaces before kernel text that is no `host name[pid]:` stay indented console text",
    raw: "2018-06-14 09:17:57.055476+0200  ret_from_fork+0x1f/0x30",
    expect: { format: "syslog-iso", text: " ret_from_fork+0x1f/0x30" },
  },
  {
    name: "Docker Desktop for Windows: the Moby VM's console behind the app's time, component and level",
    raw: "[09:47:13.158][Moby           ][Info   ] WARNING: CPU: 1 PID: 0 at ./arch/x86/include/asm/fpu/internal.h:368 __switch_to+0x323/0x480",
    expect: { format: "plain", text: "WARNING: CPU: 1 PID: 0 at ./arch/x86/include/asm/fpu/internal.h:368 __switch_to+0x323/0x480" },
  },
  {
    name: "Docker Desktop for Windows: a dmesg line in the Moby VM's console",
    raw: "[10:01:46.097][Moby           ][Info   ] [    0.000000] Linux version 4.9.49-moby (root@1f1a3b5e8b7f) (gcc version 6.3.0 (Alpine 6.3.0) ) #1 SMP",
    expect: { format: "dmesg", uptime: 0, text: "Linux version 4.9.49-moby (root@1f1a3b5e8b7f) (gcc version 6.3.0 (Alpine 6.3.0) ) #1 SMP" },
  },
  {
    // microsoft/WSL#12238: WSL's trace log exported as tab-separated rows, the console line in a `"text: \t""…""` field
    name: "WSL's GuestLog event row (TSV): the utility VM's console line inside the quoted text field",
    raw: 'Microsoft.Windows.Lxss.Manager\tGuestLog\t11-04-2024 11:58:44.164\t"\t"\t"text: \t""[  910.222511] RIP: 0010:__check_heap_object+0x39/0xd0 ""',
    expect: { format: "dmesg", uptime: 910.222511, text: "RIP: 0010:__check_heap_object+0x39/0xd0" },
  },
  {
    // microsoft/WSL#12672: the same export with a row number and a flag before the provider
    name: "WSL's GuestLog event row (TSV) after a row number and a flag column",
    raw: '1582\tFalse\tMicrosoft.Windows.Lxss.Manager\tGuestLog\t0\t03-09-2025 13:00:09.214\t"\t"\t"text: \t""[    0.744876] RSP: 0018:ffffac218213bbf0 EFLAGS: 00010202 ""',
    expect: { format: "dmesg", uptime: 0.744876, text: "RSP: 0018:ffffac218213bbf0 EFLAGS: 00010202" },
  },
  {
    // microsoft/WSL#12089: exported as CSV, the field's closing quote on the next line
    name: "WSL's GuestLog event row (CSV): row number, time, provider, event, then the quoted console line",
    raw: '814,2024-09-27 22:27:13.3882049,Microsoft.Windows.Lxss.Manager,GuestLog,GuestLog,"[ 3206.025081] RIP: 0010:__check_heap_object+0x39/0xd0',
    expect: { format: "dmesg", uptime: 3206.025081, text: "RIP: 0010:__check_heap_object+0x39/0xd0" },
  },
  {
    name: "Docker Desktop for Windows: the app's own services are agents with a level",
    raw: "[10:01:50.311][VpnKit         ][Error  ] vpnkit.exe: Failed to connect to the hvsock",
    expect: { format: "plain", program: "VpnKit", level: 3, text: "vpnkit.exe: Failed to connect to the hvsock" },
  },
  {
    name: "extended netconsole records received by a syslog server (host, then the record's own prefix)",
    raw: "Mar 31 19:59:53 extravaganza.localdomain 2,1677,1530985273,-;kernel BUG at fs/bcachefs/bkey.h:320!",
    expect: { format: "syslog", host: "extravaganza.localdomain", program: "kernel", level: 2, uptime: 1530.985273, text: "kernel BUG at fs/bcachefs/bkey.h:320!" },
  },
  {
    // Netconsole's release-prepend option (`+r`): the kernel release leads the record; a receiver that stamps each
    // datagram with its own syslog-style time and no host (netdev, a 6.7.0 router's oops).
    name: "extended netconsole records with the release prepended, bare and after a receiver's hostless time",
    raw: "Jan 15 22:27:39 6.7.0,4,870,194880547,-,caller=T3523;RIP: 0010:tcp_recvmsg_locked+0x498/0xea0",
    expect: { format: "syslog", program: "kernel", level: 4, uptime: 194.880547, callerId: "T3523", text: "RIP: 0010:tcp_recvmsg_locked+0x498/0xea0" },
  },
  {
    name: "extended netconsole record with the release prepended",
    raw: "6.7.0,1,863,194879739,-,caller=T3523;BUG: unable to handle page fault for address: 00007fff333174e0",
    expect: { format: "dmesg", program: "kernel", level: 1, uptime: 194.879739, text: "BUG: unable to handle page fault for address: 00007fff333174e0" },
  },
  {
    // OpenWrt logread (openwrt/openwrt#17641): ctime with weekday and year, facility.level, no host.
    name: "OpenWrt logread: weekday, year and facility.level before the kernel's line",
    raw: "Mon Jul 28 10:19:15 2025 kern.crit kernel: [ 7013.909286] mtk_soc_eth 1e100000.ethernet eth0: NETDEV WATCHDOG: CPU: 3: transmit queue 3 timed out 310210 ms",
    expect: {
      format: "syslog",
      program: "kernel",
      level: 2,
      uptime: 7013.909286,
      time: iso("2025-07-28T10:19:15Z"),
      text: "mtk_soc_eth 1e100000.ethernet eth0: NETDEV WATCHDOG: CPU: 3: transmit queue 3 timed out 310210 ms",
    },
  },
  {
    // busybox syslogd's own file (victronenergy/venus#348, Freetz-NG/freetz-ng#3): the facility.level after the host.
    name: "busybox syslogd: host, facility.level, then the kernel's tag",
    raw: "Sep 11 22:20:57 ccgx user.warn kernel: [762362.082082] PC is at 0x0",
    expect: { format: "syslog", host: "ccgx", program: "kernel", level: 4, uptime: 762362.082082, text: "PC is at 0x0" },
  },
  {
    // lore 20050814083715.GA23313@localhost: a syslog file whose kernel lines carry no `kernel:` tag
    name: "a syslog line with no tag keeps the kernel's `EFLAGS:` as its text, not as a program",
    raw: "Aug 13 21:15:10 localhost EFLAGS: 00010016   (2.6.13-rc6) ",
    expect: { format: "syslog", host: "localhost", text: "EFLAGS: 00010016   (2.6.13-rc6) " },
  },
  {
    name: "a syslog line with no tag keeps the kernel's `BUG:` header",
    raw: "Mar 16 00:03:30 lap BUG: unable to handle kernel NULL pointer dereference at virtual address 00000000",
    expect: { format: "syslog", host: "lap", text: "BUG: unable to handle kernel NULL pointer dereference at virtual address 00000000" },
  },
  {
    name: "a daemon called like a kernel word keeps its tag when it has a pid",
    raw: "Mar 16 00:03:30 lap INFO[42]: started",
    expect: { format: "syslog", host: "lap", program: "INFO", pid: 42, text: "started" },
  },
  {
    name: "busybox syslogd: a kern facility with no tag is the kernel's line",
    raw: "Feb 25 20:33:54 fritz kern.err [  183.060000] x",
    expect: { format: "syslog", host: "fritz", program: "kernel", level: 3, uptime: 183.06, text: "x" },
  },
  {
    name: "busybox syslogd: a daemon's line keeps its tag and pid",
    raw: "Feb 25 20:33:54 fritz daemon.notice dnsmasq[812]: started",
    expect: { format: "syslog", host: "fritz", program: "dnsmasq", pid: 812, level: 5, text: "started" },
  },
  {
    name: "OpenWrt logread: a daemon's line, one-digit day",
    raw: "Sat Jan  4 01:02:03 2025 daemon.info dnsmasq[123]: started, version 2.90",
    expect: { format: "syslog", program: "dnsmasq", pid: 123, level: 6, time: iso("2025-01-04T01:02:03Z"), text: "started, version 2.90" },
  },
  {
    // util-linux/util-linux#2770: `dmesg --decode --show-delta`, the delta in the locale's decimals.
    name: "dmesg -x -d: facility and level, then the stamp with a decimal-comma delta",
    raw: "kern  :info  : [245941.414414 <  640,137117>] bash (104225): drop_caches: 3",
    expect: { format: "dmesg", program: "kernel", level: 6, uptime: 245941.414414, text: "bash (104225): drop_caches: 3" },
  },
  {
    // util-linux/util-linux#4110: `dmesg -d -t` prints the delta alone.
    name: "dmesg -d -t: a delta and no time",
    raw: "[<    0.000384>] podman0: port 1(veth0) entered disabled state",
    expect: { format: "dmesg-human", program: "kernel", text: "podman0: port 1(veth0) entered disabled state" },
  },
  {
    name: "dmesg -T -d: the date, then the delta",
    raw: "[Tue Mar  5 12:00:01 2024 <    0.000100>] BUG: soft lockup - CPU#3 stuck for 23s! [kworker/3:1:123]",
    expect: { format: "dmesg-human", program: "kernel", time: iso("2024-03-05T12:00:01Z"), text: "BUG: soft lockup - CPU#3 stuck for 23s! [kworker/3:1:123]" },
  },
  {
    name: "journalctl -o short-full: weekday, ISO date and zone",
    raw: "Tue 2024-03-05 12:00:01 UTC w01 kernel: BUG: soft lockup - CPU#3 stuck for 23s! [a:1]",
    expect: { format: "syslog-iso", host: "w01", program: "kernel", time: iso("2024-03-05T12:00:01Z"), text: "BUG: soft lockup - CPU#3 stuck for 23s! [a:1]" },
  },
  {
    name: "journalctl -o short-full in a zone written as an offset",
    raw: "Tue 2024-03-05 20:00:01 +08 w01 kubelet[1432]: E0305 20:00:01.100203    1432 kubelet.go:2185] x",
    expect: { format: "syslog-iso", host: "w01", program: "kubelet", pid: 1432, time: iso("2024-03-05T12:00:01Z") },
  },
  { name: "a sentence starting with a weekday and an ISO date stays text", raw: "Tue 2024-03-05 is the deadline", expect: { format: "plain", text: "Tue 2024-03-05 is the deadline" } },
  { name: "a sentence starting with a weekday and a month stays text", raw: "Mon Jul 28 is the deadline", expect: { format: "plain", text: "Mon Jul 28 is the deadline" } },
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

  it("a run of consecutive line numbers is peeled before any text, an editor gutter's bar with it", () => {
    const ctx = createLineContext(0, 2024);
    // The first number before unknown text may be the text's own: it stays.
    expect(parseLine("  41 | BUG: unable to handle page fault for address: 0000000000001234", 41, ctx).text).toBe(
      "  41 | BUG: unable to handle page fault for address: 0000000000001234",
    );
    expect(parseLine("  42 |  dump_stack_lvl+0x44/0x5c", 42, ctx).text).toBe(" dump_stack_lvl+0x44/0x5c");
    expect(parseLine("  43 |  __schedule+0x266/0x720", 43, ctx).text).toBe(" __schedule+0x266/0x720");
    // A number out of sequence is not a line number: the run is over.
    expect(parseLine("  7 Modules linked in: xt_conntrack", 44, ctx).text).toBe("  7 Modules linked in: xt_conntrack");
    const numbered = createLineContext(0, 2024);
    parseLine("    100 [   12.345678] BUG: kernel NULL pointer dereference, address: 0000000000000008", 1, numbered);
    expect(parseLine("    101  ? __die+0x20/0x60", 2, numbered).text).toBe("? __die+0x20/0x60");
  });

  it("bat's box-drawing gutter (`7344   │ `) is peeled from the first numbered line on, /dev/kmsg records behind it", () => {
    const ctx = createLineContext(0, 2024);
    const first = parseLine("7344   │ 4,5005,12915307506,-; ? __pfx_watchdog_timer_fn+0x10/0x10", 7344, ctx);
    expect(first).toMatchObject({ text: " ? __pfx_watchdog_timer_fn+0x10/0x10", level: 4, uptime: 12915.307506 });
    const header = parseLine("7345   │ 0,5027,12935280555,-;watchdog: BUG: soft lockup - CPU#8", 7345, ctx);
    expect(header).toMatchObject({ text: "watchdog: BUG: soft lockup - CPU#8", level: 0 });
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

  it("kdb's `d` before a KERN_DEFAULT dump line comes off; other words starting with d stay", () => {
    const ctx = createLineContext(0, 2014, 9);
    expect(parseLine("dCPU: 0 PID: 94 Comm: mountkernfs.sh Not tainted 3.12.22+ #690", 1, ctx).text).toBe("CPU: 0 PID: 94 Comm: mountkernfs.sh Not tainted 3.12.22+ #690");
    expect(parseLine("dtask: db229900 ti: db240000 task.ti: db240000", 2, ctx).text).toBe("task: db229900 ti: db240000 task.ti: db240000");
    expect(parseLine("dCPU: high load", 3, ctx).text).toBe("dCPU: high load");
    expect(parseLine("done: 3 items", 4, ctx).text).toBe("done: 3 items");
  });

  it("systemd-journald's wall banner gives host and time to the `kernel[pid]:` body after its blank line", () => {
    const ctx = createLineContext(0, 2022, 5);
    const banner = parseLine("Broadcast message from systemd-journald@juno (Fri 2022-05-06 09:51:02 UTC):", 1, ctx);
    expect(banner).toMatchObject({ format: "journald-wall", host: "juno", program: "systemd-journald" });
    parseLine("", 2, ctx);
    const body = parseLine("kernel[304]: [  224.240838] Internal error: Oops: 96000006 [#1] PREEMPT SMP", 3, ctx);
    expect(body).toMatchObject({
      format: "journald-wall",
      host: "juno",
      program: "kernel",
      uptime: 224.240838,
      text: "Internal error: Oops: 96000006 [#1] PREEMPT SMP",
      time: iso("2022-05-06T09:51:02Z"),
    });
    // Another program's broadcast is not the kernel's.
    parseLine("Broadcast message from systemd-journald@ha (Thu 2026-02-26 18:39:27 UTC):", 4, ctx);
    expect(parseLine("haproxy[3195]: backend microk8s has no server available!", 5, ctx).program).not.toBe("kernel");
  });

  it("a journald wall body whose banner was cut or quoted apart is still a wall copy of a kernel line", () => {
    const ctx = createLineContext(0, 2023);
    expect(parseLine("t message from systemd-journald@xilinx-vck190-20232 (Tue 2022-11-08 14:16:20 UTC):", 1, ctx).format).not.toBe("journald-wall");
    for (const raw of ["kernel[539]: [  975.354827] Internal error: Oops: 0000000096000003 [#4] SMP", "> kernel[539]: [  975.354827] Internal error: Oops: 0000000096000003 [#4] SMP"]) {
      expect(parseLine(raw, 2, ctx), raw).toMatchObject({ format: "journald-wall", program: "kernel", uptime: 975.354827, text: "Internal error: Oops: 0000000096000003 [#4] SMP" });
    }
  });

  it("wall body without the leading space", () => {
    const ctx = createLineContext(0, 2019, 5);
    parseLine("Message from syslogd@h1 at Tue May  6 17:43:49 2019 ...", 1, ctx);
    const body = parseLine("kernel:BUG: soft lockup - CPU#2 stuck for 23s! [kworker/2:1:123]", 2, ctx);
    expect(body).toMatchObject({ host: "h1", program: "kernel", text: "BUG: soft lockup - CPU#2 stuck for 23s! [kworker/2:1:123]" });
  });

  it("a pre-2007 wall body names its host (`fang kernel: …`): still the wall copy, of the banner's host", () => {
    const ctx = createLineContext(0, 2004, 9);
    parseLine("Message from syslogd@fang at Mon Sep 20 18:03:16 2004 ...", 1, ctx);
    expect(parseLine("fang kernel: Oops: 0000 [1] PREEMPT SMP", 2, ctx)).toMatchObject({ format: "syslogd-wall", host: "fang", program: "kernel", text: "Oops: 0000 [1] PREEMPT SMP" });
    // The banner covers one line: the next one of that host is an ordinary syslog-less line again.
    expect(parseLine("fang kernel: Oops: 0000 [1] PREEMPT SMP", 3, ctx).format).not.toBe("syslogd-wall");
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

  it("year inference ignores an archiver's placeholder mtime (the epoch, zip's 1980-01-01)", () => {
    const now = new Date("2026-12-02T00:00:00Z");
    for (const mtime of [new Date(0), new Date("1980-01-01T00:00:00Z")]) {
      expect(inferYear("node1.log", { mtime, now })).toMatchObject({ year: 2026, from: "current year" });
    }
    expect(inferYear("node1.log", { mtime: new Date("1995-05-01T00:00:00Z"), now })).toMatchObject({ year: 1995, from: "file time" });
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

  it("a visible `^M` (a carriage return shown by cat -v or a serial terminal) is not part of the line's text", () => {
    const ctx = createLineContext(0, 2024);
    const raw = "[   57.617221] 5.15.0-0.rc1.20210917gitbdb575f87217.15.fc36.x86_64 #1 Not tainted^M";
    expect(parseLine(raw, 1, ctx)).toMatchObject({
      format: "dmesg",
      uptime: 57.617221,
      raw,
      text: "5.15.0-0.rc1.20210917gitbdb575f87217.15.fc36.x86_64 #1 Not tainted",
    });
    expect(parseLine("Aug 13 15:59:23 w01 kernel: [   57.620429] ffff9faa6be2c238 (&mddev->open_mutex){+.+.}-{3:3}, at: md_open+0x4f/0x110^M", 1, ctx)).toMatchObject({
      host: "w01",
      text: "ffff9faa6be2c238 (&mddev->open_mutex){+.+.}-{3:3}, at: md_open+0x4f/0x110",
    });
    expect(parseLine("^M", 1, ctx)).toMatchObject({ format: "plain", text: "" });
    // Only at the end: a `^M` inside a line is text.
    expect(parseLine("keys ^M and ^C", 1, ctx).text).toBe("keys ^M and ^C");
  });

  it("an Android kernel-log dump line: uptime, printk level and month-day wall clock", () => {
    const ctx = createLineContext(0, 2024);
    expect(parseLine("  1276.705430:   <1> (01-28 07:22:33.304698634) Unable to handle kernel NULL pointer dereference at virtual address 00000010", 1, ctx)).toMatchObject({
      format: "dmesg",
      program: "kernel",
      level: 1,
      uptime: 1276.70543,
      time: iso("2024-01-28T07:22:33.304Z"),
      text: "Unable to handle kernel NULL pointer dereference at virtual address 00000010",
    });
    expect(parseLine("  1276.738900:   <6> (01-28 07:22:33.338169310) CPU: 0    Tainted: G        W     (3.4.0-g9a3c983-dirty #3)", 1, ctx)).toMatchObject({
      level: 6,
      text: "CPU: 0    Tainted: G        W     (3.4.0-g9a3c983-dirty #3)",
    });
    // Not a line number: the stamp needs its `<level>` and the parenthesised wall clock.
    expect(parseLine("  1276.705430: something else", 1, ctx).format).toBe("plain");
  });

  it("an Android kernel's uptime stamp with the vendor wall clock inside (and Rockchip's cpu/pid/comm after it)", () => {
    const ctx = createLineContext(0, 2016);
    expect(parseLine("[19318.464551 / 11-29 21:16:45.862] PC is at flush_nat_entries+0x60c/0x644", 1, ctx)).toMatchObject({
      format: "dmesg",
      program: "kernel",
      uptime: 19318.464551,
      time: iso("2016-11-29T21:16:45.862Z"),
      text: "PC is at flush_nat_entries+0x60c/0x644",
    });
    // The printing task's cpu, pid and comm are no caller id: they would split one report into several.
    const rk = parseLine("[   26.328168 / 09-26 13:22:37.708][2][662][ndroid.systemui] X24: 0xffffff80092daa10:", 1, ctx);
    expect(rk).toMatchObject({ format: "dmesg", uptime: 26.328168, text: "X24: 0xffffff80092daa10:" });
    expect(rk.callerId).toBeUndefined();
    // An empty message keeps an empty text.
    expect(parseLine("[19318.464798 / 11-29 21:16:45.862] ", 1, ctx)).toMatchObject({ format: "dmesg", text: "" });
    // A bracketed uptime followed by other text with a slash is ordinary dmesg.
    expect(parseLine("[  12.000000] / 11-29 is not a stamp", 1, ctx).text).toBe("/ 11-29 is not a stamp");
  });

  it("a console line printed after a waiting prompt is the kernel's output, not a command", () => {
    const ctx = createLineContext(0, 2024);
    // The kernel writes at the cursor: after a shell prompt (serial console of a node, a BMC) or getty's login prompt.
    expect(parseLine("[root@node2 ~]# [12032.818764] NMI watchdog: BUG: soft lockup - CPU#6 stuck for 22s! [kubelet:1663]", 1, ctx)).toMatchObject({
      format: "dmesg",
      program: "kernel",
      uptime: 12032.818764,
      text: "NMI watchdog: BUG: soft lockup - CPU#6 stuck for 22s! [kubelet:1663]",
    });
    expect(parseLine("rpi login: [  348.318763] Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: x+0x88/0x88", 1, ctx)).toMatchObject({
      format: "dmesg",
      uptime: 348.318763,
      text: "Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: x+0x88/0x88",
    });
    expect(parseLine("$ [    1.000000] BUG: unable to handle page fault for address: 0000000000001234", 1, ctx)).toMatchObject({ format: "dmesg", uptime: 1 });
    // A console without timestamps: a capital letter after a user@host prompt is not a program name.
    const panic = parseLine("root@witherspoon:~# Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: 802e62f8", 1, ctx);
    expect(panic.program).toBeUndefined();
    expect(panic.text).toBe("Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: 802e62f8");
    expect(panic.raw).toBe("root@witherspoon:~# Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: 802e62f8");
    // …or in the middle of a command still being typed at the prompt.
    expect(parseLine("root@lede:/# /etc/init[   90.361072] igb 0000:02:00.0: Detected Tx Unit Hang", 1, ctx)).toMatchObject({
      format: "dmesg",
      uptime: 90.361072,
      text: "igb 0000:02:00.0: Detected Tx Unit Hang",
    });
    expect(parseLine("root@lede:/# cat /etc/init[   90.361072] igb 0000:02:00.0: Detected Tx Unit Hang", 1, ctx).program).toBe("shell");
    // Commands stay commands, and a login prompt with nothing known after it stays text.
    for (const raw of ["root@witherspoon:~# obmcutil poweron", "[root@node2 ~]# dmesg -T | grep -i lockup", "# Kernel panic seen twice today"]) {
      expect(parseLine(raw, 1, ctx)).toMatchObject({ program: "shell", text: raw });
    }
    // A serial terminal's receive time glued before the console line (and before the login prompt it ends).
    expect(parseLine("0410_03-08-12.384SOM-RK3399v2 login: [   48.042123] Unable to handle kernel NULL pointer dereference at virtual address 00000000", 1, ctx)).toMatchObject({
      format: "dmesg",
      uptime: 48.042123,
      text: "Unable to handle kernel NULL pointer dereference at virtual address 00000000",
    });
    expect(parseLine("0410_03-08-12.384[   48.045067] CPU: 1 PID: 904 Comm: quadways_decode Not tainted 4.4.179-00001-gb8c28354 #6", 1, ctx)).toMatchObject({
      format: "dmesg",
      uptime: 48.045067,
    });
    expect(parseLine("0410_03-08-12.384 free-form text", 1, ctx)).toMatchObject({ format: "plain", text: "0410_03-08-12.384 free-form text" });
    // A console logger's bracketed receive time before the guest's dmesg line (Qubes/Xen guest console logs).
    expect(parseLine("[2026-03-28 22:39:25] [    2.548677] RIP: 0010:native_set_pte+0x4/0x10", 1, ctx)).toMatchObject({
      format: "dmesg",
      uptime: 2.548677,
      time: Date.UTC(2026, 2, 28, 22, 39, 25),
      text: "RIP: 0010:native_set_pte+0x4/0x10",
    });
    expect(parseLine("[2023-12-19 16:33:24] Dec 19 16:33:24 q1 kernel: kernel BUG at lib/list_debug.c:59!", 1, ctx)).toMatchObject({
      host: "q1",
      text: "kernel BUG at lib/list_debug.c:59!",
    });
    // Docker Desktop for Windows' log: its time, source and level columns before the Moby VM's console line, with or
    // without the kernel's own stamp after them.
    expect(parseLine("[20:51:49.398][Moby           ][Info   ] [    6.047416] RIP: 0010:[<ffffffff87109824>]  [<ffffffff87109824>] enqueue_entity+0x32/0x42b", 1, ctx)).toMatchObject({
      format: "dmesg",
      uptime: 6.047416,
      text: "RIP: 0010:[<ffffffff87109824>]  [<ffffffff87109824>] enqueue_entity+0x32/0x42b",
    });
    expect(parseLine("[09:47:13.158][Moby           ][Info   ] WARNING: CPU: 1 PID: 0 at ./arch/x86/include/asm/fpu/internal.h:368 __switch_to+0x323/0x480", 1, ctx).text).toBe(
      "WARNING: CPU: 1 PID: 0 at ./arch/x86/include/asm/fpu/internal.h:368 __switch_to+0x323/0x480",
    );
    expect(parseLine("[09:47:13.158] [Moby] text", 1, ctx)).toMatchObject({ format: "plain", text: "[09:47:13.158] [Moby] text" });
    // xen-crashdump-analyser's dom0.log: the level name, right-aligned in six columns, after the uptime.
    expect(parseLine("[    525.566538]   WARN: RIP: e030:skb_copy_ubufs+0x19c/0x5f0", 1, ctx)).toMatchObject({ level: 4, text: "RIP: e030:skb_copy_ubufs+0x19c/0x5f0" });
    expect(parseLine("[    525.566493]  ALERT: BUG: unable to handle kernel NULL pointer dereference at 0000000000000008", 1, ctx)).toMatchObject({
      level: 1,
      text: "BUG: unable to handle kernel NULL pointer dereference at 0000000000000008",
    });
    // The kernel's own `INFO:` after the single space dmesg prints is the message, not a level column.
    expect(parseLine("[  123.456789] INFO: task khugepaged:931 blocked for more than 120 seconds.", 1, ctx).text).toBe("INFO: task khugepaged:931 blocked for more than 120 seconds.");
    // Only before a known format: a bracketed date that starts free text stays text.
    expect(parseLine("[2023-12-19 16:33:24] qrexec: connection refused", 1, ctx)).toMatchObject({ format: "plain", text: "[2023-12-19 16:33:24] qrexec: connection refused" });
    for (const raw of ["rpi login: ", "rpi login: root"]) {
      const l = parseLine(raw, 1, ctx);
      expect(l).toMatchObject({ format: "plain", text: raw });
      expect(l.program).toBeUndefined();
    }
    // svlogd without its own time (void-linux/void-packages#5046): the facility.level tag starts the line.
    expect(parseLine("kern.alert: [21657.872252] IP: apply_paravirt+0x104/0x150", 1, ctx)).toMatchObject({
      format: "dmesg",
      program: "kernel",
      uptime: 21657.872252,
      text: "IP: apply_paravirt+0x104/0x150",
    });
    expect(parseLine("kern.info: [21657.872253] PGD 0 P4D 0 ", 1, ctx).level).toBe(6);
    // …only before a known format: a sentence starting with such a word stays text.
    expect(parseLine("kern.warn: check the cable", 1, ctx)).toMatchObject({ format: "plain", text: "kern.warn: check the cable" });
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
    // An empty field after the kernel's tag (RHEL 5/6-era syslog): not part of the message; the uptime still peels.
    expect(parseLine("Feb 14 10:53:28 host1.example kernel: : mpt2sas0: fault_state(0x5841)!", 1, ctx)).toMatchObject({ host: "host1.example", program: "kernel", text: "mpt2sas0: fault_state(0x5841)!" });
    expect(parseLine("Jun 17 22:39:44 durga kernel: : [   14.881105] ------------[ cut here ]------------", 1, ctx)).toMatchObject({ program: "kernel", uptime: 14.881105, text: "------------[ cut here ]------------" });
    // rsyslog `%programname%[%procid%] %syslogseverity-text%:`: the kernel's nil procid and a severity name.
    const nilProcid = parseLine("2023-05-10 15:40:35 in4 kernel[-] err: [  245.363676]       Not tainted 5.15.0-71-generic #78~20.04.1-Ubuntu", 1, ctx);
    expect(nilProcid).toMatchObject({ host: "in4", program: "kernel", level: 3, text: "      Not tainted 5.15.0-71-generic #78~20.04.1-Ubuntu" });
    expect(nilProcid.pid).toBeUndefined();
    expect(parseLine("2023-05-10 15:40:35 in4 containerd[980] warning: shim exited", 1, ctx)).toMatchObject({ program: "containerd", pid: 980, level: 4, text: "shim exited" });
    expect(parseLine('time="2020-06-29T17:09:58.370225586Z" level=info msg="[    0.317958] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\\n" name=kata-proxy pid=1 source=agent', 1, ctx)).toMatchObject({
      program: "kernel",
      text: "Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)",
    });
  });

  it("a level where syslog puts the host (a collector's `<time> info tag[pid]:`, Calico's `[ERROR][pid]`) is no host, in both readers", () => {
    const ctx = createLineContext(0, 2024);
    const collector = "2017-09-16 00:29:55.672 info docker[41953]: panic: runtime error: invalid memory address or nil pointer dereference";
    expect(parseLine(collector, 1, ctx)).toMatchObject({ format: "syslog-iso", level: 6, program: "docker", pid: 41953, text: "panic: runtime error: invalid memory address or nil pointer dereference" });
    const calico = "2022-03-21 11:29:35.252 [ERROR][27163] plugin.go 119: Final result of CNI ADD was an error.";
    expect(parseLine(calico, 1, ctx)).toMatchObject({ level: 3, pid: 27163, text: "plugin.go 119: Final result of CNI ADD was an error." });
    const bracketed = "2024-08-13T15:59:23Z [main] started";
    expect(parseLine(bracketed, 1, ctx)).toMatchObject({ text: "[main] started" });
    for (const raw of [collector, calico, bracketed, "2024-08-13T15:59:23Z WARNING disk almost full", "2024-08-13T15:59:23Z debug\r"]) {
      expect(parseLine(raw, 1, ctx).host).toBeUndefined();
      expect(peekHostOfText(raw)).toBeUndefined();
    }
    // A host whose name merely starts with a level word is still the host.
    for (const raw of ["2024-08-13T15:59:23Z info01 kernel: x", "2024-08-13T15:59:23Z error-node kernel: x"]) {
      expect(parseLine(raw, 1, ctx).host).toBe(raw.split(" ")[1]);
      expect(peekHostOfText(raw)).toBe(raw.split(" ")[1]);
    }
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

    // A day-first, decimal-comma locale (German): `[30. Jul 08:55]`, `[  +0,000004]`; a bare `[12. …]` is no date.
    expect(parseLine("[30. Jul 08:55] ------------[ cut here ]------------", 3, ctx)).toMatchObject({ format: "dmesg-human", time: Date.UTC(2024, 6, 30, 8, 55, 0), text: "------------[ cut here ]------------" });
    expect(parseLine("[  +0,000003] RIP: 0010:bch2_trigger_alloc+0xc24/0x16c0", 4, ctx)).toMatchObject({ format: "dmesg-human", text: "RIP: 0010:bch2_trigger_alloc+0xc24/0x16c0" });
    expect(parseLine("[12. step 10:00] done", 5, ctx).format).toBe("plain");
  });

  it("ktest's zero-padded elapsed seconds are peeled from console text; a known format after them keeps its own row", () => {
    const ctx = createLineContext(0, 2024);
    expect(parseLine("00034 RIP: 0010:ec_stripe_update_ptrs+0x6d8/0x6e0", 1, ctx)).toMatchObject({ format: "plain", text: "RIP: 0010:ec_stripe_update_ptrs+0x6d8/0x6e0" });
    expect(parseLine("00034 [   34.100000] kernel BUG at fs/bcachefs/ec.c:865!", 2, ctx)).toMatchObject({ format: "dmesg", uptime: 34.1, text: "kernel BUG at fs/bcachefs/ec.c:865!" });
    // Four or six digits are no ktest stamp.
    expect(parseLine("0034 RIP: 0010:f+0x1/0x2", 3, ctx).text).toBe("0034 RIP: 0010:f+0x1/0x2");
  });

  it("five digits that start a wrapped line's rest (a PID) are its text, not a ktest stamp; a run of stamps may outgrow the padding", () => {
    const ctx = createLineContext(0, 2024);
    expect(parseLine("24572 (java) score 0 or sacrifice child", 1, ctx).text).toBe("24572 (java) score 0 or sacrifice child");
    expect(parseLine("09998 kernel BUG at fs/bcachefs/ec.c:865!", 2, ctx).text).toBe("kernel BUG at fs/bcachefs/ec.c:865!");
    expect(parseLine("10001 invalid opcode: 0000 [#1] SMP NOPTI", 3, ctx).text).toBe("invalid opcode: 0000 [#1] SMP NOPTI");
    // Far ahead of the run, or behind it: a number of the line's own.
    expect(parseLine("83931 total pagecache pages", 4, ctx).text).toBe("83931 total pagecache pages");
  });

  it("a CI console's time of day before each console line is peeled when a known format follows", () => {
    const ctx = createLineContext(0, 2024);
    // Jenkins' timestamper (`HH:MM:SS`) and a selftest runner's milliseconds (`HH:MM:SS.mmm`).
    expect(parseLine("16:56:35 [ 82.646346] Unable to handle kernel paging request at virtual address 12005456", 1, ctx)).toMatchObject({ format: "dmesg", uptime: 82.646346, text: "Unable to handle kernel paging request at virtual address 12005456" });
    expect(parseLine("01:02:14.329 [  323.243810] 5.9.0+ #52 Not tainted", 2, ctx)).toMatchObject({ format: "dmesg", uptime: 323.24381, text: "5.9.0+ #52 Not tainted" });
    expect(parseLine("01:02:14.328 [  323.242101] ", 3, ctx)).toMatchObject({ format: "dmesg", text: "" });
    // A time of day before free text is the text's own; no date is made of it.
    expect(parseLine("01:02:14.328 # 18 single subflow IPv6", 4, ctx)).toMatchObject({ format: "plain", text: "01:02:14.328 # 18 single subflow IPv6" });
    expect(parseLine("01:02:14.329 [  323.243810] 5.9.0+ #52 Not tainted", 5, ctx).time).toBeUndefined();
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

  it("journalctl -o export and -o verbose: one entry over many lines, the host from the entry before", () => {
    const ctx = createLineContext(0, 2024);
    const export1 = ["__CURSOR=s=a;i=1", "__REALTIME_TIMESTAMP=1723564763123456", "_SOURCE_MONOTONIC_TIMESTAMP=492198014", "_TRANSPORT=kernel", "PRIORITY=4", "SYSLOG_IDENTIFIER=kernel", "MESSAGE=BUG: soft lockup - CPU#3 stuck for 22s! [a:1]", "_HOSTNAME=w01", ""];
    const lines = [...export1, ...export1].map((raw, i) => parseLine(raw, i + 1, ctx));
    expect(lines[6]).toMatchObject({ format: "journal", program: "kernel", level: 4, uptime: 492.198014, time: iso("2024-08-13T15:59:23.123Z"), text: "BUG: soft lockup - CPU#3 stuck for 22s! [a:1]" });
    expect(lines[6].host).toBeUndefined();
    // Every field line but the message is the journal's own, not kernel text; so is the blank line ending an entry.
    expect(lines.filter((l) => l.program === "journal")).toHaveLength(16);
    expect(lines[8]).toMatchObject({ format: "journal", program: "journal", text: "" });
    expect(lines[15]).toMatchObject({ host: "w01", program: "kernel" });

    const verbose = ["Tue 2024-08-13 15:59:23.123456 UTC [s=ab12;i=1a2;b=cd34;m=1d4c;t=61f;x=99]", "    _SOURCE_MONOTONIC_TIMESTAMP=492198014", "    _TRANSPORT=kernel", "    PRIORITY=3", "    SYSLOG_IDENTIFIER=kernel", "    MESSAGE=BUG: unable to handle page fault for address: 0000000000001000", "    _HOSTNAME=w02"];
    const vctx = createLineContext(0, 2024);
    const v = [...verbose, ...verbose].map((raw, i) => parseLine(raw, i + 1, vctx));
    expect(v[5]).toMatchObject({ format: "journal", program: "kernel", level: 3, time: iso("2024-08-13T15:59:23.123Z"), text: "BUG: unable to handle page fault for address: 0000000000001000" });
    expect(v[12]).toMatchObject({ host: "w02", program: "kernel" });
    // A `KEY=value` line outside a journal dump is text.
    expect(parseLine("PRIORITY=3", 1, createLineContext(0, 2024)).format).toBe("plain");
  });

  it("journalctl -o json-pretty: fields in any order, the host and time after the message are the message's", () => {
    const ctx = createLineContext(0, 2024);
    const entry = (message: string, host: string) => [
      "{",
      '\t"_TRANSPORT" : "kernel",',
      `\t"MESSAGE" : ${JSON.stringify(message)},`,
      '\t"PRIORITY" : "3",',
      '\t"__REALTIME_TIMESTAMP" : "1723564763123456",',
      `\t"_HOSTNAME" : "${host}"`,
      "}",
      "",
    ];
    const lines = [...entry('BUG: soft lockup - CPU#3 stuck for 22s! [a:1] "quoted" \\ back', "w01"), ...entry("Call Trace:", "w02")].map((raw, i) => parseLine(raw, i + 1, ctx));
    expect(lines[2]).toMatchObject({ format: "journal", program: "kernel", level: 3, host: "w01", time: iso("2024-08-13T15:59:23.123Z"), text: 'BUG: soft lockup - CPU#3 stuck for 22s! [a:1] "quoted" \\ back' });
    expect(lines[10]).toMatchObject({ program: "kernel", host: "w02", text: "Call Trace:" });
    // Braces, other fields and the blank line between entries are the journal's, not kernel text; the dump's first
    // `{` comes before any field says it is a journal dump, and stays plain.
    expect(lines.filter((l) => l.program === "journal")).toHaveLength(13);
    expect(lines[0].format).toBe("plain");
    expect(lines[8]).toMatchObject({ format: "journal", program: "journal" });
    // A value a mail client wrapped keeps what the line holds; a byte-array value is no text.
    const wrapped = parseLine('        "MESSAGE" : "blk_update_request: critical medium error, dev', 1, ctx);
    expect(wrapped).toMatchObject({ format: "journal", text: "blk_update_request: critical medium error, dev" });
    expect(parseLine('\t"MESSAGE" : [', 2, ctx)).toMatchObject({ format: "journal", program: "journal" });
    // Outside a journal dump a quoted key is text, and a lone `}` stays what it was.
    const plain = createLineContext(0, 2024);
    expect(parseLine("}", 1, plain).format).toBe("plain");
    expect(parseLine('    "name" : "value",', 1, plain).format).toBe("plain");
  });

  it("less -N: a numbered line's plain tail is peeled when its number follows the last numbered line's", () => {
    const ctx = createLineContext(0, 2024);
    const lines = ["     11 [  484.469885] CPU: 2 PID: 1 Comm: x Not tainted", "     12 4.15.0-123-generic #126-Ubuntu", "     14 00000128 80200288"].map((raw, i) => parseLine(raw, i + 1, ctx));
    expect(lines[0]).toMatchObject({ format: "dmesg", text: "CPU: 2 PID: 1 Comm: x Not tainted" });
    expect(lines[1]).toMatchObject({ format: "plain", text: "4.15.0-123-generic #126-Ubuntu" });
    // Not the next number: text that starts with a number stays as it is.
    expect(lines[2].text).toBe("     14 00000128 80200288");
    expect(parseLine("      1 4.15.0-123-generic", 5, createLineContext(0, 2024)).text).toBe("      1 4.15.0-123-generic");
  });

  it("the first line of a numbered paste: a number in cat -n's or less -N's column is peeled before plain text", () => {
    expect(parseLine("      1 goroutine 8 [running]:", 1, createLineContext(0, 2024)).text).toBe("goroutine 8 [running]:");
    expect(parseLine("    12\tkernel BUG at fs/inode.c:1325!", 1, createLineContext(0, 2024)).text).toBe("kernel BUG at fs/inode.c:1325!");
    // Not in a pager's column, or not on the input's first line: the text's own number.
    expect(parseLine(" 1 goroutine 8 [running]:", 1, createLineContext(0, 2024)).text).toBe("goroutine 8 [running]:");
    expect(parseLine("2 warnings generated", 1, createLineContext(0, 2024)).text).toBe("2 warnings generated");
    expect(parseLine("   12 errors", 1, createLineContext(0, 2024)).text).toBe("   12 errors");
    expect(parseLine("      3 goroutine 8 [running]:", 2, createLineContext(0, 2024)).text).toBe("      3 goroutine 8 [running]:");
  });

  it("CRI partial lines (`P`) are completed by their `F` line", () => {
    const ctx = createLineContext(0, 2024);
    const p = parseLine("2024-02-14T10:00:00.1Z stdout P [  123.456789] BUG: soft lockup - CPU#2 st", 1, ctx);
    expect(p.program).toBe("cri-partial");
    const f = parseLine("2024-02-14T10:00:00.2Z stdout F uck for 23s! [a:1]", 2, ctx);
    expect(f).toMatchObject({ program: "kernel", uptime: 123.456789, text: "BUG: soft lockup - CPU#2 stuck for 23s! [a:1]" });
    expect(parseLine("2024-02-14T10:00:00.3Z stdout F next", 3, ctx).text).toBe("next");
  });

  it("kubectl debug node/X: the node owns the host-less lines after the banner", () => {
    const ctx = createLineContext(0, 2024);
    expect(parseLine("Creating debugging pod node-debugger-w01-abcde with container debugger on node w01.", 1, ctx)).toMatchObject({ host: "w01", program: "kubectl" });
    expect(parseLine("[  123.456789] BUG: soft lockup - CPU#2 stuck for 23s! [a:1]", 2, ctx)).toMatchObject({ host: "w01", program: "kernel" });
    expect(parseLine("Aug 13 15:59:23 w09 kernel: x", 3, ctx).host).toBe("w09");
  });

  it("one table, two readers: the byte peek names the host parseLine names, on every fixture", () => {
    const extra = [
      "nanofield: kern: warning: [2021-08-05T21:46:09.360110081Z]: WARNING: CPU: 3 PID: 13261 at net/core/stream.c:208 sk_stream_kill_queues+0x109/0x120",
      "10.0.0.5: kern:    err: [2025-01-22T15:00:15.542409509Z]: e1000e 0000:00:1f.6 eno1: Detected Hardware Unit Hang:",
      "32792 Mar  3 15:04:11 localhost kernel: [610610.283118] RIP: 0010:__dec_node_state+0x13/0x60",
      "   12:Aug 13 15:59:23 w02 kernel: x",
      "> Aug 13 15:59:23 w01 kernel: BUG: soft lockup - CPU#3 stuck for 22s!",
      ">> > 12 Aug 13 15:59:23 w03 kernel: x",
      "    Aug 13 15:59:23 w04 kernel: x",
      "Aug 13 15:59:23 2024 w05 kernel: x",
      "<13>Aug 13 15:59:23 w06 root: x",
      "vmhost kernel: e1000e 0000:00:1f.6 eth0: Detected Hardware Unit Hang:",
      "kernel: x",
      "[  492.198014][T24950] BUG: soft lockup",
      "2024-08-13 15:59:23,250 INFO something",
      "kern  :err   : [  123.456789] BUG: x",
      "node1: kern: err: [2024-06-29T10:52:39.030745602Z]: BUG: x",
      "{\"level\":\"info\",\"host\":\"w07\",\"msg\":\"ok\"}",
      "2024-02-14T10:00:00Z stdout F Aug 13 15:59:23 w08 kernel: x",
      "[root@w09 ~]# Aug 13 15:59:23 w09 kernel: x",
      "core@w10:~$ Aug 13 15:59:23 w10 kernel: x",
      "$ Aug 13 15:59:23 w11 kernel: x",
      "w12 login: Aug 13 15:59:23 w12 kernel: x",
      "root@w13:~# Kernel panic - not syncing: Fatal exception",
      "w14 login: [  348.318763] Kernel panic - not syncing: x",
      "0410_03-08-12.384Aug 13 15:59:23 w15 kernel: x",
      "0410_03-08-12.384w16 login: Aug 13 15:59:23 w16 kernel: x",
      "[2023-12-19 16:33:24] Aug 13 15:59:23 w17 kernel: x",
      "[2023-12-19 16:33:24] [457742.607754] kernel BUG at lib/list_debug.c:59!",
      "[09:47:13.158][Moby           ][Info   ] Aug 13 15:59:23 w18 kernel: x",
      "[09:47:13.158][Moby           ][Info   ] WARNING: CPU: 1 PID: 0 at x",
      "16:56:35 Aug 13 15:59:23 w19 kernel: x",
      "01:02:14.329 [  323.243810] 5.9.0+ #52 Not tainted",
      "[    525.566538]   WARN: Oops: 0000 [#1] SMP NOPTI",
    ];
    const raws = [...ROWS.map((r) => r.raw), ...extra];
    const disagreements = raws
      .map((raw) => ({ raw, parsed: parseLine(raw, 1, createLineContext(0, 2024)).host, peeked: peekHostOfText(raw) }))
      .filter((r) => r.parsed !== r.peeked);
    expect(disagreements).toEqual([]);
    expect(raws.filter((raw) => peekHostOfText(raw) !== undefined).length).toBeGreaterThan(30);
  });

  /** Each `<ISO time> <text>` line parses to its text with no host and no program, and the byte peek agrees. */
  const expectTextAfterTime = (raws: string[]) => {
    for (const raw of raws) {
      const line = parseLine(raw, 1, createLineContext(0, 2024));
      expect({ raw, host: line.host, program: line.program, text: line.text }).toEqual({ raw, host: undefined, program: undefined, text: raw.slice(raw.indexOf(" ") + 1) });
      expect(peekHostOfText(raw)).toBeUndefined();
    }
  };

  it("ISO-stamped kernel console text names no host and no program, in the parse and in the peek", () => {
    const capture = [
      "2025-01-16T17:24:58.365Z INFO: task khugepaged:931 blocked for more than 1228 seconds.",
      "2025-01-16T17:24:58.365Z Tainted: P OE 6.12.0-4.el9ueknext.x86_64 #1",
      '2025-01-16T17:24:58.374Z ""echo 0 > /proc/sys/kernel/hung_task_timeout_secs"" disables this message.',
      "2025-01-16T17:24:58.387Z Call Trace:",
      "2025-01-16T17:24:58.390Z <TASK>",
      "2025-01-16T17:24:58.437Z ? __pfx_khugepaged+0x10/0x10",
      "2025-01-16T17:24:58.441Z kthread+0xcf/0x100",
      "2025-01-16T17:24:58.442Z Mem-Info:",
      "2025-01-16T17:24:58.443Z Out of memory",
    ];
    expectTextAfterTime(capture);
    // A host and a tag after the time stay what they were.
    expect(parseLine("2024-08-13T15:59:23.123456+08:00 w01 kernel: Call Trace:", 1, createLineContext(0, 2024))).toMatchObject({ host: "w01", program: "kernel", text: "Call Trace:" });
    expect(peekHostOfText("2024-08-13T15:59:23.123456+08:00 w01 kernel: Call Trace:")).toBe("w01");
  });

  it("a Go crash dump after a container runtime's time (`docker logs -t`) keeps its head words, in the parse and the peek", () => {
    // cilium/cilium#4939: read as a tag and a host, `panic` and `goroutine` left `runtime error: …` and `234511
    // [running]:`, and no Go panic was found.
    const dump = [
      "2018-07-21T01:12:03.668929759Z panic: runtime error: invalid memory address or nil pointer dereference",
      "2018-07-21T01:12:03.668965304Z goroutine 234511 [running]:",
      "2018-07-21T01:12:03.669736397Z created by github.com/cilium/cilium/pkg/workloads.(*dockerClient).watchEvents",
      "2024-08-13T15:59:23.123456Z fatal error: concurrent map writes",
    ];
    expectTextAfterTime(dump);
    // A syslog line whose program prints the panic keeps its host and tag.
    expect(parseLine("2024-08-13T15:59:23.123456+08:00 w01 cilium-agent[9]: panic: x", 1, createLineContext(0, 2024))).toMatchObject({ host: "w01", program: "cilium-agent", text: "panic: x" });
  });

  it("a console server's `<time><TAB>` names no host, in the byte peek as in the parse", () => {
    const ctx = createLineContext(0, 2024);
    for (const raw of [
      "2017-01-14 01:04:26\tBUG: unable to handle kernel paging request at ffff8802ea75bb00",
      "2017-01-14 01:04:27\tRSP: e02b:ffff88005b77d8e8  EFLAGS: 00010246",
      "2017-01-14 01:04:26\tPGD 1002067 PUD 53b5067 PMD 5509067 PTE 0",
    ]) {
      expect(parseLine(raw, 1, ctx).host).toBeUndefined();
      expect(peekHostOfText(raw)).toBeUndefined();
    }
    // A space after the time still names the host.
    expect(peekHostOfText("2017-01-14 01:04:26 w01 kernel: BUG: x")).toBe("w01");
  });

  it("lines of numbers or words (hex dumps, module lists) stay text: wrappers do not re-read them at every token", () => {
    const ctx = createLineContext(0, 2024);
    const hex = Array.from({ length: 400 }, (_, i) => (i * 37).toString(16).padStart(2, "0")).join(" ");
    const words = Array.from({ length: 400 }, (_, i) => `mod${i}`).join(" ");
    for (const raw of [hex, words, `5 ${hex}`, `  12 ${words}`]) {
      expect(parseLine(raw, 1, ctx)).toMatchObject({ format: "plain", text: raw });
      expect(peekHostOfText(raw)).toBeUndefined();
    }
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

describe("RFC 3164 stamps read one after another", () => {
  it("gives each line the time of its own stamp and year (the last stamp's time is reused only when all of it is the same)", () => {
    const leap = createLineContext(0, 2024, 12, 0);
    const common = createLineContext(0, 2023, 12, 0);
    const times = [
      parseLine("Feb 29 10:00:00 w01 kernel: a", 1, leap).time,
      parseLine("Feb 29 10:00:00 w01 kernel: b", 2, leap).time,
      parseLine("Feb 29 10:00:00 w01 kernel: c", 3, common).time,
      parseLine("Feb 29 10:00:00.5 w01 kernel: d", 4, leap).time,
      parseLine("Feb 29 10:00:01 w01 kernel: e", 5, leap).time,
      parseLine("Mar  1 10:00:01 w01 kernel: f", 6, leap).time,
      parseLine("Feb 29 10:00:01 w01 kernel: g", 7, leap).time,
    ];
    expect(times).toEqual([
      iso("2024-02-29T10:00:00Z"),
      iso("2024-02-29T10:00:00Z"),
      undefined,
      iso("2024-02-29T10:00:00.500Z"),
      iso("2024-02-29T10:00:01Z"),
      iso("2024-03-01T10:00:01Z"),
      iso("2024-02-29T10:00:01Z"),
    ]);
  });
});
