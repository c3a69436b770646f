import Link from "next/link";
import { Sparkline } from "@/components/charts/sparkline";
import { FollowAnnouncement, FollowButton, type FollowState } from "@/components/follow/follow-button";
import { ScoreBadge } from "@/components/ui/score-badge";
import type { JourneyOverview } from "@/lib/data/overview";
import { formatPercent, formatScore } from "@/lib/format";
import { periodNoun, type ViewGranularity } from "@/lib/periods";
import { shownDrags, shownGap, type Headline } from "@/lib/scoring/headline";
import { overviewHeadline } from "@/lib/scoring/overview-headline";
import type { JourneyScore } from "@/lib/scoring/journey";
import { viewParam } from "@/lib/validation/overview";
import { Change } from "./change";

const STATUS = {
  "under-target": { icon: "▼", className: "bg-band-poor/10 text-band-poor-ink ring-band-poor/30" },
  "on-target": { icon: "●", className: "bg-band-good/10 text-band-good-ink ring-band-good/30" },
} as const;

/** Status against the journey's own target, in words; the score band only when there is no target. */
function TargetBadge({ headline, journey }: { headline: Headline; journey: JourneyOverview }) {
  if (headline.status === "incomplete" || headline.status === "no-figures") {
    return (
      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200" data-testid="journey-status">
        {journey.currentPeriod ? "In progress" : "Not enough figures"}
      </span>
    );
  }
  if (headline.status === "no-target") return <ScoreBadge band={journey.band} />;
  const { icon, className } = STATUS[headline.status];
  const label = headline.status === "under-target" ? `${shownGap(journey.score!, journey.targetScore!).toFixed(1)} under target` : "On target";
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${className}`} data-testid="journey-status">
      <span aria-hidden="true">{icon}</span>
      {label}
    </span>
  );
}

/**
 * The answer first: the journey against its target and the department that costs it most, as
 * sentences in headline type (lib/scoring/headline.ts), then the score, target, missing points,
 * coverage and trend that the sentences come from.
 */
export function JourneyHeadline({
  journey,
  view,
  base,
  periodLabel,
  follow,
}: {
  journey: JourneyOverview;
  view: ViewGranularity;
  base: JourneyScore;
  periodLabel: string;
  /** Whether the person follows this journey, and the toggle (its Follow buttons). */
  follow?: FollowState;
}) {
  const noun = periodNoun(view);
  const headline = overviewHeadline(journey, periodLabel, base);
  // The missing points as the drag chart adds them up.
  const missing = shownDrags(journey.departments.map((d) => d.drag)).total;
  const judged = journey.periodStatus !== "partial";
  const targetMoved = journey.targetScore !== null && journey.fullTargetScore !== null && formatScore(journey.fullTargetScore) !== formatScore(journey.targetScore);
  return (
    <section aria-labelledby="journey-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
      {/* On a phone the sentence, which starts with the journey's name, is the heading's visible part;
          Follow sits beside the name from sm up, and beside the score on a phone (no line of its own
          there, so the drag chart stays on the first screen). */}
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h2 id="journey-heading" className="sr-only sm:not-sr-only sm:text-sm sm:font-semibold sm:uppercase sm:tracking-wide sm:text-slate-500">{journey.name}</h2>
        {follow && (
          <span className="hidden sm:inline-flex">
            <FollowButton state={follow} />
          </span>
        )}
      </div>
      {follow && <FollowAnnouncement state={follow} />}
      <p className="text-lg sm:mt-1 font-semibold leading-snug text-slate-900 sm:text-2xl" data-testid="journey-headline">
        {headline.sentence}
        {headline.drag && <span className="block font-normal text-slate-700 sm:inline"> {headline.drag}</span>}
      </p>
      {journey.lastComplete && (
        <p className="mt-1 text-sm">
          <Link
            href={`/overview?journey=${journey.id}&view=${viewParam(view)}&period=${journey.lastComplete.key}`}
            className="font-medium text-brand underline-offset-2 hover:underline"
            data-testid="last-complete"
          >
            Last complete {noun}: {journey.lastComplete.label} →
          </Link>
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-end gap-x-6 gap-y-2">
        <div className="w-full sm:w-auto">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Journey score</p>
          <p className="flex flex-wrap items-center gap-2">
            <span className="text-3xl font-semibold tabular-nums" data-testid="journey-score">{formatScore(journey.score)}</span>
            <TargetBadge headline={headline} journey={journey} />
            {follow && (
              <span className="ml-auto sm:hidden">
                <FollowButton state={follow} compact />
              </span>
            )}
          </p>
          <p className="mt-0.5 text-sm" data-testid="journey-change">
            {judged ? (
              <>
                <Change value={journey.change} noun={noun} />
                {journey.change !== null && journey.periodStatus === "in-progress" && <span className="text-slate-600"> so far</span>}
                {journey.change !== null && journey.changeCoverage < 0.995 && (
                  <span className="text-slate-600"> (on the figures both {noun}s have)</span>
                )}
              </>
            ) : (
              <span className="text-slate-600">no change shown until more figures are in</span>
            )}
          </p>
        </div>
        <div className="hidden sm:block">
          <Sparkline values={journey.trend.score} label={`${journey.name} score`} width={140} height={44} />
        </div>
        {/* Label over value, three across on a phone; label beside value from sm up. */}
        <dl className="grid grid-flow-col grid-rows-2 gap-x-4 text-sm sm:grid-flow-row sm:grid-cols-[auto_auto] sm:grid-rows-none sm:gap-x-3 sm:gap-y-0.5">
          <dt className="text-slate-500">Target</dt>
          <dd className="tabular-nums font-medium" data-testid="journey-target">
            {formatScore(journey.targetScore)}
            {targetMoved && <span className="font-normal text-slate-500">*</span>}
          </dd>
          <dt className="text-slate-500">Missing points</dt>
          <dd className="tabular-nums font-medium" data-testid="missing-points">{judged ? missing.toFixed(1) : "—"}</dd>
          <dt className="text-slate-500">Coverage</dt>
          <dd className="tabular-nums font-medium">{formatPercent(journey.coverage)}</dd>
        </dl>
      </div>
      {targetMoved && (
        <p className="mt-1 text-xs text-slate-600" data-testid="target-note">
          * The target for the figures that are in; {formatScore(journey.fullTargetScore)} with every figure.
        </p>
      )}
      {judged && headline.status !== "no-target" && headline.status !== "no-figures" && (
      <details className="mt-2 text-sm text-slate-600 sm:mt-3 print:hidden">
        <summary className="cursor-pointer select-none text-slate-700 hover:text-slate-900">
          <span aria-hidden="true" className="mr-1 inline-flex size-4 items-center justify-center rounded-full border border-slate-400 text-[10px] font-bold">i</span>
          {headline.status === "under-target"
            ? `Why ${missing.toFixed(1)} missing, not ${shownGap(journey.score!, journey.targetScore!).toFixed(1)}?`
            : "Why on target, yet points missing?"}
        </summary>
        <p className="mt-1 max-w-prose">
          Missing points add up what each touchpoint below its own target costs the journey (its drag). Touchpoints above
          their targets do not make up for them, so the missing points can be more than the gap between the journey&apos;s score and
          its target, and a journey can reach its target while some touchpoints, and the departments that own them, still
          cost it points. Every status on this page is against a target; score bands (good, fair, poor) appear only
          where there is no target.
        </p>
      </details>
      )}
    </section>
  );
}
