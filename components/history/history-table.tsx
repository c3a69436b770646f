import Link from "next/link";
import type { MetricHistory } from "@/lib/data/history";
import type { PeriodGranularity } from "@/lib/domain";
import { formatDateTime, formatSource, formatValue } from "@/lib/format";
import { formatPeriod, toPeriodKey } from "@/lib/periods";

type Revision = MetricHistory["entries"][number]["revisions"][number];

/** "4.2 → 4.4 stars; sample 120 → 130": only what changed. */
function describeChange(r: Revision, unit: string): string {
  if (r.oldValue === null) return `Entered ${formatValue(r.newValue, unit)}`;
  const parts: string[] = [];
  if (r.oldValue !== r.newValue) parts.push(`${formatValue(r.oldValue, unit)} → ${formatValue(r.newValue, unit)}`);
  if (r.oldSampleSize !== r.newSampleSize) parts.push(`sample ${r.oldSampleSize ?? "—"} → ${r.newSampleSize ?? "—"}`);
  if (r.oldSource !== r.newSource) parts.push(`source ${formatSource(r.oldSource)} → ${formatSource(r.newSource)}`);
  if (r.oldNote !== r.newNote) parts.push(r.newNote ? `note “${r.newNote}”` : "note removed");
  return parts.join("; ") || "No change";
}

const who = (r: Revision) => r.changedBy?.name ?? (r.apiKey ? `API key “${r.apiKey.name}” (${r.apiKey.prefix}…)` : "Unknown");

export function HistoryTable({ metric, granularity, editHref }: { metric: MetricHistory; granularity: PeriodGranularity; editHref: string | null }) {
  return (
    <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
      <table className="w-full min-w-[48rem] text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Period</th>
            <th scope="col" className="px-3 py-2 text-right">Value</th>
            <th scope="col" className="px-3 py-2 text-right">Sample</th>
            <th scope="col" className="px-3 py-2">Source</th>
            <th scope="col" className="px-3 py-2">Last entered by</th>
            <th scope="col" className="px-3 py-2">Changes</th>
          </tr>
        </thead>
        <tbody>
          {metric.entries.map((entry) => (
            <tr key={entry.id} className="border-t border-slate-100 align-top" data-testid="history-row">
              <th scope="row" className="px-4 py-2 text-left font-medium">
                {formatPeriod(entry.periodStart, granularity)}
                {editHref && (
                  <Link href={`${editHref}&period=${toPeriodKey(entry.periodStart)}`} className="ml-2 text-xs font-normal text-brand-dark underline">
                    Edit
                  </Link>
                )}
                {entry.note && <p className="text-xs font-normal text-slate-500">{entry.note}</p>}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{formatValue(entry.value, metric.unit)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{entry.sampleSize?.toLocaleString("en-GB") ?? "—"}</td>
              <td className="px-3 py-2">{formatSource(entry.source)}</td>
              <td className="px-3 py-2">
                {entry.enteredBy?.name ?? "—"}
                <span className="block text-xs text-slate-500">{formatDateTime(entry.updatedAt)}</span>
              </td>
              <td className="px-3 py-2">
                <details>
                  <summary className="cursor-pointer text-brand-dark">
                    {entry.revisions.length === 1 ? "1 revision" : `${entry.revisions.length} revisions`}
                  </summary>
                  <ol className="mt-2 space-y-1.5 border-l-2 border-slate-200 pl-3">
                    {entry.revisions.map((r) => (
                      <li key={r.id} className="text-xs">
                        <span className="text-slate-900">{describeChange(r, metric.unit)}</span>
                        <span className="block text-slate-500">{who(r)} · {formatDateTime(r.changedAt)}</span>
                      </li>
                    ))}
                  </ol>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
