import { describe, expect, it } from "vitest";
import { AGENT_VERSION_RULES, componentFamily, parseEscapedGoPanic, parseGoPanic, parseRecoveredGoPanic } from "./go-panic";
import { createLineContext, parseLine } from "../lines/parse-line";

const parse = (raws: string[]) => {
  const ctx = createLineContext(0, 2024);
  return raws.map((r, i) => parseLine(r, i + 1, ctx));
};

describe("parseGoPanic", () => {
  it("nil map / concurrent map writes (fatal error:) with the runtime frames skipped for the guilty frame", () => {
    const lines = parse([
      "fatal error: concurrent map writes",
      "",
      "goroutine 412 [running]:",
      "runtime.throw({0x1f2e3a4?, 0x0?})",
      "\t/usr/local/go/src/runtime/panic.go:1047 +0x5d fp=0xc000a1b2c3 sp=0xc000a1b2c0 pc=0x43a1bd",
      "runtime.mapassign_faststr(0x1c2d3e0?, 0xc000123456?, {0xc000abcdef, 0x10})",
      "\t/usr/local/go/src/runtime/map_faststr.go:203 +0x3fc",
      "k8s.io/kubernetes/pkg/kubelet/pleg.(*GenericPLEG).updateCache(0xc0001a2b3c, {0x2345678, 0xc000fedcba})",
      "\t/workspace/src/k8s.io/kubernetes/pkg/kubelet/pleg/generic.go:421 +0x1c5",
    ]);
    const g = parseGoPanic(lines, 0, "kubelet.log");
    expect(g).toBeDefined();
    expect(g!.finding).toMatchObject({
      kind: "go-panic",
      title: "fatal error: concurrent map writes in updateCache",
      guiltyFrame: "k8s.io/kubernetes/pkg/kubelet/pleg.(*GenericPLEG).updateCache",
      component: "kubelet",
      panicMessage: "concurrent map writes",
      source: { file: "kubelet.log", line: 1, endLine: 9 },
    });
    // Runtime file lines carry ` fp=… sp=… pc=…` trailers; the trace goes on past them.
    expect(g!.finding.frames[0]).toMatchObject({ function: "runtime.throw", file: "/usr/local/go/src/runtime/panic.go", fileLine: 1047 });
    expect(g!.finding.frames[2]).toMatchObject({ file: "/workspace/src/k8s.io/kubernetes/pkg/kubelet/pleg/generic.go", fileLine: 421 });
    expect(g!.end).toBe(9);
    // syzkaller's bucket for any runtime fatal error; a `panic:` keeps its own title only.
    expect(g!.finding).toMatchObject({ syzkallerTitle: "go runtime error", type: "DoS", altTitles: ["go runtime error"] });
  });

  it("the program name wins over the package for the component; numbers are normalised out of the title", () => {
    const lines = parse([
      "Aug 13 15:59:21 w01 calico-node[812]: panic: runtime error: slice bounds out of range [:7] with capacity 4",
      "Aug 13 15:59:21 w01 calico-node[812]: ",
      "Aug 13 15:59:21 w01 calico-node[812]: goroutine 88 [running]:",
      "Aug 13 15:59:21 w01 calico-node[812]: github.com/projectcalico/calico/felix/dataplane/linux.(*endpointManager).resolveWorkloadEndpoints(0xc0004a2000)",
      "Aug 13 15:59:21 w01 calico-node[812]: \t/go/src/github.com/projectcalico/calico/felix/dataplane/linux/endpoint_mgr.go:512 +0x1e5",
    ]);
    const g = parseGoPanic(lines, 0, "messages");
    expect(g!.finding).toMatchObject({ component: "calico-node", host: "w01", time: "2024-08-13T15:59:21.000Z" });
    expect(g!.finding.title).toBe("panic: runtime error: slice bounds out of range [:NUM] with capacity NUM in resolveWorkloadEndpoints");
    expect(g!.finding.syzkallerTitle).toBeUndefined();
    expect(componentFamily("cilium-agent")).toBe("cilium");
  });

  it("a `panic:` line without a goroutine trace is not a Go panic", () => {
    expect(parseGoPanic(parse(["panic: something", "next line", "another"]), 0, "x")).toBeUndefined();
    expect(parseGoPanic(parse(["panic: something"]), 0, "x")).toBeUndefined();
    expect(parseGoPanic(parse(["panic: x", "", "goroutine 1 [running]:", "not a frame"]), 0, "x")).toBeUndefined();
  });

  it("a `panic:` line and the running goroutine's header the log ends with are a crash whose frames were cut", () => {
    // cilium/cilium#2394: the agent's journal lines, pasted up to the goroutine header.
    const cut = parse([
      "Dec 21 14:30:16 cilium-master cilium-agent[2009]: panic: assignment to entry in nil map",
      "Dec 21 14:30:16 cilium-master cilium-agent[2009]: goroutine 157 [running]:",
    ]);
    expect(parseGoPanic(cut, 0, "x")!.finding).toMatchObject({ kind: "go-panic", title: "panic: assignment to entry in nil map", component: "cilium-agent", frames: [] });
    // Another program's line right below the header ends the dump as well.
    const next = parse([...cut.map((l) => l.raw), "Dec 21 14:30:17 cilium-master systemd[1]: cilium.service: Main process exited, code=exited, status=2/INVALIDARGUMENT"]);
    expect(parseGoPanic(next, 0, "x")?.finding.kind).toBe("go-panic");
    // A goroutine that was not running (a dump of another goroutine) or a header the program's own lines go on after
    // without a frame is no crash of this kind.
    expect(parseGoPanic(parse(["panic: x", "goroutine 1 [chan receive]:"]), 0, "x")).toBeUndefined();
    expect(parseGoPanic(parse(["a[1]: panic: x", "a[1]: goroutine 1 [running]:", "a[1]: not a frame"]), 0, "x")).toBeUndefined();
  });
});

