/**
 * Choosing the guilty frame: the function a report blames. The default is the first reliable frame that is not
 * generic (see generic-frames.ts). Stalls and hung tasks need their own rules because their stacks show a
 * victim rather than the culprit.
 */
import type { Frame } from "../types";
import { cleanFunctionName } from "./title";
import { isGenericFrame } from "./generic-frames";

export type GuiltyMode = "default" | "stall" | "hang";

export type SelectGuiltyOptions = {
  mode?: GuiltyMode;
  /** Extra class-specific patterns to skip (e.g. `refcount` for refcount WARNINGs). */
  skip?: readonly RegExp[];
};

/**
 * Dispatch anchors for stalls: a CPU stuck in a loop shows a random function inside the loop, so the stable
 * identity is the function just above the point where the work was dispatched (the syscall, the socket op,
 * the work item). For `smp_call_function*` the anchor itself is the interesting function.
 */
const STALL_ANCHORS: readonly RegExp[] = [
  /^(?:sys|compat_sys)_/, /^ksys_/, /^do_sys_/, /^do_syscall_/, /^entry_SYSCALL/, /^vfs_(?:read|write|readv|writev|iter_read|iter_write|fallocate|ioctl)$/,
  /^(?:__)?sock_(?:sendmsg|recvmsg|write_iter|read_iter|ioctl|do_ioctl|sendpage)/, /^(?:__)?sys_(?:sendmsg|recvmsg|sendto|recvfrom|connect|bind)/,
  /^security_/, /^process_one_work$/, /^call_timer_fn$/, /^expire_timers$/, /^__run_timers/, /^run_timer_softirq$/,
  /^__do_softirq$/, /^handle_softirqs$/, /^net_rx_action$/, /^rcu_core$/, /^rcu_do_batch$/, /^__do_page_fault$/,
  /^do_user_addr_fault$/, /^smp_call_function/, /^on_each_cpu/, /^kthread$/, /^worker_thread$/,
];

/** Hung tasks: shared buckets (a stuck RCU or RTNL hangs tasks all over the kernel). */
const HANG_BUCKETS: ReadonlyArray<{ bucket: string; functions: readonly string[] }> = [
  { bucket: "synchronize_rcu", functions: ["synchronize_rcu", "synchronize_srcu", "synchronize_sched", "synchronize_net", "synchronize_rcu_expedited", "synchronize_rcu_tasks"] },
  { bucket: "rtnl_lock", functions: ["rtnl_lock", "rtnl_lock_killable", "rtnl_net_lock"] },
];

/** Hung tasks: substrings of functions that are just the waiting machinery. */
const HANG_SKIP = [
  "sched", "_lock", "_slowlock", "down", "rwsem", "completion", "kthread", "wait", "synchronize", "context_switch",
  "__switch_to", "cancel_delayed_work", "rcu_barrier", "flush_work", "io_schedule", "sleep", "mutex", "freezer",
  "ret_from_fork",
];

function usable(f: Frame, extraSkip: readonly RegExp[]): boolean {
  if (!f.reliable) return false;
  if (f.module) return true;
  const fn = cleanFunctionName(f.function);
  if (isGenericFrame(fn)) return false;
  return !extraSkip.some((re) => re.test(fn));
}

/** Returns the guilty function name (cleaned) or undefined when every frame is generic or unreliable. */
export function selectGuiltyFrame(frames: readonly Frame[], opts: SelectGuiltyOptions = {}): string | undefined {
  const skip = opts.skip ?? [];
  const reliable = frames.filter((f) => f.reliable).map((f) => ({ f, fn: cleanFunctionName(f.function) }));
  if (opts.mode === "hang") {
    for (const { fn } of reliable) {
      for (const b of HANG_BUCKETS) if (b.functions.includes(fn)) return b.bucket;
    }
    for (const { f, fn } of reliable) {
      if (f.module) return fn;
      if (HANG_SKIP.some((s) => fn.includes(s))) continue;
      if (isGenericFrame(fn) || skip.some((re) => re.test(fn))) continue;
      return fn;
    }
    return undefined;
  }
  if (opts.mode === "stall") {
    const candidates = reliable.filter(({ f }) => usable(f, skip) || STALL_ANCHORS.some((re) => re.test(cleanFunctionName(f.function))));
    let prev: string | undefined;
    for (const { fn } of candidates) {
      if (STALL_ANCHORS.some((re) => re.test(fn))) {
        if (fn.startsWith("smp_call_function") || fn.startsWith("on_each_cpu")) return fn;
        if (prev) return prev;
        break;
      }
      prev = fn;
    }
  }
  for (const { f, fn } of reliable) if (usable(f, skip)) return fn;
  return undefined;
}
