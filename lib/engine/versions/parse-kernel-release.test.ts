import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseKernelRelease } from "./parse-kernel-release";
import { compareDistroBuilds, compareVersions } from "./compare-versions";

type Row = {
  release: string;
  build?: string;
  banner?: string;
  family: string;
  upstream?: string;
  branch?: string;
  distroRelease?: string;
  distroBuild?: string;
  /** Inclusive confidence band. */
  conf: [number, number];
};

const HIGH: [number, number] = [0.85, 1];
const MEDIUM: [number, number] = [0.4, 0.8];
const LOW: [number, number] = [0, 0.3];

const ROWS: Row[] = [
  { release: "6.1.1-1.el9.elrepo.x86_64", family: "elrepo", upstream: "6.1.1", branch: "6.1", distroRelease: "9", conf: HIGH },
  { release: "5.16.16-1.el7.elrepo.x86_64", family: "elrepo", upstream: "5.16.16", branch: "5.16", conf: HIGH },
  { release: "5.15.70-flatcar", family: "flatcar", upstream: "5.15.70", branch: "5.15", conf: HIGH },
  { release: "6.6.8-200.fc39.x86_64", family: "fedora", upstream: "6.6.8", distroRelease: "39", conf: HIGH },
  { release: "6.6.8-arch1-1", family: "arch", upstream: "6.6.8", conf: HIGH },
  {
    release: "6.1.61-85.141.amzn2023.x86_64",
    family: "amazon",
    upstream: "6.1.61",
    distroRelease: "2023",
    distroBuild: "6.1.61-85.141.amzn2023",
    conf: MEDIUM,
  },
  { release: "5.10.205-195.804.amzn2.aarch64", family: "amazon", upstream: "5.10.205", distroRelease: "2", conf: MEDIUM },
  { release: "6.1.85+", family: "cos", upstream: "6.1.85", branch: "6.1", conf: MEDIUM },
  {
    release: "6.1.0-18-amd64",
    build: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)",
    family: "debian",
    upstream: "6.1.76",
    distroRelease: "12",
    distroBuild: "6.1.76-1",
    conf: HIGH,
  },
  { release: "6.1.0-18-amd64", family: "debian", upstream: "6.1.0", distroRelease: "12", conf: LOW },
  {
    release: "5.10.0-28-cloud-amd64",
    build: "#1 SMP Debian 5.10.209-2 (2024-01-31)",
    family: "debian",
    upstream: "5.10.209",
    distroRelease: "11",
    distroBuild: "5.10.209-2",
    conf: HIGH,
  },
  {
    release: "5.15.0-91-generic",
    build: "#101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023",
    family: "ubuntu",
    upstream: "5.15.0",
    distroRelease: "22.04",
    distroBuild: "5.15.0-91.101",
    conf: LOW,
  },
  {
    // linux-lowlatency-hwe-6.8 on 22.04: the upload has a `.1` of its own and the HWE suffix names the release.
    release: "6.8.0-40-lowlatency",
    build: "#40.1~22.04.3-Ubuntu SMP PREEMPT_DYNAMIC",
    family: "ubuntu",
    upstream: "6.8.0",
    distroRelease: "22.04",
    distroBuild: "6.8.0-40.40.1~22.04.3",
    conf: LOW,
  },
  {
    release: "5.15.0-91-generic",
    build: "#101-Ubuntu SMP",
    banner:
      "Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0) #101-Ubuntu SMP (Ubuntu 5.15.0-91.101-generic 5.15.131)",
    family: "ubuntu",
    upstream: "5.15.131",
    branch: "5.15",
    distroRelease: "22.04",
    distroBuild: "5.15.0-91.101",
    conf: MEDIUM,
  },
  {
    release: "5.15.0-91-generic",
    build: "#101~20.04.1-Ubuntu SMP",
    family: "ubuntu",
    distroRelease: "20.04",
    distroBuild: "5.15.0-91.101~20.04.1",
    conf: LOW,
  },
  { release: "5.15.0-1051-azure", family: "ubuntu", distroRelease: "22.04", conf: LOW },
  {
    release: "3.10.0-1062.4.1.el7.x86_64",
    family: "rhel",
    upstream: "3.10.0",
    distroRelease: "7.7",
    distroBuild: "3.10.0-1062.4.1.el7",
    conf: LOW,
  },
  { release: "3.10.0-862.14.4.el7.x86_64", family: "rhel", distroRelease: "7.5", conf: LOW },
  { release: "3.10.0-514.el7.x86_64", family: "rhel", distroRelease: "7.3", conf: LOW },
  { release: "3.10.0-1160.119.1.el7.x86_64", family: "rhel", distroRelease: "7.9", conf: LOW },
  { release: "4.18.0-477.27.1.el8_8.x86_64", family: "rhel", distroRelease: "8.8", distroBuild: "4.18.0-477.27.1.el8_8", conf: LOW },
  { release: "4.18.0-372.26.1.el8_6.x86_64", family: "rhel", distroRelease: "8.6", conf: LOW },
  { release: "4.18.0-80.el8.x86_64", family: "rhel", distroRelease: "8.0", conf: LOW },
  { release: "5.14.0-427.el9.x86_64", family: "rhel", distroRelease: "9.4", conf: LOW },
  { release: "5.14.0-284.30.1.el9_2.x86_64", family: "rhel", distroRelease: "9.2", conf: LOW },
  { release: "5.14.0-570.el9.x86_64", family: "rhel", distroRelease: "9.6", conf: LOW },
  { release: "6.12.0-55.94.1.el10_0.x86_64", family: "rhel", distroRelease: "10.0", conf: LOW },
  { release: "4.18.0-553.el8_10.x86_64", family: "rhel", distroRelease: "8.10", conf: LOW },
  {
    release: "5.14.21-150500.55.39-default",
    family: "suse",
    upstream: "5.14.21",
    distroRelease: "15-SP5",
    distroBuild: "5.14.21-150500.55.39",
    conf: LOW,
  },
  { release: "5.14.21-150400.24.46-default", family: "suse", distroRelease: "15-SP4", conf: LOW },
  { release: "4.12.14-122.37-default", family: "suse", distroBuild: "4.12.14-122.37", conf: LOW },
  {
    release: "5.15.0-205.149.5.1.el9uek.x86_64",
    family: "oracle-uek",
    branch: "5.15",
    distroRelease: "UEK7",
    distroBuild: "5.15.0-205.149.5.1.el9uek",
    conf: [0.2, 0.5],
  },
  { release: "5.15.123-android14-11-g1234abcd", family: "android", upstream: "5.15.123", distroRelease: "android14-11", conf: MEDIUM },
  { release: "6.1.1", family: "vanilla", upstream: "6.1.1", conf: HIGH },
  { release: "6.11", family: "vanilla", upstream: "6.11.0", branch: "6.11", conf: HIGH },
  { release: "6.11.0-rc3", family: "vanilla", upstream: "6.11.0", conf: HIGH },
  { release: "5.10.0-custom", family: "vanilla", upstream: "5.10.0", conf: MEDIUM },
];

