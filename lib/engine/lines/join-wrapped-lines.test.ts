import { describe, expect, it } from "vitest";
import { joinWrappedLines } from "./join-wrapped-lines";
import { createLineContext, parseLine } from "./parse-line";

const parsed = (text: string) => {
  const ctx = createLineContext(0, 2024);
  return text.split("\n").map((raw, i) => parseLine(raw, i + 1, ctx));
};

const HEADER = "[   12.345678] BUG: unable to handle kernel NULL pointer dereference at 0000000000000008";
const FRAME = "[   12.345699]  ? __sys_sendmsg_with_a_long_name_for_the_test+0x51/0x90 [some_module]";

describe("joinWrappedLines", () => {
  it("glues a line hard-wrapped at the window's width back together, mid-token", () => {
    const wrapped = [HEADER, FRAME]
      .flatMap((l) => (l.length > 80 ? [l.slice(0, 80), l.slice(80)] : [l]))
      .join("\n");
    const joined = joinWrappedLines(parsed(wrapped));
    expect(joined.map((l) => l.text)).toEqual([HEADER.slice(15), FRAME.slice(15)]);
    expect(joined.map((l) => l.lineNo)).toEqual([1, 3]);
  });

  it("joins a word-wrapped line with the space the wrap took", () => {
    const wrap = (l: string) => [l.slice(0, l.lastIndexOf(" ", 72)), l.slice(l.lastIndexOf(" ", 72) + 1)];
    const CPU = "[   12.345690] CPU: 1 PID: 1 Comm: init Not tainted 6.1.0-13-amd64 #1 Debian 6.1.55-1";
    const joined = joinWrappedLines(parsed([...wrap(HEADER), ...wrap(FRAME), ...wrap(CPU)].join("\n")));
    expect(joined.map((l) => l.text)).toEqual([HEADER, FRAME, CPU].map((l) => l.slice(15)));
  });

  it("a word wrap of lines of one length reads as hard, but a comma the wrap ended on keeps its space", () => {
    const full = (us: number) => `Feb 23 16:44:36 jobs kernel: [38775494.${us}] nf_conntrack: table full,`;
    const joined = joinWrappedLines(parsed([full(393661), "dropping packet", full(494836), "dropping packet"].join("\n")));
    expect(joined.map((l) => l.text)).toEqual(["nf_conntrack: table full, dropping packet", "nf_conntrack: table full, dropping packet"]);
  });

  it("joins a header whose function, and a task line whose release, a wrap moved on, in a window too short to show a width", () => {
    const joined = joinWrappedLines(
      parsed(
        [
          "[   95.152992] BUG: KASAN: use-after-free in",
          "snd_seq_queue_alloc+0x670/0x690 at addr ffff8801d0c6b080",
          "[   95.162080] Read of size 4 by task syz-executor2/5764",
          "[   95.162090] CPU: 0 PID: 2373 Comm: syz-executor408 Not",
          "tainted 5.4.199-syzkaller #0",
        ].join("\n"),
      ),
    );
    expect(joined.map((l) => l.text)).toEqual([
      "BUG: KASAN: use-after-free in snd_seq_queue_alloc+0x670/0x690 at addr ffff8801d0c6b080",
      "Read of size 4 by task syz-executor2/5764",
      "CPU: 0 PID: 2373 Comm: syz-executor408 Not tainted 5.4.199-syzkaller #0",
    ]);
  });

  it("joins lockdep's lock site, a header of a log without prefixes, and a prefixed line cut after a preposition", () => {
    const joined = joinWrappedLines(
      parsed(
        [
          "[   44.025025]  (&(&r->consumer_lock)->rlock){+.+...}, at:",
          "[<ffffffff82de6c86>] tun_queue_purge+0xe6/0x210",
          "[  584.319520][   T31] INFO: task udevd:5612 blocked in I/O wait for",
          "more than 143 seconds.",
        ].join("\n"),
      ),
    );
    expect(joined.map((l) => l.text)).toEqual([
      " (&(&r->consumer_lock)->rlock){+.+...}, at: [<ffffffff82de6c86>] tun_queue_purge+0xe6/0x210",
      "INFO: task udevd:5612 blocked in I/O wait for more than 143 seconds.",
    ]);
    const plain = joinWrappedLines(parsed(["BUG: KASAN: slab-use-after-free in", "__list_add_valid_or_report+0x16a/0x1a0", "Read of size 8 at addr ffff888012acfc20 by task a/1"].join("\n")));
    expect(plain.map((l) => l.text)).toEqual(["BUG: KASAN: slab-use-after-free in __list_add_valid_or_report+0x16a/0x1a0", "Read of size 8 at addr ffff888012acfc20 by task a/1"]);
  });

  it("leaves a frame alone under a line that names its function already (a stack that lost its prefixes)", () => {
    const lines = parsed(["[ 1045.720000] Call Trace:", "dump_stack+0x19/0x1b", "[ 1045.720001] CPU: 0 PID: 1 Comm: sh Not tainted 5.4.0 #1", "tainted 5.4.0 #1"].join("\n"));
    expect(joinWrappedLines(lines)).toBe(lines);
  });

  it("leaves a log alone whose plain line follows its longest line (one line at the width is no wrap)", () => {
    const lines = parsed([HEADER, "Starting Network Manager...", "[   12.345690] CPU: 1 PID: 1 Comm: init", "short"].join("\n"));
    expect(joinWrappedLines(lines)).toBe(lines);
  });
});
