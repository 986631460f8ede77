"use client";

import { useEffect, useSyncExternalStore } from "react";
import { formatTime } from "@/components/ui/format";
import type { FindingRowView } from "./first-screen";
import { logAnchor } from "./log-anchor";
import { MoreRows } from "./more-rows";

/** Rows the server renders; the rest are drawn in the browser after hydration. */
export const SERVER_ROWS = 20;

const noSubscription = () => () => {};

type Props = {
  rows: FindingRowView[];
  /** The page with every finding as a full card. */
  allHref: string;
};

/**
 * The findings a big incident does not render as cards (components/incident/first-screen.ts): one row each, with
 * what decides whether to look closer — host, first time, repeats, the known issue — and links to its log line and
 * its full card. A row keeps the card's anchor id, so `#finding-…` links still land on it.
 *
 * A client component fed the rows' data (`findingRowViews`): as a server component, each row's markup travelled
 * twice, as HTML and again in React's payload of the tree (~1.3 KB a row there: 168 KB of a busy node's page for 133
 * rows); as props it is ~0.2 KB of data a row.
 *
 * The server renders the first SERVER_ROWS (a busy node's 133 rows were ~120 KB of the page's HTML, far below the
 * first screen); the browser draws the rest once hydrated, and then brings a `#finding-…` link to its row.
 */
export function FindingRows({ rows, allHref }: Props) {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  useEffect(() => {
    if (hydrated && rows.length > SERVER_ROWS && location.hash.startsWith("#finding-")) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [hydrated, rows.length]);
  if (rows.length === 0) return null;
  const shown = hydrated ? rows : rows.slice(0, SERVER_ROWS);
  return (
    <MoreRows
      summary={`${rows.length} more finding${rows.length === 1 ? "" : "s"}`}
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
      {shown.map((f) => (
        <tr key={f.id} id={`finding-${f.id}`} className="align-top" data-testid="finding-row">
          <td className="px-3 py-1.5">
            <span className="font-log break-words">{f.title}</span>
            <span className="text-xs text-slate-500 md:hidden"> · {f.host ?? ""}</span>
          </td>
          <td className="font-log hidden break-all px-3 py-1.5 text-xs md:table-cell">{f.host}</td>
          <td className="hidden whitespace-nowrap px-3 py-1.5 text-xs text-slate-500 lg:table-cell">{formatTime(f.time)}</td>
          <td className="hidden px-3 py-1.5 text-right text-slate-500 sm:table-cell">{f.repeats}</td>
          <td className="hidden px-3 py-1.5 md:table-cell">{f.knownKbId && <code className="font-log text-xs">{f.knownKbId}</code>}</td>
          <td className="whitespace-nowrap px-3 py-1.5 text-xs">
            <a href={logAnchor(f.fileIndex, f.line)} className="text-blue-700 hover:underline" data-testid="row-show-in-log">
              line {f.line}
            </a>{" "}
            <a href={`${allHref}#finding-${f.id}`} className="text-blue-700 hover:underline">
              card
            </a>
          </td>
        </tr>
      ))}
    </MoreRows>
  );
}
