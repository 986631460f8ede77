import { describe, expect, it } from "vitest";
import { cleanFunctionName, fillTemplate, MAX_TITLE_LENGTH, normalizeTitle } from "./title";

describe("normalizeTitle", () => {
  it("replaces run-specific parts with placeholders", () => {
    expect(normalizeTitle("kernel panic: VFS: Unable to mount root fs on unknown-block(0,0)")).toBe(
      "kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)",
    );
    expect(normalizeTitle("KASAN: use-after-free in foo at addr ffff88006b2a3c40")).toBe("KASAN: use-after-free in foo at addr ADDR");
    expect(normalizeTitle("bad thing at fs/ext4/inode.c:123 from 10.0.0.1")).toBe("bad thing at fs/ext4/inode.c:LINE from IP");
    expect(normalizeTitle("task syz-executor3 on CPU#2")).toBe("task syz-executor on CPU");
  });
  it("is idempotent and capped", () => {
    const once = normalizeTitle("WARNING in do_con_write.part.12");
    expect(normalizeTitle(once)).toBe(once);
    expect(normalizeTitle("x ".repeat(200)).length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  });
});

describe("cleanFunctionName", () => {
  it("strips clone suffixes and syscall wrappers", () => {
    expect(cleanFunctionName("tcp_sendmsg.isra.12")).toBe("tcp_sendmsg");
    expect(cleanFunctionName("__x64_sys_bind")).toBe("sys_bind");
    expect(cleanFunctionName("__se_sys_bind")).toBe("sys_bind");
    expect(cleanFunctionName("SyS_mount")).toBe("sys_mount");
  });
});

describe("fillTemplate", () => {
  it("fills groups, cleaned functions and the frame", () => {
    expect(fillTemplate("KASAN: $1 $2 in {FRAME}", ["", "use-after-free", "Read"], "foo")).toBe("KASAN: use-after-free Read in foo");
    expect(fillTemplate("x in {FUNC:1}", ["", "bar.constprop.3"], "")).toBe("x in bar");
  });
});
