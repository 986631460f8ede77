import { describe, expect, it } from "vitest";
import { hostFromMemberPath } from "./host-from-member-path";

describe("hostFromMemberPath", () => {
  it.each([
    ["node1.log", "node1"],
    ["dmesg-worker-3.txt", "worker-3"],
    ["w01_kern.log", "w01"],
    ["node-3.log", "node-3"],
    ["node1-2024-08-18.log", "node1"],
    ["worker-3/kern.log", "worker-3"],
    ["k8s-node-2/dmesg", "k8s-node-2"],
    ["rack1/node7.log", "node7"],
    ["ip-10-0-1-23.ec2.internal.log", "ip-10-0-1-23.ec2.internal"],
    ["db.prod.example.com.log", "db.prod.example.com"],
    // netconsole captures are often named after the sender's address
    ["10.0.0.7.log", "10.0.0.7"],
    ["w02-logs.zip/dmesg.txt", "w02"],
    ["logs\\node5\\dmesg.txt", "node5"],
  ])("%s → %s", (path, host) => {
    expect(hostFromMemberPath(path)).toBe(host);
  });

  it.each([
    "crash/2024-08-18/dmesg",
    "logs/kern.log",
    "incident-123/console.out",
    "kern.log.2.gz",
    "messages-20240818",
    "console-ttyS0.log",
    "kernel-6.1.1.log",
    "boot-1.log",
    // No digit and not fully qualified: more likely a description than a node.
    "after-reboot.txt",
    "notes.txt",
    "README.md",
    "var/log/journal/4f1c0b7e9a2d/system.journal",
  ])("%s names no host", (path) => {
    expect(hostFromMemberPath(path)).toBeUndefined();
  });
});
