import Link from "next/link";
import type { TouchpointReport } from "@/lib/data/touchpoints";
import type { PeriodGranularity } from "@/lib/domain";
import { formatSource, formatValue } from "@/lib/format";
import { formatPeriod } from "@/lib/periods";

type Metric = TouchpointReport["metrics"][number];

/** Whether the latest value meets the metric's target, respecting its direction. */
function meetsTarget(metric: Metric, value: number): boolean | null {
  if (metric.target === null) return null;
  return metric.direction === "HIGHER_IS_BETTER" ? value >= metric.target : value <= metric.target;
}

export function MetricSummary({ metric, granularity, showHistory }: { metric: Metric; granularity: PeriodGranularity; showHistory: boolean }) {
  const [latest, previous] = metric.entries;
  const onTarget = latest ? meetsTarget(metric, latest.value) : null;
  const change = latest && previous ? latest.value - previous.value : null;
  const headingId = `metric-${metric.id}`;

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs" data-testid="metric-summary">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 id={headingId} className="font-semibold">{metric.name}</h2>
          <p className="text-xs text-slate-500">
            {metric.direction === "HIGHER_IS_BETTER" ? "Higher is better" : "Lower is better"} · target {formatValue(metric.target, metric.unit)}
            {showHistory && (
              <>
                {" · "}
                <Link href={`/metrics/${metric.id}/history`} className="text-brand-dark underline">History and changes</Link>
              </>
            )}
          </p>
        </div>
        {latest ? (
          <div className="text-right">
            <p className="text-2xl font-semibold tabular-nums" data-testid="latest-value">{formatValue(latest.value, metric.unit)}</p>
            <p className="text-xs text-slate-500">{formatPeriod(latest.periodStart, granularity)}</p>
          </div>
        ) : (
          <p className="text-sm text-slate-500">No figures yet</p>
        )}
      </div>
      {latest && (
        <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          {onTarget !== null && (
            <span className={onTarget ? "text-band-good" : "text-band-poor"}>{onTarget ? "✓ Meets target" : "✕ Below target"}</span>
          )}
          {change !== null && (
            <span>
              {change === 0 ? "No change" : `${change > 0 ? "+" : "−"}${formatValue(Math.abs(change), metric.unit)}`} vs previous
            </span>
          )}
          {latest.sampleSize !== null && <span>n = {latest.sampleSize.toLocaleString("en-GB")}</span>}
          <span>{formatSource(latest.source)}</span>
          {latest.enteredBy && <span>Entered by {latest.enteredBy.name}</span>}
        </p>
      )}
      {metric.entries.length > 1 && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-brand-dark">Recent periods</summary>
          <table className="mt-2 w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th scope="col" className="py-1 font-medium">Period</th>
                <th scope="col" className="py-1 text-right font-medium">Value</th>
                <th scope="col" className="py-1 text-right font-medium">Sample</th>
              </tr>
            </thead>
            <tbody>
              {metric.entries.map((e) => (
                <tr key={e.id} className="border-t border-slate-100">
                  <td className="py-1">{formatPeriod(e.periodStart, granularity)}</td>
                  <td className="py-1 text-right tabular-nums">{formatValue(e.value, metric.unit)}</td>
                  <td className="py-1 text-right tabular-nums">{e.sampleSize?.toLocaleString("en-GB") ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
