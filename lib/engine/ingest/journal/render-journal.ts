/**
 * A binary journal as the text the engine reads: the entries worth triaging, one per line in journalctl's
 * `short-iso-precise` shape (`2024-08-13T15:59:23.123456+00:00 w01 kernel: …`), with `-- Boot <id> --` where the
 * boot changes, as journalctl prints it. Which entries are kept is a table: kernel messages and the node agents
 * that explain a kernel problem on a Kubernetes node.
 */
import { readJournal, type JournalEntry } from "./read-journal";

type KeepRule = { id: string; keep: (e: JournalEntry) => boolean };

const AGENT_NAME = /^(?:kubelet|containerd|crio|cri-o|dockerd?|kube-proxy|cilium(?:-agent)?|calico(?:-node)?|flanneld?|multus|cni|ovs-vswitchd|ovn-controller)\b/;
const AGENT_UNIT = /^(?:kubelet|containerd|crio|cri-o|docker|kube-proxy|cilium|calico|flannel|ovs-vswitchd|ovn-controller)[\w@.-]*\.service$/;

export const JOURNAL_KEEP_RULES: readonly KeepRule[] = [
  { id: "kernel", keep: (e) => e.fields.get("_TRANSPORT") === "kernel" },
  {
    id: "node-agent",
    keep: (e) => AGENT_NAME.test(e.fields.get("SYSLOG_IDENTIFIER") ?? e.fields.get("_COMM") ?? "") || AGENT_UNIT.test(e.fields.get("_SYSTEMD_UNIT") ?? ""),
  },
  // PID 1's shutdown and reboot lines mark a clean stop on the timeline (the engine's shutdown rule).
  { id: "systemd-shutdown", keep: (e) => e.fields.get("_PID") === "1" && /\b(?:shutdown|[Rr]eboot|[Pp]ower-?[Oo]ff)\b/.test(e.fields.get("MESSAGE") ?? "") },
];

const WANTED_FIELDS = new Set(["MESSAGE", "_TRANSPORT", "SYSLOG_IDENTIFIER", "_COMM", "_PID", "SYSLOG_PID", "_HOSTNAME", "_SYSTEMD_UNIT", "PRIORITY"]);

export type JournalBootSummary = { bootId: string; firstTime: string; lastTime: string; entries: number };

export type RenderedJournal = {
  text: string;
  entriesRead: number;
  entriesKept: number;
  hostnames: string[];
  boots: JournalBootSummary[];
  machineId: string;
  compression: string[];
  compact: boolean;
  warnings: string[];
};

function isoMicros(usec: number): string {
  const ms = Math.floor(usec / 1000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return "1970-01-01T00:00:00.000000+00:00";
  const micros = String(Math.floor(usec % 1_000_000)).padStart(6, "0");
  return `${d.toISOString().slice(0, 19)}.${micros}+00:00`;
}

/** Reads the journal and renders the kept entries; throws JournalFormatError only for a file that is no journal. */
export async function renderJournal(bytes: Uint8Array): Promise<RenderedJournal> {
  const lines: string[] = [];
  const boots = new Map<string, JournalBootSummary>();
  const hostnames = new Set<string>();
  let kept = 0;
  let lastBoot: string | undefined;
  const { header, entriesRead, warnings } = await readJournal(bytes, { wantedFields: WANTED_FIELDS }, (e) => {
    if (!JOURNAL_KEEP_RULES.some((r) => r.keep(e))) return;
    kept++;
    const time = isoMicros(e.realtimeUsec);
    let boot = boots.get(e.bootId);
    if (!boot) boots.set(e.bootId, (boot = { bootId: e.bootId, firstTime: time, lastTime: time, entries: 0 }));
    boot.entries++;
    boot.lastTime = time;
    if (e.bootId !== lastBoot) {
      lines.push(`-- Boot ${e.bootId} --`);
      lastBoot = e.bootId;
    }
    const host = e.fields.get("_HOSTNAME") || "localhost";
    hostnames.add(host);
    const kernel = e.fields.get("_TRANSPORT") === "kernel";
    const tag = kernel ? "kernel" : (e.fields.get("SYSLOG_IDENTIFIER") ?? e.fields.get("_COMM") ?? "unknown");
    const pid = kernel ? undefined : (e.fields.get("SYSLOG_PID") ?? e.fields.get("_PID"));
    const prefix = `${time} ${host} ${tag}${pid ? `[${pid}]` : ""}: `;
    // A multi-line MESSAGE (Go panics logged in one write) keeps its prefix on every line, as journalctl does.
    for (const part of (e.fields.get("MESSAGE") ?? "").split("\n")) lines.push(prefix + part);
  });
  return {
    text: lines.length > 0 ? lines.join("\n") + "\n" : "",
    entriesRead,
    entriesKept: kept,
    hostnames: [...hostnames],
    boots: [...boots.values()],
    machineId: header.machineId,
    compression: header.compression,
    compact: header.compact,
    warnings,
  };
}
