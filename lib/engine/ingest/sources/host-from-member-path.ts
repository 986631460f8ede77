/**
 * The host a member of a bundle of logs belongs to, from its path (`node1.log`, `dmesg-worker-3.txt`,
 * `worker-3/kern.log`), for lines that name none (raw dmesg, console captures, `kern.log` without a host column).
 * People name the file or its directory after the node; the rest of the name says what kind of log it is, when, or
 * which case it belongs to. Only a name that still looks like a host once those are taken away is used: a node
 * name has a digit (`node1`, `w01`, `ip-10-0-1-23`) or is a fully qualified name (`db.prod.example.com`). A log
 * named `after-reboot.txt` or `notes.txt` names no host rather than a wrong one.
 */

/** Words that say what a log is or where it was gathered, never which host (as the whole name or at either end). */
const NOT_A_HOST_WORD =
  /^(?:logs?|dmesg|kern|kernel|messages|syslog|console\d*|serial\d*|tty[a-z]*\d*|netconsole|journal|journalctl|boot|crash(?:es)?|dump|vmcore|kdump|kexec|oops|panic|output|out|err|stderr|stdout|var|tmp|incident|case|ticket|issue|bug|jira|sr|report|debug|trace|kubelet|containerd|crio|docker|system|all|collected|gathered|upload|files|data|old|new|latest|full|raw|before|after)$/i;

/** A date or time inside a name (`2024-08-18`, `20240818`, `16:00:12`): when, not who. */
const DATE_OR_TIME = /(?:^|[-_.])(?:\d{4}-?\d{2}-?\d{2}(?:[T_-]?\d{2}[:.-]?\d{2}(?:[:.-]?\d{2})?)?|\d{2}[:-]\d{2}[:-]\d{2})(?=$|[-_.])/g;

/**
 * What follows a log's name: rotation numbers, log extensions, codecs and archive types (`kern.log.2.gz`,
 * `messages-20240818`, `node7-logs.tar.gz`).
 */
const LOG_SUFFIX = /(?:\.(?:log|txt|out|err|json|gz|xz|zst|zstd|bz2|tar|tgz|txz|tbz2?|tzst|zip|\d{1,3})|-\d{8})$/i;

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const HOST_CHARS = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9])?$/;
/** A machine id, a boot id or a hash directory (`var/log/journal/4f1c0b7e…/`): hex with digits, no host. */
const HEX_ID = /^(?=.*\d)[0-9a-f]{8,}$/i;

function hostIn(component: string): string | undefined {
  let name = component;
  // `10.0.0.7.log`: a netconsole capture named after its sender; its last octet is no rotation number.
  while (!IPV4.test(name) && LOG_SUFFIX.test(name)) name = name.replace(LOG_SUFFIX, "");
  name = name.replace(DATE_OR_TIME, "");
  const tokens = name.split(/([-_.])/);
  // tokens alternate word, separator, word…: drop kind words at either end, with their separators.
  while (tokens.length > 0 && (tokens[0] === "" || NOT_A_HOST_WORD.test(tokens[0]))) tokens.splice(0, 2);
  while (tokens.length > 0 && (tokens[tokens.length - 1] === "" || NOT_A_HOST_WORD.test(tokens[tokens.length - 1]))) tokens.splice(-2, 2);
  const host = tokens.join("");
  if (!HOST_CHARS.test(host) || HEX_ID.test(host)) return undefined;
  if (IPV4.test(host)) return host;
  if (!/[A-Za-z]/.test(host)) return undefined;
  return /\d/.test(host) || host.split(".").length >= 3 ? host : undefined;
}

/**
 * The host named by a member path within its archive or directory: the file's own name first, then its directories
 * from the nearest up. Undefined when none of them looks like a host.
 */
export function hostFromMemberPath(path: string): string | undefined {
  // Zips written by some Windows tools separate directories with backslashes.
  const components = path.split(/[/\\]/).filter((c) => c !== "" && c !== ".");
  for (let i = components.length - 1; i >= 0; i--) {
    const host = hostIn(components[i]);
    if (host) return host;
  }
  return undefined;
}
