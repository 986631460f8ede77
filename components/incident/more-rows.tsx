import type { ReactNode } from "react";

type Props = {
  /** "47 more findings" */
  summary: string;
  allHref: string;
  linkText: string;
  linkTestId: string;
  tableTestId: string;
  /** Column headings: label and the classes that hide a column on narrow screens. */
  columns: { label: string; className?: string }[];
  /** The rows. */
  children: ReactNode;
};

/** What a big incident shows one line each past its first screen (first-screen.ts), with the way to all of it. */
export function MoreRows({ summary, allHref, linkText, linkTestId, tableTestId, columns, children }: Props) {
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        {summary}, one line each.{" "}
        <a className="text-blue-700 hover:underline" href={allHref} data-testid={linkTestId}>
          {linkText}
        </a>
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full table-fixed text-sm md:table-auto" data-testid={tableTestId}>
          <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {columns.map((c) => (
                <th key={c.label} className={`px-3 py-2 ${c.className ?? ""}`}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">{children}</tbody>
        </table>
      </div>
    </div>
  );
}
