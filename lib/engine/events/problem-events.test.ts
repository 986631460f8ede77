import { describe, expect, it } from "vitest";
import { PROBLEM_EVENT_RULES } from "./problem-events";
import { triage } from "../triage";
import type { Finding } from "../types";

const enc = new TextEncoder();

/** One syslog kernel line (or a few) through the whole pipeline: the scanner's prefilter must see it too. */
async function findingsOf(lines: string[], program = "kernel"): Promise<Finding[]> {
  const text = lines.map((l) => (l.startsWith("Aug ") ? l : `Aug 13 10:00:00 n1 ${program}: ${l}`)).join("\n") + "\n";
  const inc = await triage([{ name: "messages", data: enc.encode(text) }], { now: new Date("2024-09-01T00:00:00Z") });
  return inc.findings;
}

type Row = { line: string | string[]; rule: string; kind: Finding["kind"]; title: string; details?: Record<string, unknown>; program?: string };

const ROWS: Row[] = [
  {
    line: "unregister_netdevice: waiting for eth0 to become free. Usage count = 2",
    rule: "netdev-refcount-wait",
    kind: "netdev-refcount",
    title: "unregister_netdevice: waiting for DEV to become free",
    details: { device: "eth0", usageCount: 2 },
  },
  {
    // An undecoded quoted-printable mail body (`=3D` for `=`, no soft breaks to mark it as such).
    line: "unregister_netdevice: waiting for lo to become free. Usage count =3D 1",
    rule: "netdev-refcount-wait",
    kind: "netdev-refcount",
    title: "unregister_netdevice: waiting for DEV to become free",
    details: { device: "lo" },
  },
  {
    line: "Route cache is full: consider increasing sysctl net.ipv6.route.max_size.",
    rule: "route-cache-full",
    kind: "route-cache-full",
    title: "Route cache is full: consider increasing sysctl net.ipv6.route.max_size",
    details: { family: "ipv6" },
  },
  {
    line: ["SLUB: Unable to allocate memory on node -1 (gfp=0x20)", "  cache: kmalloc-256, object size: 256, buffer size: 256, default order: 1, min order: 0"],
    rule: "slub-alloc-failure",
    kind: "slab-alloc-failure",
    title: "SLUB: Unable to allocate memory",
    details: { node: -1, gfp: "0x20", cache: "kmalloc-256", cacheBase: "kmalloc-256", memcgChildCache: false },
  },
  {
    // 4.15+ print the gfp flags after a comma with their names.
    line: ["SLUB: Unable to allocate memory on node -1, gfp=0x900(GFP_NOWAIT|__GFP_ZERO)", "  cache: page->ptl, object size: 72, buffer size: 72, default order: 0, min order: 0"],
    rule: "slub-alloc-failure",
    kind: "slab-alloc-failure",
    title: "SLUB: Unable to allocate memory",
    details: { node: -1, gfp: "0x900", gfpFlags: "GFP_NOWAIT|__GFP_ZERO", cache: "page->ptl" },
  },
  {
    // 6.x name the CPU the allocation ran on first.
    line: ["SLUB: Unable to allocate memory on CPU 0 (of node 0) on node -1, gfp=0x820(GFP_ATOMIC)", "  cache: kmalloc-rnd-05-64, object size: 64, buffer size: 128, default order: 0, min order: 0"],
    rule: "slub-alloc-failure",
    kind: "slab-alloc-failure",
    title: "SLUB: Unable to allocate memory",
    details: { node: -1, gfp: "0x820", cache: "kmalloc-rnd-05-64" },
  },
  {
    line: "cache_from_obj: Wrong slab cache. kmalloc-64 but object is from kmalloc-32",
    rule: "slab-wrong-cache",
    kind: "other",
    title: "cache_from_obj: Wrong slab cache",
    details: { cache: "kmalloc-64", objectCache: "kmalloc-32" },
  },
  {
    line: "java: page allocation failure: order:4, mode:0x104020(GFP_ATOMIC|__GFP_COMP)",
    rule: "page-allocation-failure",
    kind: "page-alloc-failure",
    title: "page allocation failure: order:4",
    details: { order: 4, comm: "java" },
  },
  {
    line: "kmodloader: vmalloc: allocation failure: 425984 bytes, mode:0x14000c0(GFP_KERNEL), nodemask=(null)",
    rule: "vmalloc-allocation-failure",
    kind: "page-alloc-failure",
    title: "vmalloc: allocation failure",
    details: { comm: "kmodloader", bytes: 425984, mode: "0x14000c0" },
  },
  {
    // an area filled only in part
    line: "python3: vmalloc: allocation failure, allocated 12288 of 20480 bytes, mode:0x15080c0(GFP_KERNEL_ACCOUNT|__GFP_ZERO), nodemask=(null)",
    rule: "vmalloc-allocation-failure",
    kind: "page-alloc-failure",
    title: "vmalloc: allocation failure",
    details: { comm: "python", bytes: 20480 },
  },
  { line: "nf_conntrack: expectation table full", rule: "conntrack-expectation-table-full", kind: "conntrack-full", title: "nf_conntrack: expectation table full" },
  { line: "nf_conntrack: nf_conntrack: table full, dropping packet", rule: "conntrack-table-full", kind: "conntrack-full", title: "nf_conntrack: table full, dropping packet" },
  // OpenVZ counts per container and names it.
  { line: "ip_conntrack: VPS 101 table full, dropping packet.", rule: "conntrack-table-full", kind: "conntrack-full", title: "nf_conntrack: table full, dropping packet" },
  // 3.x-4.x IPv6 wording: pr_fmt prefix, no full stop.
  { line: "IPv6: Neighbour table overflow", rule: "neighbour-table-overflow", kind: "neighbour-overflow", title: "neighbour: neighbor table overflow" },
  {
    line: ["EXT4-fs (vdb): error count since last fsck: 26", "EXT4-fs (vdb): initial error at time 1529034124: ext4_find_entry:1312: inode 27787278"],
    rule: "ext4-error-count",
    kind: "fs-error",
    title: "EXT4-fs: errors recorded since last fsck",
    details: { device: "vdb", errorCount: 26 },
  },
  // The same daily summary in its older wording (raspberrypi/linux#548, 3.x).
  { line: "EXT4-fs (sda1): error count: 6", rule: "ext4-error-count", kind: "fs-error", title: "EXT4-fs: errors recorded since last fsck", details: { device: "sda1", errorCount: 6 } },
  {
    line: "Killed /user.slice/user-1001.slice/user@1001.service/app.slice/app-org.gnome.Terminal.slice/vte-spawn-dbb4.scope due to memory pressure for /user.slice/user-1001.slice/user@1001.service being 51.07% > 50.00% for > 20s with reclaim activity",
    program: "systemd-oomd[840]",
    rule: "systemd-oomd-pressure-kill",
    kind: "oom",
    title: "systemd-oomd: killed cgroup under memory pressure",
    details: { monitored: "/user.slice/user-1001.slice/user@1001.service", pressure: 51.07, limit: 50 },
  },
  {
    // journalctl's pager cut the line; v253+ marks before it kills.
    line: "Marked /system.slice/systemd-journald.service for killing due to memory pressure for /system.slice be>",
    program: "systemd-oomd[659]",
    rule: "systemd-oomd-pressure-kill",
    kind: "oom",
    title: "systemd-oomd: killed cgroup under memory pressure",
    details: { cgroup: "/system.slice/systemd-journald.service" },
  },
  {
    // debug logging: the decision line alone (the kill raced the processes' exit, no `Killed` line followed)
    line: [
      "Memory pressure for /user.slice/user-4711.slice/user@4711.service/testsuite.slice is 74.23% > 20.00% for > 2s with reclaim activity",
      "oomd attempting to kill 113 with KILL",
      "Failed to kill any cgroup(s) under /user.slice/user-4711.slice/user@4711.service/testsuite.slice based on pressure: No such device",
    ],
    program: "systemd-oomd[70]",
    rule: "systemd-oomd-pressure-decision",
    kind: "oom",
    title: "systemd-oomd: killed cgroup under memory pressure",
    details: { monitored: "/user.slice/user-4711.slice/user@4711.service/testsuite.slice", pressure: 74.23, limit: 20 },
  },
  {
    // with the `Marked … for killing` line after it, that line is the one finding
    line: [
      "Memory pressure for /system.slice is 85.03% > 80.00% for > 2s with reclaim activity",
      "Marked /system.slice/systemd-journald.service for killing due to memory pressure for /system.slice being 85.03% > 80.00% for > 2s with reclaim activity",
    ],
    program: "systemd-oomd[659]",
    rule: "systemd-oomd-pressure-kill",
    kind: "oom",
    title: "systemd-oomd: killed cgroup under memory pressure",
  },
  {
    line: "Killed /user.slice/user-1000.slice/user@1000.service/app.slice/app-firefox.scope due to swap used (4096000000) / total (4294967296) being more than 90.00%",
    program: "systemd-oomd[666]",
    rule: "systemd-oomd-swap-kill",
    kind: "oom",
    title: "systemd-oomd: killed cgroup over swap limit",
    details: { swapUsed: 4096000000 },
  },
  {
    // v249/v250 name the memory limit with the swap one (systemd/systemd#25853)
    line: "Killed /user.slice/user-1000.slice/session-2.scope due to memory used (16309088256) / total (16542982144) and swap used (7743770624) / total (8589930496) being more than 90.00%",
    program: "systemd-oomd[1039]",
    rule: "systemd-oomd-swap-kill",
    kind: "oom",
    title: "systemd-oomd: killed cgroup over swap limit",
    details: { cgroup: "/user.slice/user-1000.slice/session-2.scope", swapUsed: 7743770624, swapTotal: 8589930496 },
  },
  {
    // the user manager's note without a count (systemd/systemd#35270, v255)
    line: "org.gnome.Shell@x11.service: systemd-oomd killed some process(es) in this unit.",
    program: "systemd[2917]",
    rule: "systemd-oomd-unit-killed",
    kind: "oom",
    title: "systemd-oomd: killed cgroup under memory pressure",
    details: { unit: "org.gnome.Shell@x11.service" },
  },
  {
    line: "app-firefox.scope: systemd-oomd killed 12 process(es) in this unit.",
    program: "systemd[1837]",
    rule: "systemd-oomd-unit-killed",
    kind: "oom",
    title: "systemd-oomd: killed cgroup under memory pressure",
    details: { unit: "app-firefox.scope", killed: 12 },
  },
  { line: "neighbour: arp_cache: neighbor table overflow!", rule: "neighbour-table-overflow", kind: "neighbour-overflow", title: "neighbour: neighbor table overflow", details: { table: "arp_cache" } },
  // Quoted from the table id on, without the `neighbour: ` prefix (a runbook's or blog's quote of the message).
  { line: "arp_cache: neighbor table overflow!", rule: "neighbour-table-overflow", kind: "neighbour-overflow", title: "neighbour: neighbor table overflow", details: { table: "arp_cache" } },
  // A bridge seeing its own MAC come back (a loop or a duplicated MAC), both wordings.
  {
    line: "br-lan: received packet on eth0 with own address as source address",
    rule: "bridge-own-address-as-source",
    kind: "other",
    title: "bridge: received packet with own address as source address",
    details: { bridge: "br-lan", port: "eth0" },
  },
  {
    line: "qemubr0: received packet on eth0 with own address as source address (addr:03:42:ab:11:00:02, vlan:0)",
    rule: "bridge-own-address-as-source",
    kind: "other",
    title: "bridge: received packet with own address as source address",
    details: { bridge: "qemubr0", port: "eth0" },
  },
  { line: "TCP: out of memory -- consider tuning tcp_mem", rule: "tcp-out-of-memory", kind: "other", title: "TCP: out of memory -- consider tuning tcp_mem" },
  { line: "TCP: too many orphaned sockets", rule: "tcp-too-many-orphans", kind: "other", title: "TCP: too many orphaned sockets" },
  // 2.6–3.x tcp_close() wording.
  { line: "TCP: too many of orphaned sockets", rule: "tcp-too-many-orphans", kind: "other", title: "TCP: too many orphaned sockets" },
  { line: "TCP: time wait bucket table overflow", rule: "tcp-time-wait-overflow", kind: "other", title: "TCP: time wait bucket table overflow" },
  {
    // OpenVZ names the container.
    line: "TCP: time wait bucket table overflow (CT0)",
    rule: "tcp-time-wait-overflow",
    kind: "other",
    title: "TCP: time wait bucket table overflow",
    details: { container: "CT0" },
  },
  {
    line: "TCP: request_sock_TCP: Possible SYN flooding on port 8080. Sending cookies.  Check SNMP counters.",
    rule: "tcp-syn-flood",
    kind: "other",
    title: "TCP: Possible SYN flooding on port NUM",
    details: { port: "8080", action: "syncookies" },
  },
  {
    // 6.x prints the listener's address; IPv6 listeners say TCPv6.
    line: "TCP: request_sock_TCPv6: Possible SYN flooding on port [::]:443. Sending cookies.",
    rule: "tcp-syn-flood",
    kind: "other",
    title: "TCP: Possible SYN flooding on port NUM",
    details: { port: "[::]:443", action: "syncookies", family: "ipv6" },
  },
  {
    // 2.6 wording, with tcp_syncookies off.
    line: "possible SYN flooding on port 80. Dropping request.",
    rule: "tcp-syn-flood",
    kind: "other",
    title: "TCP: Possible SYN flooding on port NUM",
    details: { port: "80", action: "drop" },
  },
  {
    line: "cgroup: fork rejected by pids controller in /kubepods/burstable/pod1234",
    rule: "pids-fork-rejected",
    kind: "other",
    title: "cgroup: fork rejected by pids controller",
    details: { cgroup: "/kubepods/burstable/pod1234" },
  },
  {
    line: "Out of memory: Killed process 1234 (java) total-vm:8000kB, anon-rss:4000kB, file-rss:0kB",
    rule: "oom-kill",
    kind: "oom",
    title: "OOM: out of memory",
    details: { victimPid: 1234, victim: "java", memcg: false },
  },
  {
    // 2.6.9 (RHEL 4): the kill printed under the prefix, `Memory` capitalised, no memory sizes.
    line: "Out of Memory: Killed process 2368 (jserver).",
    rule: "oom-kill",
    kind: "oom",
    title: "OOM: out of memory",
    details: { victimPid: 2368, victim: "jserver", memcg: false },
  },
  {
    // RHEL 5's 2.6.18: the owner's UID between the pid and the comm.
    line: "Out of memory: Killed process 5114, UID 48, (httpd).",
    rule: "oom-kill",
    kind: "oom",
    title: "OOM: out of memory",
    details: { victimPid: 5114, victim: "httpd", memcg: false },
  },
  {
    line: "Memory cgroup out of memory: Killed process 99 (nginx) total-vm:1kB",
    rule: "oom-kill",
    kind: "oom",
    title: "OOM: memory cgroup out of memory",
    details: { victim: "nginx", memcg: true },
  },
  {
    // RHEL 7 / 3.10 wording: "Kill process … or sacrifice child", then "Killed process" without the prefix.
    line: ["Memory cgroup out of memory: Kill process 4321 (java) score 1000 or sacrifice child", "Killed process 4321 (java) total-vm:2000kB, anon-rss:1000kB"],
    rule: "oom-kill-legacy",
    kind: "oom",
    title: "OOM: memory cgroup out of memory",
    details: { victimPid: 4321, victim: "java", memcg: true },
  },
  {
    // `grep -i killed /var/log/messages` on RHEL 6: the 2.6.32 kill line alone, its selection line not in the paste.
    line: "Killed process 11726, UID 498, (mysqld) total-vm:7823732kB, anon-rss:2539268kB, file-rss:768kB",
    rule: "oom-killed-process-bare",
    kind: "oom",
    title: "OOM: out of memory",
    details: { victimPid: 11726, victim: "mysqld" },
  },
  {
    // Upstream 3.x wording, alone; the selection line right before it would be the finding instead (row above).
    line: ["Free swap  = 0kB", "Killed process 28438 (java) total-vm:20255636kB, anon-rss:466160kB, file-rss:13684kB"],
    rule: "oom-killed-process-bare",
    kind: "oom",
    title: "OOM: out of memory",
    details: { victimPid: 28438, victim: "java" },
  },
  {
    // RHEL 6's wording right after its selection line: that line is the one finding.
    line: ["Out of memory: Kill process 16929 (beam.smp) score 580 or sacrifice child", "Killed process 28364, UID 0, (sh) total-vm:106064kB, anon-rss:180kB, file-rss:4kB"],
    rule: "oom-kill-legacy",
    kind: "oom",
    title: "OOM: out of memory",
    details: { victimPid: 16929, victim: "beam.smp" },
  },
  {
    // A 3.10 backport's order (`(comm), UID n,`); the report's first line and its kill selection were cut off.
    line: "Killed process 42452 (memcg_test_1), UID 0, total-vm:7296kB, anon-rss:96kB, file-rss:164kB, shmem-rss:0kB",
    rule: "oom-killed-process-bare",
    kind: "oom",
    title: "OOM: out of memory",
    details: { victimPid: 42452, victim: "memcg_test_1" },
  },
  {
    line: "cpu=0 found=0 invalid=1 ignore=0 insert=0 insert_failed=12 drop=12 early_drop=0 error=0 search_restart=0",
    rule: "conntrack-insert-failed",
    kind: "conntrack-full",
    title: "nf_conntrack: insert_failed counter rising",
    details: { insertFailed: 12 },
  },
  {
    line: 'E0813 10:00:00.000000    1432 remote_image.go:1] "PullImage failed" err="dial tcp: lookup registry.k8s.io on 10.96.0.10:53: read udp 10.244.1.5:43210->10.96.0.10:53: i/o timeout"',
    program: "kubelet[1432]",
    rule: "dns-lookup-timeout",
    kind: "other",
    title: "DNS lookup timeout",
    details: { name: "registry.k8s.io", server: "10.96.0.10" },
  },
  {
    line: "IPv6: Failed to initialize the ICMP6 control socket (err -23)",
    rule: "icmp6-control-socket",
    kind: "other",
    title: "IPv6: Failed to initialize the ICMP6 control socket",
    details: { err: -23 },
  },
  { line: "socket: no more sockets", rule: "no-more-sockets", kind: "other", title: "socket: no more sockets" },
  { line: "No memory reserved for crash kernel", program: "kdumpctl[812]", rule: "kdump-no-reservation", kind: "kdump-failure", title: "kdump: not armed" },
  {
    line: "kmemleak: 2 new suspected memory leaks (see /sys/kernel/debug/kmemleak)",
    rule: "kmemleak-suspected-leaks",
    kind: "memory-leak",
    title: "kmemleak: suspected memory leaks",
    details: { newSuspects: 2 },
  },
  { line: "mce: [Hardware Error]: Machine check events logged", rule: "mce-events-logged", kind: "mce", title: "MCE: hardware error" },
  {
    line: "mce: [Hardware Error]: CPU 0: Machine Check: 0 Bank 5: bea0000000000108",
    rule: "mce-hardware-error",
    kind: "mce",
    title: "MCE: hardware error",
    details: { message: "CPU 0: Machine Check: 0 Bank 5: bea0000000000108" },
  },
  {
    // 2.6-era EDAC core (k8_edac): no error count in the line.
    line: 'EDAC MC1: CE page 0xfbf6f, offset 0x4d0, grain 8, syndrome 0xc8f4, row 1, channel 0, label "": k8_edac',
    rule: "edac-memory-error-2.6",
    kind: "mce",
    title: "EDAC: corrected memory error",
    details: { controller: "MC1", type: "CE" },
  },
  { line: "EDAC MC0: UE page 0x1a2b, offset 0x0, grain 8, row 2, labels \":\": i5000_edac", rule: "edac-memory-error-2.6", kind: "mce", title: "EDAC: uncorrectable memory error" },
  {
    // 3.0–3.4 sb_edac through the FB-DIMM handler: the row, channel and DIMM label, no page.
    line: 'EDAC MC0: CE row 2, channel 0, label "CPU_SrcID#0_Channel#3_DIMM#0": 1 Unknown error(s): memory read on FATAL area : cpu=0 Err=0001:0093 (ch=3), addr= 0x67081b300 => socket=0, Channel=3(mask=8), rank=0',
    rule: "edac-memory-error-2.6",
    kind: "mce",
    title: "EDAC: corrected memory error",
    details: { controller: "MC0", type: "CE" },
  },
  { line: 'EDAC MC0: UE row 1, channel-a= 0 channel-b= 1 labels "DIMM_A1:DIMM_B1": i5000 UE', rule: "edac-memory-error-2.6", kind: "mce", title: "EDAC: uncorrectable memory error" },
  {
    line: "EDAC MC0: 1 CE memory read error on CPU_SrcID#0_Ha#0_Chan#1_DIMM#0",
    rule: "edac-memory-error",
    kind: "mce",
    title: "EDAC: corrected memory error",
    details: { controller: "MC0", count: 1, type: "CE" },
  },
  {
    // `ras-mc-ctl --errors` rows from rasdaemon's database: one finding with the kernel's EDAC lines.
    line: [
      "Aug 13 10:00:00 n1 kernel: EDAC MC1: 1 CE memory read error on CPU_SrcID#1_MC#1_Chan#1_DIMM#0 (channel:1 slot:0 page:0x6d6)",
      "72 2022-10-16 08:54:38 +0000 1 Corrected error(s): memory read error at CPU_SrcID#1_MC#1_Chan#1_DIMM#0 location: 3:1:0:-1, addr 469810184128, grain 5, syndrome 0  err_code:0x0101:0x0091 socket:1 imc:1 rank:0",
    ],
    rule: "edac-memory-error",
    kind: "mce",
    title: "EDAC: corrected memory error",
  },
  {
    line: "3 2023-01-02 03:04:05 +0100 1 Uncorrected error(s): memory read error at CPU_SrcID#0_MC#0_Chan#0_DIMM#0 location: 0:0:0:-1, addr 4096, grain 5, syndrome 0",
    rule: "rasdaemon-mc-event",
    kind: "mce",
    title: "EDAC: uncorrectable memory error",
    details: { type: "UE", label: "CPU_SrcID#0_MC#0_Chan#0_DIMM#0" },
  },
  {
    // `ras-mc-ctl --errors` MCE rows: a memory controller bank is a memory error.
    line: "1 2024-12-19 03:52:38 +0000 error: Corrected error, no action required., CPU 2, bank Unified Memory Controller (bank=17), mcg mcgstatus=0, mci CECC, memory_channel=0,csrow=1, mcgcap=0x0000011c, status=0x9c2040000000011b",
    rule: "rasdaemon-mce-event",
    kind: "mce",
    title: "EDAC: corrected memory error",
    details: { type: "CE", cpu: 2, mci: "CECC" },
  },
  {
    line: "2 .. error: Uncorrected, software containable error., CPU 5, bank Load Store Unit (bank=0), mcg mcgstatus=0x5, mci UC, status=0xbc00000000000135",
    rule: "rasdaemon-mce-event",
    kind: "mce",
    title: "MCE: hardware error",
    details: { type: "UE", cpu: 5, bank: "Load Store Unit (bank=0)" },
  },
  {
    line: "EXT4-fs error (device sda1): ext4_lookup:1601: inode #1234: comm ls: deleted inode referenced: 5678",
    rule: "ext4-error",
    kind: "fs-error",
    title: "EXT4-fs error in ext4_lookup",
    details: { device: "sda1" },
  },
  {
    // __ext4_std_error's form, after the journal aborted (dev: gh-longhorn-longhorn-6650, gh-kubernetes-kubernetes-12905)
    line: "EXT4-fs error (device sdf) in ext4_reserve_inode_write:5795: Journal has aborted",
    rule: "ext4-error",
    kind: "fs-error",
    title: "EXT4-fs error in ext4_reserve_inode_write",
    details: { device: "sdf", function: "ext4_reserve_inode_write" },
  },
  {
    // Red Hat bug 664376 (RHEL 4): ext2 on a SAN LUN whose path dropped during I/O.
    line: "EXT2-fs error (device sdr1): read_block_bitmap: Cannot read block bitmap - block_group = 0, block_bitmap = 259",
    rule: "ext2-ext3-error",
    kind: "fs-error",
    title: "EXT2-fs error in read_block_bitmap",
    details: { device: "sdr1", function: "read_block_bitmap" },
  },
  {
    line: "EXT3-fs error (device dm-0): ext3_lookup: deleted inode referenced: 1234567",
    rule: "ext2-ext3-error",
    kind: "fs-error",
    title: "EXT3-fs error in ext3_lookup",
    details: { device: "dm-0", function: "ext3_lookup" },
  },
  {
    // ext2 since 2.6.36 (ext2_msg): an emulated router firmware's ext2 image (secnotes/firmware-analysis-plus#44).
    line: "EXT2-fs (sda1): error: ext2_lookup: deleted inode referenced: 32905",
    rule: "ext2-msg-error",
    kind: "fs-error",
    title: "EXT2-fs error in ext2_lookup",
    details: { device: "sda1", function: "ext2_lookup" },
  },
  {
    // longhorn/longhorn#4925: the one line a k3s node's wall broadcast showed for a Longhorn volume (two spaces before
    // the parenthesis, as ext4 prints it).
    line: "EXT4-fs (sdg): failed to convert unwritten extents to written extents -- potential data loss!  (inode 262194, error -30)",
    rule: "ext4-unwritten-extents-lost",
    kind: "fs-error",
    title: "EXT4-fs: failed to convert unwritten extents (potential data loss)",
    details: { device: "sdg", inode: 262194, errno: -30 },
  },
  {
    // before 5.5 ext4_end_io() also printed the range
    line: "EXT4-fs (sdb1): failed to convert unwritten extents to written extents -- potential data loss!  (inode 1234567, offset 0, size 4096, error -5)",
    rule: "ext4-unwritten-extents-lost",
    kind: "fs-error",
    title: "EXT4-fs: failed to convert unwritten extents (potential data loss)",
    details: { device: "sdb1", inode: 1234567, errno: -5 },
  },
  {
    line: "XFS (dm-0): Internal error xfs_trans_cancel at line 1097 of file fs/xfs/xfs_trans.c.  Caller xfs_create+0x46a/0x760 [xfs]",
    rule: "xfs-corruption",
    kind: "fs-error",
    title: "XFS: internal error in xfs_create",
    details: { device: "dm-0", file: "fs/xfs/xfs_trans.c" },
  },
  {
    line: "XFS (dm-0): Metadata corruption detected at xfs_dir3_block_read_verify+0x5e/0x110 [xfs], xfs_dir3_block block 0x1234",
    rule: "xfs-corruption",
    kind: "fs-error",
    title: "XFS: metadata corruption detected",
    details: { device: "dm-0" },
  },
  {
    // ceph/ceph-csi#966, openebs/lvm-localpv#135: reflink from a newer mkfs.xfs on a 3.10 node kernel; one finding
    // for the device, the follow-up lines of the same refusal add nothing.
    line: [
      "XFS (rbd0): Superblock has unknown read-only compatible features (0x4) enabled.",
      "XFS (rbd0): Attempted to mount read-only compatible filesystem read-write.",
      "XFS (rbd0): Filesystem can only be safely mounted read only.",
      "XFS (rbd0): SB validate failed with error -22.",
    ],
    rule: "xfs-unknown-features",
    kind: "fs-error",
    title: "XFS: superblock has unknown read-only compatible features",
    details: { device: "rbd0", features: "0x4" },
  },
  {
    line: "XFS (sdb1): Superblock has unknown incompatible features (0x20) enabled.",
    rule: "xfs-unknown-features",
    kind: "fs-error",
    title: "XFS: superblock has unknown incompatible features",
    details: { device: "sdb1", features: "0x20" },
  },
  { line: "overlayfs: upper fs needs to support d_type.", rule: "overlay-no-dtype", kind: "fs-error", title: "overlayfs: upper fs needs to support d_type" },
  {
    line: "blk_update_request: I/O error, dev sdb, sector 123456 op 0x1:(WRITE) flags 0x0 phys_seg 1 prio class 0",
    rule: "block-io-error",
    kind: "io-error",
    title: "block: I/O error",
    details: { device: "sdb" },
  },
  {
    // Device-mapper and md names carry a dash.
    line: "I/O error, dev dm-3, sector 2048 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0",
    rule: "block-io-error",
    kind: "io-error",
    title: "block: I/O error",
    details: { device: "dm-3" },
  },
  {
    line: "Buffer I/O error on dev dm-0, logical block 1234, lost async page write",
    rule: "block-io-error",
    kind: "io-error",
    title: "block: I/O error",
    details: { device: "dm-0" },
  },
  { line: "kdump: No memory reserved for crash kernel", rule: "kdump-no-memory", kind: "kdump-failure", title: "kdump: not armed" },
  // kexec segfaulting while kdump.service loads the crash kernel: systemd-coredump's line is all a log may show.
  {
    line: ["Process 7288 (kexec) of user 0 terminated abnormally with signal 11/SEGV, processing...", "Process 7288 (kexec) of user 0 dumped core."],
    program: "systemd-coredump[7290]",
    rule: "kexec-crashed",
    kind: "kdump-failure",
    title: "kdump: not armed",
  },
  // kexec-tools < 2.0.22 (RHEL 8 here, a read-only ostree /boot): kdumpctl's verdict has no `kdump: ` prefix.
  { line: "Starting kdump: [FAILED]", program: "kdumpctl[1031]", rule: "kdump-no-memory", kind: "kdump-failure", title: "kdump: not armed" },
  // kdumpctl's report that kexec could not load the capture kernel (here an SELinux denial of kexec's memfd), the line a
  // cut journal ends on before the `Starting kdump: [FAILED]` verdict; RHEL 7 prints it without the `kdump: ` prefix.
  { line: "kdump: kexec: failed to load kdump kernel", program: "kdump.service[1360]", rule: "kdump-no-memory", kind: "kdump-failure", title: "kdump: not armed" },
  { line: "kexec: failed to load kdump kernel", program: "kdumpctl[1157]", rule: "kdump-no-memory", kind: "kdump-failure", title: "kdump: not armed" },
  {
    // kexec's own refusal, under whichever wrapper ran it (Ubuntu's kdump-tools here; SUSE's load.sh alike).
    line: ["Memory for crashkernel is not reserved", 'Please reserve memory by passing"crashkernel=Y@X" parameter to kernel', "Then try to loading kdump kernel"],
    program: "kdump-tools[5348]",
    rule: "kexec-crashkernel-not-reserved",
    kind: "kdump-failure",
    title: "kdump: not armed",
  },
  {
    // The capture kernel's journal: makedumpfile gave up and the save script reports it.
    line: ["makedumpfile Failed.", "saving vmcore failed, exitcode:1"],
    program: "kdump[513]",
    rule: "makedumpfile-failed",
    kind: "kdump-failure",
    title: "kdump: vmcore not saved",
  },
  { line: "saving vmcore failed, exitcode:1", program: "kdump[513]", rule: "kdump-vmcore-save-failed", kind: "kdump-failure", title: "kdump: vmcore not saved" },
  {
    line: "check_release: Can't get the address of system_utsname.",
    program: "kdump.sh[525]",
    rule: "makedumpfile-check-release",
    kind: "kdump-failure",
    title: "kdump: vmcore not saved",
  },
  { line: "crashkernel reservation failed - No suitable area found.", rule: "crashkernel-reservation-failed", kind: "kdump-failure", title: "kdump: crashkernel reservation failed" },
  {
    line: 'E0813 10:00:00.000000    1432 kubelet.go:2185] "Skipping pod synchronization" err="PLEG is not healthy: pleg was last seen active 3m5.3s ago; threshold is 3m0s"',
    program: "kubelet[1432]",
    rule: "kubelet-pleg-unhealthy",
    kind: "pleg-unhealthy",
    title: "kubelet: PLEG is not healthy",
    details: { lastSeen: "3m5.3s" },
  },
  {
    // A paste broke the duration with a run of spaces: still the event, without the duration.
    line: "I0811 16:05:03.437165    3696 kubelet.go:1826] skipping pod synchronization - PLEG is not healthy: pleg was last seen active 3m0.32           2579259s ago; threshold is 3m0s",
    program: "kubelet[3696]",
    rule: "kubelet-pleg-unhealthy",
    kind: "pleg-unhealthy",
    title: "kubelet: PLEG is not healthy",
  },
  {
    // The kubelet's start-up state, printed until PLEG's first relist: a problem only when it goes on (ten lines).
    line: Array.from({ length: 10 }, () => 'E1209 08:39:16.796543     369 kubelet.go:1765] skipping pod synchronization - PLEG is not healthy: pleg has yet to be successful'),
    program: "k3s[369]",
    rule: "kubelet-pleg-not-yet-successful",
    kind: "pleg-unhealthy",
    title: "kubelet: PLEG is not healthy",
  },
  {
    // The mcelog tool's decoded record in syslog (today's banner, `MCE N` after it): a memory controller's corrected
    // error is a DIMM's ECC error.
    line: [
      "Hardware event. This is not a software error.",
      "MCE 0",
      "CPU 0 BANK 13 TSC 1ddbf37a52d71",
      "MCi status:",
      "Corrected error",
      "MCA: MEMORY CONTROLLER RD_CHANNEL0_ERR",
      "STATUS 8c00004200800090 MCGSTATUS 0",
    ],
    program: "mcelog[808]",
    rule: "mcelog-record-event",
    kind: "mce",
    title: "EDAC: corrected memory error",
    details: { type: "CE", via: "mcelog" },
  },
  {
    // mcelog's decode of the thermal-throttle record pre-5.x kernels put in the machine-check log: throttling, alone.
    line: ["Hardware event. This is not a software error.", "MCE 0", "CPU 1 THERMAL EVENT TSC 5aafdf91021", "Processor 1 heated above trip temperature. Throttling enabled.", "STATUS 88030003 MCGSTATUS 0"],
    program: "mcelog[672]",
    rule: "mcelog-record-event",
    kind: "mce",
    title: "thermal: CPU clock throttled",
    details: { via: "mcelog" },
  },
  {
    // ACPI BERT: the firmware's record of an error before the last reset, printed once at boot as a block.
    line: [
      "BERT: Error records from previous boot:",
      "[Hardware Error]: event severity: fatal",
      "[Hardware Error]:  Error 0, type: fatal",
      "[Hardware Error]:   section_type: Firmware Error Record Reference",
      "[Hardware Error]:   00000000: 00030001 00000001 00000608 00000000  ................",
      "[Hardware Error]:   00000010: 00000000 00000000 00000000 00000000  ................",
    ],
    rule: "bert-record",
    kind: "mce",
    title: "MCE: hardware error",
    details: { source: "BERT", severity: "fatal" },
  },
  {
    // The pre-2009 banner over a record of a bank that is not memory: a machine check.
    line: ["HARDWARE ERROR. This is *NOT* a software problem!", "Please contact your hardware vendor", "MCE 0", "CPU 0 BANK 5", "Uncorrected error", "Processor context corrupt", "MCA: Internal Timer error"],
    program: "mcelog",
    rule: "mcelog-record",
    kind: "mce",
    title: "MCE: hardware error",
  },
  {
    line: "__alloc_pages: 0-order allocation failed (gfp=0x20/0)",
    rule: "page-allocation-failure-2.4",
    kind: "page-alloc-failure",
    title: "page allocation failure: order:0",
    details: { order: 0, mode: "0x20" },
  },
  {
    line: 'I0813 10:00:00.000000    1432 event.go:291] "Event occurred" object="node1" kind="Node" type="Warning" reason="SystemOOM" message="System OOM encountered, victim process: java, pid: 8472"',
    program: "kubelet[1432]",
    rule: "kubelet-system-oom",
    kind: "oom",
    title: "kubelet: System OOM encountered",
    details: { victim: "java", victimPid: 8472 },
  },
  {
    // kubernetes/kubernetes#100487's pod event for a kill inside the pod's memory cgroup
    line: 'I0813 10:00:00.000000    1432 event.go:291] "Event occurred" object="default/memory-demo-2" kind="Pod" type="Warning" reason="CgroupOOM" message="Cgroup OOM encountered, victim process: stress, pid: 470521"',
    program: "kubelet[1432]",
    rule: "kubelet-cgroup-oom",
    kind: "oom",
    title: "OOM: memory cgroup out of memory",
    details: { memcg: true, victim: "stress", victimPid: 470521 },
  },
  {
    line: 'sending SIGTERM to process 57834 uid 1000 "code": badness 866, VmRSS 5 MiB',
    program: "earlyoom[26328]",
    rule: "earlyoom-kill",
    kind: "oom",
    title: "earlyoom: killed process on low memory",
    details: { victim: "code", victimPid: 57834, signal: "SIGTERM", rssMiB: 5 },
  },
  {
    // v1.8 prints the kernel's oom_score and the command line
    line: 'sending SIGKILL to process 906175 uid 1000 "java": oom_score 1170, VmRSS 43912 MiB, cmdline "..."',
    program: "earlyoom[1295]",
    rule: "earlyoom-kill",
    kind: "oom",
    title: "earlyoom: killed process on low memory",
    details: { victim: "java", signal: "SIGKILL", rssMiB: 43912 },
  },
  {
    // v1.2-1.5 wording
    line: 'killing process 27541 "bash" with signal 15: badness 550, VmRSS 7609 MiB',
    program: "earlyoom[900]",
    rule: "earlyoom-kill",
    kind: "oom",
    title: "earlyoom: killed process on low memory",
    details: { victim: "bash", victimPid: 27541, signal: "SIGTERM" },
  },
  {
    // v1.0-1.1 wording, fields with colons (rfjakob/earlyoom#88)
    line: "Killing process 'bash' with signal 15, pid: 5874, badness: 538, VmRSS: 3160 MiB",
    rule: "earlyoom-kill",
    kind: "oom",
    title: "earlyoom: killed process on low memory",
    details: { victim: "bash", victimPid: 5874, signal: "SIGTERM", rssMiB: 3160 },
  },
  {
    // `kubectl describe pod`'s container state (gimlet-io/gimlet#649)
    line: ["Last State:     Terminated", "  Reason:       OOMKilled", "  Exit Code:    137"],
    program: "kubectl",
    rule: "kubectl-container-oomkilled",
    kind: "oom",
    title: "OOM: memory cgroup out of memory",
    details: { memcg: true },
  },
  {
    line: "system-postgresql.slice: A process of this unit has been killed by the OOM killer.",
    program: "systemd[1]",
    rule: "systemd-unit-oom-killed",
    kind: "oom",
    title: "OOM: out of memory",
    details: { unit: "system-postgresql.slice" },
  },
  {
    line: 'E0813 10:00:00.000000    1432 manager.go:1] "Failed to start" err="inotify_init: too many open files"',
    program: "kubelet[1432]",
    rule: "inotify-limit",
    kind: "other",
    title: "inotify: watch or instance limit reached",
  },
  {
    // The watch limit (ENOSPC) has no `too many open files` in it: its own rule and needle, folded with the above.
    line: 'W0813 12:48:05.682241   81153 raw.go:87] Error while processing event ("/sys/fs/cgroup/cpuset/kubepods/burstable/podd405e4ff/485ae7dc": 0x40000100 == IN_CREATE|IN_ISDIR): inotify_add_watch /sys/fs/cgroup/cpuset/kubepods/burstable/podd405e4ff/485ae7dc: no space left on device',
    program: "kubelet[81153]",
    rule: "inotify-watch-limit-enospc",
    kind: "other",
    title: "inotify: watch or instance limit reached",
  },
  {
    line: "Out of memory (oom_kill_allocating_task): Kill process 996 (mysqld) score 0 or sacrifice child",
    rule: "oom-kill-legacy",
    kind: "oom",
    title: "OOM: out of memory",
    details: { victimPid: 996, victim: "mysqld", memcg: false },
  },
  {
    // The kill line was cut off: the report's memcg frames and its task line still say what it was.
    line: [
      "python invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=-998",
      "CPU: 0 PID: 5522 Comm: python Not tainted 3.10.0-514.6.1.el7.x86_64 #1",
      "Call Trace:",
      " [<ffffffff8118475e>] oom_kill_process+0x24e/0x3c0",
      " [<ffffffff811f2e0d>] mem_cgroup_oom_synchronize+0x55d/0x590",
    ],
    rule: "oom-invoked",
    kind: "oom",
    title: "OOM: memory cgroup out of memory",
    details: { comm: "python", memcg: true },
  },
  {
    // A paste that starts at the task line: the OOM killer's own stack tells the report.
    line: [
      "CPU: 7 PID: 16116 Comm: prometheus Not tainted 4.7.3-coreos-r3 #1",
      "Call Trace:",
      " [<ffffffff91308d73>] dump_stack+0x63/0x90",
      " [<ffffffff911f14ff>] dump_header+0x60/0x1df",
      " [<ffffffff91178ad9>] oom_kill_process+0x229/0x410",
      " [<ffffffff911e88fb>] mem_cgroup_out_of_memory+0x2bb/0x310",
    ],
    rule: "oom-report-cut",
    kind: "oom",
    title: "OOM: memory cgroup out of memory",
    details: { memcg: true },
  },
  {
    line: "Task in /kubepods/burstable/pod4f1e/6895a3e1 killed as a result of limit of /kubepods/burstable/pod4f1e/6895a3e1",
    rule: "oom-memcg-limit",
    kind: "oom",
    title: "OOM: memory cgroup out of memory",
    details: { cgroup: "/kubepods/burstable/pod4f1e/6895a3e1", limitCgroup: "/kubepods/burstable/pod4f1e/6895a3e1", memcg: true },
  },
  {
    // A paste of only the memory cgroup's usage lines of a 4.19+ OOM report (talosctl dmesg of a pod at its limit).
    line: "memory: usage 4194304kB, limit 4194304kB, failcnt 2084326",
    rule: "oom-memcg-usage",
    kind: "oom",
    title: "OOM: memory cgroup out of memory",
    details: { usageKb: 4194304, limitKb: 4194304, failcnt: 2084326, memcg: true },
  },
  {
    // The group-kill line of a cgroup v2 memory.oom.group OOM, quoted alone (kubernetes/kubernetes#119670).
    line: "Tasks in /kubepods.slice/kubepods-burstable.slice/cri-containerd-98ba.scope are going to be killed due to memory.oom.group set",
    rule: "oom-group-kill",
    kind: "oom",
    title: "OOM: memory cgroup out of memory",
    details: { cgroup: "/kubepods.slice/kubepods-burstable.slice/cri-containerd-98ba.scope", memcg: true, oomGroup: true },
  },
  // mm/swapfile.c rejecting a swap entry read from a page table (2.4's swap_dup, 5.x's get_swap_device, an unused slot).
  {
    line: "swap_dup: Bad swap file entry 00002fe0",
    rule: "swap-bad-file-entry",
    kind: "other",
    title: "swap: bad swap entry",
    details: { function: "swap_dup", problem: "bad file", entry: "00002fe0" },
  },
  { line: "get_swap_device: Bad swap file entry 1400000000000001", rule: "swap-bad-file-entry", kind: "other", title: "swap: bad swap entry" },
  { line: "swap_info_get: Unused swap offset entry 00000a3c", rule: "swap-bad-offset-entry", kind: "other", title: "swap: bad swap entry", details: { problem: "unused offset" } },
  { line: "swapper: page allocation failure. order:1, mode:0x20", rule: "page-allocation-failure", kind: "page-alloc-failure", title: "page allocation failure: order:1" },
  // Two CPUs' warn_alloc() output interleaved (4.14 MT7621, no caller ids): pr_cont() pieces land on lines of their own,
  // so the header ends at the order, or lost its task name to the line above.
  { line: "swapper/3: page allocation failure: order:0", rule: "page-allocation-failure", kind: "page-alloc-failure", title: "page allocation failure: order:0", details: { order: 0, comm: "swapper/" } },
  { line: "page allocation failure: order:0", rule: "page-allocation-failure", kind: "page-alloc-failure", title: "page allocation failure: order:0", details: { order: 0 } },
  // XFS's never-failing allocation wrappers retry forever and say so every 100 tries: 3.x–4.x without the task, later
  // with the task and size, xfs_buf's with the device.
  { line: "XFS: possible memory allocation deadlock in kmem_alloc (mode:0x250)", rule: "xfs-memory-allocation-deadlock", kind: "page-alloc-failure", title: "XFS: possible memory allocation deadlock in kmem_alloc", details: { function: "kmem_alloc", mode: "0x250" } },
  {
    line: "XFS: nginx(31866) possible memory allocation deadlock size 65552 in kmem_alloc (mode:0x2400240)",
    rule: "xfs-memory-allocation-deadlock",
    kind: "page-alloc-failure",
    title: "XFS: possible memory allocation deadlock in kmem_alloc",
    details: { comm: "nginx", bytes: 65552, function: "kmem_alloc" },
  },
  { line: "XFS (dm-3): possible memory allocation deadlock in kmem_zone_alloc (mode:0x8250)", rule: "xfs-memory-allocation-deadlock", kind: "page-alloc-failure", title: "XFS: possible memory allocation deadlock in kmem_zone_alloc" },
  // Memory hotplug's struct-page backing (mm/sparse-vmemmap.c) reports through warn_alloc() in its own words.
  {
    line: "kworker/0:1: vmemmap alloc failure: order:9, mode:0x4cc0(GFP_KERNEL|__GFP_RETRY_MAYFAIL), nodemask=(null),cpuset=/,mems_allowed=0",
    rule: "vmemmap-alloc-failure",
    kind: "page-alloc-failure",
    title: "page allocation failure: order:9",
    details: { order: 9, comm: "kworker/0:", via: "vmemmap" },
  },
  {
    // A paste that starts at the task line (ARM's `X from Y` unwind): dump_stack()'s caller warn_alloc tells the report.
    line: [
      "CPU: 0 PID: 34 Comm: kworker/0:1 Tainted: G         C         6.1.66-2-rpi-ARCH #1",
      "Hardware name: BCM2711",
      " unwind_backtrace from show_stack+0x18/0x1c",
      " show_stack from dump_stack_lvl+0x90/0xac",
      " dump_stack_lvl from warn_alloc+0x110/0x19c",
      " warn_alloc from __alloc_pages+0xe9c/0xfe8",
      " __alloc_pages from __kmalloc_large_node+0x70/0x14c",
    ],
    rule: "page-allocation-failure-cut",
    kind: "page-alloc-failure",
    title: "page allocation failure",
  },
  {
    // The same cut on x86 with an older kernel's warn_alloc_failed.
    line: [
      "CPU: 3 PID: 11044 Comm: dmwb_writeback_ Tainted: G           O   3.18.18+38-ph #1",
      "Call Trace:",
      " [<ffffffff815f3246>] dump_stack+0x46/0x58",
      " [<ffffffff81138d22>] warn_alloc_failed+0xe2/0x150",
      " [<ffffffff815eec68>] __alloc_pages_slowpath+0x6e9/0x754",
    ],
    rule: "page-allocation-failure-cut",
    kind: "page-alloc-failure",
    title: "page allocation failure",
  },
  {
    // A paste that starts at the stack itself (an atomic allocation in softirq, under the `<IRQ>` mark): no task or
    // `Hardware name:` line, dump_stack's caller warn_alloc_failed still tells the report.
    line: [
      " <IRQ>  [<ffffffffafb61e41>] dump_stack+0x19/0x1b",
      " [<ffffffffaf5bcaa0>] warn_alloc_failed+0x110/0x180",
      " [<ffffffffaf4e00b6>] ? update_curr+0xe6/0x1e0",
      " [<ffffffffafb5d44e>] __alloc_pages_slowpath+0x6b6/0x724",
    ],
    rule: "page-allocation-failure-cut",
    kind: "page-alloc-failure",
    title: "page allocation failure",
  },
  {
    // A paste (OpenWrt logread on a Raspberry Pi) that starts at ARM's unwinder line for dump_stack(), which names its
    // caller on the same line: no task, `Hardware name:` or earlier frame line above it.
    line: [
      "[<c082852c>] (dump_stack) from [<c032554c>] (warn_alloc+0xb4/0x13c)",
      "[<c032554c>] (warn_alloc) from [<c0320a34>] (__vmalloc_node_range+0x1b0/0x294)",
      "[<c0320a34>] (__vmalloc_node_range) from [<c020c124>] (module_alloc+0x44/0x4c)",
    ],
    rule: "page-allocation-failure-cut-arm",
    kind: "page-alloc-failure",
    title: "page allocation failure",
  },
  {
    // The 3.x ARM form with offsets on the callee and warn_alloc_failed, pasted without the space before `(`.
    line: ["[<80584a48>](dump_stack+0x24/0x28) from [<8008c390>](warn_alloc_failed+0xe4/0x120)", "[<8008c2b0>](warn_alloc_failed) from [<8008ec48>](__alloc_pages_nodemask+0x580/0x89c)"],
    rule: "page-allocation-failure-cut-arm",
    kind: "page-alloc-failure",
    title: "page allocation failure",
  },
  {
    // A paste that starts even below the task line, at `Hardware name:`: the OOM killer's own frames still tell it.
    line: [
      "Hardware name: BCM2711",
      " unwind_backtrace from show_stack+0x18/0x1c",
      " show_stack from dump_stack_lvl+0x90/0xac",
      " dump_stack_lvl from dump_header+0x54/0x1fc",
      " dump_header from oom_kill_process+0x23c/0x248",
      " oom_kill_process from out_of_memory+0x218/0x34c",
      "Mem-Info:",
    ],
    rule: "oom-report-cut",
    kind: "oom",
    title: "OOM: out of memory",
  },
  {
    // A vendor 4.19 kernel's memory cgroup OOM (blog.royjo.ltd, Alibaba-style build): dump_memcg_header.
    line: [
      "CPU: 32 PID: 95251 Comm: dnf Kdump: loaded Tainted: GF       W  OE K   4.19.91-24.1.al7.x86_64 #1",
      "Call Trace:",
      " dump_stack+0x66/0x8b",
      " dump_memcg_header+0x12/0x40",
      " oom_kill_process+0x201/0x2f0",
      " out_of_memory+0x12f/0x510",
      " mem_cgroup_out_of_memory+0xdd/0x100",
    ],
    rule: "oom-report-cut-memcg-header",
    kind: "oom",
    title: "OOM: memory cgroup out of memory",
    details: { memcg: true },
  },
  {
    line: [
      "CPU: 3 PID: 2020 Comm: java Kdump: loaded Not tainted 4.19.91-24.1.al7.x86_64 #1",
      "Call Trace:",
      " dump_stack+0x66/0x8b",
      " dump_global_header+0x4a/0x190",
      " oom_kill_process+0x201/0x2f0",
      " out_of_memory+0x12f/0x510",
      "Mem-Info:",
    ],
    rule: "oom-report-cut-global-header",
    kind: "oom",
    title: "OOM: out of memory",
  },
  {
    line: "nvme nvme0: I/O 642 (I/O Cmd) QID 1 timeout, aborting",
    rule: "nvme-timeout",
    kind: "io-error",
    title: "nvme: I/O timeout",
    details: { device: "nvme0", action: "aborting" },
  },
  {
    // 6.9+ names tag and opcode; the lore.kernel.org linux-btrfs report (990 PRO, remote syslog) has it wrapped by Gmail
    // right after `timeout,`.
    line: "nvme nvme0: I/O tag 2 (a002) opcode 0x2 (I/O Cmd) QID 2 timeout, aborting req_op:READ(0) size:131072",
    rule: "nvme-timeout",
    kind: "io-error",
    title: "nvme: I/O timeout",
    details: { device: "nvme0", action: "aborting" },
  },
  {
    line: "nvme nvme0: I/O tag 3 (c003) opcode 0x2 (I/O Cmd) QID 2 timeout,",
    rule: "nvme-timeout",
    kind: "io-error",
    title: "nvme: I/O timeout",
    details: { device: "nvme0" },
  },
  {
    line: "sd 6:0:4:0: attempting task abort!scmd(0x0000000075f63919), outstanding for 30397 ms & timeout 30000 ms",
    rule: "scsi-task-abort",
    kind: "io-error",
    title: "scsi: command timed out, task abort",
    details: { device: "6:0:4:0" },
  },
  {
    line: "igc 0000:02:00.0 enp2s0: PCIe link lost, device now detached",
    rule: "nic-pcie-link-lost",
    kind: "other",
    title: "igc: PCIe link lost",
    details: { driver: "igc", pci: "0000:02:00.0", device: "enp2s0" },
  },
  {
    line: "igb 0000:02:00.0 enp2s0: PCIe link lost",
    rule: "nic-pcie-link-lost",
    kind: "other",
    title: "igb: PCIe link lost",
  },
  {
    line: "sd 1:0:0:0: Device offlined - not ready after error recovery",
    rule: "scsi-device-offlined",
    kind: "io-error",
    title: "scsi: device offlined",
    details: { device: "1:0:0:0" },
  },
  {
    line: "megaraid_sas 0000:5a:00.0: [30]waiting for 65 commands to complete for scsi0",
    rule: "megaraid-reset-wait",
    kind: "io-error",
    title: "megaraid_sas: adapter reset, waiting for outstanding commands",
    details: { pci: "0000:5a:00.0", outstanding: 65, host: "scsi0" },
  },
  {
    line: "megasas: [ 0]waiting for 2 commands to complete",
    rule: "megaraid-reset-wait",
    kind: "io-error",
    title: "megaraid_sas: adapter reset, waiting for outstanding commands",
    details: { outstanding: 2 },
  },
  {
    line: "ata1.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x6 frozen",
    rule: "ata-exception",
    kind: "io-error",
    title: "ata: command failed (exception)",
    details: { device: "ata1.00", action: "0x6" },
  },
  {
    line: "ata1: limiting SATA link speed to 3.0 Gbps",
    rule: "ata-link-speed-limited",
    kind: "io-error",
    title: "ata: link speed limited after errors",
    details: { port: "ata1", speed: "3.0 Gbps" },
  },
  {
    line: ["sd 2:0:0:0: [sda] abort", "sd 2:0:0:0: [sda] abort"],
    rule: "virtio-scsi-abort",
    kind: "io-error",
    title: "scsi: command timed out, task abort",
    details: { device: "2:0:0:0", disk: "sda" },
  },
  {
    line: ["igc 0000:04:00.0 eth1: NIC Link is Down", "igc 0000:04:00.0 eth1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX", "igc 0000:04:00.0 eth1: NIC Link is Down", "igc 0000:04:00.0 eth1: NIC Link is Down"],
    rule: "nic-link-down",
    kind: "other",
    title: "igc: NIC link flapping",
    details: { driver: "igc", device: "eth1" },
  },
  {
    line: ["e1000e: eth1 NIC Link is Down", "e1000e: eth1 NIC Link is Down", "e1000e: eth1 NIC Link is Down"],
    rule: "nic-link-down",
    kind: "other",
    title: "e1000e: NIC link flapping",
    details: { driver: "e1000e", device: "eth1" },
  },
  {
    line: ["igb 0000:01:00.0 eth0: igb: eth0 NIC Link is Down", "igb 0000:01:00.0 eth0: igb: eth0 NIC Link is Down", "igb 0000:01:00.0 eth0: igb: eth0 NIC Link is Down"],
    rule: "nic-link-down",
    kind: "other",
    title: "igb: NIC link flapping",
    details: { driver: "igb", device: "eth0" },
  },
  {
    line: ["r8169 0000:62:00.0 enp98s0: Link is Down", "r8169 0000:62:00.0 enp98s0: Link is Down", "r8169 0000:62:00.0 enp98s0: Link is Down"],
    rule: "nic-link-down",
    kind: "other",
    title: "r8169: NIC link flapping",
    details: { driver: "r8169", device: "enp98s0" },
  },
  {
    line: ["tg3 0000:02:00.0 eth0: Link is down", "tg3 0000:02:00.0 eth0: Link is down", "tg3 0000:02:00.0 eth0: Link is down"],
    rule: "nic-link-down-tg3",
    kind: "other",
    title: "tg3: NIC link flapping",
    details: { driver: "tg3", device: "eth0" },
  },
  {
    line: ["mlx5_core 0000:3b:00.0 ens1f0: Link down", "mlx5_core 0000:3b:00.0 ens1f0: Link up", "mlx5_core 0000:3b:00.0 ens1f0: Link down", "mlx5_core 0000:3b:00.0 ens1f0: Link down"],
    rule: "nic-link-down-mlx5",
    kind: "other",
    title: "mlx5_core: NIC link flapping",
    details: { driver: "mlx5_core", device: "ens1f0" },
  },
  {
    line: "e1000e 0000:00:1f.6 eno1: Detected Hardware Unit Hang:",
    rule: "nic-unit-hang",
    kind: "other",
    title: "e1000e: Detected Hardware Unit Hang",
    details: { driver: "e1000e", pci: "0000:00:1f.6", device: "eno1" },
  },
  { line: "igb 0000:01:00.0: Detected Tx Unit Hang", rule: "nic-unit-hang", kind: "other", title: "igb: Detected Tx Unit Hang", details: { pci: "0000:01:00.0" } },
  { line: "e1000e 0000:00:1f eno1: Detected Hardware Unit Hang:", rule: "nic-unit-hang", kind: "other", title: "e1000e: Detected Hardware Unit Hang", details: { pci: "0000:00:1f", device: "eno1" } },
  {
    line: "NETDEV WATCHDOG: eth0 (r8169): transmit queue 0 timed out",
    rule: "netdev-tx-timeout",
    kind: "warning",
    title: "NETDEV WATCHDOG: transmit queue timed out",
    details: { device: "eth0", driver: "r8169", queue: 0 },
  },
  { line: "Aborting journal on device nvme0n1p1-8.", rule: "jbd2-journal-abort", kind: "fs-error", title: "jbd2: journal aborted", details: { device: "nvme0n1p1" } },
  {
    // Pre-5.x shutdown wording, after a force-detached volume: the same event as today's `log I/O error`.
    line: "XFS (xvdb): Log I/O Error Detected.  Shutting down filesystem",
    rule: "xfs-corruption",
    kind: "fs-error",
    title: "XFS: log i/o error",
    details: { device: "xvdb" },
  },
  {
    line: ["XFS (dm-4): xfs_do_force_shutdown(0x1) called from line 1788 of file fs/xfs/xfs_inode.c.  Return address = 000000009d022bf1", "XFS (dm-4): I/O Error Detected. Shutting down filesystem"],
    rule: "xfs-corruption",
    kind: "fs-error",
    title: "XFS: filesystem has been shut down",
    details: { device: "dm-4" },
  },
  {
    // 2.6.32 (RHEL 6): no device, the caller as a bare address; the file names the check's place.
    line: "XFS: Internal error XFS_WANT_CORRUPTED_RETURN at line 342 of file fs/xfs/xfs_alloc.c.  Caller 0xffffffffa01e76c2",
    rule: "xfs-internal-error-legacy",
    kind: "fs-error",
    title: "XFS: internal error in xfs_alloc.c",
    details: { check: "XFS_WANT_CORRUPTED_RETURN", file: "fs/xfs/xfs_alloc.c" },
  },
  {
    line: 'Filesystem "dm-3": XFS internal error xfs_trans_cancel at line 1138 of file fs/xfs/xfs_trans.c.  Caller 0xffffffff8820e6b8',
    rule: "xfs-internal-error-legacy",
    kind: "fs-error",
    title: "XFS: internal error in xfs_trans.c",
    details: { device: "dm-3", check: "xfs_trans_cancel" },
  },
  {
    line: "NETDEV WATCHDOG: eth0: transmit timed out",
    rule: "netdev-tx-timeout-old",
    kind: "other",
    title: "NETDEV WATCHDOG: transmit queue timed out",
    details: { device: "eth0" },
  },
  {
    line: "NETDEV WATCHDOG: eth1 (e1000): transmit timed out",
    rule: "netdev-tx-timeout-old",
    kind: "other",
    title: "NETDEV WATCHDOG: transmit queue timed out",
    details: { device: "eth1", driver: "e1000" },
  },
  {
    line: "r8125 0000:22:04.0 eth4: NETDEV WATCHDOG: CPU: 3: transmit queue 0 timed out 5010 ms",
    rule: "netdev-tx-timeout-crit",
    kind: "other",
    title: "NETDEV WATCHDOG: transmit queue timed out",
    details: { driver: "r8125", device: "eth4", queue: 0, timedOutMs: 5010 },
  },
  {
    line: "BTRFS critical (device sdc2): corrupt leaf: root=2 block=1127936 slot=38, unexpected item end",
    rule: "btrfs-error",
    kind: "fs-error",
    title: "BTRFS critical: filesystem error",
    details: { device: "sdc2" },
  },
  { line: "BTRFS: error (device sdc2) in __btrfs_cow_block:1080: errno=-5 IO failure", rule: "btrfs-error", kind: "fs-error", title: "BTRFS: error in __btrfs_cow_block" },
  {
    line: "sd 0:0:0:0: [sda] tag#26 uas_eh_abort_handler 0 uas-tag 10 inflight: CMD IN",
    rule: "uas-task-abort",
    kind: "io-error",
    title: "scsi: command timed out, task abort",
    details: { device: "0:0:0:0", disk: "sda", driver: "uas" },
  },
  {
    line: "UBIFS error (ubi0:1 pid 1): ubifs_check_node: bad CRC: calculated 0xf79362cc, read 0x96841fda",
    rule: "ubifs-error",
    kind: "fs-error",
    title: "UBIFS: filesystem error",
    details: { volume: "ubi0:1", function: "ubifs_check_node" },
  },
  {
    // Printed into the middle of an init script's console line (shared serial console).
    line: "/etc/init.d/rcS: line 35: /etc/init.d/rc.local: UBIFS error (ubi0:0 pid 1): ubifs_read_node: bad node type (255 but expected 2)",
    rule: "ubifs-error",
    kind: "fs-error",
    title: "UBIFS: filesystem error",
  },
  { line: "UBIFS error (pid 1): ubifs_read_node: bad node type (255 but expected 1)", rule: "ubifs-error", kind: "fs-error", title: "UBIFS: filesystem error" },
  { line: "SQUASHFS error: xz decompression failed, data probably corrupt", rule: "squashfs-read-error", kind: "fs-error", title: "SquashFS: read error" },
  { line: "SQUASHFS error: Unable to read fragment cache entry [26f9ea4]", rule: "squashfs-read-error", kind: "fs-error", title: "SquashFS: read error" },
  { line: "SQUASHFS error: Unable to read page, block 26f9ea4, size 8684", rule: "squashfs-read-error", kind: "fs-error", title: "SquashFS: read error" },
  {
    line: "jffs2: jffs2_scan_eraseblock(): Magic bitmask 0x1985 not found at 0x001e0000: 0xce7e instead",
    rule: "jffs2-magic-not-found",
    kind: "fs-error",
    title: "JFFS2: foreign data in the partition",
  },
  {
    line: "BTRFS warning (device sda5): csum failed root 450 ino 257 off 6203441152 csum 0x8db38b0a expected csum 0xd088c3d2 mirror 1",
    rule: "btrfs-csum-failed",
    kind: "fs-error",
    title: "BTRFS: csum failed",
    details: { device: "sda5", root: 450, inode: 257 },
  },
  { line: "btrfs csum failed ino 257 off 45056 csum 2566472073 private 3829091489", rule: "btrfs-csum-failed", kind: "fs-error", title: "BTRFS: csum failed", details: { inode: 257 } },
  {
    line: "mlx5_core 0000:3b:00.0 eth0: TX timeout on queue: 3, SQ: 0x1c9, CQ: 0x4a, SQ Cons: 0x0 SQ Prod: 0x2f, usecs since last trans: 13552000",
    rule: "driver-tx-timeout",
    kind: "other",
    title: "mlx5_core: TX timeout",
    details: { driver: "mlx5_core", device: "eth0", queue: 3 },
  },
  // openwrt/openwrt#14707: Realtek's USB NIC prints its own watchdog reaction in mixed case, the USB interface as bus id.
  { line: "r8152 4-1:1.0 eth1: Tx timeout", rule: "driver-tx-timeout-mixed-case", kind: "other", title: "r8152: TX timeout", details: { driver: "r8152", device: "eth1" } },
  // MicrosoftDocs/azure-docs#68801: the NOP-Out ping of an iSCSI connection expired (the lines carry a leading space).
  {
    line: " connection4:0: ping timeout of 30 secs expired, recv timeout 5, last rx 4294927885, last ping 4294929136, now 4294937088",
    rule: "iscsi-ping-timeout",
    kind: "io-error",
    title: "iscsi: connection error",
    details: { connection: "4:0", pingTimeoutSec: 30 },
  },
  // maharmstone/btrfs#524: at mount, a device's persistent error counters (info level, printed only when non-zero).
  {
    line: "BTRFS info (device dm-1): bdev /dev/mapper/AM-2 errs: wr 29, rd 0, flush 0, corrupt 21, gen 0",
    rule: "btrfs-dev-stats-nonzero",
    kind: "fs-error",
    title: "BTRFS: device error counters non-zero",
    details: { device: "dm-1", bdev: "/dev/mapper/AM-2", writeErrors: 29, corruptionErrors: 21 },
  },
  { line: "btrfs: bdev /dev/sdb errs: wr 0, rd 0, flush 0, corrupt 3, gen 0", rule: "btrfs-dev-stats-nonzero", kind: "fs-error", title: "BTRFS: device error counters non-zero", details: { bdev: "/dev/sdb", corruptionErrors: 3 } },
  // PeterSuh-Q3/tinycore-redpill#9 (4.x wording); 5.x+ mlx5_core_err adds `func:line:(pid N): ` and says mlx5_init_one.
  { line: "mlx5_core 0000:03:00.0: mlx5_load_one failed with error code -22", rule: "mlx5-init-failed", kind: "other", title: "mlx5_core: device initialisation failed", details: { pci: "0000:03:00.0", error: -22 } },
  {
    line: "mlx5_core 0000:5e:00.0: probe_one:1806:(pid 1134): mlx5_init_one failed with error code -110",
    rule: "mlx5-init-failed",
    kind: "other",
    title: "mlx5_core: device initialisation failed",
    details: { pci: "0000:5e:00.0", error: -110 },
  },
  // The merged driver names the adapter mpt3sas_cmN (mpt2sas_cmN for SAS2 chips); 2.6–3.x mpt2sas said mpt2sasN.
  { line: "mpt3sas_cm0: fault_state(0x5862)!", rule: "mpt-sas-firmware-fault", kind: "io-error", title: "mpt3sas: HBA firmware fault", details: { adapter: "mpt3sas_cm0", faultCode: "0x5862" } },
  { line: "mpt2sas0: fault_state(0x5841)!", rule: "mpt-sas-firmware-fault", kind: "io-error", title: "mpt2sas: HBA firmware fault", details: { adapter: "mpt2sas0", faultCode: "0x5841" } },
  // bnx2x names the interface inside its bracketed function tag (open-power-host-os/builds#25, coreos/bugs#1016).
  {
    line: "bnx2x: [bnx2x_init_firmware:13444(net0)]Can't load firmware file bnx2x/bnx2x-e2-7.13.1.0.fw",
    rule: "nic-firmware-missing",
    kind: "other",
    title: "bnx2x: NIC firmware file missing",
    details: { driver: "bnx2x", device: "net0", file: "bnx2x/bnx2x-e2-7.13.1.0.fw" },
  },
  // bnx2 names only the file, quoted (siderolabs/talos#8761).
  {
    line: 'bnx2: Can\'t load firmware file "bnx2/bnx2-mips-09-6.2.1b.fw"',
    rule: "nic-firmware-missing",
    kind: "other",
    title: "bnx2: NIC firmware file missing",
    details: { driver: "bnx2", file: "bnx2/bnx2-mips-09-6.2.1b.fw" },
  },
  // 5.10+ wording (tailscale/tailscale#20994); before: `Firmware fatal reset event received`.
  {
    line: "bnxt_en 0000:40:00.1 eno12409np1: Fatal firmware reset event, data1: 0x201, data2: 0xda27, min wait 1300 ms, max wait 4200 ms",
    rule: "bnxt-firmware-fatal-reset",
    kind: "other",
    title: "bnxt_en: firmware fatal reset",
    details: { pci: "0000:40:00.1", device: "eno12409np1" },
  },
  { line: "bnxt_en 0000:3b:00.0 ens1f0np0: Firmware fatal reset event received", rule: "bnxt-firmware-fatal-reset", kind: "other", title: "bnxt_en: firmware fatal reset", details: { device: "ens1f0np0" } },
  // ixgbe's firmware status register read invalid (openstreetmap/operations#997, an X550 riser).
  {
    line: "ixgbe 0000:02:00.1: Warning firmware error detected FWSM: 0x8118801B",
    rule: "ixgbe-firmware-error",
    kind: "other",
    title: "ixgbe: firmware error detected",
    details: { pci: "0000:02:00.1", fwsm: "0x8118801B" },
  },
  // The device plugin's container log, Go log timestamps (NVIDIA/k8s-device-plugin#189); later versions end `; marking
  // device as unhealthy.`
  {
    line: "2020/08/10 19:09:42 XidCriticalError: Xid=69 on Device=GPU-7540a9b3-eeb9-1214-1526-f93c9ea826a8, the device will go unhealthy.",
    rule: "nvidia-device-plugin-xid-unhealthy",
    kind: "other",
    title: "nvidia-device-plugin: GPU marked unhealthy after Xid 69",
    details: { gpu: "GPU-7540a9b3-eeb9-1214-1526-f93c9ea826a8", xid: 69 },
  },
  { line: "ena 0000:00:05.0 eth0: Found a Tx that wasn't completed on time, qid 2, index 523.", rule: "ena-tx-not-completed", kind: "other", title: "ena: TX timeout", details: { device: "eth0" } },
  {
    line: "i40e 0000:08:00.1: eth9: tx_timeout recovery level 1",
    rule: "intel-tx-timeout-recovery",
    kind: "other",
    title: "i40e: TX timeout",
    details: { device: "eth9", recoveryLevel: 1 },
  },
  {
    line: "ice 0000:3b:00.0 ens1f0: tx_timeout recovery level 2, txqueue 5",
    rule: "intel-tx-timeout-recovery",
    kind: "other",
    title: "ice: TX timeout",
    details: { device: "ens1f0", recoveryLevel: 2, queue: 5 },
  },
  {
    line: "nvme nvme0: controller is down; will reset: CSTS=0xffffffff, PCI_STATUS=0x10",
    rule: "nvme-controller-down",
    kind: "io-error",
    title: "nvme: controller is down",
    details: { device: "nvme0", csts: "0xffffffff" },
  },
  {
    line: ["nvme nvme0: pci function 0000:01:00.0", "nvme nvme0: Device not ready; aborting initialisation"],
    rule: "nvme-controller-not-ready",
    kind: "io-error",
    title: "nvme: controller removed",
    details: { device: "nvme0" },
  },
  {
    line: "nvme nvme3: Removing after probe failure status: -19",
    rule: "nvme-removed-after-probe-failure",
    kind: "io-error",
    title: "nvme: controller removed",
    details: { device: "nvme3", status: -19 },
  },
  {
    line: "nvme nvme4: queue 0: timeout request 0x0 type 4",
    rule: "nvme-fabrics-timeout",
    kind: "io-error",
    title: "nvme-fabrics: command timeout",
    details: { device: "nvme4", queue: 0 },
  },
  {
    // 6.x names the command: on queue 0 mostly the keep-alive.
    line: "nvme nvme2: queue 0: timeout cid 0xb001 type 4 opcode 0x18 (Admin Cmd)",
    rule: "nvme-fabrics-timeout",
    kind: "io-error",
    title: "nvme-fabrics: command timeout",
    details: { device: "nvme2", queue: 0, opcode: "0x18", command: "Admin Cmd" },
  },
  {
    line: ["nvme nvme0: starting error recovery", "nvme nvme0: Reconnecting in 10 seconds...", "nvme nvme0: Failed reconnect attempt 1"],
    rule: "nvme-fabrics-error-recovery",
    kind: "io-error",
    title: "nvme-fabrics: error recovery",
    details: { device: "nvme0" },
  },
  {
    // A command timeout, the failed reset and the removal of one controller are one finding.
    line: ["nvme nvme2: I/O 0 QID 0 timeout, reset controller", "nvme nvme2: Device not ready; aborting reset", "nvme nvme2: Removing after probe failure status: -19"],
    rule: "nvme-timeout",
    kind: "io-error",
    title: "nvme: I/O timeout",
    details: { device: "nvme2" },
  },
  {
    line: ["ena 0000:00:05.0 ens5: Keep alive watchdog timeout.", "ena 0000:00:05.0 ens5: Trigger reset is on", "ena 0000:00:05.0 ens5: wd_expired: 9467"],
    rule: "ena-keep-alive-timeout",
    kind: "other",
    title: "ena: keep alive watchdog timeout",
    details: { device: "ens5" },
  },
  {
    // an emulated e1000e that resets every few seconds with no hang dump printed: one finding per adapter
    line: ["e1000e 0000:00:00.0 enp0s0: Reset adapter unexpectedly", "e1000e 0000:00:00.0 enp0s0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx", "e1000e 0000:00:00.0 enp0s0: Reset adapter unexpectedly"],
    rule: "e1000e-unexpected-reset",
    kind: "other",
    title: "e1000e: adapter reset unexpectedly",
    details: { driver: "e1000e", pci: "0000:00:00.0", device: "enp0s0" },
  },
  {
    // a reset loop on one adapter is one finding, whether Linux's ena or FreeBSD's ena(4) printed it
    line: ["ena 0000:00:05.0 eth0: ENA admin queue is not in running state!", "ena 0000:00:05.0 eth0: Trigger reset is on", "ena 0000:00:05.0 eth0: ENA admin queue is not in running state!"],
    rule: "ena-admin-queue-not-running",
    kind: "other",
    title: "ena: admin queue not running",
    details: { driver: "ena", device: "eth0", pci: "0000:00:05.0" },
  },
  {
    line: ["ena0: ENA admin queue is not in running state!", "ena0: Trigger reset is on", "ena0: device is going DOWN"],
    rule: "ena-admin-queue-not-running",
    kind: "other",
    title: "ena: admin queue not running",
    details: { driver: "ena", device: "ena0" },
  },
  {
    // a WSL2 VM's synthetic NIC whose VMBus channel never opens: every retried probe is the same device
    line: [
      "hv_netvsc 6c96f725-6e4b-415a-9879-7621e9ec0651 (unnamed net_device) (uninitialized): unable to open channel: -19",
      "hv_vmbus: probe failed for device 6c96f725-6e4b-415a-9879-7621e9ec0651 (-19)",
      "hv_vmbus: probe failed for device 6c96f725-6e4b-415a-9879-7621e9ec0651 (-19)",
    ],
    rule: "hv-vmbus-probe-failed",
    kind: "other",
    title: "hv_vmbus: device probe failed",
    details: { driver: "hv_vmbus", device: "6c96f725-6e4b-415a-9879-7621e9ec0651", error: -19 },
  },
  {
    // ratelimited host-side send failures on one vNIC are one finding
    line: [
      "hv_netvsc 04793a47-94db-4aeb-a9ec-04de09a581e3 eth0: nvsp_rndis_pkt_complete error status: 2",
      "net_ratelimit: 120 callbacks suppressed",
      "hv_netvsc 04793a47-94db-4aeb-a9ec-04de09a581e3 eth0: nvsp_rndis_pkt_complete error status: 2",
    ],
    rule: "hv-netvsc-rndis-send-error",
    kind: "other",
    title: "hv_netvsc: RNDIS send failed",
    details: { device: "eth0", status: "2" },
  },
  {
    // a Hyper-V virtual disk's failed reads, logged by storvsc with the host's status, fold per VMBus device
    line: [
      "hv_storvsc fd1d2cbd-ce7c-535c-966b-eb5f811c95f0: tag#683 cmd 0x28 status: scsi 0x2 srb 0x4 hv 0xc0000001",
      "hv_storvsc fd1d2cbd-ce7c-535c-966b-eb5f811c95f0: tag#683 cmd 0x28 status: scsi 0x2 srb 0x4 hv 0xc0000001",
    ],
    rule: "hv-storvsc-command-failed",
    kind: "io-error",
    title: "hv_storvsc: SCSI command failed",
    details: { device: "fd1d2cbd-ce7c-535c-966b-eb5f811c95f0", cmd: "0x28", scsiStatus: "0x2", srbStatus: "0x4", hvStatus: "0xc0000001" },
  },
  {
    line: "do_IRQ: 4.36 No irq handler for vector",
    rule: "x86-no-irq-handler-for-vector",
    kind: "other",
    title: "x86: interrupt vector with no handler",
    details: { cpu: 4, vector: 36 },
  },
  // a VF whose PF refuses its virtchnl requests, then its reset loop, is one finding per VF whichever wording shows it
  {
    line: [
      "ice 0000:8a:00.1: PF failed to honor VF 0, opcode 53, error -22",
      "iavf 0000:8a:05.0: PF returned error -5 (IAVF_ERR_PARAM) to our request 53",
      "iavf 0000:8a:05.0: Removing device",
      "iavf 0000:8a:05.0: Unable to get VF config due to PF error condition, not retrying",
    ],
    rule: "iavf-pf-rejected-request",
    kind: "other",
    title: "iavf: VF request rejected by PF",
    details: { driver: "iavf", device: "0000:8a:05.0", error: -5, opcode: 53 },
  },
  { line: "iavf 0000:21:0a.0: Unable to get VF config (-5)", rule: "iavf-vf-config-failed", kind: "other", title: "iavf: VF request rejected by PF", details: { device: "0000:21:0a.0" } },
  // the driver's own older-wording tx_timeout with its ring dump is one finding per interface; so are one card's
  // repeated iwlwifi asserts in the older (two spaces, 0x2000000) and newer (0x0) wording
  { line: ["mtk_soc_eth 1e100000.ethernet eth0: transmit timed out", "mtk_soc_eth 1e100000.ethernet eth0: dma_cfg:80000065", "mtk_soc_eth 1e100000.ethernet eth0: transmit timed out"], rule: "driver-transmit-timed-out", kind: "other", title: "mtk_soc_eth: TX timeout", details: { driver: "mtk_soc_eth", device: "eth0" } },
  { line: ["iwlwifi 0000:3a:00.0: Microcode SW error detected.  Restarting 0x2000000.", "iwlwifi 0000:3a:00.0: Microcode SW error detected. Restarting 0x0."], rule: "iwlwifi-firmware-error", kind: "other", title: "iwlwifi: firmware error", details: { device: "0000:3a:00.0" } },
  // 6.x iwlwifi's `Device error - SW reset` quoted on its own (rhuzaifa.com homelab post)
  { line: ["iwlwifi 0000:02:00.0: Device error - SW reset", "iwlwifi 0000:02:00.0: Start IWL Event Log Dump: nothing in log"], rule: "iwlwifi-device-error-reset", kind: "other", title: "iwlwifi: firmware error", details: { device: "0000:02:00.0" } },
  { line: "ath10k_pci 0000:04:00.0: firmware crashed! (guid 3d4f13cc-686b-4a95-a378-9765cc9f3711)", rule: "ath-firmware-crash", kind: "other", title: "ath10k: firmware crashed", details: { driver: "ath10k", device: "0000:04:00.0" } },
  // ath11k_pci's MHI-reported crash (nixos-hardware#298, XPS 13 9310 QCA6390) and its RAM-dump variant: the same rule
  { line: "ath11k_pci 0000:72:00.0: firmware crashed: MHI_CB_SYS_ERROR", rule: "ath-firmware-crash", kind: "other", title: "ath11k: firmware crashed", details: { driver: "ath11k", device: "0000:72:00.0" } },
  { line: "ath12k_pci 0000:01:00.0: firmware crashed: MHI_CB_EE_RDDM", rule: "ath-firmware-crash", kind: "other", title: "ath12k: firmware crashed", details: { driver: "ath12k", device: "0000:01:00.0" } },
  {
    line: 'Filesystem "dm-1": I/O Error Detected.  Shutting down filesystem: dm-1',
    rule: "xfs-legacy-filesystem",
    kind: "fs-error",
    title: "XFS: filesystem has been shut down",
    details: { device: "dm-1" },
  },
  {
    line: 'Filesystem "dm-0": corrupt inode 823956991 (btree).  Unmount and run xfs_repair.',
    rule: "xfs-legacy-corrupt-inode",
    kind: "fs-error",
    title: "XFS: corruption detected",
    details: { device: "dm-0" },
  },
  {
    line: 'I/O error in filesystem ("dm-1") meta-data dev dm-1 block 0x3931271cb8000000       ("xfs_trans_read_buf") error 5 buf count 4096',
    rule: "xfs-legacy-metadata-io-error",
    kind: "fs-error",
    title: "XFS: metadata i/o error",
    details: { device: "dm-1", function: "xfs_trans_read_buf", errno: 5 },
  },
  {
    line: "sd 2:0:0:0: [sdb] tag#12 timing out command, waited 180s",
    rule: "scsi-command-timeout",
    kind: "io-error",
    title: "scsi: command timed out",
    details: { device: "sdb", waitedSec: 180 },
  },
  {
    line: "blk_update_request: critical medium error, dev sde, sector 3260792 op 0x0:(READ) flags 0x80700 phys_seg 211 prio class 0",
    rule: "block-status-error",
    kind: "io-error",
    title: "block: I/O error",
    details: { device: "sde", status: "critical medium" },
  },
  // 6.x: BLK_STS_OFFLINE after the SCSI device was offlined (a Longhorn iSCSI volume, longhorn/longhorn#8572).
  {
    line: "device offline error, dev sdf, sector 1005856 op 0x1:(WRITE) flags 0x0 phys_seg 67 prio class 0",
    rule: "block-status-error",
    kind: "io-error",
    title: "block: I/O error",
    details: { device: "sdf", status: "device offline" },
  },
  {
    line: "reservation conflict error, dev sdc, sector 2048 op 0x1:(WRITE) flags 0x8800 phys_seg 1 prio class 2",
    rule: "block-status-error",
    kind: "io-error",
    title: "block: I/O error",
    details: { device: "sdc", status: "reservation conflict" },
  },
  {
    line: ["sd 15:0:0:1: [sdn] tag#4 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_SENSE", "sd 15:0:0:1: [sdn] tag#4 Sense Key : Medium Error [current]"],
    rule: "scsi-sense-error",
    kind: "io-error",
    title: "scsi: medium error",
    details: { device: "sdn", senseKey: "Medium Error" },
  },
  {
    line: "sd 9:0:0:0: [sdd] tag#25 FAILED Result: hostbyte=DID_BAD_TARGET driverbyte=DRIVER_OK",
    rule: "scsi-target-gone",
    kind: "io-error",
    title: "block: I/O error",
    details: { device: "sdd" },
  },
  // 3.x: no tag, two spaces before `Result:`.
  {
    line: "sd 4:0:0:0: [sdb]  Result: hostbyte=DID_BAD_TARGET driverbyte=DRIVER_OK",
    rule: "scsi-target-gone",
    kind: "io-error",
    title: "block: I/O error",
    details: { device: "sdb" },
  },
  { line: "NVRM: fallen off the bus and is not responding to commands.", rule: "nvidia-gpu-fallen-off-bus", kind: "other", title: "NVRM: GPU has fallen off the bus" },
  {
    line: "NVRM: Xid (PCI:0000:00:07): 31, pid=2512125, name=python3.10, Ch 00000008, intr 00000000. MMU Fault: ENGINE GRAPHICS GPCCLIENT_T1_8 faulted @ 0x73ac_1c000000",
    rule: "nvidia-xid",
    kind: "other",
    title: "NVRM: Xid 31",
    details: { gpu: "PCI:0000:00:07", xid: 31 },
  },
  { line: "eth0: hw csum failure", rule: "hw-csum-failure", kind: "other", title: "hw csum failure", details: { device: "eth0" } },
  { line: "cilium_host: hw csum failure", rule: "hw-csum-failure", kind: "other", title: "hw csum failure", details: { device: "cilium_host" } },
  {
    line: "i915 0000:00:02.0: Resetting rcs0 for hang on rcs0",
    rule: "i915-engine-reset",
    kind: "other",
    title: "i915: GPU hang",
    details: { pci: "0000:00:02.0", engine: "rcs0" },
  },
  {
    line: "i915 0000:00:02.0: [drm] Resetting chip for stopped heartbeat on rcs0",
    rule: "i915-heartbeat-reset",
    kind: "other",
    title: "i915: GPU hang",
    details: { pci: "0000:00:02.0", engine: "chip" },
  },
  { line: "VFS: file-max limit 51200 reached", rule: "file-max-reached", kind: "other", title: "VFS: file-max limit reached", details: { fileMax: 51200 } },
  { line: "audit: backlog limit exceeded", rule: "audit-backlog-exceeded", kind: "other", title: "audit: backlog limit exceeded" },
  {
    line: "audit: audit_backlog=4097 > audit_backlog_limit=4096",
    rule: "audit-backlog-over-limit",
    kind: "other",
    title: "audit: backlog limit exceeded",
    details: { backlog: 4097, backlogLimit: 4096 },
  },
  { line: "audit: kauditd hold queue overflow", rule: "audit-hold-queue-overflow", kind: "other", title: "audit: kauditd hold queue overflow" },
  { line: "device-mapper: multipath: Failing path 8:32.", rule: "dm-multipath-failing-path", kind: "io-error", title: "multipath: path failed", details: { path: "8:32" } },
  {
    line: "mpathaq: sdak - tur checker reports path is down",
    program: "multipathd[4554]",
    rule: "multipathd-path-down",
    kind: "io-error",
    title: "multipath: path failed",
    details: { path: "sdak", map: "mpathaq" },
  },
  {
    line: "sdd: readsector0 checker reports path is down",
    program: "multipathd",
    rule: "multipathd-path-down",
    kind: "io-error",
    title: "multipath: path failed",
    details: { path: "sdd" },
  },
  {
    line: "nfs: server 10.36.3.5 not responding, still trying",
    rule: "nfs-server-not-responding",
    kind: "io-error",
    title: "nfs: server not responding",
    details: { server: "10.36.3.5", softMount: false },
  },
  {
    line: "CIFS VFS: Server 192.168.1.10 has not responded in 120 seconds. Reconnecting...",
    rule: "cifs-server-not-responding",
    kind: "io-error",
    title: "cifs: server not responding",
    details: { server: "192.168.1.10" },
  },
  {
    line: "CIFS: VFS: \\\\fileserver.corp has not responded in 180 seconds. Reconnecting...",
    rule: "cifs-server-not-responding",
    kind: "io-error",
    title: "cifs: server not responding",
    details: { server: "\\\\fileserver.corp" },
  },
  { line: "CIFS VFS: sends on sock a715d500 stuck for 15 seconds", rule: "cifs-send-stuck", kind: "io-error", title: "cifs: server not responding", details: {} },
  { line: " connection2:0: detected conn error (1020)", rule: "iscsi-conn-error", kind: "io-error", title: "iscsi: connection error", details: { connection: "2:0", error: 1020 } },
  { line: "connection10:0: detected conn error (1011)", rule: "iscsi-conn-error", kind: "io-error", title: "iscsi: connection error", details: { connection: "10:0", error: 1011 } },
  {
    line: "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=cri-containerd-ec9e.scope,mems_allowed=0-1,oom_memcg=/kubepods.slice/kubepods-burstable.slice/pod1,task_memcg=/kubepods.slice/kubepods-burstable.slice/pod1/cri-containerd-ec9e.scope,task=pt_main_thread,pid=461754,uid=0",
    rule: "oom-kill-summary",
    kind: "oom",
    title: "OOM: memory cgroup out of memory",
    details: { victim: "pt_main_thread", victimPid: 461754, constraint: "CONSTRAINT_MEMCG", memcg: true, oomMemcg: "/kubepods.slice/kubepods-burstable.slice/pod1" },
  },
  {
    line: ["pcieport 0000:00:1c.1: PCIe Bus Error: severity=Corrected, type=Data Link Layer, (Transmitter ID)", "pcieport 0000:00:1c.1:   device [8086:8c12] error status/mask=00001000/00002000"],
    rule: "aer-bus-error",
    kind: "other",
    title: "PCIe AER: corrected error",
    details: { severity: "Corrected", type: "Data Link Layer" },
  },
  {
    line: "pcieport 0000:00:03.0: AER: Multiple Uncorrected (Fatal) error received: 0000:00:03.0",
    rule: "aer-error-received",
    kind: "other",
    title: "PCIe AER: uncorrected (fatal) error",
    details: { severity: "Uncorrected (Fatal)" },
  },
  {
    line: "pcieport 0000:80:1b.4: AER: Correctable error message received from 0000:80:1b.4",
    rule: "aer-error-message-received",
    kind: "other",
    title: "PCIe AER: corrected error",
    details: { severity: "Correctable" },
  },
  {
    line: "mce: CPU1: Core temperature above threshold, cpu clock throttled (total events = 2311)",
    rule: "thermal-throttle",
    kind: "other",
    title: "thermal: CPU clock throttled",
    details: { cpu: 1, level: "core", totalEvents: 2311 },
  },
  {
    // mcelog's syslog decode of a throttle record, pasted without the kernel's line or the record's banner.
    line: "Processor 0 heated above trip temperature. Throttling enabled.",
    program: "mcelog",
    rule: "mcelog-thermal-throttle",
    kind: "other",
    title: "thermal: CPU clock throttled",
    details: { cpu: 0, via: "mcelog" },
  },
  {
    // RHEL 5/6-era therm_throt.c: no Core/Package level in the wording.
    line: "CPU16: Temperature above threshold, cpu clock throttled",
    rule: "thermal-throttle",
    kind: "other",
    title: "thermal: CPU clock throttled",
    details: { cpu: 16 },
  },
  {
    line: "[drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx timeout, signaled seq=224260, emitted seq=224262",
    rule: "amdgpu-ring-timeout",
    kind: "other",
    title: "amdgpu: ring timeout",
    details: { ring: "gfx" },
  },
  {
    // radeon's fence watchdog (NixOS/nixpkgs#31154): the stalled ring, then the lockup verdict naming it.
    line: "radeon 0000:01:00.0: ring 0 stalled for more than 10061msec",
    rule: "radeon-ring-stalled",
    kind: "other",
    title: "radeon: GPU lockup",
    details: { pci: "0000:01:00.0", ring: 0 },
  },
  {
    line: "radeon 0000:01:00.0: GPU lockup (current fence id 0x0000000000000006 last fence id 0x0000000000000008 on ring 0)",
    rule: "radeon-gpu-lockup",
    kind: "other",
    title: "radeon: GPU lockup",
    details: { pci: "0000:01:00.0", ring: 0 },
  },
  {
    // journalctl ellipsized the line at the terminal width (NixOS/nixpkgs#101735): the ring is lost, the lockup is not.
    line: "radeon 0000:01:00.0: GPU lockup (current fence id 0x00000000015e83a5 last fence id 0x00000000015e83a6 o>",
    rule: "radeon-gpu-lockup",
    kind: "other",
    title: "radeon: GPU lockup",
    details: { pci: "0000:01:00.0" },
  },
  {
    line: "i915 0000:00:02.0: [drm] GPU HANG: ecode 12:1:85dffffb, in Web Content [4120]",
    rule: "i915-gpu-hang",
    kind: "other",
    title: "i915: GPU hang",
    details: { pci: "0000:00:02.0", process: "Web Content" },
  },
  {
    line: "[drm] GPU HANG: ecode 7:0:0x87c3ffff, reason: Ring hung, action: reset",
    rule: "i915-gpu-hang",
    kind: "other",
    title: "i915: GPU hang",
  },
  {
    line: "clocksource: timekeeping watchdog on CPU5: Marking clocksource 'tsc' as unstable because the skew is too large:",
    rule: "clocksource-unstable",
    kind: "other",
    title: "clocksource: tsc marked unstable",
    details: { clocksource: "tsc" },
  },
  {
    line: "timekeeping watchdog: Marking clocksource 'tsc' as unstable, because the skew is too large:",
    rule: "clocksource-unstable",
    kind: "other",
    title: "clocksource: tsc marked unstable",
    details: { clocksource: "tsc" },
  },
  {
    line: "thermal thermal_zone3: critical temperature reached (80 C), shutting down",
    rule: "thermal-critical-shutdown",
    kind: "other",
    title: "thermal: critical temperature shutdown",
    details: { zone: "thermal_zone3", celsius: 80 },
  },
  {
    line: "Critical temperature reached (100 C), shutting down.",
    rule: "thermal-critical-shutdown",
    kind: "other",
    title: "thermal: critical temperature shutdown",
    details: { celsius: 100 },
  },
  {
    line: "NMI: IOCK error (debug interrupt?) for reason 75 on CPU 0.",
    rule: "nmi-io-check-error",
    kind: "other",
    title: "NMI: IOCK error",
    details: { reason: "75", cpu: 0 },
  },
  {
    line: "NMI: IOCK error (debug interrupt?)",
    rule: "nmi-io-check-error",
    kind: "other",
    title: "NMI: IOCK error",
    details: {},
  },
  {
    line: "NMI: PCI system error (SERR) for reason a1 on CPU 0.",
    rule: "nmi-pci-serr",
    kind: "other",
    title: "NMI: PCI system error (SERR)",
    details: { reason: "a1", cpu: 0 },
  },
  {
    line: "mlx5_core 0000:5c:00.0: mlx5_pcie_event:299:(pid 268269): Detected insufficient power on the PCIe slot (27W).",
    rule: "mlx5-insufficient-slot-power",
    kind: "other",
    title: "mlx5_core: insufficient PCIe slot power",
    details: { pci: "0000:5c:00.0", watts: 27 },
  },
  {
    line: "NVRM: GPU 0000:0a:00.0: RmInitAdapter failed! (0x24:0x72:1568)",
    rule: "nvidia-rminitadapter-failed",
    kind: "other",
    title: "NVRM: GPU initialization failed",
    details: { gpu: "0000:0a:00.0", code: "0x24:0x72" },
  },
  {
    line: "NVRM: API mismatch: the client has the version 535.54.03, but#012NVRM: this kernel module has the version 530.30.02.  Please#012NVRM: make sure that this kernel module and all NVIDIA driver#012NVRM: components have the same version.",
    rule: "nvidia-api-mismatch",
    kind: "other",
    title: "NVRM: API mismatch between the userspace driver and the kernel module",
    details: { client: "535.54.03", module: "530.30.02" },
  },
  {
    line: "NVRM: API mismatch: the client has the version 367.44, but",
    rule: "nvidia-api-mismatch",
    kind: "other",
    title: "NVRM: API mismatch between the userspace driver and the kernel module",
    details: { client: "367.44" },
  },
  {
    line: "nvidia-nvswitch1: SXid (PCI:0000:84:00.0): 12028, Data {0x000001c0, 0x00bd5c8a, 0x00000500}",
    rule: "nvswitch-sxid",
    kind: "other",
    title: "NVSwitch SXid 12028",
    details: { nvswitch: 1, pci: "PCI:0000:84:00.0", sxid: 12028 },
  },
  {
    line: "i915 0000:00:02.0: [drm] *ERROR* GT0: GUC: TLB invalidation response timed out for seqno 309",
    rule: "i915-guc-tlb-invalidation-timeout",
    kind: "other",
    title: "i915: GuC not responding",
    details: { pci: "0000:00:02.0" },
  },
  {
    line: "i915 0000:30:00.0: [drm] tlb invalidation response timed out for seqno 3",
    rule: "i915-guc-tlb-invalidation-timeout",
    kind: "other",
    title: "i915: GuC not responding",
    details: { pci: "0000:30:00.0" },
  },
  {
    line: "i915 0000:30:00.0: [drm] *ERROR* GT0 [GUC COMMUNICATION] CT: No response for request 0x5503 (fence 168)",
    rule: "i915-guc-ct-no-response",
    kind: "other",
    title: "i915: GuC not responding",
    details: { pci: "0000:30:00.0" },
  },
  {
    line: "i915 0000:00:02.0: [drm] *ERROR* GT0: Failed to reset GuC, ret = -110",
    rule: "i915-guc-reset-failed",
    kind: "other",
    title: "i915: GuC not responding",
    details: { pci: "0000:00:02.0" },
  },
  {
    line: "i915 0000:00:02.0: [drm] *ERROR* GT0: Failed to initialize GPU, declaring it wedged!",
    rule: "i915-wedged-on-init",
    kind: "other",
    title: "i915: GPU initialization failed",
    details: { pci: "0000:00:02.0" },
  },
  {
    line: 'irq 16: nobody cared (try booting with the "irqpoll" option)',
    rule: "irq-nobody-cared",
    kind: "other",
    title: "irq: nobody cared",
    details: { irq: 16 },
  },
  {
    line: "unchecked MSR access error: RDMSR from 0x10a at rIP: 0xffffffff81037b26 (native_read_msr+0x6/0x20)",
    rule: "unchecked-msr-access",
    kind: "other",
    title: "unchecked MSR access error: RDMSR from 0x10a",
    details: { access: "rdmsr", msr: "0x10a", function: "native_read_msr" },
  },
  {
    // 6.x prints the value written; a wrapped paste may cut the rIP symbol off.
    line: "unchecked MSR access error: WRMSR to 0xc0010010 (tried to write 0x0000000003fc0000) at rIP: 0xffffffffaba88184 (native_write_msr+0x4",
    rule: "unchecked-msr-access",
    kind: "other",
    title: "unchecked MSR access error: WRMSR to 0xc0010010",
    details: { access: "wrmsr", msr: "0xc0010010", value: "0x0000000003fc0000", function: "native_write_msr" },
  },
  // A firmware blob missing from the image (kernelci/kernelci-core#2237): the GPU stays down. 4.x–5.x omit the second
  // `amdgpu:`; radeon prints the same line for its GPUs.
  {
    line: "amdgpu 0000:04:00.0: amdgpu: Fatal error during GPU init",
    rule: "amdgpu-init-failed",
    kind: "other",
    title: "amdgpu: GPU initialization failed",
    details: { pci: "0000:04:00.0" },
  },
  { line: "amdgpu 0000:43:00.0: Fatal error during GPU init", rule: "amdgpu-init-failed", kind: "other", title: "amdgpu: GPU initialization failed", details: { pci: "0000:43:00.0" } },
  { line: "radeon 0000:01:00.0: Fatal error during GPU init", rule: "amdgpu-init-failed", kind: "other", title: "radeon: GPU initialization failed", details: { pci: "0000:01:00.0" } },
  // A Gaudi card whose device CPU did not answer at probe (HabanaAI/Setup_and_Install#1); 6.x names the device twice.
  {
    line: "habanalabs 0000:1a:00.0: Failed to initialize hl2. Device is NOT usable !",
    rule: "habanalabs-init-failed",
    kind: "other",
    title: "habanalabs: device initialization failed",
    details: { device: "0000:1a:00.0", index: 2 },
  },
  {
    line: "habanalabs 0000:b3:00.0: Failed to initialize hl0. Device 0000:b3:00.0 is NOT usable !",
    rule: "habanalabs-init-failed",
    kind: "other",
    title: "habanalabs: device initialization failed",
    details: { device: "0000:b3:00.0", index: 0 },
  },
  // nouveau's PFIFO scheduler errors (libretro/Lakka#579 floods an unnamed code; CTXSW_TIMEOUT has a name).
  {
    line: "nouveau 0000:02:00.0: fifo: SCHED_ERROR 08 []",
    rule: "nouveau-fifo-sched-error",
    kind: "other",
    title: "nouveau: FIFO scheduler error",
    details: { pci: "0000:02:00.0", code: "08" },
  },
  {
    line: "nouveau 0000:01:00.0: fifo: SCHED_ERROR 0a [CTXSW_TIMEOUT]",
    rule: "nouveau-fifo-sched-error",
    kind: "other",
    title: "nouveau: FIFO scheduler error",
    details: { pci: "0000:01:00.0", code: "0a", reason: "CTXSW_TIMEOUT" },
  },
  // bcachefs going read-only: the older bare line, and 6.7+'s reason before it.
  {
    line: "bcachefs (dcc16479-d529-40ae-ac31-3e73e610515e): emergency read only",
    rule: "bcachefs-emergency-ro",
    kind: "fs-error",
    title: "bcachefs: emergency read only",
    details: { device: "dcc16479-d529-40ae-ac31-3e73e610515e" },
  },
  {
    line: "bcachefs (677cf0a7-1abe-4ce3-876c-2ca63301229d): inconsistency detected - emergency read only at journal seq 2860801",
    rule: "bcachefs-emergency-ro",
    kind: "fs-error",
    title: "bcachefs: emergency read only",
    details: { device: "677cf0a7-1abe-4ce3-876c-2ca63301229d" },
  },
  { line: "bcachefs (sdh1): fatal error - emergency read only", rule: "bcachefs-emergency-ro", kind: "fs-error", title: "bcachefs: emergency read only", details: { device: "sdh1" } },
  // 6.12+: the read-only words on an indented continuation line of a multi-line message, after its last detail or alone.
  {
    line: "  node offset 256/256 bset u64s 15 bset byte offset 48: invalid bkey format 32, emergency read only at seq 79172269",
    rule: "bcachefs-emergency-ro",
    kind: "fs-error",
    title: "bcachefs: emergency read only",
    details: {},
  },
  { line: "  emergency read only at seq 307668775", rule: "bcachefs-emergency-ro", kind: "fs-error", title: "bcachefs: emergency read only", details: {} },
  {
    line: "amdgpu 0000:03:00.0: amdgpu: MES failed to respond to msg=REMOVE_QUEUE",
    rule: "amdgpu-mes-unresponsive",
    kind: "other",
    title: "amdgpu: MES firmware not responding",
    details: { mesMessage: "REMOVE_QUEUE" },
  },
  {
    // 6.2–6.6's wording, the message by number.
    line: "[drm:mes_v11_0_submit_pkt_and_poll_completion.constprop.0 [amdgpu]] *ERROR* MES failed to response msg=3",
    rule: "amdgpu-mes-unresponsive",
    kind: "other",
    title: "amdgpu: MES firmware not responding",
    details: { mesMessage: "3" },
  },
  {
    line: "amdgpu: The cp might be in an unrecoverable state due to an unsuccessful queues preemption",
    rule: "amdgpu-kfd-preemption-failed",
    kind: "other",
    title: "amdgpu: compute queue preemption failed",
  },
  {
    line: "hpsa 0000:05:00.0: scsi 0:1:0:0: reset logical  completed successfully Direct-Access     HP       LOGICAL VOLUME   RAID-1(+0) SSDSmartPathCap+ En+ Exp=1",
    rule: "hpsa-device-reset",
    kind: "io-error",
    title: "hpsa: device reset by the SCSI error handler",
    details: { pci: "0000:05:00.0", device: "0:1:0:0", target: "logical", result: "completed" },
  },
  {
    line: "hpsa 0000:03:00.0: scsi 0:0:1:0: reset physical  failed Direct-Access     ATA      MB2000GCWDA      PHYS DRV SSDSmartPathCap- En- Exp=1",
    rule: "hpsa-device-reset",
    kind: "io-error",
    title: "hpsa: device reset by the SCSI error handler",
    details: { target: "physical", result: "failed" },
  },
  {
    line: "xhci_hcd 0000:06:00.0: HC died; cleaning up",
    rule: "usb-hc-died",
    kind: "other",
    title: "usb: host controller died",
    details: { driver: "xhci_hcd", controller: "0000:06:00.0" },
  },
  {
    line: "xhci-hcd f10f8000.usb3: HC died; cleaning up",
    rule: "usb-hc-died",
    kind: "other",
    title: "usb: host controller died",
    details: { driver: "xhci-hcd", controller: "f10f8000.usb3" },
  },
  { line: "ehci-pci 0000:00:1d.0: HC died; cleaning up", rule: "usb-hc-died", kind: "other", title: "usb: host controller died", details: { controller: "0000:00:1d.0" } },
  { line: "tsc: Marking TSC unstable due to clocksource watchdog", rule: "tsc-unstable-watchdog", kind: "other", title: "clocksource: tsc marked unstable", details: { clocksource: "tsc" } },
  {
    line: "Clocksource tsc unstable (delta = -95008632 ns)",
    rule: "clocksource-unstable-delta",
    kind: "other",
    title: "clocksource: tsc marked unstable",
  },
  {
    line: "EXT4-fs warning (device nvme0n1p1): ext4_dx_add_entry:2544: Directory (ino: 271020531) index full, reach max htree level :2",
    rule: "ext4-dx-index-full",
    kind: "fs-error",
    title: "EXT4-fs: directory index full",
    details: { device: "nvme0n1p1" },
  },
  {
    line: "EXT4-fs warning (device sdb): ext4_dx_add_entry: Directory index full!",
    rule: "ext4-dx-index-full",
    kind: "fs-error",
    title: "EXT4-fs: directory index full",
    details: { device: "sdb" },
  },
  {
    line: "EXT4-fs warning (device dm-3): ext4_end_bio:309: I/O error 10 writing to inode 91361033 (offset 0 size 0 starting block 293374711)",
    rule: "ext4-end-bio-io-error",
    kind: "io-error",
    title: "block: I/O error",
    details: { device: "dm-3", status: 10 },
  },
  { line: "JBD2: Detected IO errors while flushing file data on dm-3-8", rule: "jbd2-data-io-error", kind: "io-error", title: "block: I/O error", details: { device: "dm-3" } },
  {
    line: ["md/raid:md2: Disk failure on sdb6, disabling device.", "md/raid:md2: Cannot continue operation (2/4 failed)."],
    rule: "md-disk-failure",
    kind: "io-error",
    title: "md: disk failure",
    details: { level: "raid", array: "md2", member: "sdb6" },
  },
  {
    // raid5 repaired two reads from parity but could not rewrite the third sector: the member is failing
    line: [
      "md/raid:md127: read error corrected (8 sectors at 1649026336 on sdc2)",
      "md/raid:md127: read error NOT corrected!! (sector 1649026584 on sdc2).",
    ],
    rule: "md-read-error-not-corrected",
    kind: "io-error",
    title: "md: read error not corrected",
    details: { level: "raid", array: "md127", sector: 1649026584, member: "sdc2" },
  },
  {
    line: "ena 0000:00:05.0 ens5: The number of lost tx completions is above the threshold (1019 > 128).",
    rule: "ena-lost-tx-completions",
    kind: "other",
    title: "ena: TX timeout",
    details: { device: "ens5", lostCompletions: 1019 },
  },
  {
    line: "mlx5_core 0000:61:00.0: wait_func:1132:(pid 141181): CREATE_DCT(0x710) timeout. Will cause a leak of a command resource",
    rule: "mlx5-command-timeout",
    kind: "other",
    title: "mlx5_core: firmware command timeout",
    details: { pci: "0000:61:00.0", command: "CREATE_DCT" },
  },
  {
    // A paste that starts inside the libata report (1000001101000/Debian_on_Buffalo#203).
    line: ["ata1.00: status: { DRDY }", "ata1.00: failed command: READ FPDMA QUEUED", "ata1.00: cmd 60/08:40:00:50:4c/00:00:47:00:00/40 tag 8 ncq dma 4096 in"],
    rule: "ata-failed-command",
    kind: "io-error",
    title: "ata: command failed (exception)",
    details: { device: "ata1.00", command: "READ FPDMA QUEUED" },
  },
  // SD/MMC: a card that does not initialise (askubuntu 872183), a host timeout (sdhci), a failed block transfer
  { line: ["mmc0: tuning execution failed: -22", "mmc0: error -22 whilst initialising SD card", "mmc0: error -110 whilst initialising SD card"], rule: "mmc-card-init-failed", kind: "io-error", title: "mmc: card failed to initialise", details: { device: "mmc0", card: "SD" } },
  { line: ["mmc0: Timeout waiting for hardware interrupt.", "mmc0: sdhci: ============ SDHCI REGISTER DUMP ==========="], rule: "mmc-host-timeout", kind: "io-error", title: "mmc: host controller timeout", details: { device: "mmc0" } },
  { line: "mmc0: Timeout waiting for hardware cmd interrupt.", rule: "mmc-host-timeout", kind: "io-error", title: "mmc: host controller timeout", details: { device: "mmc0" } },
  { line: "mmcblk0: error -110 transferring data, sector 333072, nr 136, cmd response 0x900, card status 0xb00", rule: "mmc-data-transfer-error", kind: "io-error", title: "mmc: data transfer error", details: { device: "mmcblk0", error: -110, sector: 333072 } },
  // The same failed request's stop command (CMD12) timing out: block.c's recovery path, no sector (Toradex 11529).
  { line: "mmcblk2: error -110 sending stop command, original cmd response 0x900, card status 0x400e00", rule: "mmc-data-transfer-error", kind: "io-error", title: "mmc: data transfer error", details: { device: "mmcblk2", error: -110 } },
  { line: "mmcblk0: error -110 sending status command, retrying", rule: "mmc-data-transfer-error", kind: "io-error", title: "mmc: data transfer error", details: { device: "mmcblk0", error: -110 } },
  // Kernels before 4.x: `CPU clock throttled`, upper case.
  {
    line: "CPU3: Package temperature above threshold, CPU clock throttled (total events = 7)",
    rule: "thermal-throttle",
    kind: "other",
    title: "thermal: CPU clock throttled",
    details: { cpu: 3, level: "package", totalEvents: 7 },
  },
  // LSI drivers before 4.x name the adapter (mpt2sas, MPT Fusion's mptscsih), not the disk.
  {
    line: "mpt2sas1: attempting task abort! scmd(ffff8810a2c3e480)",
    rule: "scsi-task-abort",
    kind: "io-error",
    title: "scsi: command timed out, task abort",
    details: { host: "mpt2sas1" },
  },
  {
    line: "mptscsih: ioc0: attempting task abort! (sc=ffff88012a4b5c00)",
    rule: "scsi-task-abort",
    kind: "io-error",
    title: "scsi: command timed out, task abort",
    details: { host: "ioc0" },
  },
  // VMware's pvscsi logs its own abort handler's call, with the disk and the command.
  {
    line: "sd 0:0:0:0: [sda] tag#99 task abort on host 0, 0000000002af6841",
    rule: "scsi-task-abort",
    kind: "io-error",
    title: "scsi: command timed out, task abort",
    details: { device: "0:0:0:0" },
  },
  {
    line: [
      "{12}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 3",
      "{12}[Hardware Error]: It has been corrected by h/w and requires no further action",
      "{12}[Hardware Error]: event severity: corrected",
      "{12}[Hardware Error]:  Error 0, type: corrected",
      "{12}[Hardware Error]:   section_type: memory error",
      "{12}[Hardware Error]:   physical_address: 0x0000001234567000",
    ],
    rule: "ghes-record",
    kind: "mce",
    title: "EDAC: corrected memory error",
    details: { type: "CE", severity: "corrected", ghesSource: 3 },
  },
  {
    line: "ena 0000:00:06.0 ens6: TX q 2 is paused for too long (threshold 5000000). Time since last napi 5400000 usec. napi scheduled: 1",
    rule: "ena-tx-queue-paused",
    kind: "other",
    title: "ena: TX timeout",
    details: { driver: "ena", device: "ens6", queue: 2 },
  },
  {
    line: ["JBD2: Invalid checksum recovering block 1090 in log", "JBD2: Invalid checksum recovering data block 2051 in log"],
    rule: "jbd2-recovery-checksum",
    kind: "fs-error",
    title: "jbd2: invalid checksum in journal recovery",
  },
  {
    line: "JBD2: Spotted dirty metadata buffer (dev = vda1, blocknr = 0). There's a risk of filesystem corruption in case of system crash.",
    rule: "jbd-dirty-metadata",
    kind: "fs-error",
    title: "jbd2: dirty metadata buffer outside the journal",
    details: { device: "vda1", block: 0 },
  },
  {
    line: ["radeon 0000:01:00.0: GPU fault detected: 146 0x0c840c04", "radeon 0000:01:00.0:   VM_CONTEXT1_PROTECTION_FAULT_ADDR   0x00000000"],
    rule: "gpu-vm-fault",
    kind: "other",
    title: "radeon: GPU page fault",
    details: { driver: "radeon", pci: "0000:01:00.0", source: 146 },
  },
  {
    line: "amdgpu 0000:03:00.0: amdgpu: [gfxhub0] no-retry page fault (src_id:0 ring:24 vmid:3 pasid:32769, for process blender pid 4242 thread blender:cs0 pid 4250)",
    rule: "amdgpu-gmc-page-fault",
    kind: "other",
    title: "amdgpu: GPU page fault",
    details: { pci: "0000:03:00.0" },
  },
  {
    line: ["DMAR: DRHD: handling fault status reg 2", "DMAR: [DMA Write NO_PASID] Request device [3b:00.0] fault addr 0xfff00000 [fault reason 0x05] PTE Write access is not set"],
    rule: "dmar-fault",
    kind: "other",
    title: "DMAR: DMA remapping fault",
    details: { access: "DMA Write", device: "3b:00.0" },
  },
  {
    line: "DMAR: [INTR-REMAP] Request device [f0:1f.0] fault index 0x2c [fault reason 0x25] Blocked a compatibility format interrupt request",
    rule: "dmar-fault",
    kind: "other",
    title: "DMAR: interrupt remapping fault",
  },
  {
    line: "AMD-Vi: Event logged [IO_PAGE_FAULT device=03:00.0 domain=0x000e address=0x00000000fdf9c000 flags=0x0050]",
    rule: "amd-vi-io-page-fault",
    kind: "other",
    title: "AMD-Vi: IO page fault",
    details: { device: "03:00.0" },
  },
  {
    line: "arm-smmu 15000000.iommu: Unhandled context fault: fsr=0x402, iova=0xfd7ff000, fsynr=0x540003, cbfrsynra=0x19c3, cb=10",
    rule: "arm-smmu-context-fault",
    kind: "other",
    title: "arm-smmu: context fault",
    details: { device: "15000000.iommu", fsr: "0x402", iova: "0xfd7ff000", cb: 10 },
  },
  // 4.x printed no cbfrsynra.
  {
    line: "arm-smmu 1e800000.iommu: Unhandled context fault: fsr=0x80000402, iova=0x40001000, fsynr=0x1, cb=0",
    rule: "arm-smmu-context-fault",
    kind: "other",
    title: "arm-smmu: context fault",
  },
  {
    line: "i915 0000:00:02.0: not enough MMIO resources for SR-IOV",
    rule: "sriov-no-mmio-resources",
    kind: "other",
    title: "PCI: not enough MMIO resources for SR-IOV",
    details: { pci: "0000:00:02.0" },
  },
  // SHUTDOWN_CORRUPT_INCORE (0x8): the in-memory corruption the next line reports.
  {
    line: "XFS (dm-3): xfs_do_force_shutdown(0x8) called from line 1028 of file fs/xfs/xfs_trans.c. Return address = 00000000a1b2c3d4",
    rule: "xfs-corruption",
    kind: "fs-error",
    title: "XFS: corruption of in-memory data",
  },
  {
    line: "XFS (sdb1): Corruption warning: Metadata has LSN (12:3456) ahead of current LSN (1:0). Please unmount and run xfs_repair (>= v4.3) to resolve.",
    rule: "xfs-corruption",
    kind: "fs-error",
    title: "XFS: metadata LSN ahead of the log",
  },
  {
    line: ["XFS (sdb1): log mount/recovery failed: error -117", "XFS (sdb1): log mount failed"],
    rule: "xfs-corruption",
    kind: "fs-error",
    title: "XFS: log mount failed",
  },
  // 2.6.x (RHEL 5): the `scsi: ` infix and the tape driver's prefix; without it neither line was read.
  {
    line: "st 0:0:10:0: scsi: Device offlined - not ready after error recovery",
    rule: "scsi-device-offlined",
    kind: "io-error",
    title: "scsi: device offlined",
    details: { device: "0:0:10:0" },
  },
  {
    line: "st 0:0:10:0: timing out command, waited 14000s",
    rule: "scsi-command-timeout",
    kind: "io-error",
    title: "scsi: command timed out",
    details: { device: "0:0:10:0", waitedSec: 14000 },
  },
  {
    line: "qla2xxx [0000:49:00.0]-801c:4: Abort command issued nexus=4:3:33 -- 1 2002.",
    rule: "qla2xxx-abort",
    kind: "io-error",
    title: "scsi: command timed out, task abort",
    details: { nexus: "4:3:33" },
  },
  {
    line: "qla2xxx 0000:06:00.0: scsi(0:10:0): Abort command issued -- 1 10fb 2002.",
    rule: "qla2xxx-abort",
    kind: "io-error",
    title: "scsi: command timed out, task abort",
    details: { nexus: "0:10:0" },
  },
  {
    line: "WARNING: Pool 'ost08' has encountered an uncorrectable I/O failure and has been suspended.",
    rule: "zfs-pool-suspended",
    kind: "io-error",
    title: "zfs: pool suspended",
    details: { pool: "ost08" },
  },
  {
    line: "SPLError: 3525:0:(spl-err.c:67:vcmn_err()) WARNING: Pool 'tank' has encountered an uncorrectable I/O failure and has been suspended.",
    rule: "zfs-pool-suspended",
    kind: "io-error",
    title: "zfs: pool suspended",
    details: { pool: "tank" },
  },
  {
    line: "WARNING: MMP writes to pool 'Pool-0' have not succeeded in over 5004 ms; suspending pool. Hrtime 377489617",
    rule: "zfs-mmp-suspend",
    kind: "io-error",
    title: "zfs: pool suspended",
    details: { pool: "Pool-0", multihost: true },
  },
  {
    line: "mptbase: ioc0: WARNING - IOC is in FAULT state!!!",
    rule: "mptbase-ioc-fault",
    kind: "io-error",
    title: "mptbase: HBA firmware fault",
    details: { adapter: "ioc0" },
  },
  {
    // A web page's typography turned the driver's `-` into an en dash.
    line: "mptbase: ioc0: WARNING – IOC is in FAULT state (1600h)!!!",
    rule: "mptbase-ioc-fault",
    kind: "io-error",
    title: "mptbase: HBA firmware fault",
    details: { adapter: "ioc0", faultCode: "1600" },
  },
  {
    line: "zio pool=tank vdev=/dev/sds1 error=5 type=2 offset=793141485568 size=4096 flags=180880",
    rule: "zfs-zio-error",
    kind: "io-error",
    title: "zfs: vdev I/O error",
    details: { pool: "tank", vdev: "/dev/sds1", errno: 5, zioType: 2 },
  },
  {
    line: "zio pool=rust vdev=/dev/mapper/sas-0x5000c500ab error=52 type=1 offset=270336 size=8192 flags=1245377",
    rule: "zfs-zio-error",
    kind: "io-error",
    title: "zfs: vdev checksum error",
    details: { pool: "rust", vdev: "/dev/mapper/sas-0x5000c500ab", errno: 52, zioType: 1 },
  },
  {
    line: ["NFS: server nfs.example.svc.cluster.local error: fileid changed", "                fsid 0:86: expected fileid 0xe13cc, got 0xe13a9"],
    rule: "nfs-fileid-changed",
    kind: "fs-error",
    title: "nfs: fileid changed",
    details: { server: "nfs.example.svc.cluster.local" },
  },
  {
    line: "libceph: mon0 172.17.0.1:3300 socket closed (con state CONNECTING)",
    rule: "libceph-socket-closed",
    kind: "io-error",
    title: "libceph: monitor connection failed",
    details: { daemon: "mon0" },
  },
  {
    line: "libceph: osd0 (1)10.244.0.211:6801 socket closed (con state V1_BANNER)",
    rule: "libceph-socket-closed",
    kind: "io-error",
    title: "libceph: OSD connection failed",
    details: { daemon: "osd0" },
  },
  {
    line: "libceph: mon0 (1)10.105.47.74:6789 connect error",
    rule: "libceph-connect-error",
    kind: "io-error",
    title: "libceph: monitor connection failed",
    details: { daemon: "mon0" },
  },
  {
    line: "libceph: osd1 (1)172.16.0.121:6801 socket error on write",
    rule: "libceph-socket-error",
    kind: "io-error",
    title: "libceph: OSD connection failed",
    details: { daemon: "osd1" },
  },
  {
    line: "overlayfs: lowerdir is in-use as upperdir/workdir",
    rule: "overlay-layer-in-use",
    kind: "fs-error",
    title: "overlayfs: mount refused, layer in use by another mount",
    details: { layer: "lowerdir" },
  },
  {
    line: "overlayfs: upperdir is in-use as upperdir/workdir of another mount, mount with '-o index=off' to override exclusive upperdir protection.",
    rule: "overlay-layer-in-use",
    kind: "fs-error",
    title: "overlayfs: mount refused, layer in use by another mount",
    details: { layer: "upperdir" },
  },
  {
    line: "overlayfs: filesystem on '/storage/pool/docker/data/overlay2/opaque-bug-check105060867/l3' not supported as upperdir",
    rule: "overlay-upper-unsupported",
    kind: "fs-error",
    title: "overlayfs: mount refused, upper filesystem not supported",
    details: { upperdir: "/storage/pool/docker/data/overlay2/opaque-bug-check105060867/l3" },
  },
  {
    // linuxserver/docker-kasm#53 (NFS), kata-containers/runtime#1888 (virtio-fs, no period): the remote-upper refusal.
    line: "overlayfs: upper fs missing required features.",
    rule: "overlay-upper-missing-features",
    kind: "fs-error",
    title: "overlayfs: mount refused, upper filesystem not supported",
  },
  {
    line: "overlayfs: upper fs missing required features",
    rule: "overlay-upper-missing-features",
    kind: "fs-error",
    title: "overlayfs: mount refused, upper filesystem not supported",
  },
  {
    line: "overlayfs: maximum fs stacking depth exceeded",
    rule: "overlay-stacking-depth",
    kind: "fs-error",
    title: "overlayfs: mount refused, stacking depth exceeded",
  },
];

