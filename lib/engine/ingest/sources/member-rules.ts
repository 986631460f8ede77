/**
 * Which members of an archive or directory are read, as tables.
 *
 * A support archive (sosreport, supportconfig, must-gather, a copied root or /var/crash directory: one of
 * `SUPPORT_ARCHIVE_MARKERS` is among its paths) is read selectively: only the members `MEMBER_RULES` name, everything
 * else counted as ignored, not listed — a sosreport has thousands of files. Any other archive (`logs.tgz` of
 * `node1.log`, `worker-3/dmesg`, `incident-123/console.out`) is a bundle of logs someone gathered by hand: every
 * member is read by content (text, compressed, journal, dump, nested archive), and what is not read is listed.
 * Paths are matched after the archive's own top directory, so `sosreport-w01-2024-08-18/var/log/messages` and
 * `var/log/messages` are the same member.
 */

export type MemberRole =
  /** Text read as a log (plain or compressed; a journal or dump found under a log name is still sniffed). */
  | "log"
  /** A binary systemd journal (`*.journal`, `*.journal~`). */
  | "journal"
  /** A crash dump. */
  | "vmcore"
  /** The host's name, for the incident. */
  | "hostname";

export type MemberRule = {
  id: string;
  role: MemberRole;
  pattern: RegExp;
  /**
   * Members of one group with a lower rank are dropped when a better-ranked one is present: a sosreport holds the
   * same messages as /var/log/messages and as journalctl output, and reading both would report each crash twice.
   */
  group?: string;
  rank?: number;
};

const SEGMENT_START = String.raw`(?:^|/)`;

export const MEMBER_RULES: readonly MemberRule[] = [
  { id: "hostname-etc", role: "hostname", pattern: new RegExp(`${SEGMENT_START}etc/hostname$`), rank: 1 },
  { id: "hostname-sos", role: "hostname", pattern: new RegExp(`^(?:[^/]+/)?hostname$`), rank: 2 },
  { id: "hostname-sos-command", role: "hostname", pattern: new RegExp(`${SEGMENT_START}sos_commands/(?:general|host)/hostname$`), rank: 3 },
  {
    id: "var-log-system",
    role: "log",
    // messages, syslog, kern.log and their rotations (`messages-20240818`, `syslog.2.gz`, `kern.log.1`).
    pattern: new RegExp(`${SEGMENT_START}var/log/(?:messages|syslog|kern\\.log|kern|boot\\.log|dmesg)(?:[-.][\\w.-]*)?$`),
    group: "system-log",
    rank: 1,
  },
  // supportconfig keeps /var/log/messages as messages.txt and the boot dmesg in boot.txt.
  { id: "supportconfig-messages", role: "log", pattern: new RegExp(`${SEGMENT_START}messages(?:-\\w+)?\\.txt$`), group: "system-log", rank: 1 },
  { id: "supportconfig-boot", role: "log", pattern: new RegExp(`${SEGMENT_START}boot\\.txt$`) },
  { id: "binary-journal", role: "journal", pattern: new RegExp(`${SEGMENT_START}[^/]+\\.journal~?$`), group: "system-log", rank: 2 },
  {
    id: "journalctl-export",
    role: "log",
    pattern: new RegExp(`${SEGMENT_START}(?:sos_commands/logs/journalctl_--no-pager[^/]*|journal(?:ctl)?(?:[-_.][\\w.-]*)?\\.(?:txt|log|export))$`),
    group: "system-log",
    rank: 3,
  },
  { id: "sos-dmesg", role: "log", pattern: new RegExp(`${SEGMENT_START}sos_commands/kernel/dmesg[^/]*$`) },
  { id: "vmcore-dmesg", role: "log", pattern: new RegExp(`${SEGMENT_START}vmcore-dmesg(?:-incomplete)?\\.txt$`) },
  { id: "vmcore", role: "vmcore", pattern: new RegExp(`${SEGMENT_START}vmcore(?:-incomplete|\\.flat)?$`) },
  {
    id: "node-agent-log",
    role: "log",
    // kubelet and container runtimes, as files (`kubelet.log`, must-gather's `host_service_logs/*/kubelet_service.log`)
    // or as sosreport journalctl output per unit.
    pattern: new RegExp(
      `${SEGMENT_START}(?:[^/]*(?:kubelet|crio|cri-o|containerd|dockerd?)[^/]*\\.log(?:\\.\\d+)?(?:\\.(?:gz|xz|zst|bz2))?|sos_commands/[^/]+/journalctl_[^/]*--unit_(?:kubelet|crio|containerd|docker)[^/]*)$`,
    ),
  },
];

