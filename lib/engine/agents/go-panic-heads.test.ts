import { describe, expect, it } from "vitest";
import { parseGoPanic } from "./go-panic";
import { GO_PANIC_HEADS, matchGoPanicHead } from "./go-panic-heads";
import { createLineContext, parseLine } from "../lines/parse-line";
import { triage } from "../triage";

const parse = (raws: string[]) => {
  const ctx = createLineContext(0, 2024);
  return raws.map((r, i) => parseLine(r, i + 1, ctx));
};
const prefixed = (prefix: string, raws: string[]) => raws.map((r) => (r.startsWith("\u0000") ? r.slice(1) : prefix + r));

describe("Go panic heads", () => {
  it("every form has a needle its own pattern needs", () => {
    for (const head of GO_PANIC_HEADS) {
      const sample = { panic: "panic: x", "fatal-error": "fatal error: x", "net-http-recovered": "2016/06/12 11:04:35 http: panic serving 10.0.0.1:5000: x", "apimachinery-observed-panic": 'Observed a panic: "x" (runtime error: x)', "klog-structured-observed-panic": '"Observed a panic" panic="x" panicGoValue="x" stacktrace=<', "goroutine-dump": "goroutine 1 [running]:", "signal-panic": "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]", ...Object.fromEntries(["SIGSEGV", "SIGABRT", "SIGBUS", "SIGILL", "SIGFPE"].map((sig) => [`signal-${sig.toLowerCase()}`, `${sig}: x`])) }[head.id];
      expect(sample, head.id).toBeDefined();
      expect(sample!.includes((head.lineNeedle ?? head.needle).trim()), head.id).toBe(true);
      expect(matchGoPanicHead(sample!)?.head.id).toBe(head.id);
    }
    expect(matchGoPanicHead('Observed a panic: "invalid memory address or nil pointer dereference" (runtime error: invalid memory address or nil pointer dereference)')?.head.message(
      matchGoPanicHead('Observed a panic: "invalid memory address or nil pointer dereference" (runtime error: invalid memory address or nil pointer dereference)')!.match,
    )).toBe("runtime error: invalid memory address or nil pointer dereference");
  });
});

describe("parseGoPanic: a paste cut below its `panic:` line", () => {
  it("starts at the runtime's `[signal SIGSEGV …]` line: the faulting goroutine follows, no `panic(` frame needed", async () => {
    const lines = parse(
      prefixed("Mar 4 09:10:11 node-a kubelet: ", [
        "[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x2a3b4c5]",
        "goroutine 88 [running]:",
        "k8s.io/kubernetes/pkg/kubelet/stats.(*cadvisorStatsProvider).ListPodStats(0xc0004a2b10, 0x0, 0x0, 0x0)",
      ]),
    );
    const g = parseGoPanic(lines, 0, "messages");
    expect(g?.finding).toMatchObject({ kind: "go-panic", title: "panic in ListPodStats", component: "kubelet", panicked: true });
    // The same line in a whole dump stays part of the dump its `panic:` line opens: one finding.
    const text = ["panic: runtime error: invalid memory address or nil pointer dereference", "[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x2a3b4c5]", "goroutine 88 [running]:", "main.run(0xc000010000)", "\t/src/main.go:12 +0x1d", "main.main()", "\t/src/main.go:5 +0x25", ""].join("\n");
    const whole = await triage([{ name: "x.log", data: new TextEncoder().encode(text) }], { now: new Date("2024-09-01T00:00:00Z") });
    expect(whole.findings.filter((f) => f.kind === "go-panic").map((f) => f.title)).toEqual(["panic: runtime error: invalid memory address or nil pointer dereference in run"]);
    // A bracketed line that is not the runtime's signal line opens nothing.
    expect(matchGoPanicHead("[signal SIGTERM received, shutting down]")).toBeUndefined();
  });
});

