// The overview's numbers over a window of periods: one grouped query for the figures (per metric
// per period, aggregated in the database), one for the journey structure, then the scoring module.
import { db, Prisma } from "../db";
import type { PeriodGranularity } from "../domain";
import { addPeriods, type ViewGranularity } from "../periods";
import { influence, influencePairs, type InfluencePair } from "../scoring/influence";
import { scoreJourney, type JourneyScore, type ScoredTouchpoint } from "../scoring/journey";
import { readTime, time } from "./sql-params";

/** How many periods influence looks back (the overview issue's 26). */
export const INFLUENCE_PERIODS = 26;

/** Per period start (ms), per metric id: the mean value and the summed sample size. */
export type PeriodFigures = Map<number, { values: Map<number, number>; samples: Map<number, number> }>;

type FigureRow = { metricId: number | bigint; periodStart: Date | number | bigint | string; value: number; sampleSize: number | bigint | null };

function byPeriod(rows: FigureRow[]): PeriodFigures {
  const figures: PeriodFigures = new Map();
  for (const r of rows) {
    const period = readTime(r.periodStart).getTime();
    let slot = figures.get(period);
    if (!slot) figures.set(period, (slot = { values: new Map(), samples: new Map() }));
    slot.values.set(Number(r.metricId), Number(r.value));
    if (r.sampleSize !== null) slot.samples.set(Number(r.metricId), Number(r.sampleSize));
  }
  return figures;
}

/**
 * Mean value and total sample size per metric per period, for `periods` (ascending starts) of
 * `view`. When the view is coarser than the entry granularity (months of weekly figures), an
 * entry counts towards the view period its own period starts in.
 */
export async function getFiguresByPeriod(periods: readonly Date[], view: ViewGranularity, native: PeriodGranularity): Promise<PeriodFigures> {
  if (periods.length === 0) return new Map();
  const first = periods[0]!;
  const end = addPeriods(periods.at(-1)!, 1, view);
  if (view === native) {
    return byPeriod(await db.$queryRaw<FigureRow[]>`
      SELECT e."metricId", e."periodStart", AVG(e."value") AS "value", SUM(e."sampleSize") AS "sampleSize"
      FROM "MetricEntry" e
      WHERE e."periodStart" >= ${first} AND e."periodStart" < ${end}
      GROUP BY e."metricId", e."periodStart"`);
  }
  // Each coarse period as a [start, end) row to join on; VALUES columns are column1, column2 on both databases.
  const buckets = Prisma.join(periods.map((p) => Prisma.sql`(${time(p)}, ${time(addPeriods(p, 1, view))})`));
  return byPeriod(await db.$queryRaw<FigureRow[]>`
    SELECT e."metricId", b.column1 AS "periodStart", AVG(e."value") AS "value", SUM(e."sampleSize") AS "sampleSize"
    FROM "MetricEntry" e
    JOIN (VALUES ${buckets}) AS b ON e."periodStart" >= b.column1 AND e."periodStart" < b.column2
    WHERE e."periodStart" >= ${first} AND e."periodStart" < ${end}
    GROUP BY e."metricId", b.column1`);
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
              metrics: { where: { archivedAt: null }, select: { id: true, weight: true, scaleBest: true, scaleWorst: true, target: true, warningThreshold: true } },
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

export type JourneyStructure = Awaited<ReturnType<typeof getJourneyStructures>>[number];

const NO_VALUES = new Map<number, number>();

/** The journey scored for each period, oldest first. */
export function scoreOverPeriods(journey: JourneyStructure, periods: readonly Date[], figures: PeriodFigures, momentOfTruthMultiplier: number): JourneyScore[] {
  return periods.map((p) => scoreJourney(journey.touchpoints, figures.get(p.getTime())?.values ?? NO_VALUES, momentOfTruthMultiplier));
}

export type DepartmentInfluence = InfluencePair;

/** Lag-0 and lag-1 influence for each department pair (upstream or level first) over scored periods. */
export function departmentInfluence(journey: JourneyStructure, scores: readonly JourneyScore[]): DepartmentInfluence[] {
  const stages = new Map<number, { first: number; last: number }>();
  for (const t of journey.touchpoints) {
    const position = journey.stagePosition.get(t.stageId)!;
    const seen = stages.get(t.departmentId);
    stages.set(t.departmentId, { first: Math.min(position, seen?.first ?? Infinity), last: Math.max(position, seen?.last ?? -Infinity) });
  }
  const series = (departmentId: number) => scores.map((s) => s.departments.get(departmentId)?.score ?? null);
  const pairs = influencePairs([...stages].map(([id, s]) => ({ id, firstStage: s.first, lastStage: s.last })));
  return pairs.map(([from, to]) => ({ from, to, lag0: influence(series(from), series(to), 0), lag1: influence(series(from), series(to), 1) }));
}

/**
 * The latest period with a figure before `before`, per touchpoint (over its active metrics). One
 * index lookup per metric: MAX over (metricId, periodStart) is answered from the unique index.
 */
export async function getLastFigurePeriods(touchpointIds: readonly number[], before: Date): Promise<Map<number, Date>> {
  if (touchpointIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ touchpointId: number | bigint; last: Date | number | bigint | string | null }[]>`
    SELECT m."touchpointId", (SELECT MAX(e."periodStart") FROM "MetricEntry" e WHERE e."metricId" = m."id" AND e."periodStart" < ${before}) AS "last"
    FROM "Metric" m
    WHERE m."archivedAt" IS NULL AND m."touchpointId" IN (${Prisma.join(touchpointIds)})`;
  const last = new Map<number, Date>();
  for (const r of rows) {
    if (r.last === null) continue;
    const id = Number(r.touchpointId);
    const date = readTime(r.last);
    if (!last.has(id) || last.get(id)! < date) last.set(id, date);
  }
  return last;
}
