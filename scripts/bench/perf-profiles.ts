/**
 * Deterministic log generators for `bench:perf`, one per shape of production log. Each writes the same bytes on
 * every run (seeded PRNG), so figures before and after a change compare the same input.
 *   - quiet: three hosts, benign agent noise, a crash every ~12 MB (what the benchmark measured alone before);
 *   - busy: 48 hosts, CRLF, ≥ 10% repetitive kernel problem lines (conntrack full, martians, audit, I/O errors),
 *     Java/Python DEBUG/INFO/WARNING lines, JSON lines, a real crash report every ~4 MB;
 *   - storm: thousands of soft-lockup and hung-task reports between noise lines;
 *   - long-line: one line of several MB (a binary-ish dump or a minified JSON blob) in the middle of noise;
 *   - many-files: the busy node split into many rotated files, one argument each.
 */
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export type ProfileName = "quiet" | "busy" | "storm" | "long-line" | "many-files";
export const PROFILES: ProfileName[] = ["quiet", "busy", "storm", "long-line", "many-files"];

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUIET_NOISE = [
  'kubelet[1432]: I0813 15:58:01.100203    1432 kubelet.go:2185] "SyncLoop (probe)" probe="readiness" status="ready" pod="default/web-%d"',
  'containerd[980]: time="2024-08-13T15:58:01.100203Z" level=info msg="shim disconnected" id=%d namespace=k8s.io',
  "systemd[1]: Started Session %d of User root.",
  "kernel: IPv6: ADDRCONF(NETDEV_CHANGE): cali%d: link becomes ready",
  "kernel: device veth%d entered promiscuous mode",
  "sshd[%d]: Accepted publickey for root from 10.0.0.5 port 51122 ssh2: RSA SHA256:abcdefghijklmnop",
  'cilium-agent[2211]: level=info msg="Rewrote endpoint BPF program" containerID=%d subsys=endpoint',
  "chronyd[800]: Selected source 10.0.0.%d",
];

/** Kernel lines a busy node repeats all day: each is a problem-event or prefilter candidate on its own. */
const KERNEL_PROBLEMS = [
  "kernel: nf_conntrack: nf_conntrack: table full, dropping packet",
  "kernel: IPv4: martian source 10.244.%d.5 from 10.244.1.9, on dev eth0",
  "kernel: ll header: 00000000: ff ff ff ff ff ff 52 54 00 12 34 %d 08 06",
  'kernel: audit: type=1400 audit(1723564681.123:%d): apparmor="DENIED" operation="open" profile="cri-containerd.apparmor.d" name="/proc/sys/kernel/random/boot_id" pid=4242 comm="node" requested_mask="r" denied_mask="r" fsuid=0 ouid=0',
  "kernel: blk_update_request: I/O error, dev sdb, sector %d op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0",
  "kernel: Buffer I/O error on dev sdb1, logical block %d, async page read",
];

const APP_LINES = [
  "java[3311]: 2024-08-13 15:58:01,123 DEBUG [pool-3-thread-%d] com.example.orders.OrderService - loaded order from cache",
  "java[3311]: 2024-08-13 15:58:01,124 DEBUG [pool-3-thread-%d] o.h.e.t.internal.TransactionImpl - begin",
  "java[3311]: 2024-08-13 15:58:01,125 INFO  [http-nio-8080-exec-%d] c.e.api.RequestLogger - GET /api/v1/orders 200 12ms",
  "java[3311]: 2024-08-13 15:58:01,126 WARN  [pool-3-thread-%d] c.e.client.RetryingClient - retrying after timeout",
  "gunicorn[2020]: [2024-08-13 15:58:01 +0000] [%d] [DEBUG] GET /healthz",
  "python3[2021]: DEBUG:urllib3.connectionpool:https://api.internal:443 \"GET /v2/items?page=%d HTTP/1.1\" 200 None",
  "python3[2021]: INFO:worker:processed batch %d",
  "python3[2021]: WARNING:urllib3.connectionpool:Retrying (Retry(total=2, connect=None, read=None)) after connection broken: /v2/items?page=%d",
];

const JSON_LINES = [
  '{"ts":"2024-08-13T15:58:01.123Z","level":"info","logger":"api","msg":"request done","path":"/v1/items/%d","status":200,"latency_ms":3}',
  '{"ts":"2024-08-13T15:58:01.124Z","level":"debug","logger":"cache","msg":"miss","key":"user:%d"}',
  '{"ts":"2024-08-13T15:58:01.125Z","level":"warn","logger":"db","msg":"slow query","duration_ms":%d}',
];