describe("parseGoPanic: older Go and damaged dumps", () => {
  it("Go ≤ 1.7: a `panic(…)` frame, `fp= sp=` without `pc=`, file lines whose tab a shipper trimmed", () => {
    const lines = parse(
      prefixed("2017-09-16 00:29:55.672 info docker[41953]: ", [
        "panic: runtime error: invalid memory address or nil pointer dereference",
        "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x1513ab2]",
        "goroutine 36780342 [running]:",
        "panic(0x17a2b40, 0x25ec1d0)",
        "/usr/local/go/src/runtime/panic.go:531 +0x1cf fp=0xc4266c3eb0 sp=0xc4266c3e18",
        "runtime.panicmem()",
        "/usr/local/go/src/runtime/panic.go:63 +0x5e fp=0xc4266c3ed0 sp=0xc4266c3eb0",
        "github.com/docker/docker/daemon/logger/syslog.(*syslogger).Log(0xc421bda1b0, 0xc424d60060, 0x0, 0x0)",
        "/go/src/github.com/docker/docker/daemon/logger/syslog/syslog.go:137 +0x82 fp=0xc4266c3f70 sp=0xc4266c3f20",
      ]),
    );
    const g = parseGoPanic(lines, 0, "messages")!;
    expect(g.finding).toMatchObject({
      title: "panic: runtime error: invalid memory address or nil pointer dereference in Log",
      guiltyFrame: "github.com/docker/docker/daemon/logger/syslog.(*syslogger).Log",
      component: "docker",
      panicked: true,
    });
    expect(g.finding.host).toBeUndefined();
    expect(g.finding.frames.map((f) => f.function)).toEqual(["panic", "runtime.panicmem", "github.com/docker/docker/daemon/logger/syslog.(*syslogger).Log"]);
    expect(g.finding.frames[2]).toMatchObject({ fileLine: 137 });
    expect(g.end).toBe(9);
  });

  it("net/http's recovered panic behind Go's log stamp: recovered, blamed below the panic; escaped `func·N` closures and `.s` frames", () => {
    const lines = parse(
      prefixed("Jun 12 11:04:35 node-1 forward-journal[12371]: ", [
        "2016/06/12 11:04:35 http: panic serving @: runtime error: invalid memory address or nil pointer dereference",
        "goroutine 3210 [running]:",
        "net/http.func<C2><B7>011()",
        "/usr/lib/golang/src/net/http/server.go:1130 +0xbb fp=0xc2087bf998 sp=0xc2087bf8b8",
        "runtime.call16(0xc2087c1ef0, 0xc208dd00f0, 0x0)",
        "/usr/lib/golang/src/runtime/asm_amd64.s:401 +0x45 fp=0xc2087bf9b0 sp=0xc2087bf998",
        "runtime.gopanic(0x11f25e0, 0xc20802a050)",
        "/usr/lib/golang/src/runtime/panic.go:387 +0x3a8 fp=0xc2087bfa18 sp=0xc2087bf9b0",
        "main.(*handler).ServeHTTP(0xc2080a2000)",
        "/src/main.go:42 +0x8b fp=0xc2087bfa68 sp=0xc2087bfa18",
      ]),
    );
    const g = parseGoPanic(lines, 0, "messages")!;
    expect(g.finding).toMatchObject({
      title: "panic: runtime error: invalid memory address or nil pointer dereference in ServeHTTP",
      guiltyFrame: "main.(*handler).ServeHTTP",
      panicked: false,
      host: "node-1",
    });
    expect(g.finding.frames[0].function).toBe("net/http.func\u00b7011");
    expect(g.finding.frames[1]).toMatchObject({ function: "runtime.call16", file: "/usr/lib/golang/src/runtime/asm_amd64.s" });
  });

  it("a dump that starts at `goroutine N [running]:` is a panic only when it passes through one; terminal-wrapped lines rejoin", () => {
    const journal = "Dec 27 21:41:30 cp-1 kubelet[30265]: ";
    const lines = parse(
      prefixed(journal, [
        "goroutine 603 [running]:",
        "k8s.io/kubernetes/vendor/k8s.io/apimachinery/pkg/util/runtime.logPanic(0x3a2dec0, 0x6d6df80)",
        "        /go/src/k8s.io/kubernetes/vendor/k8s.io/apimachinery/",
        "\u0000pkg/util/runtime/runtime.go:74 +0xa3",
        "k8s.io/kubernetes/vendor/k8s.io/apimachinery/pkg/util/runtime.HandleCrash(0x0, 0x0, 0x0)",
        "        /go/src/k8s.io/kubernetes/vendor/k8s.io/apimachinery/pkg/util/runtime/runtime.go:48 +0x82",
        "panic(0x3a2dec0, 0x6d6df80)",
        "        /usr/local/go/src/runtime/panic.go:679 +0x1b2",
        "k8s.io/kubernetes/pkg/kubelet/cm.(*qosContainerManagerImpl).setCPUCgroupConfig(0xc000a8a0a0, 0xc000f14f38",
        "\u0000, 0x42803",
      ]),
    );
    const g = parseGoPanic(lines, 0, "kubelet.log")!;
    expect(g.finding).toMatchObject({
      title: "panic in setCPUCgroupConfig",
      guiltyFrame: "k8s.io/kubernetes/pkg/kubelet/cm.(*qosContainerManagerImpl).setCPUCgroupConfig",
      component: "kubelet",
      host: "cp-1",
    });
    expect(g.finding.frames[0]).toMatchObject({ fileLine: 74, file: "/go/src/k8s.io/kubernetes/vendor/k8s.io/apimachinery/pkg/util/runtime/runtime.go" });
    expect(g.finding.frames).toHaveLength(4);
    expect(g.end).toBe(10);
    // A goroutine dump with no panic in it (SIGQUIT, a debug dump) is not one.
    const quit = parse(["goroutine 1 [running]:", "main.main()", "\t/src/main.go:10 +0x20", "main.worker(0x1)", "\t/src/main.go:20 +0x20"]);
    expect(parseGoPanic(quit, 0, "x")).toBeUndefined();
  });

  it("through triage: HandleCrash's `Observed a panic:` line and its dump are one finding", async () => {
    const text = [
      'E0813 15:59:21.100203    1432 runtime.go:78] Observed a panic: "index out of range" (runtime error: index out of range [3] with length 0)',
      "goroutine 88 [running]:",
      "k8s.io/apimachinery/pkg/util/runtime.logPanic({0x1c2d3e0, 0xc000123456})",
      "\t/go/src/k8s.io/apimachinery/pkg/util/runtime/runtime.go:74 +0x86",
      "panic({0x1c2d3e0, 0xc000123456})",
      "\t/usr/local/go/src/runtime/panic.go:838 +0x207",
      "k8s.io/kubernetes/pkg/kubelet/pleg.(*GenericPLEG).relist(0xc0001a2b3c)",
      "\t/workspace/src/k8s.io/kubernetes/pkg/kubelet/pleg/generic.go:190 +0x1c5",
      "",
    ].join("\n");
    const inc = await triage([{ name: "kubelet.log", data: new TextEncoder().encode(text) }], { now: new Date("2024-09-01T00:00:00Z") });
    expect(inc.findings.map((f) => [f.kind, f.title, f.panicked])).toEqual([["go-panic", "panic: runtime error: index out of range in relist", false]]);
    expect(inc.warnings ?? []).toEqual([]);
  });
});

