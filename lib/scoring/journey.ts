// Touchpoint and journey scores for one period, from the metric values of that period.
import { effectiveTouchpointWeight, metricScore, weightedMean, coverage } from "./index";

export type ScoredMetric = { id: number; weight: number; scaleBest: number; scaleWorst: number; target: number | null };
export type ScoredTouchpoint = { id: number; weight: number; momentOfTruth: boolean; metrics: readonly ScoredMetric[] };

export type TouchpointScore = {
  /** Σ wₘ·sₘ / Σ wₘ over metrics with a value; null when none has. */
  score: number | null;
  /** The same mean over those metrics' targets; null when none of them has a target. */
  targetScore: number | null;
  /** Share of metric weight with a value this period. */
  coverage: number;
};

export function scoreTouchpoint(touchpoint: ScoredTouchpoint, values: ReadonlyMap<number, number>): TouchpointScore {
  const scored = touchpoint.metrics.map((m) => {
    const value = values.get(m.id);
    return { metric: m, weight: m.weight, score: value === undefined ? null : metricScore(value, m) };
  });
  const withTargets = scored
    .filter((s) => s.score !== null && s.metric.target !== null)
    .map((s) => ({ weight: s.weight, score: metricScore(s.metric.target as number, s.metric) }));
  return {
    score: weightedMean(scored),
    targetScore: weightedMean(withTargets),
    coverage: coverage(scored),
  };
}

export type JourneyScore = TouchpointScore & { touchpoints: Map<number, TouchpointScore> };

/** Σ Wₜ·Sₜ / Σ Wₜ over the touchpoints with a score, Wₜ including the moment-of-truth multiplier. */
export function scoreJourney(
  touchpoints: readonly ScoredTouchpoint[],
  values: ReadonlyMap<number, number>,
  momentOfTruthMultiplier: number,
): JourneyScore {
  const byTouchpoint = new Map(touchpoints.map((t) => [t.id, scoreTouchpoint(t, values)]));
  const weighted = touchpoints.map((t) => {
    const s = byTouchpoint.get(t.id) as TouchpointScore;
    return { weight: effectiveTouchpointWeight(t, momentOfTruthMultiplier), score: s.score, target: s.targetScore };
  });
  return {
    score: weightedMean(weighted),
    targetScore: weightedMean(weighted.filter((w) => w.score !== null).map((w) => ({ weight: w.weight, score: w.target }))),
    coverage: coverage(weighted),
    touchpoints: byTouchpoint,
  };
}