const CRASH = `kernel: ------------[ cut here ]------------
kernel: kernel BUG at net/core/skbuff.c:4230!
kernel: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI
kernel: CPU: 3 PID: 0 Comm: swapper/3 Kdump: loaded Not tainted 6.1.1-1.el9.elrepo.x86_64 #1
kernel: RIP: 0010:skb_segment+0xbc8/0xd80
kernel: Call Trace:
kernel:  <IRQ>
kernel:  tcp_gso_segment+0x107/0x540
kernel:  inet_gso_segment+0x15c/0x3d0
kernel:  skb_mac_gso_segment+0x9f/0x110
kernel:  __skb_gso_segment+0xc1/0x190
kernel:  validate_xmit_skb+0x16c/0x330
kernel:  </IRQ>`.split("\n");

const SOFT_LOCKUP = `kernel: watchdog: BUG: soft lockup - CPU#%d stuck for 22s! [kworker/u16:3:1234]
kernel: Modules linked in: xt_conntrack nf_nat nf_conntrack br_netfilter overlay ext4 mbcache jbd2
kernel: CPU: 5 PID: 1234 Comm: kworker/u16:3 Not tainted 5.15.0-91-generic #101-Ubuntu
kernel: Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.15.0-1 04/01/2014
kernel: RIP: 0010:native_queued_spin_lock_slowpath+0x1c6/0x2a0
kernel: Call Trace:
kernel:  <TASK>
kernel:  _raw_spin_lock+0x22/0x30
kernel:  nf_conntrack_tuple_taken+0x9c/0x210 [nf_conntrack]
kernel:  nf_nat_inet_fn+0x1b8/0x2d0 [nf_nat]
kernel:  nf_hook_slow+0x44/0xc0
kernel:  ip_output+0x73/0x110
kernel:  </TASK>`.split("\n");

const HUNG_TASK = `kernel: INFO: task jbd2/sda1-8:%d blocked for more than 120 seconds.
kernel:       Not tainted 5.15.0-91-generic #101-Ubuntu
kernel: "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
kernel: task:jbd2/sda1-8     state:D stack:    0 pid:  412 ppid:     2 flags:0x00004000
kernel: Call Trace:
kernel:  <TASK>
kernel:  __schedule+0x2cd/0x890
kernel:  schedule+0x69/0x110
kernel:  io_schedule+0x46/0x80
kernel:  bit_wait_io+0x11/0x70
kernel:  jbd2_journal_commit_transaction+0x2a6/0x1a40 [jbd2]
kernel:  kjournald2+0xb6/0x280 [jbd2]
kernel:  kthread+0x127/0x150
kernel:  </TASK>`.split("\n");

type Writer = { push(line: string): void; /** Waits while the stream is backed up. */ tick(): Promise<void> | undefined; done(): Promise<number> };

function writer(file: string, eol: string): Writer {
  const out = createWriteStream(file, { highWaterMark: 1 << 22 });
  let buf: string[] = [];
  let bytes = 0;
  let pending: Promise<void> | undefined;
  const flush = () => {
    const chunk = buf.join("");
    buf = [];
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) pending = new Promise<void>((r) => out.once("drain", () => r()));
  };
  return {
    push(line) {
      buf.push(line + eol);
      if (buf.length >= 4096) flush();
    },
    tick() {
      const p = pending;
      pending = undefined;
      return p;
    },
    async done() {
      flush();
      await pending;
      await new Promise<void>((r) => out.end(r));
      return bytes;
    },
  };
}

/** A syslog stamp that advances on its own; `host` picks one of `hosts` names. */
function clock(rand: () => number) {
  let sec = 0;
  return (host: string) => {
    sec += rand() < 0.3 ? 1 : 0;
    const d = new Date(Date.UTC(2024, 7, 1) + sec * 1000);
    const mon = d.toUTCString().slice(8, 11);
    const day = String(d.getUTCDate()).padStart(2, " ");
    return `${mon} ${day} ${d.toISOString().slice(11, 19)} ${host} `;
  };
}

const fill = (template: string, rand: () => number) => template.replace("%d", String(Math.floor(rand() * 100000)));
const pick = <T>(list: T[], rand: () => number): T => list[Math.floor(rand() * list.length)];