describe("klog's structured `\"Observed a panic\" … stacktrace=<`", () => {
  it("is the head of the tab-indented dump under it: one recovered finding, blamed below the panic frame", async () => {
    const text = [
      'time="2025-09-11T08:11:36Z" level=info msg="Listening on :9502"',
      'E0911 08:11:36.869906       1 panic.go:262] "Observed a panic" panic="runtime error: invalid memory address or nil pointer dereference" panicGoValue="\\"invalid memory address or nil pointer dereference\\"" stacktrace=<',
      "\tgoroutine 580 [running]:",
      "\tk8s.io/apimachinery/pkg/util/runtime.logPanic({0x32e36a8, 0xc000767e60}, {0x296a280, 0x4d50360})",
      "\t\t/app/vendor/k8s.io/apimachinery/pkg/util/runtime/runtime.go:132 +0xbc",
      "\tpanic({0x296a280?, 0x4d50360?})",
      "\t\t/usr/local/go/src/runtime/panic.go:785 +0x132",
      "\tgithub.com/rancher/dynamiclistener/storage/kubernetes.(*storage).update(0xc000274d20)",
      "\t\t/app/vendor/github.com/rancher/dynamiclistener/storage/kubernetes/controller.go:246 +0x85",
      " >",
      "",
    ].join("\n");
    const inc = await triage([{ name: "manager.log", data: new TextEncoder().encode(text) }], { now: new Date("2025-10-01T00:00:00Z") });
    // Before this head the line was one finding (its `runtime error:`) and the dump under it another.
    expect(inc.findings.map((f) => [f.kind, f.title, f.panicked])).toEqual([
      ["go-panic", "panic: runtime error: invalid memory address or nil pointer dereference in update", false],
    ]);
  });
});

describe("a recovered panic's dump cut above its `panic(…)` frame", () => {
  it("blames no frame: the frames it kept are the recovering handler's", () => {
    const lines = parse([
      'E0625 02:08:12.444338       1 runtime.go:78] Observed a panic: "invalid memory address or nil pointer dereference" (runtime error: invalid memory address or nil pointer dereference)',
      "goroutine 1940 [running]:",
      "k8s.io/apimachinery/pkg/util/runtime.logPanic({0x30b1c28, 0xc0023759b0})",
      "\t/app/vendor/k8s.io/apimachinery/pkg/util/runtime/runtime.go:132 +0xbc",
      "k8s.io/apimachinery/pkg/util/runtime.HandleCrash({0x0, 0x0, 0x0})",
      "\t/app/vendor/k8s.io/apimachinery/pkg/util/runtime/runtime.go:64 +0x17b",
    ]);
    const g = parseGoPanic(lines, 0, "x");
    expect(g?.finding.title).toBe("panic: runtime error: invalid memory address or nil pointer dereference");
    expect(g?.finding.guiltyFrame).toBeUndefined();
  });
});