/**
 * Hostile lines for the rasdaemon rows: every field the pattern scans for repeated, the one that ends a match missing.
 * Unbounded lazy scans made these quadratic (the MCE row's nested ones cubic): tens of seconds at these sizes. The
 * result is asserted; the size is what an unbounded scan cannot get through within the test's timeout.
 */
describe("rasdaemon rows on hostile lines", () => {
  const rule = (id: string) => PROBLEM_EVENT_RULES.find((r) => r.id === id)!.pattern;
  it("MCE rows: repeated `error: Corrected …, CPU n, bank` fields without `, mcg mcgstatus=` match nothing", () => {
    expect(rule("rasdaemon-mce-event").exec("mcgstatus= error: Corrected x, CPU 1, bank a".repeat(1200))).toBeNull();
  });
  it("driver rows bound their scans: a long word before the ENA message, repeated amdgpu/mlx5 prefixes, match nothing", () => {
    expect(rule("ena-lost-tx-completions").exec("a".repeat(60_000) + " The number of lost tx completions")).toBeNull();
    expect(rule("amdgpu-ring-timeout").exec("amdgpu ".repeat(30_000) + "x timeout, signaled seq=1, emitted seq=2")).toBeNull();
    expect(rule("mlx5-command-timeout").exec("mlx5_core x: ".repeat(12_000) + "Will cause a leak of a command resource")).toBeNull();
  });
  it("MC rows: repeated `Corrected error(s): … at …` without `location:` match nothing", () => {
    expect(rule("rasdaemon-mc-event").exec("1 Corrected error(s): a at b ".repeat(25_000))).toBeNull();
  });
});

