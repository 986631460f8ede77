/**
 * Kernel releases a log states outside any boot banner or report: a pasted `uname -r` / `uname -a`, the kernel test
 * robot's harness line, the KERNEL-VERSION column of `kubectl get nodes -o wide`, or the `Kernel:` line of a
 * system-information command (`hostnamectl`, SONiC's `show version`, neofetch). A report whose own boot printed no banner takes its release
 * from one of these (marked inferred: the node may have been upgraded between the crash and the paste).
 */
import type { LogLine, ReleaseSource } from "../types";

export type ReleaseHint = {
  lineNo: number;
  /** The node the release belongs to, when the text names it (prompt `[root@w01 ~]#`, uname -a, kubectl NAME). */
  host?: string;
  release: string;
  build?: string;
  source: Extract<ReleaseSource, "inferred-uname" | "inferred-kubectl">;
};

/**
 * Literals that make the scanner open a window on these lines (see scan-input.ts `EVENT_NEEDLES`). The LKP line's is
 * its tail: `LKP:` alone lets too many positions of a busy node's log through the prefilter's buckets.
 */
export const RELEASE_HINT_NEEDLES = ["uname -r", "uname -a", "GNU/Linux", "KERNEL-VERSION", "serial console /dev/", "Kernel: "];

const RELEASE = /^\d+\.\d+(?:\.\d+)?[-+.~\w]*$/;
/**
 * `[root@w01 ~]# uname -r`, `core@w01:~$ uname -r`, `$ uname -r`, and the `\u@\h \w \$` prompts (Gentoo's default
 * `root@w01 ~ #`, vendor shells' `root@w01 ~$`) (host from the prompt when it names one).
 */
