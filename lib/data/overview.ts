// The walking-skeleton overview: each journey's score for the latest period with data.
import { db } from "../db";
import { scoreBand, type ScoreBand } from "../scoring";
import { scoreJourney } from "../scoring/journey";
import type { PeriodGranularity } from "../domain";
import { addPeriods, currentPeriod } from "../periods";
import { getOrganisationSettings } from "./organisation";

const activeTouchpointSelect = {
  where: { archivedAt: null },
  orderBy: [{ position: "asc" as const }, { id: "asc" as const }],
  select: {
    id: true,
    name: true,
    weight: true,
    momentOfTruth: true,
    department: { select: { id: true, name: true, colour: true } },
    metrics: {
      where: { archivedAt: null },
      select: { id: true, weight: true, scaleBest: true, scaleWorst: true, target: true },
    },
  },
};

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
  const [journeys, period] = await Promise.all([
    db.journey.findMany({
      where: { archivedAt: null },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        description: true,
        stages: {
          where: { archivedAt: null },
          orderBy: { position: "asc" },
          select: { id: true, name: true, touchpoints: activeTouchpointSelect },
        },
      },
    }),
    requested ?? getReportingPeriod(settings.periodGranularity),
  ]);
  const rows = period
    ? await db.metricEntry.findMany({ where: { periodStart: period }, select: { metricId: true, value: true } })
    : [];
  const values = new Map(rows.map((r) => [r.metricId, r.value]));
  const band = (score: number | null) => (score === null ? null : scoreBand(score, settings));

  return {
    period,
    journeys: journeys.map((journey) => {
      const touchpoints = journey.stages.flatMap((s) => s.touchpoints.map((t) => ({ ...t, stageId: s.id, departmentId: t.department.id })));
      const scored = scoreJourney(touchpoints, values, settings.momentOfTruthMultiplier);
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
          .map(([departmentId, d]) => {
            const department = touchpoints.find((t) => t.department.id === departmentId)!.department;
            return { ...department, score: d.score, targetScore: d.targetScore, drag: d.drag, shareOfShortfall: d.shareOfShortfall, belowTarget: d.belowTarget };
          })
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
