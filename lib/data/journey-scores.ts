// The overview's numbers over a window of periods: one grouped query for the figures (per metric
// per period, aggregated in the database), then the scoring module on those rows.
import { db } from "../db";
import type { PeriodGranularity } from "../domain";
import { influence, influencePairs, type Influence } from "../scoring/influence";
import { scoreJourney, type JourneyScore, type ScoredTouchpoint } from "../scoring/journey";
import { addPeriods } from "../periods";

/** How many periods trends and influence look back by default (the overview issue's 26). */
export const TREND_PERIODS = 26;

/** Mean value per metric per period in [from, to], keyed by period time then metric id. */
export async function getValuesByPeriod(from: Date, to: Date): Promise<Map<number, Map<number, number>>> {
  const rows = await db.$queryRaw<{ metricId: number | bigint; periodStart: Date | number | string; value: number }[]>`
    SELECT e."metricId", e."periodStart", AVG(e."value") AS "value"
    FROM "MetricEntry" e
    WHERE e."periodStart" >= ${from} AND e."periodStart" <= ${to}
    GROUP BY e."metricId", e."periodStart"`;
  const byPeriod = new Map<number, Map<number, number>>();
  for (const r of rows) {
    const period = new Date(r.periodStart).getTime();
    const values = byPeriod.get(period) ?? new Map<number, number>();
    values.set(Number(r.metricId), Number(r.value));
    byPeriod.set(period, values);
  }
  return byPeriod;
}

/**
 * Every active journey, its active stages (upstream first) and touchpoints with their department
 * and metrics: the one structure query behind the overview's scores, trends and influence.
 */
export async function getJourneyStructures() {
  const journeys = await db.journey.findMany({
    where: { archivedAt: null },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      stages: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: {
          id: true,
          name: true,
          position: true,
          touchpoints: {
            where: { archivedAt: null },
            orderBy: [{ position: "asc" }, { id: "asc" }],
            select: {
              id: true,
              name: true,
              departmentId: true,
              department: { select: { id: true, name: true, colour: true } },
              weight: true,
              momentOfTruth: true,
              metrics: { where: { archivedAt: null }, select: { id: true, weight: true, scaleBest: true, scaleWorst: true, target: true } },
            },
          },
        },
      },
    },
  });
  return journeys.map((j) => ({
    ...j,
    stagePosition: new Map(j.stages.map((s) => [s.id, s.position])),
    touchpoints: j.stages.flatMap((s) => s.touchpoints.map((t): ScoredTouchpoint => ({ ...t, stageId: s.id }))),
  }));
}

export type JourneyTrend = {
  journeyId: number;
  name: string;
  /** Period starts, oldest first. */
  periods: Date[];
  /** The journey scored for each period. */
  scores: JourneyScore[];
  /** Department pairs (upstream or level first) with lag-0 and lag-1 influence over the window. */
  influence: { from: number; to: number; lag0: Influence; lag1: Influence }[];
};

/** Each journey's scores for the `count` periods ending at `last`, and influence between its departments. */
export async function getJourneyTrends(last: Date, granularity: PeriodGranularity, momentOfTruthMultiplier: number, count = TREND_PERIODS): Promise<JourneyTrend[]> {
  const first = addPeriods(last, -(count - 1), granularity);
  const periods = Array.from({ length: count }, (_, i) => addPeriods(first, i, granularity));
  const [structures, values] = await Promise.all([getJourneyStructures(), getValuesByPeriod(first, last)]);
  const none = new Map<number, number>();
  return structures.map((journey) => {
    const scores = periods.map((p) => scoreJourney(journey.touchpoints, values.get(p.getTime()) ?? none, momentOfTruthMultiplier));
    const stages = new Map<number, { first: number; last: number }>();
    for (const t of journey.touchpoints) {
      const position = journey.stagePosition.get(t.stageId)!;
      const seen = stages.get(t.departmentId);
      stages.set(t.departmentId, { first: Math.min(position, seen?.first ?? Infinity), last: Math.max(position, seen?.last ?? -Infinity) });
    }
    const series = (departmentId: number) => scores.map((s) => s.departments.get(departmentId)?.score ?? null);
    const pairs = influencePairs([...stages].map(([id, s]) => ({ id, firstStage: s.first, lastStage: s.last })));
    return {
      journeyId: journey.id,
      name: journey.name,
      periods,
      scores,
      influence: pairs.map(([from, to]) => ({ from, to, lag0: influence(series(from), series(to), 0), lag1: influence(series(from), series(to), 1) })),
    };
  });
}

