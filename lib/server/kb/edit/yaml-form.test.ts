import { describe, expect, it } from "vitest";
import { loadBuiltinKb } from "../../../kb/load-builtin";
import { entriesToYaml, entryToYaml, parseEntryYaml, parseKbYaml } from "./yaml-form";

const builtin = loadBuiltinKb().entries;

describe("KB YAML form", () => {
  it("round-trips every built-in entry without loss", () => {
    expect(builtin.length).toBeGreaterThan(0);
    for (const entry of builtin) {
      const back = parseEntryYaml(entryToYaml(entry));
      expect(back.errors).toEqual([]);
      expect(back.entry).toEqual(entry);
    }
  });

  it("round-trips the whole KB as one multi-document export", () => {
    const parsed = parseKbYaml(entriesToYaml(builtin));
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toEqual(builtin);
  });

  it("reports a document whose aliases the yaml library refuses by position, and keeps the others", () => {
    const good = entryToYaml(builtin[0]);
    const bomb = ["a: &a [x,x,x,x,x,x,x,x,x]", ..."bcde".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcd"[i]}`).join(",")}]`)].join("\n");
    const parsed = parseKbYaml(`---\n${good}---\n${bomb}\n---\nid: x\nsummary: *nowhere\n`);
    expect(parsed.entries).toEqual([builtin[0]]);
    expect(parsed.errors.map((e) => e.index)).toEqual([1, 2]);
    expect(parsed.errors[0].message).toMatch(/alias count/);
    expect(parsed.errors[1].message).toMatch(/Unresolved alias/);
  });

  it("reports an invalid document by position and keeps the valid ones", () => {
    const good = entryToYaml(builtin[0]);
    const text = `---\n${good}---\nid: Not Kebab\ntitle: x\n---\n: : bad yaml [\n`;
    const parsed = parseKbYaml(text);
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.errors.map((e) => e.index)).toEqual([1, 2]);
    expect(parsed.errors[0].id).toBe("Not Kebab");
  });

  it("names the rule field a signature needs", () => {
    const entry = { ...builtin[0], signatures: [{ kind: "title", weight: 0.5 }] };
    const { errors } = parseEntryYaml(entryToYaml(entry as never));
    expect(errors.join(" ")).toContain('needs "value"');
  });
});
