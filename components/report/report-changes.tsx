import Link from "next/link";
import { FiveHows } from "@/components/changes/five-hows";
import { buttonClasses } from "@/components/ui/button";
import type { PublicTouchpointReport, TouchpointReportData } from "@/lib/data/touchpoint-report";

type Report = PublicTouchpointReport | TouchpointReportData;
/** Internal page only: the change log for this touchpoint, and the form (null: this user may not record). */
export type ReportChangeLinks = { all: string; record: string | null };

const badge = "inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded bg-brand-dark px-1 text-xs font-semibold text-white";

/**
 * The process changes that took effect in the report's range, numbered as their markers on the
 * charts. Inside the app each links to its record; a shared report carries the records themselves
 * (title, date, the 5 Hows — no author, no ids), each with an anchor the markers link to.
 */
export function ReportChanges({ report, links }: { report: Report; links?: ReportChangeLinks }) {
  const { changes, touchpoint } = report;
  return (
    <section aria-labelledby="changes-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs print:break-inside-avoid print:shadow-none">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="changes-heading" className="text-base font-semibold">Changes</h2>
        {links && (
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm print:hidden">
            <Link href={links.all} className="text-brand-dark underline">All changes to {touchpoint.name}</Link>
          </p>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {changes.length === 0
          ? `No process change to ${touchpoint.name} took effect from ${report.range.from.label} to ${report.range.to.label}.`
          : `Process changes to ${touchpoint.name} that took effect in this range, numbered as their markers on the charts.`}
      </p>
      {changes.length > 0 &&
        (links ? (
          <ol className="mt-3 divide-y divide-slate-100" data-testid="report-changes">
            {(changes as TouchpointReportData["changes"]).map((c) => (
              <li key={c.number} className="flex gap-3 py-2 text-sm">
                <span aria-hidden="true" className={badge}>{c.number}</span>
                <span className="min-w-0">
                  <Link href={`/changes/${c.id}`} className="font-medium text-brand-dark underline break-words">{c.title}</Link>
                  <span className="block text-xs text-slate-500">
                    Took effect {c.date.label}
                    {c.author && ` · recorded by ${c.author}`}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <ol className="mt-3 space-y-4" data-testid="report-changes">
            {changes.map((c) => (
              <li key={c.number}>
                <article id={`change-${c.number}`} aria-labelledby={`change-${c.number}-title`} className="scroll-mt-4 rounded-lg border border-slate-200 p-4 target:ring-2 target:ring-brand">
                  <div className="flex gap-3">
                    <span aria-hidden="true" className={`${badge} mt-0.5`}>{c.number}</span>
                    <div className="min-w-0">
                      <h3 id={`change-${c.number}-title`} className="font-semibold break-words">{c.title}</h3>
                      <p className="text-xs text-slate-500">Took effect {c.date.label}</p>
                    </div>
                  </div>
                  <FiveHows answers={c.answers} />
                </article>
              </li>
            ))}
          </ol>
        ))}
      {links?.record && (
        <Link href={links.record} className={buttonClasses("secondary", "mt-3 print:hidden")}>Record a change</Link>
      )}
    </section>
  );
}
