import { describe, expect, it } from "vitest";
import { unpadTerminalWraps } from "./unpad-terminal-wraps";

/** `line` as a terminal copy shows it: rows of `width` characters, each but the last padded with spaces to `pane`. */
const padded = (line: string, width: number, pane: number) => {
  const rows: string[] = [];
  for (let at = 0; at < line.length; at += width) rows.push(line.slice(at, at + width));
  return rows.map((row, i) => (i < rows.length - 1 ? row.padEnd(pane) : row)).join("");
};

const WARNING =
  "[   41.659364] WARNING: CPU: 0 PID: 32 at compat-wireless-2016-06-20/drivers/net/wireless/ath/ath9k/beacon.c:642 ath9k_calculate_summary_state+0x250/0x60c [ath9k]()";
const MODULES =
  "[   41.659379] Modules linked in: ath9k ath9k_common pppoe ppp_async iptable_nat ath9k_hw ath pppox ppp_generic nf_nat_ipv4 nf_conntrack_ipv6 nf_conntrack_ipv4 mac80211";

describe("unpadTerminalWraps", () => {
  it("runs a padded copy's rows together again, a row ending in the line's own space included", () => {
    const raws = [padded(WARNING, 80, 198), padded(MODULES, 80, 198), "[   41.659400] CPU: 0 PID: 32 Comm: kworker/0:1"];
    expect(unpadTerminalWraps(raws)).toEqual([WARNING, MODULES, raws[2]]);
  });

  it("takes the smallest end of padding as the pane's width when a row starts with the line's own space", () => {
    const line = `${"x".repeat(79)} ${"y".repeat(100)}`;
    expect(unpadTerminalWraps([padded(line, 80, 150)])).toEqual([line]);
  });

  it("leaves a log alone whose runs of spaces are columns, not padding to one width", () => {
    const raws = [
      "wlan0     IEEE 802.11  ESSID:\"abcdefg\"",
      `${"a".repeat(70)}                    ${"b".repeat(30)}`,
      `${"c".repeat(65)}                          ${"d".repeat(90)}                 e`,
    ];
    expect(unpadTerminalWraps(raws)).toBe(raws);
  });

  it("returns the same array when no line has padding", () => {
    const raws = [WARNING, MODULES];
    expect(unpadTerminalWraps(raws)).toBe(raws);
  });
});
