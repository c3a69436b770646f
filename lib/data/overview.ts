// The overview for one period: each journey's score, its touchpoints' scores and its departments' drag.
import { db } from "../db";
import { scoreBand, type ScoreBand } from "../scoring";
import { scoreJourney } from "../scoring/journey";
import { getJourneyStructures, getValuesByPeriod } from "./journey-scores";
import type { PeriodGranularity } from "../domain";
import { addPeriods, currentPeriod } from "../periods";
import { getOrganisationSettings } from "./organisation";

export type OverviewTouchpoint = {
  id: number;
  name: string;
  momentOfTruth: boolean;
  department: { id: number; name: string; colour: string };
  score: number | null;
  targetScore: number | null;
  band: ScoreBand | null;
};

export type OverviewDepartment = {
  id: number;
  name: string;
  colour: string;
  score: number | null;
  targetScore: number | null;
  /** Journey points lost to this department's touchpoints below target (docs/scoring.md). */
  drag: number;
  shareOfShortfall: number;
  belowTarget: number;
};

export type OverviewJourney = {
  id: number;
  name: string;
  description: string;
  score: number | null;
  targetScore: number | null;
  coverage: number;
  /** Points lost to touchpoints below target; the departments' drags add up to it. */
  shortfall: number;
  band: ScoreBand | null;
  /** Departments on this journey, most drag first. */
  departments: OverviewDepartment[];
  stages: { id: number; name: string; touchpoints: OverviewTouchpoint[] }[];
};

/** A period is reported once at least this share of active metrics has a figure for it. */
export const REPORTING_COVERAGE = 0.5;
const LOOKBACK_PERIODS = 12;

/**
 * The newest period in which at least half the active metrics have figures: a week that has
 * only just begun (one or two figures in) would otherwise make every journey look empty.
 */
async function getReportingPeriod(granularity: PeriodGranularity): Promise<Date | null> {
  const since = addPeriods(currentPeriod(granularity), -LOOKBACK_PERIODS, granularity);
  // The same metrics on both sides of the comparison: active ones under active touchpoints.
  const activeMetric = { archivedAt: null, touchpoint: { archivedAt: null } };
  const [activeMetrics, perPeriod] = await Promise.all([
    db.metric.count({ where: activeMetric }),
    db.metricEntry.groupBy({
      by: ["periodStart"],
      where: { periodStart: { gte: since }, metric: activeMetric },
      _count: { _all: true },
      orderBy: { periodStart: "desc" },
    }),
  ]);
  const needed = Math.max(1, Math.ceil(activeMetrics * REPORTING_COVERAGE));
  const reported = perPeriod.find((p) => p._count._all >= needed) ?? perPeriod[0];
  return reported?.periodStart ?? null;
}

/** Each journey scored for `requested`, or for the newest period with at least half the figures in. */
export async function getOverview(requested?: Date): Promise<{ period: Date | null; journeys: OverviewJourney[] }> {
  const settings = await getOrganisationSettings();
  const [journeys, period] = await Promise.all([getJourneyStructures(), requested ?? getReportingPeriod(settings.periodGranularity)]);
  const values = period ? ((await getValuesByPeriod(period, period)).get(period.getTime()) ?? new Map()) : new Map<number, number>();
  const band = (score: number | null) => (score === null ? null : scoreBand(score, settings));

  return {
    period,
    journeys: journeys.map((journey) => {
      const scored = scoreJourney(journey.touchpoints, values, settings.momentOfTruthMultiplier);
      const departmentOf = new Map(journey.stages.flatMap((s) => s.touchpoints.map((t) => [t.department.id, t.department])));
      return {
        id: journey.id,
        name: journey.name,
        description: journey.description,
        score: scored.score,
        targetScore: scored.targetScore,
        coverage: scored.coverage,
        shortfall: scored.shortfall,
        band: band(scored.score),
        departments: [...scored.departments]
          .map(([departmentId, d]) => ({ ...departmentOf.get(departmentId)!, score: d.score, targetScore: d.targetScore, drag: d.drag, shareOfShortfall: d.shareOfShortfall, belowTarget: d.belowTarget }))
          .sort((a, b) => b.drag - a.drag || a.name.localeCompare(b.name)),
        stages: journey.stages.map((stage) => ({
          id: stage.id,
          name: stage.name,
          touchpoints: stage.touchpoints.map((t) => {
            const s = scored.touchpoints.get(t.id);
            return {
              id: t.id,
              name: t.name,
              momentOfTruth: t.momentOfTruth,
              department: t.department,
              score: s?.score ?? null,
              targetScore: s?.targetScore ?? null,
              band: band(s?.score ?? null),
            };
          }),
        })),
      };
    }),
  };
}