/** A member path as matched: `./`, leading slashes removed (those are refused before this anyway). */
export function normalizeMemberPath(path: string): string {
  return path.replace(/^(?:\.\/)+/, "").replace(/\/+$/, "");
}

/** True when a member path would land outside the extraction directory (tar/zip slip), whatever the OS. */
export function escapesArchive(path: string): boolean {
  if (/^(?:[/\\]|[A-Za-z]:)/.test(path)) return true;
  return path.split(/[/\\]/).includes("..");
}

/** The rule a member path matches, trying the path as given and without the archive's top directory. */
export function findMemberRule(path: string): MemberRule | undefined {
  const p = normalizeMemberPath(path);
  const withoutTop = p.includes("/") ? p.slice(p.indexOf("/") + 1) : undefined;
  for (const rule of MEMBER_RULES) if (rule.pattern.test(p) || (withoutTop !== undefined && rule.pattern.test(withoutTop))) return rule;
  return undefined;
}

/**
 * Paths only a support archive has. The first one seen makes the archive a support archive: the members read so far
 * by content alone are dropped again (counted as ignored), and only `MEMBER_RULES` pick from then on. Kept to
 * structure a hand-made bundle of logs does not have: a `kubelet.log` or a `vmcore` alone says nothing.
 */
export const SUPPORT_ARCHIVE_MARKERS: readonly { id: string; pattern: RegExp }[] = [
  { id: "sosreport", pattern: new RegExp(`${SEGMENT_START}sos_(?:commands|reports|logs)/|^sosreport-[^/]*/`) },
  // supportconfig: scc_<host>_<date>/ (nts_ before SLES 12), its summary files.
  { id: "supportconfig", pattern: new RegExp(`^(?:scc|nts)_[^/]*/|${SEGMENT_START}(?:basic-environment|basic-health-check|supportconfig)\\.txt$`) },
  { id: "must-gather", pattern: new RegExp(`^must-gather[^/]*/|${SEGMENT_START}(?:host_service_logs|cluster-scoped-resources)/`) },
  // A copied root: the host's etc/, proc/ or /var/log tree (rotated logs, audit, wtmp: only the rules' members).
  { id: "copied-root", pattern: new RegExp(`${SEGMENT_START}(?:etc|proc|var/log|var/crash)/|^(?:[^/]+/)?hostname$`) },
  // kdump's /var/crash/<ip>-<YYYY-MM-DD-HH:MM:SS>/: vmcore, vmcore-dmesg.txt, kexec-dmesg.log (the capture kernel's).
  { id: "kdump-directory", pattern: new RegExp(`${SEGMENT_START}[0-9A-Fa-f.:]+-\\d{4}-\\d{2}-\\d{2}-\\d{2}:\\d{2}:\\d{2}/`) },
];

/** True when a member path shows the archive is a support archive (see `SUPPORT_ARCHIVE_MARKERS`). */
export function isSupportArchiveMarker(path: string): boolean {
  const p = normalizeMemberPath(path);
  return SUPPORT_ARCHIVE_MARKERS.some((m) => m.pattern.test(p));
}

/** What archivers and desktops add beside the files (macOS resource forks, Finder and Explorer caches, VCS data). */
const ARCHIVER_DEBRIS = new RegExp(`^__MACOSX/|${SEGMENT_START}(?:\\._[^/]*|\\.DS_Store|Thumbs\\.db|desktop\\.ini)$|${SEGMENT_START}\\.(?:git|svn|hg)/`);

/** True for a member no one gathered as a log: counted as ignored in a bundle of logs, never listed. */
export function isArchiverDebris(path: string): boolean {
  return ARCHIVER_DEBRIS.test(normalizeMemberPath(path));
}