describe("fatal signals and dumps quoted in one line", () => {
  it("a signal in C code (`SIGSEGV: segmentation violation`, `PC=… m=0 sigcode=1`) is a crash titled by the signal", () => {
    const g = parseGoPanic(
      parse([
        "SIGSEGV: segmentation violation",
        "PC=0x7f1b2c3d4e5f m=3 sigcode=1",
        "signal arrived during cgo execution",
        "",
        "goroutine 57 [syscall]:",
        "runtime.cgocall(0x1a2b3c0, 0xc000123f58)",
        "\t/usr/local/go/src/runtime/cgocall.go:157 +0x4b fp=0xc000123f30 sp=0xc000123ef8 pc=0x40a1eb",
        "github.com/example/agent/pkg/netlink._Cfunc_nl_recv(0x7f1b20000b60)",
        "\t_cgo_gotypes.go:412 +0x49",
      ]),
      0,
      "agent.log",
    );
    expect(g!.finding).toMatchObject({ kind: "go-panic", title: "SIGSEGV: segmentation violation in _Cfunc_nl_recv", panicked: true });
    // SIGQUIT's dump is a debugging aid, not a crash: no head reads it.
    expect(parseGoPanic(parse(["SIGQUIT: quit", "PC=0x4 m=0 sigcode=0", "", "goroutine 1 [running]:", "main.main()", "\t/x.go:1 +0x1"]), 0, "x")).toBeUndefined();
  });

  it("a signal on a thread with no goroutine (`goroutine 0 [idle]:` and its raw stack) is a crash, frames or not", () => {
    // cgo could not create a thread: the runtime aborts and dumps the idle g0's unsymbolised stack first.
    const head = [
      "runtime/cgo: pthread_create failed: Resource temporarily unavailable",
      "SIGABRT: abort",
      "PC=0x7f5e2a1b3c4d m=7 sigcode=18446744073709551610",
      "",
      "goroutine 0 [idle]:",
      "runtime: unknown pc 0x7f5e2a1b3c4d",
      "stack: frame={sp:0x7ffd1c2b3a40, fp:0x0} stack=[0x7ffd1b2c4e58,0x7ffd1c2b3e80)",
      "00007ffd1c2b3940:  0000000000000000  00007ffd1c2b39c0 ",
      "00007ffd1c2b3950:  000000000045e6a1 <runtime.goexit+1>  0000000000000000 ",
      "00007ffd1c2b3a40: <00007f5e2a1b4000  0000000000000006",
    ];
    const cut = parseGoPanic(parse(head), 1, "dockerd.log");
    expect(cut!.finding).toMatchObject({ kind: "go-panic", title: "SIGABRT: abort", frames: [] });
    expect(cut!.finding.report).toHaveLength(head.length - 1);
    // A whole dump goes on to the program's goroutines: the frames are theirs.
    const whole = parseGoPanic(
      parse([
        ...head,
        "",
        "goroutine 1 [syscall, locked to thread]:",
        "runtime.cgocall(0x55d0e1a2b3c0, 0xc000123f58)",
        "\t/usr/local/go/src/runtime/cgocall.go:157 +0x4b fp=0xc000123f30 sp=0xc000123ef8 pc=0x40a1eb",
        "github.com/example/agent/pkg/netns._Cfunc_setns(0x7, 0x40000000)",
        "\t_cgo_gotypes.go:88 +0x49",
      ]),
      1,
      "dockerd.log",
    );
    expect(whole!.finding).toMatchObject({ title: "SIGABRT: abort in _Cfunc_setns", guiltyFrame: "github.com/example/agent/pkg/netns._Cfunc_setns" });
    // The signal's line alone, with no goroutine header after it, is not a dump.
    expect(parseGoPanic(parse(["SIGABRT: abort", "PC=0x4 m=0 sigcode=0", "child exited"]), 0, "x")).toBeUndefined();
    // SIGQUIT's dump of an idle g0 is still a debugging aid.
    expect(parseGoPanic(parse(["SIGQUIT: quit", "PC=0x4 m=0 sigcode=0", "", "goroutine 0 [idle]:", "runtime: unknown pc 0x4"]), 0, "x")).toBeUndefined();
  });

  it("reads a dump a kubelet or CNI error quotes with escaped line breaks, as the crashed program's own", () => {
    const [cni, probe, plain] = parse([
      'E0813 15:59:21.100203    1432 pod_workers.go:1298] "Error syncing pod" err="failed to create pod sandbox: plugin type=\\"flannel\\" failed (add): netplugin failed: \\"panic: runtime error: invalid memory address or nil pointer dereference\\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x5d1e2f]\\n\\ngoroutine 1 [running]:\\nmain.cmdAdd(0xc0000a6000)\\n\\t/go/src/github.com/flannel-io/cni-plugin/flannel.go:121 +0x2f\\nmain.main()\\n\\t/go/src/github.com/flannel-io/cni-plugin/main.go:40 +0x65\\n\\""',
      'E0510 14:52:00.506020 62528 remote_runtime.go:704] "ExecSync cmd from runtime service failed" err="rpc error: code = Unknown desc = command error: fips.c:154: FATAL FIPS SELFTEST FAILURE\\nSIGABRT: abort\\nPC=0x7f44c675737f m=0 sigcode=18446744073709551610\\n\\ngoroutine 1 [syscall, locked to thread]:\\nruntime.cgocall(0x55a8385a3310, 0xc0001c5588)\\n\\t/usr/lib/golang/src/runtime/cgocall.go:156 +0x5c\\ncrypto/internal/boring._Cfunc__goboringcrypto_DLOPEN_OPENSSL()\\n\\t_cgo_gotypes.go:284 +0x4d\\n"',
      'E0510 14:52:00.506020 62528 remote_runtime.go:704] "ExecSync cmd failed" err="exit status 1\\nno goroutine here"',
    ]);
    expect(parseEscapedGoPanic(cni, "kubelet.log")).toMatchObject({
      kind: "go-panic",
      title: "panic: runtime error: invalid memory address or nil pointer dereference in cmdAdd",
      guiltyFrame: "main.cmdAdd",
      source: { line: 1, endLine: 1 },
    });
    const sig = parseEscapedGoPanic(probe, "kubelet.log");
    expect(sig).toMatchObject({ title: "SIGABRT: abort in _Cfunc__goboringcrypto_DLOPEN_OPENSSL" });
    // The kubelet logged it; the program that crashed is the one it quoted.
    expect(sig!.component).not.toBe("kubelet");
    expect(parseEscapedGoPanic(plain, "kubelet.log")).toBeUndefined();
  });
});