describe("parseKernelRelease", () => {
  it.each(ROWS)("$release ($family)", (row) => {
    const k = parseKernelRelease(row.release, row.build, row.banner);
    expect(k.raw).toBe(row.release);
    expect(k.family).toBe(row.family);
    if (row.upstream) expect(k.upstream).toBe(row.upstream);
    if (row.branch) expect(k.branch).toBe(row.branch);
    if (row.distroRelease) expect(k.distroRelease).toBe(row.distroRelease);
    if (row.distroBuild) expect(k.distroBuild).toBe(row.distroBuild);
    expect(k.confidence).toBeGreaterThanOrEqual(row.conf[0]);
    expect(k.confidence).toBeLessThanOrEqual(row.conf[1]);
  });

  it("marks release candidates", () => {
    expect(parseKernelRelease("6.11.0-rc3").prerelease).toBe("rc3");
    expect(parseKernelRelease("6.11.0-0.rc3.20240815git1234.31.fc41.x86_64").prerelease).toBe("rc3");
    expect(parseKernelRelease("6.11.0").prerelease).toBeUndefined();
  });

  it("says why a RHEL upstream number is unusable", () => {
    const k = parseKernelRelease("3.10.0-862.el7.x86_64");
    expect(k.notes.join(" ")).toMatch(/backports/);
  });

  it("never throws and marks garbage as unknown", () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), (release, build) => {
        const k = parseKernelRelease(release, build ?? undefined);
        expect(k.confidence).toBeGreaterThanOrEqual(0);
        expect(k.confidence).toBeLessThanOrEqual(1);
      }),
    );
    expect(parseKernelRelease("").family).toBe("unknown");
    expect(parseKernelRelease("linux").family).toBe("unknown");
    expect(parseKernelRelease(undefined as unknown as string).family).toBe("unknown");
  });
});

describe("compareVersions", () => {
  it.each([
    ["6.1.9", "6.1.103", -1],
    ["6.11", "6.11.0", 0],
    ["6.2", "6.11", -1],
    ["5.15.165", "5.15.164", 1],
    ["1.15.1", "1.15", 1],
  ] as const)("%s vs %s", (a, b, want) => {
    expect(compareVersions(a, b)).toBe(want);
    expect(compareVersions(b, a)).toBe(-want || 0);
  });
});

describe("compareDistroBuilds", () => {
  it.each([
    ["3.10.0-1062.4.1.el7", "3.10.0-862.14.4.el7", 1],
    ["3.10.0-862.el7.x86_64", "3.10.0-1062.4.1.el7", -1],
    ["3.10.0-1062.el7", "3.10.0-1062.4.1.el7", -1],
    ["4.18.0-477.27.1.el8_8", "4.18.0-477.10.1.el8_8", 1],
    ["5.15.0-91.101", "5.15.0-112.122", -1],
    ["6.1.76-1", "6.1.76-1~bpo11+1", 1],
    ["6.1.76-1", "6.1.76-1", 0],
  ] as const)("%s vs %s", (a, b, want) => {
    expect(compareDistroBuilds(a, b)).toBe(want);
    expect(compareDistroBuilds(b, a)).toBe(-want || 0);
  });
});
