import type { VmcoreFacts } from "@/lib/engine/types";
import { describeVmcoreFacts } from "@/lib/engine/vmcore/describe-vmcore-facts";
import { formatBytes, formatTime } from "@/components/ui/format";

export type VmcoreDump = { name: string; facts: VmcoreFacts; warnings: string[]; error?: string };

/** Registers worth a glance on the permalink; the JSON has all of them. */
const SHOWN_REGISTERS = ["rip", "rsp", "rbp", "rax", "rdi", "rsi", "cs", "eflags"];

/** Crash facts of the dumps the log was extracted from: what the kernel log cannot tell (or lost). */
export function VmcorePanel({ dumps }: { dumps: VmcoreDump[] }) {
  if (dumps.length === 0) return null;
  return (
    <section className="space-y-3" data-testid="vmcore">
      <h2 className="text-lg font-semibold">Crash dump{dumps.length > 1 ? "s" : ""}</h2>
      {dumps.map((d) => {
        const f = d.facts;
        const rows = describeVmcoreFacts(f, { bytes: formatBytes, time: formatTime });
        return (
          <div key={d.name} className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm">
            <p className="font-log text-xs text-slate-500">{d.name}</p>
            {d.error && <p className="text-red-700">{d.error}</p>}
            {f.incomplete && <p className="text-amber-700">The dump is marked incomplete: it was cut short while being written.</p>}
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
              {rows.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-slate-500">{k}</dt>
                  <dd className="font-log">{v}</dd>
                </div>
              ))}
            </dl>
            {f.cpus && f.cpus.length > 0 && (
              <details>
                <summary className="cursor-pointer text-slate-600">Registers (NT_PRSTATUS)</summary>
                {f.cpus.map((c) => (
                  <p key={c.index} className="font-log text-xs">
                    cpu note {c.index} pid {c.pid}: {SHOWN_REGISTERS.map((r) => `${r.toUpperCase()} ${c.registers[r]}`).join("  ")}
                  </p>
                ))}
              </details>
            )}
            {d.warnings.length > 0 && (
              <ul className="list-disc pl-5 text-xs text-amber-800">
                {d.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
