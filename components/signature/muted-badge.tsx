/** Marks what a muted signature covers (notifications off; set on the signature page or /admin). */
export function MutedBadge({ label = "muted" }: { label?: string }) {
  return (
    <span
      className="ml-2 inline-block whitespace-nowrap rounded border border-slate-300 bg-slate-100 px-1.5 py-px align-middle text-xs font-normal text-slate-600"
      title="Notifications for this signature are muted"
      data-testid="muted-badge"
    >
      {label}
    </span>
  );
}