describe("a Go runtime throw with no dump under it", () => {
  it("is a crash when its message is the runtime's own; another `fatal error:` line is not", () => {
    const lines = parse([
      "Mar 28 19:47:54 endor node_exporter[18076]: fatal error: runtime\u00b7unlock: lock count",
      "Mar 28 19:48:03 endor systemd[1]: node_exporter.service: Main process exited, code=killed, status=11/SEGV",
    ]);
    const g = parseGoPanic(lines, 0, "x");
    expect(g?.finding).toMatchObject({ kind: "go-panic", title: "fatal error: runtime\u00b7unlock: lock count", component: "node_exporter", panicked: true });
    expect(g?.end).toBe(1);
    expect(parseGoPanic(parse(["fatal error: stdio.h: No such file or directory", "compilation terminated."]), 0, "x")).toBeUndefined();
  });
});

describe("a fatal signal's dump in a syslog", () => {
  it("is found from its `sigcode=` line, the head above it read as the dump's first line", async () => {
    const text = [
      'Aug 13 15:59:20 w01 cilium-agent[812]: level=info msg="Starting"',
      "Aug 13 15:59:21 w01 cilium-agent[812]: SIGSEGV: segmentation violation",
      "Aug 13 15:59:21 w01 cilium-agent[812]: PC=0x7f1b2c3d4e5f m=3 sigcode=1",
      "Aug 13 15:59:21 w01 cilium-agent[812]: signal arrived during cgo execution",
      "Aug 13 15:59:21 w01 cilium-agent[812]: ",
      "Aug 13 15:59:21 w01 cilium-agent[812]: goroutine 57 [syscall]:",
      "Aug 13 15:59:21 w01 cilium-agent[812]: runtime.cgocall(0x1a2b3c0, 0xc000123f58)",
      "Aug 13 15:59:21 w01 cilium-agent[812]: \t/usr/local/go/src/runtime/cgocall.go:157 +0x4b fp=0xc000123f30 sp=0xc000123ef8 pc=0x40a1eb",
      "Aug 13 15:59:21 w01 cilium-agent[812]: github.com/cilium/cilium/pkg/netlink._Cfunc_nl_recv(0x7f1b20000b60)",
      "Aug 13 15:59:21 w01 cilium-agent[812]: \t_cgo_gotypes.go:412 +0x49",
      "Aug 13 15:59:22 w01 systemd[1]: cilium.service: Main process exited, code=exited, status=2/INVALIDARGUMENT",
    ].join("\n");
    const inc = await triage([{ name: "messages", data: new TextEncoder().encode(text) }], { now: new Date("2024-09-01T00:00:00Z") });
    const panics = inc.findings.filter((f) => f.kind === "go-panic");
    expect(panics.map((f) => [f.title, f.component, f.source.line])).toEqual([["SIGSEGV: segmentation violation in _Cfunc_nl_recv", "cilium-agent", 2]]);
    expect(inc.warnings ?? []).toEqual([]);
  });
});

describe("an older Go's abort, with no `sigcode=` on its PC line", () => {
  it("is found from its own `SIGABRT: abort` line, the frames read from the goroutine after the idle g0", async () => {
    const text = [
      "Feb  7 23:47:21 h1 dockerd[812]: runtime/cgo: pthread_create failed: Resource temporarily unavailable",
      "Feb  7 23:47:21 h1 dockerd[812]: SIGABRT: abort",
      "Feb  7 23:47:21 h1 dockerd[812]: PC=0x7f4f2fab85f7 m=5",
      "Feb  7 23:47:21 h1 dockerd[812]: goroutine 0 [idle]:",
      "Feb  7 23:47:21 h1 dockerd[812]: goroutine 1 [runnable, locked to thread]:",
      "Feb  7 23:47:21 h1 dockerd[812]: runtime.Gosched()",
      "Feb  7 23:47:21 h1 dockerd[812]: /usr/local/go/src/runtime/proc.go:166 +0x14",
      "Feb  7 23:47:21 h1 dockerd[812]: github.com/docker/libnetwork/ipamutils.initNetworks(0x0, 0x0)",
      "Feb  7 23:47:21 h1 dockerd[812]: /go/src/github.com/docker/libnetwork/ipamutils/utils.go:38 +0x111",
    ].join("\n");
    const inc = await triage([{ name: "messages", data: new TextEncoder().encode(text) }], { now: new Date("2024-09-01T00:00:00Z") });
    const panics = inc.findings.filter((f) => f.kind === "go-panic");
    expect(panics.map((f) => [f.title, f.component, f.source.line])).toEqual([["SIGABRT: abort in initNetworks", "dockerd", 2]]);
  });
});
