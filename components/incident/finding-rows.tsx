import type { Finding } from "@/lib/engine/types";
import { matchStrength } from "@/lib/engine/match/match-strength";
import { formatTime } from "@/components/ui/format";
import { logAnchor } from "./log-anchor";
import { MoreRows } from "./more-rows";

type Props = {
  findings: Finding[];
  fileIndexOf: (name: string) => number;
  /** The page with every finding as a full card. */
  allHref: string;
};

/**
 * The findings a big incident does not render as cards (components/incident/first-screen.ts): one row each, with
 * what decides whether to look closer — host, first time, repeats, the known issue — and links to its log line and
 * its full card. A row keeps the card's anchor id, so `#finding-…` links still land on it.
 */
export function FindingRows({ findings, fileIndexOf, allHref }: Props) {
  if (findings.length === 0) return null;
  return (
    <MoreRows
      summary={`${findings.length} more finding${findings.length === 1 ? "" : "s"}`}
      allHref={allHref}
      linkText="Show every finding in full"
      linkTestId="all-findings-link"
      tableTestId="finding-rows"
      columns={[
        { label: "Finding" },
        { label: "Host", className: "hidden md:table-cell" },
        { label: "First seen", className: "hidden lg:table-cell" },
        { label: "Repeats", className: "hidden text-right sm:table-cell" },
        { label: "Known issue", className: "hidden md:table-cell" },
        { label: "Log", className: "w-28" },
      ]}
    >
      {findings.map((f) => {
        const known = f.matches.find((m) => matchStrength(m) === "known");
        return (
          <tr key={f.id} id={`finding-${f.id}`} className="align-top" data-testid="finding-row">
            <td className="px-3 py-1.5">
              <span className="font-log break-words">{f.title}</span>
              <span className="text-xs text-slate-500 md:hidden"> · {f.host ?? ""}</span>
            </td>
            <td className="font-log hidden break-all px-3 py-1.5 text-xs md:table-cell">{f.host}</td>
            <td className="hidden whitespace-nowrap px-3 py-1.5 text-xs text-slate-500 lg:table-cell">{formatTime(f.time)}</td>
            <td className="hidden px-3 py-1.5 text-right text-slate-500 sm:table-cell">{f.repeats ?? 1}</td>
            <td className="hidden px-3 py-1.5 md:table-cell">{known && <code className="font-log text-xs">{known.kbId}</code>}</td>
            <td className="whitespace-nowrap px-3 py-1.5 text-xs">
              <a href={logAnchor(fileIndexOf(f.source.file), f.source.line)} className="text-blue-700 hover:underline" data-testid="row-show-in-log">
                line {f.source.line}
              </a>{" "}
              <a href={`${allHref}#finding-${f.id}`} className="text-blue-700 hover:underline">
                card
              </a>
            </td>
          </tr>
        );
      })}
    </MoreRows>
  );
}
