import Link from "next/link";
import { ScoreBadge } from "@/components/ui/score-badge";
import { DragTable } from "./drag-table";
import type { OverviewJourney } from "@/lib/data/overview";
import { formatPercent, formatScore } from "@/lib/format";

export function JourneyCard({ journey }: { journey: OverviewJourney }) {
  const headingId = `journey-${journey.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white shadow-xs" data-testid="journey-card">
      <div className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-100 p-5">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">{journey.name}</h2>
          <p className="mt-0.5 text-sm text-slate-600">{journey.description}</p>
        </div>
        <div className="text-right">
          <div className="flex items-center justify-end gap-2">
            <ScoreBadge band={journey.band} />
            <span className="text-3xl font-semibold tabular-nums" data-testid="journey-score">{formatScore(journey.score)}</span>
          </div>
          <p className="mt-1 text-xs text-slate-500">
            Target {formatScore(journey.targetScore)} · coverage {formatPercent(journey.coverage)}
          </p>
        </div>
      </div>
      <ol className="grid gap-3 overflow-x-auto p-5 sm:grid-flow-col sm:auto-cols-[minmax(11rem,1fr)]" aria-label={`${journey.name} stages, upstream to downstream`}>
        {journey.stages.map((stage, index) => (
          <li key={stage.id} className="min-w-0">
            <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
              {index + 1}. {stage.name}
            </p>
            <ul className="space-y-2">
              {stage.touchpoints.map((t) => (
                <li key={t.id}>
                  <Link
                    href={`/touchpoints/${t.id}`}
                    className="block rounded-lg border border-slate-200 p-3 hover:border-brand hover:bg-slate-50"
                  >
                    <span className="flex items-start justify-between gap-2">
                      <span className="text-sm font-medium leading-snug">
                        {t.name}
                        {t.momentOfTruth && <span className="ml-1 text-band-fair" title="Moment of truth">★<span className="sr-only"> moment of truth</span></span>}
                      </span>
                      <span className="text-sm font-semibold tabular-nums">{formatScore(t.score)}</span>
                    </span>
                    <span className="mt-2 flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
                      <span className="flex min-w-0 items-center gap-1.5 text-xs text-slate-600">
                        <span aria-hidden="true" className="h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: t.department.colour }} />
                        {t.department.name}
                      </span>
                      <span className="ml-auto"><ScoreBadge band={t.band} /></span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <DragTable journey={journey} />
    </section>
  );
}
