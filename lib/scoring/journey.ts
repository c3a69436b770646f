// Touchpoint → stage → department → journey scores for one period, department drag, and what-if.
// Pure; the formulas are written out with a worked example in docs/scoring.md.
import { coverage, effectiveTouchpointWeight, metricScore, weightedMean } from "./index";

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
  /** Share of Wₜ whose touchpoints have a score. */
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
  const withTargets = items.filter((t) => t.score !== null && t.targetScore !== null).map((t) => ({ weight: t.effectiveWeight, score: t.targetScore }));
  return { score: weightedMean(weighted), targetScore: weightedMean(withTargets), coverage: coverage(weighted) };
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
  const lost = (t: RolledTouchpoint) =>
    t.score === null || t.targetScore === null || scoredWeight === 0 ? 0 : (t.effectiveWeight * Math.max(0, t.targetScore - t.score)) / scoredWeight;
  const shortfall = touchpoints.reduce((sum, t) => sum + lost(t), 0);

  const departments = new Map<number, DepartmentScore>();
  for (const [departmentId, items] of groupBy(touchpoints, (t) => t.departmentId)) {
    const drag = items.reduce((sum, t) => sum + lost(t), 0);
    departments.set(departmentId, {
      ...groupScore(items),
      drag,
      shareOfShortfall: shortfall > 0 ? drag / shortfall : 0,
      belowTarget: items.filter((t) => t.score !== null && t.targetScore !== null && t.score < t.targetScore).length,
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
