import { describe, expect, it } from "vitest";
import { createLineContext, parseLine } from "../lines/parse-line";
import { ksymoopsReleaseAt, readReleaseHints } from "./release-hints";

const ctx = createLineContext(0, 2024, 7, 0);
const parsed = (texts: string[]) => texts.map((t, i) => parseLine(t, i + 1, ctx));

describe("readReleaseHints", () => {
  const lines = parsed(["[root@w01 ~]# uname -r", "5.15.0-91-generic", "Linux w02 6.1.1-1.el9.x86_64 #1 SMP PREEMPT_DYNAMIC Tue Dec 20 09:27:32 EST 2022 x86_64 x86_64 x86_64 GNU/Linux"]);

  it("reads a prompt's uname -r output and a uname -a line", () => {
    expect(readReleaseHints(lines).map((h) => [h.lineNo, h.host, h.release])).toEqual([
      [2, "w01", "5.15.0-91-generic"],
      [3, "w02", "6.1.1-1.el9.x86_64"],
    ]);
  });

  it("reads the `\\u@\\h \\w \\$` prompts: Gentoo's `root@w01 ~ #`, a vendor shell's `root@S212M ~$`", () => {
    const prompts = parsed(["root@S212M ~$ uname -r", "3.10.14", "larry@gentoo-box /usr/src/linux # uname -r", "6.6.13-gentoo"]);
    expect(readReleaseHints(prompts).map((h) => [h.lineNo, h.host, h.release])).toEqual([
      [2, "S212M", "3.10.14"],
      [4, "gentoo-box", "6.6.13-gentoo"],
    ]);
  });

  it("reads a uname -a line whose node name the poster masked, for no named node", () => {
    const masked = parsed([
      "Linux ********** 5.14.21-150400.22-default #1 SMP Wed May 11 06:57:18 UTC 2022 (49db222) ppc64le ppc64le ppc64le GNU/Linux",
      "Linux <hostname> 5.15.0-91-generic #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023 x86_64 x86_64 x86_64 GNU/Linux",
    ]);
    expect(readReleaseHints(masked).map((h) => [h.lineNo, h.host, h.release])).toEqual([
      [1, undefined, "5.14.21-150400.22-default"],
      [2, undefined, "5.15.0-91-generic"],
    ]);
  });

  it("reads the `Kernel:` line of a system-information command (SONiC's show version, hostnamectl, neofetch)", () => {
    // github sonic-net/sonic-buildimage#17302: `show version` pasted under the console's stall lines
    const info = parsed(["SONiC OS Version: 11", "Distribution: Debian 11.7", "Kernel: 5.10.0-18-2-amd64", "          Kernel: Linux 5.15.0-91-generic", "Kernel: 6.1.0-13-amd64"]);
    expect(readReleaseHints(info).map((h) => [h.lineNo, h.host, h.release])).toEqual([
      [3, undefined, "5.10.0-18-2-amd64"],
      [4, undefined, "5.15.0-91-generic"],
      [5, undefined, "6.1.0-13-amd64"],
    ]);
    // a line that goes on after the release, or names no release, is something else
    expect(readReleaseHints(parsed(["Kernel: 6.1.0-13-amd64 arch: x86_64 bits: 64", "Kernel: panic_on_oops set", "Kernel: Linux"]))).toEqual([]);
  });

  it("reads `uname -ri`/`-rm` output (release, then the platform) and a uname at the end of a command list", () => {
    // s905060/site-reliability-engineer-handbook: `# cat /etc/centos-release ; uname -ri` then both outputs
    const list = parsed(["# cat /etc/centos-release ; uname -ri", "CentOS release 6.3 (Final)", "2.6.32-279.11.1.el6.x86_64 x86_64", "$ uname -rm", "5.15.0-91-generic aarch64"]);
    expect(readReleaseHints(list).map((h) => [h.lineNo, h.release])).toEqual([
      [3, "2.6.32-279.11.1.el6.x86_64"],
      [5, "5.15.0-91-generic"],
    ]);
    // the field count must match the flags: `uname -r` output is the release alone, and a lone uname reads one line
    expect(readReleaseHints(parsed(["$ uname -r", "5.15.0-91-generic x86_64"]))).toEqual([]);
    expect(readReleaseHints(parsed(["$ uname -ri", "CentOS release 6.3 (Final)", "2.6.32-279.el6.x86_64 x86_64"]))).toEqual([]);
  });

  it("takes no prompt-less `uname -r` mention for a command (prose, a script line)", () => {
    const prose = parsed(["run uname -r", "5.15.0", "echo foo@bar ~ uname -r", "5.15.0"]);
    expect(readReleaseHints(prose)).toEqual([]);
  });

  it("reads only the lines the scanner's prefilter flagged, the command's output line included", () => {
    expect(readReleaseHints(lines, [true, false, false]).map((h) => h.lineNo)).toEqual([2]);
    expect(readReleaseHints(lines, [false, false, true]).map((h) => h.lineNo)).toEqual([3]);
  });

  it("reads ksymoops' header, the modules directory of its options winning over the release it ran on", () => {
    const at = (release: string, options: string[]) => ksymoopsReleaseAt([`ksymoops 2.4.5 on i686 ${release}.  Options used`, ...options, "", "Oops: 0000"], 0);
    expect(at("2.4.20", ["     -V (default)", "     -o /lib/modules/2.4.20/ (default)", "     -m /boot/System.map-2.4.20 (default)"])).toBe("2.4.20");
    // Decoded on the plain 2.4.21 kernel against the crashed 2.4.21-ac3's modules and map (an lkml follow-up).
    expect(at("2.4.21", ["     -V (default)", "     -K (specified)", "     -L (specified)", "     -o /lib/modules/2.4.21-ac3/ (specified)"])).toBe("2.4.21-ac3");
    // A webmail that collapsed the indentation, and a header without its options (ksymoops 2.4.9 on a 2.6 kernel).
    expect(at("2.4.19-8mdk", [" -V (default)", " -o /lib/modules/2.4.19-8mdk/ (default)"])).toBe("2.4.19-8mdk");
    expect(ksymoopsReleaseAt(["ksymoops 2.4.9 on i686 2.6.1-rc2-mm1.  Options used"], 0)).toBe("2.6.1-rc2-mm1");
    // ksymoops' other lines (and prose that names it) state no release.
    expect(ksymoopsReleaseAt(["Using defaults from ksymoops -t elf32-i386 -a i386"], 0)).toBeUndefined();
    expect(ksymoopsReleaseAt(["Please do not run oops reports through ksymoops 2.4.9 on i686 boxes."], 0)).toBeUndefined();
  });

  it("reads the kernel test robot's harness line (LKP quotes the dmesg past its boot banner)", () => {
    const lkp = parsed([
      "[    9.306206] BUG: non-zero pgtables_bytes on freeing mm: -4096",
      "LKP: HOSTNAME vm-snb-6, MAC 52:54:00:12:34:56, kernel 5.6.0-rc7-12014-gf8bf55f05f7d6 2, serial console /dev/ttyS0",
      "LKP: ip=10.0.2.15 kernel 5.6.0 2",
    ]);
    expect(readReleaseHints(lkp).map((h) => [h.lineNo, h.host, h.release, h.source])).toEqual([[2, "vm-snb-6", "5.6.0-rc7-12014-gf8bf55f05f7d6", "inferred-uname"]]);
  });
});
