// The overview's headline for one journey, from the overview's own data: the one place that turns a
// JourneyOverview into journeyHeadline's input, so the page and the weekly digest say the same
// sentence. Pure; runs in the browser (the page) and on the server (the digest).
import type { JourneyOverview } from "../data/overview";
import { journeyHeadline, type Headline } from "./headline";
import { rollUp, type JourneyScore } from "./journey";

/** "Week of 16 Nov 2026" → "the week of 16 Nov 2026"; a month or quarter label as it is. For sentences. */
export function periodPhrase(label: string): string {
  return label.startsWith("Week") ? `the w${label.slice(1)}` : label;
}

/**
 * The headline the overview shows for `journey` in the period `periodLabel` names (as
 * periodPhrase gives it). `base` is the period's roll-up (the page has it already; computed
 * from journey.touchpoints otherwise).
 */
export function overviewHeadline(journey: JourneyOverview, periodLabel: string, base: JourneyScore = rollUp(journey.touchpoints)): Headline {
  const touchpoints = journey.stages.flatMap((s) => s.touchpoints);
  return journeyHeadline(
    {
      journey: journey.name,
      score: journey.score,
      targetScore: journey.targetScore,
      shortfall: journey.shortfall,
      completeness: { status: journey.periodStatus, current: journey.currentPeriod, ...journey.reported },
      departments: journey.departments.map((d) => ({
        name: d.name,
        drag: d.drag,
        touchpoints: touchpoints.filter((t) => t.department.id === d.id).map((t) => ({ name: t.name, score: t.score, targetScore: t.targetScore, drag: base.touchpointDrags.get(t.id) ?? 0 })),
      })),
    },
    periodLabel,
  );
}