describe("problem events through triage", () => {
  for (const row of ROWS) {
    const lines = Array.isArray(row.line) ? row.line : [row.line];
    it(`${row.rule}: ${lines[0].slice(0, 60)}`, async () => {
      expect(PROBLEM_EVENT_RULES.some((r) => r.id === row.rule), `rule ${row.rule} exists`).toBe(true);
      const found = await findingsOf(lines, row.program);
      expect(found.map((f) => [f.type, f.kind, f.title])).toEqual([[row.rule, row.kind, row.title]]);
      if (row.details) expect(found[0].details).toMatchObject(row.details);
      expect(found[0].host).toBe("n1");
    });
  }

  it("an event line pasted indented (a Markdown code block, no prefix) is still the event; a line of prose is not", async () => {
    const indented = async (text: string) => {
      const inc = await triage([{ name: "paste", data: enc.encode(text + "\n") }], { now: new Date("2024-09-01T00:00:00Z") });
      return inc.findings.map((f) => f.type);
    };
    expect(await indented("    i915 0000:00:02.0: [drm] GPU HANG: ecode 5:1:020fffff, in Xorg [2197]")).toEqual(["i915-gpu-hang"]);
    expect(await indented("\tr8152 5-1:1.0 eth1: Tx timeout")).toEqual(["driver-tx-timeout-mixed-case"]);
    expect(await indented("    the log said i915 0000:00:02.0: [drm] GPU HANG: ecode 5:1:020fffff, in Xorg [2197]")).toEqual([]);
  });

  it("a crashed kexec is the crash kernel not armed, once with kdumpctl's verdict; another program's core dump is nothing", async () => {
    const crash = "Process 7288 (kexec) of user 0 terminated abnormally with signal 11/SEGV, processing...";
    const both = await findingsOf([crash, "kdump: Starting kdump: [FAILED]"], "systemd-coredump[7290]");
    expect(both.map((f) => [f.kind, f.title])).toEqual([["kdump-failure", "kdump: not armed"]]);
    const other = await findingsOf(["Process 1234 (kexec-helper) of user 0 terminated abnormally with signal 11/SEGV, processing...", "Process 99 (bash) of user 0 dumped core."], "systemd-coredump[1]");
    expect(other).toEqual([]);
  });

  it("memory.oom.group's group-kill line after the victim's kill line is that OOM's, not a second finding", async () => {
    const kill = (pid: number) => `Memory cgroup out of memory: Killed process ${pid} (app) total-vm:10000kB, anon-rss:5000kB, file-rss:0kB`;
    const found = await findingsOf([kill(100), "Tasks in /test1 are going to be killed due to memory.oom.group set", kill(101), kill(102)]);
    expect(found.map((f) => [f.type, f.repeats ?? 1])).toEqual([["oom-kill", 3]]);
  });

  it("mcelog's record of a machine check the kernel already announced is that error, not a second one", async () => {
    const found = await findingsOf([
      "mce: [Hardware Error]: Machine check events logged",
      "Aug 13 10:00:01 n1 mcelog[808]: Hardware event. This is not a software error.",
      "Aug 13 10:00:01 n1 mcelog[808]: CPU 0 BANK 5",
      "Aug 13 10:00:01 n1 mcelog[808]: Processor context corrupt",
    ]);
    expect(found.map((f) => [f.type, f.repeats ?? 1])).toEqual([["mce-events-logged", 1]]);
  });

  it("a 3.x `CPU 0: Machine Check Exception` record decoded by sb_edac's row/channel line is one corrected DIMM error", async () => {
    const found = await findingsOf([
      "sbridge: HANDLING MCE MEMORY ERROR",
      "CPU 0: Machine Check Exception: 0 Bank 5: 8c00004000010093",
      "TSC 0 ADDR 67081b300 MISC 2140040486 PROCESSOR 0:206d7 TIME 1441181676 SOCKET 0 APIC 0",
      'EDAC MC0: CE row 2, channel 0, label "CPU_SrcID#0_Channel#3_DIMM#0": 1 Unknown error(s): memory read on FATAL area : cpu=0 Err=0001:0093 (ch=3), addr= 0x67081b300 => socket=0, Channel=3(mask=8), rank=0',
    ]);
    expect(found.map((f) => f.title)).toEqual(["EDAC: corrected memory error"]);
  });

  it("mcelog's THERMAL EVENT record after the kernel's throttle lines is that throttling, not a machine check", async () => {
    const found = await findingsOf([
      "CPU0: Core temperature above threshold, cpu clock throttled (total events = 1)",
      "CPU1: Core temperature above threshold, cpu clock throttled (total events = 1)",
      "CPU0: Core temperature/speed normal",
      "mce: [Hardware Error]: Machine check events logged",
      "Aug 13 10:00:01 n1 mcelog[672]: Hardware event. This is not a software error.",
      "Aug 13 10:00:01 n1 mcelog[672]: MCE 0",
      "Aug 13 10:00:01 n1 mcelog[672]: CPU 1 THERMAL EVENT TSC 5aafdf91021",
      "Aug 13 10:00:01 n1 mcelog[672]: Processor 1 heated above trip temperature. Throttling enabled.",
    ]);
    expect(found.map((f) => [f.type, f.title, f.repeats ?? 1])).toEqual([["thermal-throttle", "thermal: CPU clock throttled", 2]]);
  });

  it("mcelog's throttle lines alone are the throttling, one count per start; after the kernel's line they are its decode", async () => {
    const alone = await findingsOf(
      [
        "Processor 0 heated above trip temperature. Throttling enabled.",
        "Please check your system cooling. Performance will be impacted",
        "Processor 0 below trip temperature. Throttling disabled",
        "Processor 0 heated above trip temperature. Throttling enabled.",
      ],
      "mcelog",
    );
    expect(alone.map((f) => [f.type, f.title, f.repeats ?? 1])).toEqual([["mcelog-thermal-throttle", "thermal: CPU clock throttled", 2]]);
    const after = await findingsOf([
      "CPU16: Temperature above threshold, cpu clock throttled",
      "Aug 13 10:00:01 n1 mcelog: Processor 13 heated above trip temperature. Throttling enabled.",
    ]);
    expect(after.map((f) => [f.type, f.repeats ?? 1])).toEqual([["thermal-throttle", 1]]);
  });

  it("a BERT record is one error however long its dump; its memory section is a DIMM's uncorrected error", async () => {
    const dump = Array.from({ length: 20 }, (_, k) => `[Hardware Error]:   ${(k * 16).toString(16).padStart(8, "0")}: 00000000 00000000 00000000 00000000  ................`);
    const crashlog = await findingsOf(["BERT: Error records from previous boot:", "[Hardware Error]: event severity: fatal", "[Hardware Error]:  Error 0, type: fatal", ...dump]);
    expect(crashlog.map((f) => [f.type, f.title, f.repeats ?? 1])).toEqual([["bert-record", "MCE: hardware error", 1]]);
    const memory = await findingsOf([
      "BERT: Error records from previous boot:",
      "[Hardware Error]: event severity: fatal",
      "[Hardware Error]:  Error 0, type: fatal",
      "[Hardware Error]:   section_type: memory error",
      "[Hardware Error]:   physical_address: 0x0000001234567000",
    ]);
    expect(memory.map((f) => [f.type, f.title])).toEqual([["bert-record", "EDAC: uncorrectable memory error"]]);
  });

  it("a netdev refcount line wrapped after its device and undecoded (`=3D`) is the event, one per printed line", async () => {
    const line = (t: string) => [`Apr 21 ${t} density kernel: unregister_netdevice: waiting for eth0`, "to become free. Usage count =3D 2"];
    const text = [...line("07:06:50"), ...line("07:07:00"), ...line("07:07:10")].join("\n") + "\n";
    const inc = await triage([{ name: "mail.txt", data: enc.encode(text) }], { now: new Date("2024-09-01T00:00:00Z") });
    expect(inc.findings.map((f) => [f.type, f.host, f.repeats ?? 1])).toEqual([["netdev-refcount-wait", "density", 3]]);
  });

  it("the netdev refcount message's format string quoted from source is no device and no event", async () => {
    const quoted = 'pr_emerg("unregister_netdevice: waiting for %s to become free. Usage count = %d\\n",';
    expect(await findingsOf([quoted])).toEqual([]);
    const monitorConfig = "{Type:temporary Condition: Reason:UnregisterNetDevice Pattern:unregister_netdevice: waiting for \\\\w+ to become free. Usage count = \\\\d+}";
    expect(await findingsOf([monitorConfig])).toEqual([]);
  });

  it("a PF without an optional feature answers a VF's request IAVF_NOT_SUPPORTED on healthy hosts: no finding", async () => {
    expect(await findingsOf(["iavf 0000:ec:01.1: PF returned error -64 (IAVF_NOT_SUPPORTED) to our request 51"])).toEqual([]);
  });

  it("SquashFS's note of ignored xattrs (old kernels, a healthy image) and JFFS2's erased space are no finding", async () => {
    const found = await findingsOf([
      "squashfs: SQUASHFS error: Xattrs in filesystem, these will be ignored",
      "jffs2: Empty flash at 0x00101e70 ends at 0x00101e74",
    ]);
    expect(found).toEqual([]);
  });

  it("an arm-smmu context fault is one finding per SMMU and context bank; a stack dumped after one names the boot's release", async () => {
    const found = await findingsOf([
      "arm-smmu 5000000.iommu: Unhandled context fault: fsr=0x402, iova=0xff3cf000, fsynr=0x300003, cbfrsynra=0x409, cb=10",
      "arm-smmu 5000000.iommu: Stack trace:",
      "CPU: 0 UID: 0 PID: 1582 Comm: mt76-tx phy0 Not tainted 6.12.22-ac0 #29",
      "Hardware name: Digi TX40 (DT)",
      "arm-smmu 5000000.iommu: Unhandled context fault: fsr=0x402, iova=0xff3d0000, fsynr=0x300003, cbfrsynra=0x409, cb=10",
      "arm-smmu 5000000.iommu: Unhandled context fault: fsr=0x402, iova=0x1000, fsynr=0x300003, cbfrsynra=0x40a, cb=11",
    ]);
    expect(found.map((f) => [f.title, f.details?.cb, f.repeats ?? 1, f.kernelRelease])).toEqual([
      ["arm-smmu: context fault", 10, 2, "6.12.22-ac0"],
      ["arm-smmu: context fault", 11, 1, "6.12.22-ac0"],
    ]);
  });

  it("a UBIFS error takes its release from the node dump's dump_stack() task line after it", async () => {
    const found = await findingsOf([
      "UBIFS error (ubi0:0 pid 1981): ubifs_read_node: bad node type (0 but expected 2)",
      "UBIFS error (ubi0:0 pid 1981): ubifs_read_node: bad node at LEB 169:106112, LEB mapping status 1",
      "Not a node, first 24 bytes:",
      "00000000: 6c 00 0f cf c0 a8 2a 02 31 18 10 06 f5 b1 2f e4 da b8 00 00 00 00 00 00",
      "CPU: 0 PID: 1981 Comm: WiredGW Not tainted 4.4.289+ #94",
      "Hardware name: NUC980",
      "Backtrace: ",
      "[<c0012e00>] (dump_backtrace) from [<c0012fec>] (show_stack+0x18/0x1c)",
      "[<c04451c0>] (dump_stack) from [<c0176810>] (ubifs_read_node+0x1cc/0x324)",
    ]);
    expect(found.map((f) => [f.kind, f.title, f.kernelRelease, f.repeats ?? 1])).toEqual([["fs-error", "UBIFS: filesystem error", "4.4.289+", 2]]);
  });

  it("SquashFS read errors are one finding per boot, each printed line counted", async () => {
    const found = await findingsOf([
      "SQUASHFS error: xz decompression failed, data probably corrupt",
      "SQUASHFS error: squashfs_read_data failed to read block 0x2dba2",
      "SQUASHFS error: Unable to read fragment cache entry [2dba2]",
    ]);
    expect(found.map((f) => [f.kind, f.title, f.repeats ?? 1])).toEqual([["fs-error", "SquashFS: read error", 3]]);
  });

  it("XFS's unknown *compatible* features only warn (the mount goes on): no finding", async () => {
    const found = await findingsOf([
      "XFS (sdc1): Superblock has unknown compatible features (0x1) enabled.",
      "XFS (sdc1): Using a more recent kernel is recommended.",
    ]);
    expect(found).toEqual([]);
  });

  it("the TSC's own unstable line names the finding when the watchdog blamed its reference (5.13+), and is that finding's after `Marking clocksource 'tsc'`", async () => {
    const tsc = "tsc: Marking TSC unstable due to clocksource watchdog";
    // Mellanox/mkt#74: a nested VM whose hpet reads were too slow.
    const alone = await findingsOf(["clocksource: timekeeping watchdog on CPU6: hpet read-back delay of 5252e", tsc, "clocksource: Switched to clocksource hpet"]);
    expect(alone.map((f) => [f.type, f.title, f.repeats ?? 1])).toEqual([["tsc-unstable-watchdog", "clocksource: tsc marked unstable", 1]]);
    const withWatchdog = await findingsOf(["clocksource: timekeeping watchdog on CPU2: Marking clocksource 'tsc' as unstable because the skew is too large:", tsc]);
    expect(withWatchdog.map((f) => [f.type, f.repeats ?? 1])).toEqual([["clocksource-unstable", 1]]);
    // The watchdog found the TSC unstable before its refined calibration (madgraph5/madgraph4gpu#116): one finding.
    const early = await findingsOf(["clocksource: timekeeping watchdog on CPU3: Marking clocksource 'tsc-early' as unstable because the skew is too large:", tsc]);
    expect(early.map((f) => [f.type, f.title, f.repeats ?? 1])).toEqual([["clocksource-unstable", "clocksource: tsc-early marked unstable", 1]]);
    // 2.6: the delta line, then the TSC's line without its prefix.
    const old = await findingsOf(["Clocksource tsc unstable (delta = -95008632 ns)", "Marking TSC unstable due to clocksource watchdog"]);
    expect(old.map((f) => [f.type, f.repeats ?? 1])).toEqual([["clocksource-unstable-delta", 1]]);
  });

  it("i915's engine resets after its GPU HANG line are that hang's; alone they are the hang, counted", async () => {
    const reset = "i915 0000:00:02.0: [drm] Resetting rcs0 for hang on rcs0";
    const withHang = await findingsOf(["i915 0000:00:02.0: [drm] GPU HANG: ecode 12:1:85dffffb, in Xorg [996]", reset, reset]);
    expect(withHang.map((f) => [f.type, f.repeats ?? 1])).toEqual([["i915-gpu-hang", 1]]);
    const alone = await findingsOf([reset, reset, reset]);
    expect(alone.map((f) => [f.type, f.title, f.repeats ?? 1])).toEqual([["i915-engine-reset", "i915: GPU hang", 3]]);
  });

  it("habanalabs init failures are one finding per device; nouveau SCHED_ERRORs one per GPU, each line counted", async () => {
    const habana = await findingsOf([
      "habanalabs hl2: Failed to communicate with Device CPU (CPU-CP timeout)",
      "habanalabs 0000:1a:00.0: Failed to initialize hl2. Device is NOT usable !",
      "habanalabs 0000:34:00.0: Failed to initialize hl6. Device is NOT usable !",
    ]);
    expect(habana.map((f) => [f.type, f.title, f.repeats ?? 1])).toEqual([
      ["habanalabs-init-failed", "habanalabs: device initialization failed", 1],
      ["habanalabs-init-failed", "habanalabs: device initialization failed", 1],
    ]);
    const sched = "nouveau 0000:02:00.0: fifo: SCHED_ERROR 08 []";
    const nouveau = await findingsOf([sched, sched, sched]);
    expect(nouveau.map((f) => [f.type, f.title, f.repeats ?? 1])).toEqual([["nouveau-fifo-sched-error", "nouveau: FIFO scheduler error", 3]]);
  });

  it("radeon's stalled-ring and GPU lockup lines are one GPU hang per GPU, each line counted", async () => {
    // NixOS/nixpkgs#30188: rings 4, 3 and 0 stall and lock up on one GPU until a power cycle; the softreset's register
    // dump and FreeBSD's `drmn0:` spelling of the same lines are no finding of their own.
    const lines = [
      "radeon 0000:01:00.0: ring 4 stalled for more than 13024msec",
      "radeon 0000:01:00.0: ring 3 stalled for more than 13024msec",
      "radeon 0000:01:00.0: GPU lockup (current fence id 0x00000000000000b3 last fence id 0x000000000000010e on ring 3)",
      "radeon 0000:01:00.0: GPU softreset: 0x00000049",
      "radeon 0000:01:00.0:   GRBM_STATUS               = 0xB2523028",
      "radeon 0000:02:00.0: ring 0 stalled for more than 10061msec",
    ];
    const found = await findingsOf(lines);
    expect(found.map((f) => [f.type, f.title, f.repeats ?? 1]).sort()).toEqual([
      ["radeon-ring-stalled", "radeon: GPU lockup", 1],
      ["radeon-ring-stalled", "radeon: GPU lockup", 3],
    ]);
    expect(await findingsOf(["drmn0: ring 0 stalled for more than 10119msec", "drmn0: GPU lockup (current fence id 0x0000000000048f10 last fence id 0x0000000000048f23 on ring 0)"])).toEqual([]);
  });

  it("i915's heartbeat resets are the GPU HANG before them, or alone the hang", async () => {
    // A VM start hung an SR-IOV host's render engine (strongtz/i915-sriov-dkms#56): the chip reset, no error state.
    const reset = "i915 0000:00:02.0: [drm] Resetting chip for stopped heartbeat on rcs0";
    const alone = await findingsOf([reset]);
    expect(alone.map((f) => [f.type, f.title, f.repeats ?? 1])).toEqual([["i915-heartbeat-reset", "i915: GPU hang", 1]]);
    const withHang = await findingsOf(["i915 0000:00:02.0: [drm] GPU HANG: ecode 12:1:85dffffb, in Xorg [996]", "i915 0000:00:02.0: [drm] Resetting rcs0 for stopped heartbeat on rcs0"]);
    expect(withHang.map((f) => [f.type, f.repeats ?? 1])).toEqual([["i915-gpu-hang", 1]]);
  });

  it("amdgpu's KFD preemption failure after a ring timeout is that hang's reset failing; alone it is the hang", async () => {
    const preempt = "amdgpu: The cp might be in an unrecoverable state due to an unsuccessful queues preemption";
    const afterTimeout = await findingsOf([
      "amdgpu 0000:01:00.0: ring sdma0 timeout, signaled seq=309, emitted seq=313",
      "amdgpu 0000:01:00.0: qcm fence wait loop timeout expired",
      preempt,
    ]);
    expect(afterTimeout.map((f) => f.type)).toEqual(["amdgpu-ring-timeout"]);
    const alone = await findingsOf(["amdgpu: qcm fence wait loop timeout expired", preempt, "amdgpu 0000:03:00.0: amdgpu: GPU reset begin!"]);
    expect(alone.map((f) => [f.type, f.title])).toEqual([["amdgpu-kfd-preemption-failed", "amdgpu: compute queue preemption failed"]]);
  });

  it("a dead USB host controller is one finding per controller, the xHCI `assume dead` line before it adding nothing", async () => {
    const found = await findingsOf([
      "xhci_hcd 0000:01:00.0: xHCI host controller not responding, assume dead",
      "xhci_hcd 0000:01:00.0: HC died; cleaning up",
      "usb 1-1: USB disconnect, device number 2",
    ]);
    expect(found.map((f) => [f.type, f.repeats ?? 1])).toEqual([["usb-hc-died", 1]]);
  });

  it("audit backlog overflows fold per host across both wordings; the audit_lost lines add nothing", async () => {
    const found = await findingsOf([
      "audit: backlog limit exceeded",
      "audit: audit_backlog=4097 > audit_backlog_limit=4096",
      "audit: audit_lost=494217 audit_rate_limit=0 audit_backlog_limit=4096",
      "audit: audit_backlog=4097 > audit_backlog_limit=4096",
      "audit: type=1400 audit(1700000000.000:1): apparmor=\"DENIED\" operation=\"open\"",
    ]);
    expect(found.map((f) => [f.title, f.repeats ?? 1])).toEqual([["audit: backlog limit exceeded", 3]]);
  });

  it("hw csum failures fold per device, take the release from the task line under them, and their stacks open no report", async () => {
    const report = (dev: string, s: number) => [
      `Aug 13 10:00:0${s} n1 kernel: ${dev}: hw csum failure`,
      `Aug 13 10:00:0${s} n1 kernel: CPU: 3 PID: 24 Comm: ksoftirqd/3 Not tainted 4.14.62 #0`,
      `Aug 13 10:00:0${s} n1 kernel: Call trace:`,
      `Aug 13 10:00:0${s} n1 kernel: [<ffffff8008546db8>] dump_stack+0x9c/0xbc`,
      `Aug 13 10:00:0${s} n1 kernel: [<ffffff800842a228>] netdev_rx_csum_fault+0x38/0x48`,
      `Aug 13 10:00:0${s} n1 kernel: [<ffffff800841dc14>] __skb_checksum_complete+0x6c/0xc0`,
      `Aug 13 10:00:0${s} n1 kernel: [<ffffff8008502f80>] tcp_v6_rcv+0x1d8/0x10e0`,
    ];
    const text = [...report("eth0", 1), ...report("eth0", 2), ...report("eth1", 3)].join("\n") + "\n";
    const inc = await triage([{ name: "messages", data: enc.encode(text) }], { now: new Date("2024-09-01T00:00:00Z") });
    expect(inc.findings.map((f) => [f.title, f.details?.device, f.repeats ?? 1, f.kernelRelease])).toEqual([
      ["hw csum failure", "eth0", 2, "4.14.62"],
      ["hw csum failure", "eth1", 1, "4.14.62"],
    ]);
  });

  it("a bridge's own-address lines fold per bridge whatever port they come in on, each line counted", async () => {
    const line = (s: number, br: string, port: string) =>
      `Aug 13 10:00:0${s} n1 kernel: ${br}: received packet on ${port} with own address as source address`;
    const text = [line(1, "br-lan", "eth0"), line(2, "br-lan", "wlan0-1"), line(3, "br-lan", "eth0"), line(4, "cni0", "veth1")].join("\n") + "\n";
    const inc = await triage([{ name: "messages", data: enc.encode(text) }], { now: new Date("2024-09-01T00:00:00Z") });
    expect(inc.findings.map((f) => [f.type, f.details?.bridge, f.repeats ?? 1])).toEqual([
      ["bridge-own-address-as-source", "br-lan", 3],
      ["bridge-own-address-as-source", "cni0", 1],
    ]);
  });

  it("a NIC link down once or twice per device and boot is a timeline marker, three times a flapping link", async () => {
    const text = (lines: string[]) => lines.map((l, i) => `Aug 13 10:00:0${i} n1 kernel: ${l}`).join("\n") + "\n";
    const twice = ["igc 0000:04:00.0 eth1: NIC Link is Down", "igc 0000:04:00.0 eth2: NIC Link is Down", "igc 0000:04:00.0 eth1: NIC Link is Down"];
    const inc = await triage([{ name: "messages", data: enc.encode(text(twice)) }], { now: new Date("2024-09-01T00:00:00Z") });
    expect(inc.findings).toEqual([]);
    expect(inc.events.filter((e) => e.kind === "warning").map((e) => [e.source.line, e.label])).toEqual([
      [1, "igc 0000:04:00.0 eth1: NIC Link is Down"],
      [2, "igc 0000:04:00.0 eth2: NIC Link is Down"],
      [3, "igc 0000:04:00.0 eth1: NIC Link is Down"],
    ]);
    // Across rotated files of one node, the runs add up before the threshold is read.
    const rotated = await triage(
      [
        { name: "messages.1", data: enc.encode(text(twice.slice(0, 1))) },
        { name: "messages", data: enc.encode(text(twice)) },
      ],
      { now: new Date("2024-09-01T00:00:00Z") },
    );
    expect(rotated.findings.map((f) => [f.title, f.repeats, f.details?.device])).toEqual([["igc: NIC link flapping", 3, "eth1"]]);
  });

  it("a kubelet start's few `pleg has yet to be successful` lines are no finding; a run that goes on is", async () => {
    const line = (l: string) => `Dec 09 08:39:16 pi4red k3s[369]: ${l}`;
    const notYet = 'E1209 08:39:16.796543     369 kubelet.go:1765] "Skipping pod synchronization" err="[container runtime status check may not have completed yet, PLEG is not healthy: pleg has yet to be successful]"';
    const start = [line("I1209 08:39:16.795729     369 kubelet.go:1741] Starting kubelet main sync loop."), ...Array.from({ length: 4 }, () => line(notYet))];
    const run = async (lines: string[]) =>
      (await triage([{ name: "journal", data: enc.encode(lines.join("\n") + "\n") }], { now: new Date("2021-01-01T00:00:00Z") })).findings.map((f) => [f.type, f.repeats ?? 1]);
    expect(await run(start)).toEqual([]);
    expect(await run([...start, ...Array.from({ length: 6 }, () => line(notYet))])).toEqual([["kubelet-pleg-not-yet-successful", 10]]);
    // A start-up run does not lift a later relist stall over any threshold, nor hide it: that one is a finding alone.
    const stalled = line('E1209 09:39:16.796543     369 kubelet.go:2185] "Skipping pod synchronization" err="PLEG is not healthy: pleg was last seen active 3m5.3s ago; threshold is 3m0s"');
    expect(await run([...start, stalled])).toEqual([["kubelet-pleg-unhealthy", 1]]);
  });

  it("e1000e's reset after its own hang dump is that hang's reset, not a second finding", async () => {
    const found = await findingsOf([
      "e1000e 0000:00:19.0 eth0: Detected Hardware Unit Hang:",
      "e1000e 0000:00:19.0 eth0: Detected Hardware Unit Hang:",
      "e1000e 0000:00:19.0 eth0: Detected Hardware Unit Hang:",
      "e1000e 0000:00:19.0 eth0: Reset adapter unexpectedly",
    ]);
    expect(found.map((f) => f.type)).toEqual(["nic-unit-hang"]);
  });

  it("a line that only mentions a link state is no NIC link event", async () => {
    expect(await findingsOf(["pcieport 0000:00:1c.0: pciehp: Slot(2): Link Down", "pcieport 0000:00:1c.0: pciehp: Slot(2): Link Down", "pcieport 0000:00:1c.0: pciehp: Slot(2): Link Down"])).toEqual([]);
    expect(await findingsOf(["bond0: Link is Down for eth1 because the peer said so", "bond0: Link is Down for eth1 because the peer said so", "bond0: Link is Down for eth1 because the peer said so"])).toEqual([]);
  });

  it("systemd's note on the unit systemd-oomd killed is that kill again, not a second finding", async () => {
    const found = await findingsOf([
      "Aug 13 10:00:00 n1 systemd-oomd[840]: Killed /user.slice/user-1000.slice/user@1000.service/app.slice/a.scope due to memory pressure for /user.slice/user-1000.slice/user@1000.service being 61.00% > 50.00% for > 20s with reclaim activity",
      "Aug 13 10:00:00 n1 systemd[1837]: a.scope: systemd-oomd killed 3 process(es) in this unit.",
    ]);
    expect(found.map((f) => f.type)).toEqual(["systemd-oomd-pressure-kill"]);
  });

  it("systemd's OOM-killer note after the kernel's kill line is that kill, whichever cgroup ran out", async () => {
    // The note does not say whether a memory cgroup or the machine ran out: it continues a kill of either fold key.
    for (const kill of [
      "Aug 13 10:00:00 n1 kernel: Memory cgroup out of memory: Killed process 4242 (java) total-vm:100kB, anon-rss:50kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:8kB oom_score_adj:0",
      "Aug 13 10:00:00 n1 kernel: Out of memory: Killed process 4242 (java) total-vm:100kB, anon-rss:50kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:8kB oom_score_adj:0",
    ]) {
      const found = await findingsOf([
        kill,
        "Aug 13 10:00:01 n1 systemd[1]: app.service: A process of this unit has been killed by the OOM killer.",
        "Aug 13 10:00:01 n1 systemd[1]: system.slice: A process of this unit has been killed by the OOM killer.",
      ]);
      expect(found.map((f) => f.type)).toEqual(["oom-kill"]);
    }
    // alone, the notes up the cgroup tree are one kill
    const alone = await findingsOf([
      "Aug 13 10:00:01 n1 systemd[1]: app.service: A process of this unit has been killed by the OOM killer.",
      "Aug 13 10:00:01 n1 systemd[1]: system.slice: A process of this unit has been killed by the OOM killer.",
    ]);
    expect(alone.map((f) => f.type)).toEqual(["systemd-unit-oom-killed"]);
  });

  it("a container state that only mentions OOMKilled in prose is no finding", async () => {
    expect(await findingsOf(["Reason:       Error", "alert when a pod is OOMKilled", "Reason: the pod was OOMKilled twice"], "kubectl")).toEqual([]);
  });

  it("a /proc status dump's VmRSS line is no earlyoom kill", async () => {
    expect(await findingsOf(["VmRSS:\t   43912 kB", 'process 906175 "java": VmRSS 43912 MiB'], "earlyoom[1]")).toEqual([]);
  });

  it("cache_from_obj's wrong-cache line alone is a finding; with the WARNING it printed, the WARNING is", async () => {
    const line = "cache_from_obj: Wrong slab cache. kmalloc-256 but object is from kmem_cache(3532:ef171cc37418c037)";
    const alone = await findingsOf([line, line]);
    expect(alone.map((f) => [f.type, f.title, f.repeats ?? 1])).toEqual([["slab-wrong-cache", "cache_from_obj: Wrong slab cache", 2]]);
    expect(alone[0].details).toMatchObject({ cache: "kmalloc-256", objectCache: "kmem_cache(3532:ef171cc37418c037)" });
    const withWarning = await findingsOf([
      "[  100.000001] cache_from_obj: Wrong slab cache. kmalloc-64 but object is from kmalloc-32",
      "[  100.000002] ------------[ cut here ]------------",
      "[  100.000003] WARNING: CPU: 1 PID: 4 at mm/slab.h:525 kmem_cache_free+0x1f3/0x220",
      "[  100.000004] CPU: 1 PID: 4 Comm: kworker/1:0 Not tainted 5.4.0-42-generic #46-Ubuntu",
      "[  100.000005] RIP: 0010:kmem_cache_free+0x1f3/0x220",
      "[  100.000006] Call Trace:",
      "[  100.000007]  ovl_destroy_inode+0x41/0x60 [overlay]",
      "[  100.000008]  destroy_inode+0x3e/0x60",
      "[  100.000009] ---[ end trace 0e36d3ba0fb2a0f6 ]---",
    ]);
    expect(withWarning.map((f) => f.kind)).toEqual(["warning"]);
  });

  it("a sentence that only says `due to memory pressure` without a cgroup path is no oomd kill", async () => {
    const found = await findingsOf(["Killed worker due to memory pressure for the cache"], "myapp[12]");
    expect(found).toEqual([]);
  });

  it("an EDAC decode right after the bare MCE notice is the finding; a decoded MCE stays one of its own", async () => {
    const decoded = await findingsOf([
      "mce: [Hardware Error]: Machine check events logged",
      "EDAC sbridge MC0: HANDLING MCE MEMORY ERROR",
      "EDAC MC0: 1 CE memory read error on CPU_SrcID#0_Ha#0_Chan#2_DIMM#0 (channel:2 slot:0 page:0x849923)",
    ]);
    expect(decoded.map((f) => [f.type, f.title])).toEqual([["edac-memory-error", "EDAC: corrected memory error"]]);
    const alone = await findingsOf(["mce: [Hardware Error]: Machine check events logged", "eth0: link up"]);
    expect(alone.map((f) => f.type)).toEqual(["mce-events-logged"]);
    const cpu = await findingsOf([
      "mce: [Hardware Error]: CPU 0: Machine Check: 0 Bank 5: bea0000000000108",
      "EDAC MC0: 1 CE memory read error on CPU_SrcID#0_Ha#0_Chan#2_DIMM#0 (channel:2 slot:0 page:0x849923)",
    ]);
    expect(cpu.map((f) => f.type)).toEqual(["mce-hardware-error", "edac-memory-error"]);
  });

  it("ras-mc-ctl --errors rows pasted as they print (no syslog prefix) fold into one EDAC finding", async () => {
    const rows = [
      "72 2022-10-16 08:54:38 +0000 1 Corrected error(s): memory read error at CPU_SrcID#1_MC#1_Chan#1_DIMM#0 location: 3:1:0:-1, addr 469810184128, grain 5, syndrome 0",
      "73 2022-10-16 09:00:11 +0000 1 Corrected error(s): memory read error at CPU_SrcID#1_MC#1_Chan#1_DIMM#0 location: 3:1:0:-1, addr 468819279808, grain 5, syndrome 0",
    ];
    const inc = await triage([{ name: "ras-mc-ctl.txt", data: enc.encode(rows.join("\n") + "\n") }], { now: new Date("2024-09-01T00:00:00Z") });
    expect(inc.findings.map((f) => [f.type, f.title, f.repeats ?? 1])).toEqual([["rasdaemon-mc-event", "EDAC: corrected memory error", 2]]);
  });

  it("a GHES record of another section (or a paste without the severity) stays one machine check; two records fold by what they are", async () => {
    const pcie = await findingsOf([
      "{3}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 1",
      "{3}[Hardware Error]: event severity: recoverable",
      "{3}[Hardware Error]:  Error 0, type: recoverable",
      "{3}[Hardware Error]:   section_type: PCIe error",
      "{3}[Hardware Error]:   port_type: 4, root port",
    ]);
    expect(pcie.map((f) => [f.type, f.title])).toEqual([["ghes-record", "MCE: hardware error"]]);
    const twoMemory = await findingsOf([
      "{4}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 1",
      "{4}[Hardware Error]: event severity: fatal",
      "{4}[Hardware Error]:   section_type: memory error",
      "{5}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 1",
      "{5}[Hardware Error]: event severity: fatal",
      "{5}[Hardware Error]:   section_type: memory error",
    ]);
    expect(twoMemory.map((f) => [f.type, f.title, f.repeats ?? 1])).toEqual([["ghes-record", "EDAC: uncorrectable memory error", 2]]);
  });

  it("a forced XFS shutdown for an I/O error keeps the shutdown title; an AMD-Vi line without device still counts", async () => {
    const io = await findingsOf(["XFS (sda1): xfs_do_force_shutdown(0x2) called from line 1172 of file fs/xfs/xfs_log.c. Return address = 0xffffffffa01b2c3d"]);
    expect(io.map((f) => f.title)).toEqual(["XFS: filesystem has been shut down"]);
    const vi = await findingsOf(["nvme 0000:01:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000d address=0xfffffffdf8000000 flags=0x0008]"]);
    expect(vi.map((f) => f.type)).toEqual(["amd-vi-io-page-fault"]);
  });

  it("a 3.x–4.x AMD-Vi event printed apart from its `Event logged [` line counts per device", async () => {
    const split = await findingsOf([
      "AMD-Vi: Event logged [",
      "IO_PAGE_FAULT device=05:00.0 domain=0x0012 address=0x00000000ff6101b0 flags=0x0070]",
      "AMD-Vi: Event logged [",
      "IO_PAGE_FAULT device=05:00.0 domain=0x0012 address=0x00000000ff6101c0 flags=0x0070]",
      "AMD-Vi: Event logged [",
      "INVALID_DEVICE_REQUEST device=00:00.1 address=0x000000fdf8000020 flags=0x0a00]",
    ]);
    expect(split.map((f) => [f.type, f.title, f.repeats ?? 1, f.details?.device])).toEqual([["amd-vi-io-page-fault", "AMD-Vi: IO page fault", 2, "05:00.0"]]);
  });

  it("an irq nobody claimed takes its release from the task line under it", async () => {
    const irq = await findingsOf([
      'irq 21: nobody cared (try booting with the "irqpoll" option)',
      "CPU: 0 PID: 789 Comm: obmc-console-se Not tainted 4.7.10-00298-gd90303c916a7 #578",
      "Hardware name: ASpeed SoC",
      "[<80108ae0>] (unwind_backtrace) from [<801065c0>] (show_stack+0x20/0x24)",
    ]);
    expect(irq.map((f) => [f.type, f.title, f.kernelRelease])).toEqual([["irq-nobody-cared", "irq: nobody cared", "4.7.10-00298-gd90303c916a7"]]);
  });

  it("MES failing after a ring timeout is that timeout's reset, not a second finding; alone it is the finding", async () => {
    const after = await findingsOf([
      "amdgpu 0000:03:00.0: amdgpu: ring gfx_0.0.0 timeout, signaled seq=7292300, emitted seq=7292304",
      "amdgpu 0000:03:00.0: amdgpu: Starting gfx_0.0.0 ring reset",
      "amdgpu 0000:03:00.0: amdgpu: MES failed to respond to msg=RESET",
    ]);
    expect(after.map((f) => [f.title, f.repeats ?? 1])).toEqual([["amdgpu: ring timeout", 1]]);
    const alone = await findingsOf(["amdgpu 0000:03:00.0: amdgpu: MES failed to respond to msg=REMOVE_QUEUE"]);
    expect(alone.map((f) => f.title)).toEqual(["amdgpu: MES firmware not responding"]);
  });

  it("ceph: a daemon's failed connects fold per daemon over the wordings; idle closes of open sessions are routine", async () => {
    const found = await findingsOf([
      "libceph: mon0 (1)10.105.47.74:6789 connect error",
      "libceph: osd0 (1)10.244.0.211:6801 socket closed (con state V1_BANNER)",
      "libceph: connect (1)10.105.47.74:6789 error -1",
      "libceph: mon0 (1)10.105.47.74:6789 socket closed (con state CONNECTING)",
      "libceph: osd2 (1)10.0.0.249:6801 socket closed (con state OPEN)",
      "libceph: mon2 (1)10.0.0.247:6789 session lost, hunting for new mon",
    ]);
    expect(found.map((f) => [f.title, f.details?.daemon, f.repeats])).toEqual([
      ["libceph: monitor connection failed", "mon0", 2],
      ["libceph: OSD connection failed", "osd0", 1],
    ]);
  });

  it("ZFS: a pool's MMP suspension and its uncorrectable-I/O suspension are one finding per pool", async () => {
    const found = await findingsOf([
      "WARNING: MMP writes to pool 'Pool-0' have not succeeded in over 5s; suspending pool",
      "WARNING: Pool 'Pool-0' has encountered an uncorrectable I/O failure and has been suspended.",
      "WARNING: Pool 'tank' has encountered an uncorrectable I/O failure and has been suspended.",
    ]);
    expect(found.map((f) => [f.title, f.details?.pool, f.repeats])).toEqual([
      ["zfs: pool suspended", "Pool-0", 2],
      ["zfs: pool suspended", "tank", 1],
    ]);
  });

  it("ZFS: failed I/O records are one finding per pool and vdev, each printed line counted", async () => {
    // The only kernel lines of disks pulled from an imported pool (openzfs/zfs#12949): no block-layer line names them.
    const found = await findingsOf([
      "zio pool=tank vdev=/dev/sds1 error=5 type=2 offset=793141485568 size=4096 flags=180880",
      "zio pool=tank vdev=/dev/sdt1 error=5 type=2 offset=793141489664 size=4096 flags=180880",
      "zio pool=tank vdev=/dev/sds1 error=5 type=1 offset=270336 size=8192 flags=b08c1",
    ]);
    expect(found.map((f) => [f.kind, f.title, f.details?.vdev, f.repeats])).toEqual([
      ["io-error", "zfs: vdev I/O error", "/dev/sds1", 2],
      ["io-error", "zfs: vdev I/O error", "/dev/sdt1", 1],
    ]);
  });

  it("overlayfs: a layer in use only warns with index=off (the mount goes on): no finding", async () => {
    const found = await findingsOf([
      "overlayfs: upperdir is in-use by another mount, accessing files from both mounts will result in undefined behavior.",
      "overlayfs: lowerdir is in-use as upperdir/workdir of another mount, accessing files from both mounts will result in undefined behavior.",
    ]);
    expect(found).toEqual([]);
  });

  it("an old SCSI address's timeout and offlining fold per address; qla2xxx aborts count per nexus", async () => {
    const found = await findingsOf([
      "qla2xxx 0000:06:00.0: scsi(0:10:0): Abort command issued -- 1 10fb 2002.",
      "qla2xxx 0000:06:00.0: scsi(0:10:0): Abort command issued -- 1 10fb 2002.",
      "st 0:0:10:0: scsi: Device offlined - not ready after error recovery",
      "st 0:0:10:0: timing out command, waited 14000s",
    ]);
    expect(found.map((f) => [f.title, f.repeats])).toEqual([
      ["scsi: command timed out, task abort", 2],
      ["scsi: device offlined", 2],
    ]);
  });

  it("hv_storvsc: a failed command the SCSI midlayer then offlines the disk for is that offlining; TEST_UNIT_READY is no finding", async () => {
    const guid = "f8b3781b-1e82-4818-a1c3-63d806ec15bb";
    const offlined = await findingsOf([
      `hv_storvsc ${guid}: tag#59 cmd 0x28 status: scsi 0x2 srb 0xa hv 0xc0000001`,
      `hv_storvsc ${guid}: tag#59 cmd 0x3 status: scsi 0x0 srb 0x20 hv 0xc0000001`,
      "sd 1:0:0:0: Device offlined - not ready after error recovery",
    ]);
    expect(offlined.map((f) => f.type)).toEqual(["scsi-device-offlined"]);
    expect(await findingsOf([`hv_storvsc ${guid}: tag#0 cmd 0x0 status: scsi 0x2 srb 0x4 hv 0xc0000001`])).toEqual([]);
  });

  it("no irq handler for a vector: 2.6–4.x `(irq -1)` and 5.8+ common_interrupt wordings fold per CPU and vector; Xen's own line is not it", async () => {
    const found = await findingsOf([
      "do_IRQ: 8.207 No irq handler for vector (irq -1)",
      "__common_interrupt: 0.41 No irq handler for vector",
      "__common_interrupt: 0.41 No irq handler for vector",
    ]);
    expect(found.map((f) => [f.type, f.details?.cpu, f.details?.vector, f.repeats ?? 1])).toEqual([
      ["x86-no-irq-handler-for-vector", 8, 207, 1],
      ["x86-no-irq-handler-for-vector", 0, 41, 2],
    ]);
    const inc = await triage([{ name: "xen", data: enc.encode("(XEN) CPU1: No irq handler for vector 4f (IRQ -22, LAPIC)\n") }], { now: new Date("2024-09-01T00:00:00Z") });
    expect(inc.findings).toEqual([]);
  });

  it("the firmware loader's own miss is no NIC finding; the driver's failure line is, once per interface", async () => {
    const loaderOnly = await findingsOf(["bnx2x 0000:02:00.1: Direct firmware load for bnx2x/bnx2x-e1h-7.12.30.0.fw failed with error -2"]);
    expect(loaderOnly).toEqual([]);
    const found = await findingsOf([
      "bnx2x 0000:02:00.1: Direct firmware load for bnx2x/bnx2x-e1h-7.12.30.0.fw failed with error -2",
      "bnx2x: [bnx2x_init_firmware:13406(enp2s0f1)]Can't load firmware file bnx2x/bnx2x-e1h-7.12.30.0.fw",
      "bnx2x: [bnx2x_func_hw_init:5785(enp2s0f1)]Error loading firmware",
      "bnx2x: [bnx2x_nic_load:2745(enp2s0f1)]HW init failed, aborting",
      "bnx2x: [bnx2x_init_firmware:13406(enp2s0f0)]Can't load firmware file bnx2x/bnx2x-e1h-7.12.30.0.fw",
      "bnx2x: [bnx2x_init_firmware:13406(enp2s0f1)]Can't load firmware file bnx2x/bnx2x-e1h-7.12.30.0.fw",
    ]);
    expect(found.map((f) => [f.title, f.details?.device, f.repeats])).toEqual([
      ["bnx2x: NIC firmware file missing", "enp2s0f1", 2],
      ["bnx2x: NIC firmware file missing", "enp2s0f0", 1],
    ]);
  });

  it("an HBA firmware fault folds per adapter over its repeats; the diag reset and re-init banner add nothing", async () => {
    const found = await findingsOf([
      "mpt2sas0: fault_state(0x5841)!",
      "mpt2sas0: sending diag reset !!",
      "mpt2sas0: diag reset: SUCCESS",
      "mpt2sas0: LSISAS2008: FWVersion(08.00.09.00), ChipRevision(0x03), BiosVersion(07.15.00.00)",
      "mpt2sas0: fault_state(0x5841)!",
      "mpt2sas1: fault_state(0x2622)!",
    ]);
    expect(found.map((f) => [f.title, f.details?.adapter, f.repeats])).toEqual([
      ["mpt2sas: HBA firmware fault", "mpt2sas0", 2],
      ["mpt2sas: HBA firmware fault", "mpt2sas1", 1],
    ]);
  });

  it("bnxt's non-fatal firmware reset (an update, a live patch) is routine: no finding", async () => {
    const found = await findingsOf(["bnxt_en 0000:40:00.0 eno12399np0: Non-fatal firmware reset event, data1: 0x100, data2: 0x0, min wait 0 ms, max wait 0 ms"]);
    expect(found).toEqual([]);
  });

  it("every finding rule has a row here", () => {
    const covered = new Set(ROWS.map((r) => r.rule));
    const missing = PROBLEM_EVENT_RULES.filter((r) => !r.timelineOnly && !covered.has(r.id)).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it("folds repeats per device, keeps different devices apart", async () => {
    const found = await findingsOf([
      "unregister_netdevice: waiting for eth0 to become free. Usage count = 1",
      "unregister_netdevice: waiting for eth0 to become free. Usage count = 3",
      "unregister_netdevice: waiting for veth12 to become free. Usage count = 1",
      "unregister_netdevice: waiting for eth0 to become free. Usage count = 2",
    ]);
    expect(found.map((f) => [f.details?.device, f.repeats, f.details?.usageCount])).toEqual([
      ["eth0", 3, 3],
      ["veth12", 1, 1],
    ]);
  });

  it("an iSCSI ping timeout and the connection error it causes are one finding per connection", async () => {
    const found = await findingsOf([
      " connection1:0: ping timeout of 5 secs expired, recv timeout 5, last rx 4295, last ping 4300, now 4305",
      " connection1:0: detected conn error (1022)",
      " connection2:0: ping timeout of 5 secs expired, recv timeout 5, last rx 4295, last ping 4300, now 4305",
    ]);
    expect(found.map((f) => [f.kind, f.title, f.repeats])).toEqual([
      ["io-error", "iscsi: connection error", 2],
      ["io-error", "iscsi: connection error", 1],
    ]);
  });

  it("btrfs error counters: the mount-time record and a later failure's counter line are the device's one finding", async () => {
    // The error-level counter line is the btrfs-error row's (a new failure); the info one only the record's: no line twice.
    const found = await findingsOf([
      "BTRFS info (device sda1): bdev /dev/sda1 errs: wr 0, rd 0, flush 0, corrupt 2, gen 0",
      "BTRFS error (device sda1): bdev /dev/sda1 errs: wr 0, rd 0, flush 0, corrupt 3, gen 0",
    ]);
    expect(found.map((f) => [f.kind, f.repeats])).toEqual([["fs-error", 2]]);
  });

  it("an NVMe/TCP keep-alive timeout and the error recovery it starts are one finding per controller", async () => {
    const found = await findingsOf([
      "nvme nvme4: queue 0: timeout request 0x0 type 4",
      "nvme nvme4: starting error recovery",
      "nvme nvme2: queue 0: timeout request 0x0 type 4",
      "nvme nvme2: starting error recovery",
      "block nvme2n2: no usable path - requeuing I/O",
    ]);
    expect(found.map((f) => [f.title, f.details?.device, f.repeats ?? 1])).toEqual([
      ["nvme-fabrics: command timeout", "nvme4", 2],
      ["nvme-fabrics: command timeout", "nvme2", 2],
    ]);
  });

  it("SYN flooding folds per listening port; a run of orphan-limit lines is one finding", async () => {
    const found = await findingsOf([
      "TCP: request_sock_TCP: Possible SYN flooding on port 8080. Sending cookies.  Check SNMP counters.",
      "TCP: request_sock_TCP: Possible SYN flooding on port 25565. Sending cookies.  Check SNMP counters.",
      "TCP: request_sock_TCP: Possible SYN flooding on port 25565. Sending cookies.  Check SNMP counters.",
      "net_ratelimit: 280 callbacks suppressed",
      "TCP: too many orphaned sockets",
      "TCP: too many orphaned sockets",
    ]);
    expect(found.map((f) => [f.title, f.details?.port, f.repeats ?? 1])).toEqual([
      ["TCP: Possible SYN flooding on port NUM", "8080", 1],
      ["TCP: Possible SYN flooding on port NUM", "25565", 2],
      ["TCP: too many orphaned sockets", undefined, 2],
    ]);
  });

  it("libata: a boot's link reset and a hot unplug's `disabled` are routine; lowering the link speed is a finding", async () => {
    const boot = ["ata1: hard resetting link", "ata1: SATA link up 6.0 Gbps (SStatus 133 SControl 300)", "ata1.00: configured for UDMA/133"];
    expect(await findingsOf([...boot, "ata1: SATA link down (SStatus 0 SControl 300)", "ata1.00: disabled"])).toEqual([]);
    const found = await findingsOf([...boot, "ata1: hard resetting link", "ata1: limiting SATA link speed to 3.0 Gbps", "ata1.00: disabled", "ata1: EH complete"]);
    expect(found.map((f) => f.title)).toEqual(["ata: link speed limited after errors"]);
  });

  it("a whole allocation-failure report is one finding: warn_alloc in its stack is no second, cut one", async () => {
    const found = await findingsOf([
      "java: page allocation failure: order:4, mode:0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO)",
      "CPU: 7 PID: 111104 Comm: java Not tainted 5.15.0-91-generic #101-Ubuntu",
      "Call Trace:",
      " dump_stack_lvl+0x4a/0x63",
      " warn_alloc+0x140/0x160",
      " __alloc_pages_slowpath+0x25f/0xbb0",
    ]);
    expect(found.map((f) => f.title)).toEqual(["page allocation failure: order:4"]);
    expect(found[0].kernelRelease).toBe("5.15.0-91-generic");
  });
  it("a cut allocation-failure report takes its release from the task line left above the stack", async () => {
    const found = await findingsOf([
      "CPU: 0 PID: 34 Comm: kworker/0:1 Tainted: G         C         6.1.66-2-rpi-ARCH #1",
      "Hardware name: BCM2711",
      " show_stack from dump_stack_lvl+0x90/0xac",
      " dump_stack_lvl from warn_alloc+0x110/0x19c",
    ]);
    expect(found.map((f) => [f.kind, f.kernelRelease])).toEqual([["page-alloc-failure", "6.1.66-2-rpi-ARCH"]]);
  });
  it("warn_alloc deeper in another stack (not dump_stack's caller) is no allocation failure", async () => {
    const found = await findingsOf(["Call Trace:", " schedule+0x29/0x70", " warn_alloc+0x140/0x160", " __alloc_pages_slowpath+0x25f/0xbb0"]);
    expect(found.filter((f) => f.kind === "page-alloc-failure")).toHaveLength(0);
  });
  it("a sanitizer report raised inside warn_alloc's dump_stack is that report, not a cut allocation failure", async () => {
    const found = await findingsOf([
      "BUG: KMSAN: use of uninitialized memory in show_trace_log_lvl+0xda4/0x1030 arch/x86/kernel/dumpstack.c:203",
      "CPU: 1 PID: 4975 Comm: syz-executor1 Not tainted 4.16.0-rc4+ #60",
      "Call Trace:",
      " dump_stack+0x14a/0x1d0 lib/dump_stack.c:53",
      " kmsan_report+0x142/0x1f0 mm/kmsan/kmsan.c:1093",
      " show_stack+0xfc/0x150 arch/x86/kernel/dumpstack.c:236",
      " dump_stack+0x185/0x1d0 lib/dump_stack.c:53",
      " warn_alloc+0x401/0x660 mm/page_alloc.c:3317",
    ]);
    expect(found.filter((f) => f.kind === "page-alloc-failure")).toHaveLength(0);
  });
  it("an OOM report's first line is no finding of its own when its kill line follows", async () => {
    const found = await findingsOf(["java invoked oom-killer: gfp_mask=0x6200ca, order=0, oom_score_adj=0", "Out of memory: Killed process 1234 (java) total-vm:8000kB"]);
    expect(found.map((f) => f.type)).toEqual(["oom-kill"]);
  });

  it("an OOM's one-line summary is the finding only when no kill line follows it", async () => {
    const summary = "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/x.service,task=java,pid=1234,uid=0";
    const alone = await findingsOf([summary]);
    expect(alone.map((f) => [f.type, f.title, f.details?.memcg])).toEqual([["oom-kill-summary", "OOM: out of memory", false]]);
    const withKill = await findingsOf([
      "java invoked oom-killer: gfp_mask=0x6200ca, order=0, oom_score_adj=0",
      summary,
      "Out of memory: Killed process 1234 (java) total-vm:8000kB",
    ]);
    expect(withKill.map((f) => f.type)).toEqual(["oom-kill"]);
  });

  it("nf_conntrack lines wrapped after `table full,` (a narrow terminal, a mail client) count as the whole line", async () => {
    const found = await findingsOf([
      "Aug 13 10:00:00 n1 kernel: [38775494.393661] nf_conntrack: table full,",
      "dropping packet",
      "Aug 13 10:00:01 n1 kernel: [38775494.494836] nf_conntrack: table full,",
      "dropping packet",
      "Aug 13 10:00:02 n1 kernel: [38775494.495169] nf_conntrack: table full, dropping packet",
      "Aug 13 10:00:03 n1 kernel: ip_conntrack: table full, dropping packet.",
    ]);
    expect(found.map((f) => [f.type, f.host, f.repeats])).toEqual([["conntrack-table-full", "n1", 4]]);
    // A message that only quotes the words is not it.
    expect(await findingsOf(["myapp: routing table full, retrying"], "myapp[1]")).toEqual([]);
  });

  it("NFS: one finding per server, folded; a soft mount's `timed out` says so", async () => {
    const found = await findingsOf([
      "nfs: server 10.0.0.27 not responding, still trying",
      "nfs: server 10.0.0.27 not responding, still trying",
      "nfs: server filer2 not responding, timed out",
      "nfs: server 10.0.0.27 OK",
    ]);
    expect(found.map((f) => [f.title, f.details?.server, f.details?.softMount, f.repeats ?? 1])).toEqual([
      ["nfs: server not responding", "10.0.0.27", false, 2],
      ["nfs: server not responding", "filer2", true, 1],
    ]);
  });

  it("the NETDEV WATCHDOG line of a dev_watchdog WARNING is that WARNING, not a second finding", async () => {
    const found = await findingsOf([
      "------------[ cut here ]------------",
      "WARNING: CPU: 0 PID: 0 at net/sched/sch_generic.c:467 dev_watchdog+0x24f/0x260",
      "NETDEV WATCHDOG: eth0 (r8169): transmit queue 0 timed out",
      "RIP: 0010:dev_watchdog+0x24f/0x260",
      "Call Trace:",
      " <IRQ>",
      " call_timer_fn+0x29/0x120",
      " run_timer_softirq+0x1d5/0x3f0",
      " __do_softirq+0xd1/0x28c",
    ]);
    expect(found.map((f) => f.title)).toEqual(["WARNING in dev_watchdog"]);
  });

  it("a journal abort followed by the EXT4-fs error that caused it is that one error, not a second finding", async () => {
    const found = await findingsOf([
      "Aborting journal on device dm-4-8.",
      "EXT4-fs error (device dm-4): ext4_journal_check_start:56: Detected aborted journal",
      "EXT4-fs (dm-4): Remounting filesystem read-only",
    ]);
    expect(found.map((f) => [f.type, f.title])).toEqual([["ext4-error", "EXT4-fs error in ext4_journal_check_start"]]);
  });

  it("unwritten extents ext4 could not convert after an EXT4-fs error are that error's aftermath; alone they are the finding", async () => {
    const after = await findingsOf([
      "EXT4-fs error (device nvme0n1p1): ext4_journal_check_start:83: comm kworker/u16:3: Detected aborted journal",
      "EXT4-fs (nvme0n1p1): Remounting filesystem read-only",
      "EXT4-fs (nvme0n1p1): failed to convert unwritten extents to written extents -- potential data loss!  (inode 15990793, error -30)",
      "EXT4-fs (nvme0n1p1): failed to convert unwritten extents to written extents -- potential data loss!  (inode 15990793, error -30)",
    ]);
    expect(after.map((f) => [f.type, f.title])).toEqual([["ext4-error", "EXT4-fs error in ext4_journal_check_start"]]);
    const alone = await findingsOf([
      "EXT4-fs (sdg): failed to convert unwritten extents to written extents -- potential data loss!  (inode 262194, error -30)",
      "EXT4-fs (sdg): failed to convert unwritten extents to written extents -- potential data loss!  (inode 262195, error -30)",
    ]);
    expect(alone.map((f) => [f.type, f.kind, f.repeats])).toEqual([["ext4-unwritten-extents-lost", "fs-error", 2]]);
  });

  it("a SCSI sense error followed by the block layer's line for the request is that block error; a routine sense key is none", async () => {
    const found = await findingsOf([
      "sd 3:0:0:1: [sde] tag#40 Sense Key : Medium Error [current]",
      "sd 3:0:0:1: [sde] tag#40 Add. Sense: Unrecovered read error",
      "print_req_error: critical medium error, dev sde, sector 3262904",
    ]);
    expect(found.map((f) => [f.type, f.title, f.repeats])).toEqual([["block-status-error", "block: I/O error", 1]]);
    expect(await findingsOf(["sd 6:0:0:0: [sdb] Sense Key : Not Ready [current]", "sd 6:0:0:0: [sdb] Add. Sense: Medium not present"])).toEqual([]);
  });

  it("a request the device failed is a block error whatever its status; one the driver did not support or could not take now is none", async () => {
    const offline = await findingsOf([
      "device offline error, dev sdf, sector 1005856 op 0x1:(WRITE) flags 0x0 phys_seg 67 prio class 0",
      "device offline error, dev sdf, sector 274448 op 0x1:(WRITE) flags 0x0 phys_seg 4 prio class 0",
    ]);
    expect(offline.map((f) => [f.type, f.title, f.repeats])).toEqual([["block-status-error", "block: I/O error", 2]]);
    expect(await findingsOf(["operation not supported error, dev sda, sector 0 op 0x3:(DISCARD) flags 0x800 phys_seg 1 prio class 2"])).toEqual([]);
    expect(await findingsOf(["kernel resource error, dev nvme0n1, sector 2048 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 2"])).toEqual([]);
  });

  it("a command the midlayer failed because the disk is gone is an I/O error; the block layer's line after it is that error, DID_OK is none", async () => {
    const alone = await findingsOf([
      "sdd: detected capacity change from 8001563222016 to 0",
      "sd 9:0:0:0: [sdd] tag#25 FAILED Result: hostbyte=DID_BAD_TARGET driverbyte=DRIVER_OK",
      "sd 9:0:0:0: [sdd] tag#25 CDB: ATA command pass through(16) 85 06 2c 00 00 00 00 00 00 00 00 00 00 00 e5 00",
      "sd 9:0:0:0: [sdd] tag#27 FAILED Result: hostbyte=DID_BAD_TARGET driverbyte=DRIVER_OK",
    ]);
    expect(alone.map((f) => [f.type, f.title, f.repeats])).toEqual([["scsi-target-gone", "block: I/O error", 2]]);
    const withBlock = await findingsOf([
      "sd 2:0:0:0: [sda] tag#28 FAILED Result: hostbyte=DID_BAD_TARGET driverbyte=DRIVER_OK",
      "sd 2:0:0:0: [sda] tag#28 CDB: Write(16) 8a 00 00 00 00 01 cb 80 b0 02 00 00 00 01 00 00",
      "print_req_error: I/O error, dev sda, sector 7709175810 flags 1001",
    ]);
    expect(withBlock.map((f) => [f.type, f.title])).toEqual([["block-io-error", "block: I/O error"]]);
    expect(await findingsOf(["sd 6:0:0:0: [sdb] tag#0 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_SENSE"])).toEqual([]);
    expect(await findingsOf(["sd 6:0:0:0: [sdb] tag#0 FAILED Result: hostbyte=DID_BUS_BUSY driverbyte=DRIVER_OK"])).toEqual([]);
  });

  it("I/O errors of a floppy drive (a probe of an empty or absent drive) are a timeline mark, a disk's are a finding", async () => {
    // markfasheh/ocfs2-tools#46 (a VM's fd0 read during a mount), ltsp/ltsp#32 (a BIOS that advertises a missing drive).
    expect(
      await findingsOf([
        "blk_update_request: I/O error, dev fd0, sector 0 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0",
        "floppy: error 10 while reading block 0",
        "print_req_error: I/O error, dev fd0, sector 0 flags 0",
        "end_request: I/O error, dev fd0, sector 0",
        "Buffer I/O error on dev fd0, logical block 0, async page read",
        "I/O error, dev fd1, sector 0 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2",
      ]),
    ).toEqual([]);
    const disk = await findingsOf(["blk_update_request: I/O error, dev fd0, sector 0", "print_req_error: I/O error, dev sdb, sector 8 flags 0"]);
    expect(disk.map((f) => [f.type, (f.details as { device?: string }).device])).toEqual([["block-io-error", "sdb"]]);
  });

  it("Xid 79 saying the GPU fell off the bus is that finding, not an Xid of its own", async () => {
    const found = await findingsOf(["NVRM: Xid (PCI:0000:44:00): 79, pid='<unknown>', name=<unknown>, GPU has fallen off the bus."]);
    expect(found.map((f) => f.type)).toEqual(["nvidia-gpu-fallen-off-bus"]);
  });

  it("multipathd's checker lines count only from multipathd; kernel and daemon failures of a host are one finding", async () => {
    expect(await findingsOf(["mpathaq: sdak - tur checker reports path is down"], "myapp[12]")).toEqual([]);
    const found = await findingsOf([
      "Aug 13 10:00:00 n1 kernel: device-mapper: multipath: Failing path 66:160.",
      "Aug 13 10:00:01 n1 multipathd[4554]: checker failed path 66:160 in map mpathaq",
    ]);
    expect(found.map((f) => [f.type, f.repeats])).toEqual([["dm-multipath-failing-path", 2]]);
  });

  it("AER: the received line and its decode are one finding per severity; corrected and uncorrected stay apart", async () => {
    const found = await findingsOf([
      "pcieport 0000:80:1b.4: AER: Correctable error message received from 0000:80:1b.4",
      "pcieport 0000:80:1b.4: AER: Uncorrectable (Non-Fatal) error message received from 0000:80:1b.4",
      "pcieport 0000:80:1b.4: PCIe Bus Error: severity=Uncorrectable (Non-Fatal), type=Transaction Layer, (Receiver ID)",
      "pcieport 0000:80:1b.4:    [21] ACSViol                (First)",
      "pcieport 0000:00:1c.5: AER: Corrected error received: id=00e5",
      "pcieport 0000:00:1c.5: PCIe Bus Error: severity=Corrected, type=Physical Layer, id=00e5(Receiver ID)",
    ]);
    expect(found.map((f) => [f.title, f.repeats ?? 1])).toEqual([
      ["PCIe AER: corrected error", 3],
      ["PCIe AER: uncorrected (non-fatal) error", 2],
    ]);
    // The boot-time `AER: enabled with IRQ` and recovery chatter are no error.
    expect(await findingsOf(["pcieport 0000:00:1c.0: AER: enabled with IRQ 122", "pcieport 0000:00:03.0: AER: Root Port link has been reset (0)"])).toEqual([]);
  });

  it("a mail-wrapped AER decode (`severity=Corrected,` ending the line) still names the severity", async () => {
    const found = await findingsOf(["pcieport 0000:00:1c.5: PCIe Bus Error: severity=Corrected,", "type=Physical Layer, id=00e5(Receiver ID)"]);
    expect(found.map((f) => f.title)).toEqual(["PCIe AER: corrected error"]);
  });

  it("the MCE notice right after a thermal-throttle line is that throttle event's record, not a machine check", async () => {
    const found = await findingsOf([
      "CPU3: Core temperature above threshold, cpu clock throttled (total events = 57536)",
      "mce: [Hardware Error]: Machine check events logged",
      "CPU3: Core temperature/speed normal",
      "mce: [Hardware Error]: Machine check events logged",
    ]);
    expect(found.map((f) => [f.type, f.title])).toEqual([["thermal-throttle", "thermal: CPU clock throttled"]]);
    // 5.6+ wording, and a notice after any other line stays an MCE.
    const later = await findingsOf(["CPU7: Core temperature is above threshold, cpu clock is throttled (total events = 219)", "eth0: link up", "mce: [Hardware Error]: Machine check events logged"]);
    expect(later.map((f) => f.type)).toEqual(["thermal-throttle", "mce-events-logged"]);
    // Another program's line between them (systemd's console status, a daemon's syslog line) does not part them.
    const consoleLog = [
      "[14334.860117] CPU1: Core temperature above threshold, cpu clock throttled (total events = 1)",
      "[  OK  ] Started Journal Service.",
      "[14334.861156] mce: [Hardware Error]: Machine check events logged",
    ].join("\n");
    const serial = (await triage([{ name: "console.log", data: enc.encode(consoleLog) }], { now: new Date("2024-09-01T00:00:00Z") })).findings;
    expect(serial.map((f) => f.type)).toEqual(["thermal-throttle"]);
    const syslog = await findingsOf(["CPU1: Core temperature above threshold, cpu clock throttled (total events = 1)", "Aug 13 10:00:00 n1 systemd[1]: Started x.", "mce: [Hardware Error]: Machine check events logged"]);
    expect(syslog.map((f) => f.type)).toEqual(["thermal-throttle"]);
  });

  it("a device's ext4 writeback and jbd2 data errors fold with its block-layer I/O errors", async () => {
    const found = await findingsOf([
      "blk_update_request: I/O error, dev sda, sector 263176 op 0x1:(WRITE) flags 0x0 phys_seg 1 prio class 0",
      "EXT4-fs warning (device sda): ext4_end_bio:344: I/O error 10 writing to inode 12 starting block 32898)",
      "JBD2: Detected IO errors while flushing file data on sda-8",
      "EXT4-fs warning (device sdb): ext4_end_bio:344: I/O error 10 writing to inode 12 starting block 32898)",
    ]);
    expect(found.map((f) => [f.title, f.details?.device, f.repeats ?? 1])).toEqual([
      ["block: I/O error", "sda", 3],
      ["block: I/O error", "sdb", 1],
    ]);
  });

  it("btrfs lines that name the filesystem's state (5.15+ `(device X: state EA)`) are that device's one finding", async () => {
    // kdave/btrfs-progs#577: the transid error, then the aborted transaction's lines with the state.
    const found = await findingsOf([
      "BTRFS error (device nvme0n1p2): parent transid verify failed on logical 393631498240 mirror 1 wanted 4611686018429035688 found 1647784",
      "BTRFS: error (device nvme0n1p2: state A) in __btrfs_free_extent:3070: errno=-5 IO failure",
      "BTRFS error (device nvme0n1p2: state EA): failed to run delayed ref for logical 1287077691392 num_bytes 16384 type 176 action 2 ref_mod 1: -5",
      "BTRFS warning (device nvme0n1p2: state EA): csum failed root 257 ino 4115546 off 0 csum 0x3e8d9c48 expected csum 0x12711c61 mirror 1",
    ]);
    expect(found.map((f) => [f.title, f.details?.device, f.repeats ?? 1])).toEqual([["BTRFS error: filesystem error", "nvme0n1p2", 4]]);
  });

  it("btrfs lines of later kernels, whose state follows the device without a colon (`(device sdf state EA)`), are read the same", async () => {
    // fs/btrfs/messages.c: STATE_STRING_PREFACE went from ": state " to " state ".
    const found = await findingsOf([
      "BTRFS error (device sdf state EA): failed to run delayed ref for logical 1287077691392 num_bytes 16384 type 176 action 2 ref_mod 1: -5",
      "BTRFS: error (device sdf state EA) in btrfs_run_delayed_refs:2215: errno=-5 IO failure",
      "BTRFS warning (device sdf state EA): csum failed root 257 ino 4115546 off 0 csum 0x3e8d9c48 expected csum 0x12711c61 mirror 1",
    ]);
    expect(found.map((f) => [f.title, f.details?.device, f.repeats ?? 1])).toEqual([["BTRFS error: filesystem error", "sdf", 3]]);
  });

  it("a libata report's failed commands are that report's lines: one exception, not one finding per NCQ tag", async () => {
    const report = (dev: string) => [
      `${dev}: exception Emask 0x0 SAct 0xf SErr 0x0 action 0x6 frozen`,
      `${dev}: failed command: WRITE FPDMA QUEUED`,
      `${dev}: cmd 61/00:00:00:fc:bd/04:00:7f:00:00/40 tag 0 ncq 524288 out`,
      `${dev}: status: { DRDY }`,
      `${dev}: failed command: WRITE FPDMA QUEUED`,
    ];
    const found = await findingsOf([...report("ata1.00"), "ata2.00: failed command: READ FPDMA QUEUED"]);
    // ata1's failed commands follow its exception line; ata2's paste has none, so its own line tells it.
    expect(found.map((f) => [f.type, f.details?.device, f.repeats ?? 1])).toEqual([
      ["ata-exception", "ata1.00", 1],
      ["ata-failed-command", "ata2.00", 1],
    ]);
  });

  it("iwlwifi's `Device error - SW reset` under the same card's firmware assert is that assert's line, alone it is the finding", async () => {
    const found = await findingsOf([
      "iwlwifi 0000:00:14.3: Microcode SW error detected. Restarting 0x0.",
      "iwlwifi 0000:00:14.3: Start IWL Error Log Dump:",
      "iwlwifi 0000:00:14.3: 0x00000084 | NMI_INTERRUPT_UNKNOWN",
      "iwlwifi 0000:00:14.3: Device error - SW reset",
      "iwlwifi 0000:03:00.0: Device error - SW reset",
    ]);
    expect(found.map((f) => [f.type, f.details?.device, f.repeats ?? 1])).toEqual([
      ["iwlwifi-firmware-error", "0000:00:14.3", 1],
      ["iwlwifi-device-error-reset", "0000:03:00.0", 1],
    ]);
  });

  it("an SD card's repeated init failures are one finding per host; a healthy detection's tuning note is none", async () => {
    const found = await findingsOf([
      "mmc0: Tuning timeout, falling back to fixed sampling clock",
      "mmc0: new ultra high speed SDR104 SDHC card at address 5048",
      "mmc1: error -110 whilst initialising SD card",
      "mmc1: error -110 whilst initialising SD card",
      "mmc1: error -84 whilst initialising SD card",
    ]);
    expect(found.map((f) => [f.type, f.details?.device, f.repeats ?? 1])).toEqual([["mmc-card-init-failed", "mmc1", 3]]);
  });

  it("timeline-only rules make no finding", async () => {
    const found = await findingsOf(["Kernel memory limits are experimental on older kernels, it won't work as expected"], "dockerd[1]");
    expect(found).toEqual([]);
  });
});
