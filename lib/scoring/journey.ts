// Touchpoint → stage → department → journey scores for one period, department drag, and what-if.
// Pure; the formulas are written out with a worked example in docs/scoring.md.
import { coverage, effectiveTouchpointWeight, metricScore, SCORE_TOLERANCE, weightedMean } from "./index";

export type MetricValues = ReadonlyMap<number, number>;

export type ScoredMetric = {
  id: number;
  weight: number;
  scaleBest: number;
  scaleWorst: number;
  target: number | null;
  /** The value below which (in the metric's own direction) the metric needs attention. */
  warningThreshold?: number | null;
};
export type ScoredTouchpoint = {
  id: number;
  stageId: number;
  departmentId: number;
  weight: number;
  momentOfTruth: boolean;
  metrics: readonly ScoredMetric[];
};

export type TouchpointScore = {
  /** Σ wₘ·sₘ / Σ wₘ over metrics with a value; null when none has. */
  score: number | null;
  /** The same mean over those metrics' targets; null when none of them has a target. */
  targetScore: number | null;
  /** The same mean over those metrics' warning thresholds; null when none has one. */
  warningScore: number | null;
  /** Share of metric weight with a value this period. */
  coverage: number;
};

export function scoreTouchpoint(touchpoint: Pick<ScoredTouchpoint, "metrics">, values: ReadonlyMap<number, number>): TouchpointScore {
  const scored = touchpoint.metrics.map((m) => {
    const value = values.get(m.id);
    return { metric: m, weight: m.weight, score: value === undefined ? null : metricScore(value, m) };
  });
  const withTargets = scored
    .filter((s) => s.score !== null && s.metric.target !== null)
    .map((s) => ({ weight: s.weight, score: metricScore(s.metric.target as number, s.metric) }));
  const withWarnings = scored
    .filter((s) => s.score !== null && s.metric.warningThreshold != null)
    .map((s) => ({ weight: s.weight, score: metricScore(s.metric.warningThreshold as number, s.metric) }));
  return { score: weightedMean(scored), targetScore: weightedMean(withTargets), warningScore: weightedMean(withWarnings), coverage: coverage(scored) };
}

export type GroupScore = {
  /** Σ Wₜ·Sₜ / Σ Wₜ over the group's touchpoints with a score. */
  score: number | null;
  /** Σ Wₜ·Tₜ / Σ Wₜ over those touchpoints that have a target too. */
  targetScore: number | null;
  /** Share of the group's weight with figures, by metric weight: Σ Wₜ·cₜ / Σ Wₜ (cₜ: the touchpoint's coverage). */
  coverage: number;
};

export type DepartmentScore = GroupScore & {
  /** Journey points lost to this department's touchpoints being below target: Σₜ Wₜ·max(0, Tₜ − Sₜ) / Σ Wₜ. */
  drag: number;
  /** drag ÷ the journey's shortfall (0 when nothing is short). */
  shareOfShortfall: number;
  /** Touchpoints with a score below their target. */
  belowTarget: number;
};

export type RolledTouchpoint = TouchpointScore & { id: number; stageId: number; departmentId: number; effectiveWeight: number };

export type JourneyScore = GroupScore & {
  /** Points the journey loses to touchpoints below target; equals the sum of department drags. */
  shortfall: number;
  touchpoints: Map<number, RolledTouchpoint>;
  /** Points each touchpoint costs the journey, Wₜ·max(0, Tₜ − Sₜ) / Σ Wₜ (0 when on target or unscored). */
  touchpointDrags: Map<number, number>;
  stages: Map<number, GroupScore>;
  departments: Map<number, DepartmentScore>;
};

function groupScore(items: readonly RolledTouchpoint[]): GroupScore {
  const weighted = items.map((t) => ({ weight: t.effectiveWeight, score: t.score }));
  // weightedMean leaves out the touchpoints without a target (score: null).
  const withTargets = items.filter((t) => t.score !== null).map((t) => ({ weight: t.effectiveWeight, score: t.targetScore }));
  // A moment of truth with a third of its metric weight reported counts as a third covered, not whole.
  const byMetricWeight = weightedMean(items.map((t) => ({ weight: t.effectiveWeight, score: t.coverage })));
  return { score: weightedMean(weighted), targetScore: weightedMean(withTargets), coverage: byMetricWeight ?? 0 };
}

