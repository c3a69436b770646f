import Link from "next/link";
import type { ReactNode } from "react";
import { Sparkline } from "@/components/charts/sparkline";
import { Change } from "@/components/overview/change";
import { StatusBadge } from "@/components/ui/status-badge";
import type { PublicTouchpointReport, TouchpointReportData } from "@/lib/data/touchpoint-report";
import { formatPercent, formatScore, formatSource, formatValue } from "@/lib/format";
import { periodNoun } from "@/lib/periods";
import type { ChartChange } from "@/components/charts/change-markers";
import { MetricChart } from "./metric-chart";
import { ReportChanges, type ReportChangeLinks } from "./report-changes";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Report = PublicTouchpointReport | TouchpointReportData;
type Props = {
  report: Report;
  /** Internal page only: where each metric's history is (null: not for this user). */
  historyHref?: (metricIndex: number) => string | null;
  /** Internal page only: links to this touchpoint's change log and the change form. */
  changeLinks?: ReportChangeLinks;
  /** Internal page only: controls beside the touchpoint's department (Follow). */
  actions?: ReactNode;
};

const card = "rounded-xl border border-slate-200 bg-white p-5 shadow-xs print:break-inside-avoid print:shadow-none";

/** The touchpoint report itself: the same on the internal page, the public page and on paper. */
export function ReportView({ report, historyHref, changeLinks, actions }: Props) {
  const { touchpoint, current } = report;
  const noun = periodNoun(report.granularity);
  const lastIndex = report.periods.length - 1;
  // Markers open the change's record in the app; on a shared report, its full record further down the page.
  const changes: ChartChange[] = report.changes.map((c) => ({
    number: c.number,
    title: c.title,
    dateLabel: c.date.label,
    href: "id" in c ? `/changes/${c.id}` : `#change-${c.number}`,
    periodKey: c.periodKey,
  }));
  return (
    <div className="space-y-6">
      <section aria-labelledby="report-heading" className={card}>
        <div className="flex flex-wrap items-start justify-between gap-x-8 gap-y-4">
          <div className="min-w-0">
            <p className="text-sm text-slate-500">{touchpoint.journey.name} · {touchpoint.stage}</p>
            <h1 id="report-heading" className="text-2xl font-semibold tracking-tight">{touchpoint.name}</h1>
            {touchpoint.description && <p className="mt-1 max-w-prose text-sm text-slate-600">{touchpoint.description}</p>}
            <p className="mt-3 flex flex-wrap items-center gap-2 text-sm">
              <span className="inline-flex items-center gap-1.5 rounded-full bg-white px-3 py-1 ring-1 ring-slate-200">
                <span aria-hidden="true" className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: touchpoint.department.colour }} />
                {touchpoint.department.name}
              </span>
              {touchpoint.momentOfTruth && <span className="rounded-full bg-band-fair/10 px-3 py-1 font-medium text-band-fair-ink ring-1 ring-band-fair/30">★ Moment of truth</span>}
            </p>
            {actions && <div className="mt-3">{actions}</div>}
          </div>
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Score, {report.range.to.label}</p>
            <p className="flex items-center gap-2">
              <span className="text-4xl font-semibold tabular-nums" data-testid="report-score">{formatScore(current.score)}</span>
              <StatusBadge status={current.status} hasScore={current.score !== null} />
            </p>
            <p className="mt-1 text-sm">
              target {formatScore(current.targetScore)} · <Change value={current.change} noun={noun} />
            </p>
            <p className="mt-0.5 text-xs text-slate-500">
              coverage {formatPercent(current.coverage)}
              {current.sampleSize !== null && ` · ${current.sampleSize.toLocaleString("en-GB")} responses`}
            </p>
          </div>
        </div>
        <div className="mt-4">
          <h2 className="sr-only">Score over the range</h2>
          <MetricChart periods={report.periods} values={report.scores.score} unit="" target={null} warning={null} comparison={{ name: "Target", values: report.scores.target }} name="Score" domain={[0, 100]} changes={changes} />
          <p className="text-xs text-slate-500">
            Score 0–100 from {report.range.from.label} to {report.range.to.label}; dashed: the target score
            {changes.length > 0 && "; numbered markers: process changes, listed under Changes"}.
          </p>
        </div>
      </section>

      <section aria-labelledby="metrics-heading">
        <h2 id="metrics-heading" className="mb-3 text-base font-semibold">Metrics</h2>
        {report.metrics.length === 0 ? (
          <p className={`${card} text-sm text-slate-600`}>This touchpoint has no metrics yet; an admin adds them.</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-1">
            {report.metrics.map((m, i) => {
              const history = historyHref?.(i);
              return (
                <article key={m.name} className={card} data-testid="metric-card" aria-labelledby={`metric-${i}`}>
                  <div className="flex items-start justify-between gap-4">
                    <div>
                      <h3 id={`metric-${i}`} className="font-semibold">{m.name}</h3>
                      <p className="text-xs text-slate-500">
                        {m.direction === "HIGHER_IS_BETTER" ? "Higher is better" : "Lower is better"} · target {formatValue(m.target, m.unit)}
                        {m.warningThreshold !== null && ` · warning ${formatValue(m.warningThreshold, m.unit)}`}
                        {history && (
                          <>
                            {" · "}
                            <Link href={history} className="text-brand-dark underline print:hidden">History and changes</Link>
                          </>
                        )}
                      </p>
                    </div>
                    {m.latest ? (
                      <div className="text-right">
                        <p className="text-2xl font-semibold tabular-nums" data-testid="latest-value">{formatValue(m.latest.value, m.unit)}</p>
                        <p className="text-xs text-slate-500">
                          {m.latest.period.label}
                          {m.latest.sampleSize !== null && ` · n = ${m.latest.sampleSize.toLocaleString("en-GB")}`} · {formatSource(m.latest.source)}
                        </p>
                        {"enteredBy" in m.latest && m.latest.enteredBy && <p className="text-xs text-slate-500">Entered by {m.latest.enteredBy}</p>}
                      </div>
                    ) : (
                      <p className="text-sm text-slate-500">No figures in this range</p>
                    )}
                  </div>
                  <div className="mt-3">
                    <MetricChart periods={report.periods} values={m.points.map((p) => p.value)} unit={m.unit} target={m.target} warning={m.warningThreshold} name={m.name} changes={changes} />
                  </div>
                  <details className="mt-2 text-sm print:hidden">
                    <summary className="cursor-pointer font-medium text-brand-dark">The figures as a table</summary>
                    <ScrollRegion label={`${m.name} figures (scrolls)`} className="mt-2 max-h-72">
                      <table className="w-full">
                        <thead>
                          <tr className="text-left text-xs text-slate-500">
                            <th scope="col" className="py-1 font-medium">Period</th>
                            <th scope="col" className="py-1 text-right font-medium">Value</th>
                            <th scope="col" className="py-1 text-right font-medium">Sample</th>
                            <th scope="col" className="py-1 pl-3 font-medium">Source</th>
                          </tr>
                        </thead>
                        <tbody>
                          {report.periods.map((p, j) => (
                            <tr key={p.key} className="border-t border-slate-100">
                              <td className="py-1">{p.label}</td>
                              <td className="py-1 text-right tabular-nums">{formatValue(m.points[j]!.value, m.unit)}</td>
                              <td className="py-1 text-right tabular-nums">{m.points[j]!.sampleSize?.toLocaleString("en-GB") ?? "—"}</td>
                              <td className="py-1 pl-3">{formatSource(m.points[j]!.source)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </ScrollRegion>
                  </details>
                </article>
              );
            })}
          </div>
        )}
      </section>

      <ReportChanges report={report} links={changeLinks} />

      <section aria-labelledby="context-heading" className={card}>
        <h2 id="context-heading" className="text-base font-semibold">Upstream and downstream</h2>
        <p className="mt-1 text-sm text-slate-700" data-testid="report-drag">
          {report.drag.shortfall < 0.05
            ? `In ${report.range.to.label}, ${touchpoint.journey.name} met its targets.`
            : `In ${report.range.to.label}, ${touchpoint.name} cost ${touchpoint.journey.name} ${formatScore(report.drag.touchpoint)} points, and ${touchpoint.department.name} ${formatScore(report.drag.department)} of the journey's ${formatScore(report.drag.shortfall)} missing points.`}
        </p>
        <ScrollRegion label="Upstream and downstream (scrolls)" className="mt-3">
          <table className="w-full min-w-[32rem] text-sm" data-testid="neighbours">
            <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-1.5 pr-3">Touchpoint</th>
                <th scope="col" className="px-3 py-1.5">Trend</th>
                <th scope="col" className="px-3 py-1.5 text-right">{report.periods[lastIndex - 1]?.short ?? ""}</th>
                <th scope="col" className="py-1.5 pl-3 text-right">{report.periods[lastIndex]?.short}</th>
              </tr>
            </thead>
            {[
              { heading: report.upstream && `Upstream · ${report.upstream.stage}`, rows: report.upstream?.touchpoints ?? [] },
              { heading: `This touchpoint · ${touchpoint.stage}`, rows: [{ name: touchpoint.name, department: touchpoint.department.name, colour: touchpoint.department.colour, scores: report.scores.score }] },
              { heading: report.downstream && `Downstream · ${report.downstream.stage}`, rows: report.downstream?.touchpoints ?? [] },
            ]
              .filter((g) => g.heading)
              .map((g) => (
                <tbody key={g.heading}>
                  <tr>
                    <th colSpan={4} scope="colgroup" className="pt-3 pb-1 text-left text-xs font-medium text-slate-500">{g.heading}</th>
                  </tr>
                  {g.rows.map((r) => (
                    <tr key={r.name} className="border-t border-slate-100">
                      <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                        {r.name}
                        <span className="ml-2 text-xs font-normal text-slate-500">
                          <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full" style={{ backgroundColor: r.colour }} />
                          {r.department}
                        </span>
                      </th>
                      <td className="px-3 py-1.5"><Sparkline values={r.scores} label={`${r.name} score`} width={96} height={22} colour="#475569" /></td>
                      <td className="px-3 py-1.5 text-right tabular-nums text-slate-600">{formatScore(r.scores[lastIndex - 1] ?? null)}</td>
                      <td className="py-1.5 pl-3 text-right font-semibold tabular-nums">{formatScore(r.scores[lastIndex] ?? null)}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="notes-heading" className={card}>
        <h2 id="notes-heading" className="text-base font-semibold">Notes</h2>
        <p className="mt-1 text-sm text-slate-600">
          {report.revisions === 0
            ? "No figure in this range was changed after it was first entered."
            : `${report.revisions} ${report.revisions === 1 ? "change was" : "changes were"} made to figures in this range after they were first entered.`}
        </p>
        {report.notes.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">No notes were left with the figures in this range.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100" data-testid="report-notes">
            {report.notes.map((n, i) => (
              <li key={i} className="py-2 text-sm">
                <p className="text-xs text-slate-500">
                  {n.period.label} · {n.metric}
                  {"author" in n && n.author && ` · ${n.author}`}
                </p>
                <p className="whitespace-pre-line">{n.note}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
