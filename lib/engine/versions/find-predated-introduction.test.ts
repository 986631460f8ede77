import { describe, expect, it } from "vitest";
import { findPredatedIntroduction } from "./find-predated-introduction";
import { parseKernelRelease } from "./parse-kernel-release";
import { INTRODUCED_5_12, entry } from "./test-entries";

const INTRODUCED_512 = INTRODUCED_5_12;

/** The same bug, with the introducing commit taken by stable 4.14.224 and 4.19.179 (as CVE-2022-49142's was). */
const BACKPORTED_INTO_419 = entry({
  ...INTRODUCED_512,
  fixes: [{ ...INTRODUCED_512.fixes[0], branches: [{ branch: "4.14", introduced: "4.14.224" }, { branch: "4.19", introduced: "4.19.179" }, { branch: "5.15", fixed: "5.15.33" }] }],
});

const check = (release: string, kb = INTRODUCED_512, build?: string) =>
  findPredatedIntroduction({ kernel: parseKernelRelease(release, build), entry: kb });

describe("findPredatedIntroduction", () => {
  it("doubts, never excludes, a RHEL-family kernel on an older base: backports may carry the bug", () => {
    const r = check("3.10.0-327.el7.x86_64");
    expect(r?.effect).toBe("doubtful");
    expect(r?.reason).toMatch(/RHEL-family kernel on a 3\.10 base, older than 5\.12.*097b9146c0e2.*another bug/);
    expect(check("3.10.0-327.el7.x86_64")?.reason).toMatch(/the base is 43 releases older/);
  });

  it("only explains a vendor base within the years vendors backport from", () => {
    // RHEL 8.6 carries 5.15's NVMe multipath code (testdata/kb/nvme-multipath-revalidate-null-deref.log).
    const r = check("4.18.0-372.32.1.el8_6.x86_64");
    expect(r?.effect).toBe("backport-only");
    expect(r?.reason).toMatch(/only a RHEL-family backport of the introducing commit 097b9146c0e2 would bring it$/);
    expect(check("5.3.18-150300.59.93-default")?.effect).toBe("backport-only");
    expect(check("4.18.0-372.32.1.el8test86.x86_64")?.reason).toMatch(/a kernel with patches of its own.*a backport by its builder/);
  });

  it("keeps a crash in a module for a backport package to explain", () => {
    const r = findPredatedIntroduction({ kernel: parseKernelRelease("5.4.89"), entry: INTRODUCED_512, module: "ath11k" });
    expect(r?.effect).toBe("backport-only");
    expect(r?.reason).toMatch(/a newer ath11k module \(a backport package: DKMS, linux-backports\)/);
  });

  it("reads a git snapshot as carrying the next release's merge window", () => {
    expect(check("5.11.0-14184-g69dac8e431af")).toBeUndefined();
    expect(check("5.10.0-10893-g60d6")?.effect).toBe("backport-only");
  });

  it("excludes an upstream kernel older than the introduction", () => {
    expect(check("4.19.0")?.effect).toBe("excluded");
    expect(check("5.11.22")?.reason).toMatch(/older than 5\.12 where the bug was introduced/);
    // Ubuntu and Debian trees are upstream lines: an ABI name still says the line.
    expect(check("5.4.0-100-generic")?.effect).toBe("excluded");
  });

  it("leaves kernels at or after the introduction alone", () => {
    expect(check("5.15.30")).toBeUndefined();
    expect(check("5.12.0")).toBeUndefined();
    expect(check("5.15.0-91-generic")).toBeUndefined();
    expect(check("5.14.0-362.8.1.el9_3.x86_64")).toBeUndefined();
  });

  it("reads stable-only introductions on the kernel's own line", () => {
    expect(check("4.19.0", BACKPORTED_INTO_419)?.reason).toMatch(/4\.19\.0 predates 4\.19\.179, where the bug was backported into 4\.19\.y/);
    expect(check("4.19.200", BACKPORTED_INTO_419)).toBeUndefined();
    // A vendor line above the oldest line the bug reached upstream: its own backports decide, not the base.
    expect(check("4.18.0-513.5.1.el8_9.x86_64", BACKPORTED_INTO_419)).toBeUndefined();
    expect(check("3.10.0-327.el7.x86_64", BACKPORTED_INTO_419)?.reason).toMatch(/oldest stable line it reached is 4\.14, in 4\.14\.224/);
  });

  it("trusts recorded distro builds over the base line", () => {
    const withRhel = entry({
      ...INTRODUCED_512,
      fixes: [{ ...INTRODUCED_512.fixes[0], distros: [{ distro: "rhel", release: "7", fixed: "3.10.0-1160.el7" }] }],
    });
    expect(check("3.10.0-327.el7.x86_64", withRhel)).toBeUndefined();
  });

  it("says nothing without an introduced release", () => {
    expect(check("3.10.0-327.el7.x86_64", entry({ ...INTRODUCED_512, introduced: undefined }))).toBeUndefined();
    expect(check("3.10.0-327.el7.x86_64", entry({ ...INTRODUCED_512, generic: true }))).toBeUndefined();
  });
});