function groupBy<K>(items: readonly RolledTouchpoint[], key: (t: RolledTouchpoint) => K): Map<K, RolledTouchpoint[]> {
  const groups = new Map<K, RolledTouchpoint[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Stage, department and journey scores and drags from scored touchpoints. */
export function rollUp(touchpoints: readonly RolledTouchpoint[]): JourneyScore {
  const journey = groupScore(touchpoints);
  // Drag shares the journey score's denominator, so drags add up to the points lost.
  const scoredWeight = touchpoints.reduce((sum, t) => sum + (t.score === null ? 0 : t.effectiveWeight), 0);
  // A gap within SCORE_TOLERANCE is rounding order, not a shortfall (no 1e-14 drags).
  const gap = (t: RolledTouchpoint) => (t.score === null || t.targetScore === null || t.targetScore - t.score <= SCORE_TOLERANCE ? 0 : t.targetScore - t.score);
  const lost = (t: RolledTouchpoint) => (scoredWeight === 0 ? 0 : (t.effectiveWeight * gap(t)) / scoredWeight);
  const shortfall = touchpoints.reduce((sum, t) => sum + lost(t), 0);

  const departments = new Map<number, DepartmentScore>();
  for (const [departmentId, items] of groupBy(touchpoints, (t) => t.departmentId)) {
    const drag = items.reduce((sum, t) => sum + lost(t), 0);
    departments.set(departmentId, {
      ...groupScore(items),
      drag,
      shareOfShortfall: shortfall > 0 ? drag / shortfall : 0,
      belowTarget: items.filter((t) => gap(t) > 0).length,
    });
  }
  const stages = new Map([...groupBy(touchpoints, (t) => t.stageId)].map(([stageId, items]) => [stageId, groupScore(items)]));
  return {
    ...journey,
    shortfall,
    touchpoints: new Map(touchpoints.map((t) => [t.id, t])),
    touchpointDrags: new Map(touchpoints.map((t) => [t.id, lost(t)])),
    stages,
    departments,
  };
}

/** Scores a journey for one period from its metrics' values; Wₜ includes the moment-of-truth multiplier k. */
export function scoreJourney(touchpoints: readonly ScoredTouchpoint[], values: ReadonlyMap<number, number>, momentOfTruthMultiplier: number): JourneyScore {
  return rollUp(
    touchpoints.map((t) => ({
      id: t.id,
      stageId: t.stageId,
      departmentId: t.departmentId,
      effectiveWeight: effectiveTouchpointWeight(t, momentOfTruthMultiplier),
      ...scoreTouchpoint(t, values),
    })),
  );
}

/**
 * What-if: each department's touchpoints close `lift` (0–1) of their gap to target,
 * S′ₜ = Sₜ + lift × max(0, Tₜ − Sₜ), and everything is rolled up again.
 */
export function whatIf(journey: JourneyScore, lifts: ReadonlyMap<number, number>): JourneyScore {
  return rollUp(
    [...journey.touchpoints.values()].map((t) => {
      const lift = Math.min(1, Math.max(0, lifts.get(t.departmentId) ?? 0));
      if (t.score === null || t.targetScore === null || lift === 0) return t;
      return { ...t, score: t.score + lift * Math.max(0, t.targetScore - t.score) };
    }),
  );
}

/**
 * The values of the metrics that have a figure in both periods: a change computed on these compares
 * like with like, so a figure that was not reported does not read as a rise or a fall.
 */
export function commonFigures(now: MetricValues, previous: MetricValues): { now: Map<number, number>; previous: Map<number, number> } {
  const shared = [...now.keys()].filter((id) => previous.has(id));
  return { now: new Map(shared.map((id) => [id, now.get(id)!])), previous: new Map(shared.map((id) => [id, previous.get(id)!])) };
}

/** A touchpoint's like-for-like change (points): both periods scored on the metrics reported in both; null when none is. */
export function touchpointChange(touchpoint: Pick<ScoredTouchpoint, "metrics">, now: MetricValues, previous: MetricValues): number | null {
  const common = commonFigures(now, previous);
  const a = scoreTouchpoint(touchpoint, common.now).score;
  const b = scoreTouchpoint(touchpoint, common.previous).score;
  return a === null || b === null ? null : a - b;
}

export type Comparison = {
  /** This period's score minus the previous one's, both over the metrics reported in both (points); null when none is. */
  change: number | null;
  /** Per department, the same like-for-like change. */
  departments: Map<number, number | null>;
  /** Share of this period's scored weight (by metric weight) that the comparison covers, 0–1. */
  comparedCoverage: number;
};

/**
 * Like-for-like change between two periods (docs/scoring.md, "Changes between periods"): both are
 * scored again on the metrics that have a figure in both, so a missing figure moves nothing.
 */
export function compareToPrevious(touchpoints: readonly ScoredTouchpoint[], now: MetricValues, previous: MetricValues, momentOfTruthMultiplier: number): Comparison {
  const common = commonFigures(now, previous);
  const a = scoreJourney(touchpoints, common.now, momentOfTruthMultiplier);
  const b = scoreJourney(touchpoints, common.previous, momentOfTruthMultiplier);
  const full = scoreJourney(touchpoints, now, momentOfTruthMultiplier);
  const diff = (x: number | null, y: number | null) => (x === null || y === null ? null : x - y);
  return {
    change: diff(a.score, b.score),
    departments: new Map([...full.departments.keys()].map((id) => [id, diff(a.departments.get(id)!.score, b.departments.get(id)!.score)])),
    comparedCoverage: full.coverage > 0 ? a.coverage / full.coverage : 0,
  };
}

/**
 * The journey's target with every metric reported: Σ Wₜ·T⁰ₜ / Σ Wₜ over touchpoints with a target,
 * T⁰ₜ the weighted mean of all their metrics' targets. The headline's target (targetScore) is over
 * the metrics that reported, like the score; this is the one a leader knows, shown beside it.
 */
export function fullTargetScore(touchpoints: readonly ScoredTouchpoint[], momentOfTruthMultiplier: number): number | null {
  return weightedMean(
    touchpoints.map((t) => ({
      weight: effectiveTouchpointWeight(t, momentOfTruthMultiplier),
      score: weightedMean(t.metrics.filter((m) => m.target !== null).map((m) => ({ weight: m.weight, score: metricScore(m.target as number, m) }))),
    })),
  );
}