// The command may be the last of a `;`/`&&` list (`# cat /etc/centos-release ; uname -ri`: the release file's lines
// come first) and may add the fields uname prints after the release (`-ri`, `-rm`, `-rp`: `2.6.32-279.el6.x86_64
// x86_64`); group 4 holds those extra flags.
const UNAME_R_PROMPT = /^(?:\[[\w.-]+@([\w.-]+)[^\]]*\][#$]|[\w.-]+@([\w.-]+):\S*[#$]|[\w.-]+@([\w.-]+) [~/]\S*? ?[#$]|[#$])\s+(?:[^;&|]*?(?:;|&&)\s*)?uname -r([mpi]{0,3})\s*$/;
/** How many lines after a `…; uname -r` list the release may come (the earlier commands' output first). */
const UNAME_OUTPUT_WINDOW = 3;
/**
 * `Linux w01 6.1.1-1.el9.elrepo.x86_64 #1 SMP PREEMPT_DYNAMIC Tue Dec 20 09:27:32 EST 2022 x86_64 x86_64 x86_64 GNU/Linux`;
 * posters and test harnesses mask the node name (`Linux ********** 5.14.21-…`, `Linux <hostname> …`): such a line still
 * states the release, for no named node.
 */
const UNAME_A = /^Linux ([\w.-]+|\*{2,}|<[\w.-]+>) (\d+\.\d+\S*) (#\S+.*?) (?:\S+ ){1,3}GNU\/Linux\s*$/;
const MASKED_HOST = /^(?:\*+|<[\w.-]+>)$/;
/**
 * The kernel test robot's harness line in the boot dmesg it mails (`LKP: HOSTNAME vm-snb-6, MAC 52:54:00:12:34:56,
 * kernel 5.6.0-rc7-12014-gf8bf55f05f7d6 2, serial console /dev/ttyS0`): its `uname -r`, printed once init is up. Its
 * reports quote the dmesg from the failing test on, past the boot banner.
 */
const LKP_BANNER = /^LKP: HOSTNAME ([\w.-]+), MAC [0-9a-f:]+, kernel (\d+\.\d+\S*) \d+, serial console\b/;
/**
 * A system-information command's kernel line, the whole line: `hostnamectl`'s `Kernel: Linux 5.15.0-91-generic`,
 * SONiC's `show version` (`Kernel: 5.10.0-18-2-amd64`), neofetch's `Kernel: 6.1.0-13-amd64`. Only a release and
 * nothing after it: a kernel message that starts with `Kernel:` says more than that.
 */
const SYSINFO_KERNEL = /^Kernel:\s+(?:Linux\s+)?(\d+\.\d+\S*)$/;
/**
 * ksymoops' header in a 2.4/2.6-era oops post: `ksymoops 2.4.5 on i686 2.4.20.  Options used` names the kernel it
 * ran on (group 1), and its options list the modules and map it decoded against (`-o /lib/modules/2.4.21-ac3/
 * (specified)`): the crashed kernel's, even when the poster decoded on another one.
 */
const KSYMOOPS_HEADER = /^ksymoops \d+\.\d+\S* on \S+ (\d+\.\d+\S*?)\.?\s+Options used\s*$/;
const KSYMOOPS_MODULES_OPTION = /^-o\s+\/lib\/modules\/(\d+\.\d+[^/\s]*)\/?\s+\((?:default|specified)\)\s*$/;
/** How many option lines follow ksymoops' header (`-V`, `-k`, `-l`, `-o`, `-m`, and a `-v` in front of them). */
const KSYMOOPS_OPTION_LINES = 6;

/**
 * The release a ksymoops header at `texts[i]` decoded an oops for, or undefined. Read from the report's surroundings
 * (extract-reports.ts), not by the scanner: the header sits next to the oops it decodes, in the oops' window, and a
 * needle of its own would cost the prefilter more than the lines it finds.
 */
export function ksymoopsReleaseAt(texts: readonly string[], i: number): string | undefined {
  const header = texts[i].includes("ksymoops ") ? KSYMOOPS_HEADER.exec(texts[i].trim()) : null;
  if (!header) return undefined;
  let release = header[1];
  for (let k = i + 1; k <= i + KSYMOOPS_OPTION_LINES && k < texts.length; k++) {
    const modules = KSYMOOPS_MODULES_OPTION.exec(texts[k].trim());
    if (modules && RELEASE.test(modules[1])) release = modules[1];
  }
  return RELEASE.test(release) ? release : undefined;
}
/** The header of `kubectl get nodes -o wide`. */
const KUBECTL_HEADER = /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+.*\bKERNEL-VERSION\s+CONTAINER-RUNTIME\s*$/;
/** A node row: name, status, …, kernel release, runtime (`containerd://1.6.28`). */
const KUBECTL_ROW = /^([\w.-]+)\s+(?:Ready|NotReady|Unknown|SchedulingDisabled|Ready,SchedulingDisabled|NotReady,SchedulingDisabled)\s+.*\s(\S+)\s+[\w-]+:\/\/\S+\s*$/;

/**
 * Hints in a window of parsed lines (in order); `lines[i + 1]` is the output of a command at `lines[i]`. `hot`: the
 * scanner's prefilter flags (it finds `RELEASE_HINT_NEEDLES`): a line without one holds no needle and is not read.
 */
export function readReleaseHints(lines: readonly LogLine[], hot?: readonly boolean[]): ReleaseHint[] {
  const hints: ReleaseHint[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (hot !== undefined && !hot[i]) continue;
    const raw = lines[i].text;
    if (!raw.includes("uname -r") && !raw.includes("GNU/Linux") && !raw.includes("KERNEL-VERSION") && !raw.includes("LKP: HOSTNAME") && !raw.includes("Kernel: ")) continue;
    const text = raw.trim();
    const sysinfo = SYSINFO_KERNEL.exec(text);
    if (sysinfo) {
      if (RELEASE.test(sysinfo[1])) hints.push({ lineNo: lines[i].lineNo, release: sysinfo[1], source: "inferred-uname" });
      continue;
    }
    const lkp = LKP_BANNER.exec(text);
    if (lkp) {
      hints.push({ lineNo: lines[i].lineNo, host: lkp[1], release: lkp[2], source: "inferred-uname" });
      continue;
    }
    const prompt = UNAME_R_PROMPT.exec(text);
    if (prompt) {
      const extra = prompt[4].length;
      // a lone `uname -r…` prints on the next line; after a command list, its output comes first
      const window = /(?:;|&&)\s*uname -r/.test(text) ? UNAME_OUTPUT_WINDOW : 1;
      for (let k = i + 1; k <= i + window && k < lines.length; k++) {
        const fields = lines[k].text.trim().split(/\s+/);
        if (fields.length === extra + 1 && RELEASE.test(fields[0])) {
          hints.push({ lineNo: lines[k].lineNo, host: prompt[1] ?? prompt[2] ?? prompt[3], release: fields[0], source: "inferred-uname" });
          break;
        }
      }
      continue;
    }
    const uname = UNAME_A.exec(text);
    if (uname) {
      const host = MASKED_HOST.test(uname[1]) ? undefined : uname[1];
      hints.push({ lineNo: lines[i].lineNo, host, release: uname[2], build: uname[3], source: "inferred-uname" });
      continue;
    }
    if (KUBECTL_HEADER.test(text)) {
      for (let k = i + 1; k < lines.length; k++) {
        const row = KUBECTL_ROW.exec(lines[k].text.trim());
        if (!row) break;
        if (RELEASE.test(row[2])) hints.push({ lineNo: lines[k].lineNo, host: row[1], release: row[2], source: "inferred-kubectl" });
        i = k;
      }
    }
  }
  return hints;
}

/** Host names compare by their first label (`w01` = `w01.example.com`), case-insensitively. */
export function sameHost(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const short = (h: string) => h.toLowerCase().split(".")[0];
  return short(a) === short(b);
}
