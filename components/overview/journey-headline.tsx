import { Sparkline } from "@/components/charts/sparkline";
import { ScoreBadge } from "@/components/ui/score-badge";
import type { JourneyOverview } from "@/lib/data/overview";
import { formatPercent, formatScore } from "@/lib/format";
import { periodNoun, type ViewGranularity } from "@/lib/periods";
import type { JourneyScore } from "@/lib/scoring/journey";
import { Change } from "./change";

/** The journey's score for the period: change, target, coverage, its trend, and what-if when set. */
export function JourneyHeadline({ journey, view, scenario }: { journey: JourneyOverview; view: ViewGranularity; scenario: JourneyScore | null }) {
  const noun = periodNoun(view);
  return (
    <section aria-labelledby="journey-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
      <div className="flex flex-wrap items-start justify-between gap-x-8 gap-y-4">
        <div className="min-w-0">
          <h2 id="journey-heading" className="text-lg font-semibold">{journey.name}</h2>
          {journey.description && <p className="mt-0.5 max-w-prose text-sm text-slate-600">{journey.description}</p>}
        </div>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Journey score</p>
            <p className="flex items-center gap-2">
              <span className="text-4xl font-semibold tabular-nums" data-testid="journey-score">{formatScore(journey.score)}</span>
              <ScoreBadge band={journey.band} />
            </p>
            <p className="mt-1 text-sm" data-testid="journey-change"><Change value={journey.change} noun={noun} /></p>
          </div>
          <Sparkline values={journey.trend.score} label={`${journey.name} score`} width={140} height={48} />
          <dl className="grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5 text-sm">
            <dt className="text-slate-500">Target</dt>
            <dd className="tabular-nums font-medium">{formatScore(journey.targetScore)}</dd>
            <dt className="text-slate-500">Missing points</dt>
            <dd className="tabular-nums font-medium">{journey.shortfall.toFixed(1)}</dd>
            <dt className="text-slate-500">Coverage</dt>
            <dd className="tabular-nums font-medium">{formatPercent(journey.coverage)}</dd>
          </dl>
        </div>
      </div>
      {scenario && scenario.score !== null && journey.score !== null && (
        <p className="mt-4 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="what-if-score" role="status">
          What-if: the journey would score <strong className="tabular-nums">{formatScore(scenario.score)}</strong> (
          <Change value={scenario.score - journey.score} />) with {scenario.shortfall.toFixed(1)} points still missing.
        </p>
      )}
    </section>
  );
}