describe("parseRecoveredGoPanic", () => {
  it("reads a Go runtime fault a program recovered and logged, naming the program from the text", () => {
    const [calico, kube, planned, plain] = parse([
      "2022-03-21 11:29:35.252 [ERROR][27163] plugin.go 119: Final result of CNI ADD was an error. error=Calico CNI panicked during ADD: runtime error: invalid memory address or nil pointer dereference",
      'E0813 15:59:21.100203    1432 runtime.go:78] Observed a panic: "index out of range [3] with length 0" (runtime error: index out of range [3] with length 0)',
      "2024-01-01T00:00:00Z level=error msg=\"panic: boom\"",
      "2024-01-01T00:00:00Z level=error msg=\"runtime error: index out of range\"",
    ]);
    expect(parseRecoveredGoPanic(calico, "cni.log")).toMatchObject({
      kind: "go-panic", title: "panic: runtime error: invalid memory address or nil pointer dereference", component: "calico", panicked: false,
    });
    expect(parseRecoveredGoPanic(kube, "kubelet.log")).toMatchObject({ title: "panic: runtime error: index out of range" });
    // A panic a program raises on purpose, or a runtime error that never panicked, is not this.
    expect(parseRecoveredGoPanic(planned, "x.log")).toBeUndefined();
    expect(parseRecoveredGoPanic(plain, "x.log")).toBeUndefined();
  });

  it("apimachinery's line cut before its `(runtime error: …)`: the quoted value is the runtime's own message", () => {
    const [cut, own] = parse([
      'E0104 06:45:36.956259    1246 runtime.go:73] Observed a panic: "invalid memory address or nil pointer dereference" (runtime erro',
      'E0104 06:45:36.956259    1246 runtime.go:73] Observed a panic: "unexpected object type" (runtime',
    ]);
    expect(parseRecoveredGoPanic(cut, "kubelet.log")).toMatchObject({ kind: "go-panic", title: "panic: runtime error: invalid memory address or nil pointer dereference" });
    // A value the program panicked with on purpose says nothing general.
    expect(parseRecoveredGoPanic(own, "kubelet.log")).toBeUndefined();
  });
});

describe("agent version lines", () => {
  const containerd = AGENT_VERSION_RULES.find((r) => r.component === "containerd")!;

  it("containerd's start-up line names its version after the revision", () => {
    const line =
      'time="2023-03-02T10:11:12.123456789Z" level=info msg="starting containerd" revision=1e1ea6e986c6c86565bc33d52e34b81b3e2bc71f version=v1.6.8';
    expect(containerd.pattern.exec(line)?.[1]).toBe("1.6.8");
  });

  it("a `version=` far past `starting containerd` is another field's, not containerd's", () => {
    expect(containerd.pattern.exec(`msg="starting containerd" ${"x".repeat(400)} version=v1.6.8`)).toBeNull();
  });
});