/** Lines of the busy node until `bytes` are written; returns the bytes written. */
async function writeBusy(w: Writer, bytes: number, seed: number): Promise<void> {
  const rand = rng(seed);
  const stamp = clock(rand);
  const hosts = Array.from({ length: 48 }, (_, i) => `node-${String(i).padStart(2, "0")}.prod.example.net`);
  let written = 0;
  let sinceCrash = 0;
  while (written < bytes) {
    await w.tick();
    const host = pick(hosts, rand);
    const r = rand();
    let line: string;
    if (sinceCrash > 4 * 1024 * 1024) {
      for (const l of CRASH) w.push(stamp(host) + l);
      sinceCrash = 0;
      continue;
    }
    if (r < 0.13) line = stamp(host) + fill(pick(KERNEL_PROBLEMS, rand), rand);
    else if (r < 0.55) line = stamp(host) + fill(pick(APP_LINES, rand), rand);
    else if (r < 0.65) line = fill(pick(JSON_LINES, rand), rand);
    else if (r < 0.75) line = stamp(host) + "app[4100]: " + fill(pick(JSON_LINES, rand), rand);
    else line = stamp(host) + fill(pick(QUIET_NOISE, rand), rand);
    w.push(line);
    written += line.length + 2;
    sinceCrash += line.length + 2;
  }
}

async function writeProfile(profile: ProfileName, target: string, bytes: number): Promise<void> {
  if (profile === "many-files") {
    mkdirSync(target, { recursive: true });
    const files = 100;
    for (let i = 0; i < files; i++) {
      const w = writer(path.join(target, `messages-${String(i).padStart(3, "0")}`), "\r\n");
      await writeBusy(w, bytes / files, 1000 + i);
      await w.done();
    }
    return;
  }
  const rand = rng(42);
  const stamp = clock(rand);
  if (profile === "busy") {
    const w = writer(target, "\r\n");
    await writeBusy(w, bytes, 42);
    await w.done();
    return;
  }
  const w = writer(target, "\n");
  const hosts = ["w01", "w02", "w03"];
  let written = 0;
  let longLineDone = false;
  while (written < bytes) {
    await w.tick();
    const host = pick(hosts, rand);
    const r = rand();
    if (profile === "quiet" && r < 0.00002) for (const l of CRASH) w.push(stamp(host) + l);
    else if (profile === "quiet" && r < 0.0002) w.push(stamp(host) + "kernel: unregister_netdevice: waiting for eth0 to become free. Usage count = 1");
    else if (profile === "storm" && r < 0.02) {
      const report = rand() < 0.5 ? SOFT_LOCKUP : HUNG_TASK;
      for (const l of report) {
        const line = stamp(host) + fill(l, rand);
        w.push(line);
        written += line.length + 1;
      }
    } else if (profile === "long-line" && !longLineDone && written > bytes / 2) {
      // A minified JSON blob logged on one line, as big as a sixth of the file.
      const item = '{"id":12345,"name":"item","tags":["a","b","c"],"ok":true},';
      const line = stamp(host) + "app[9]: payload=[" + item.repeat(Math.floor(bytes / 6 / item.length)) + "]";
      w.push(line);
      written += line.length + 1;
      longLineDone = true;
    } else {
      const line = stamp(host) + fill(pick(QUIET_NOISE, rand), rand);
      w.push(line);
      written += line.length + 1;
    }
  }
  await w.done();
}

/** Sizes: the storm and long-line profiles are smaller (a storm is rarely 256 MB; a long line is one line). */
export function profileBytes(profile: ProfileName, mb: number): number {
  const bytes = mb * 1024 * 1024;
  if (profile === "storm") return bytes / 8;
  if (profile === "long-line") return bytes / 4;
  return bytes;
}

/** Writes the profile's file (or directory) unless already there; returns the paths to pass to a reader. */
export async function ensureProfile(profile: ProfileName, dir: string, mb: number): Promise<string[]> {
  const target = path.join(dir, `perf-${profile}-${mb}mb`);
  const bytes = profileBytes(profile, mb);
  if (profile === "many-files") {
    if (!existsSync(target) || readdirSync(target).length < 100) await writeProfile(profile, target, bytes);
    return readdirSync(target).sort().map((f) => path.join(target, f));
  }
  if (!existsSync(target) || statSync(target).size < bytes) await writeProfile(profile, target, bytes);
  return [target];
}
