// The overview's numbers over a window of periods: one query for the figures (per metric per
// period, months and quarters rolled up in the database), one for the journey structure, then the
// scoring module.
import { db, Prisma } from "../db";
import type { PeriodGranularity } from "../domain";
import { addPeriods, type ViewGranularity } from "../periods";
import { analyseInfluence, type InfluenceAnalysis, type InfluenceTouchpoint } from "../scoring/influence";
import { scoreJourney, type JourneyScore, type ScoredMetric, type ScoredTouchpoint } from "../scoring/journey";
import { rolledUpSampleSize, rolledUpValue } from "./rollup";
import { int, readTime, time } from "./sql-params";

/** How many periods influence looks back (the overview issue's 26). */
export const INFLUENCE_PERIODS = 26;

/** Per period start (ms), per metric id: the value (its figures rolled up by sample size). */
export type PeriodFigures = Map<number, Map<number, number>>;

type FigureRow = { metricId: number | bigint; periodStart: Date | number | bigint | string; value: number };

function byPeriod(rows: FigureRow[]): PeriodFigures {
  const figures: PeriodFigures = new Map();
  for (const r of rows) {
    const period = readTime(r.periodStart).getTime();
    let values = figures.get(period);
    if (!values) figures.set(period, (values = new Map()));
    values.set(Number(r.metricId), Number(r.value));
  }
  return figures;
}

/**
 * Each metric's value per period, for `periods` (ascending starts) of `view`. When the view is
 * coarser than the entry granularity (months of weekly figures), an entry counts towards the view
 * period its own period starts in, and the period's figures are rolled up by sample size
 * (`getFiguresByBucket`, docs/scoring.md). In the organisation's own periods there is nothing to
 * roll up: a metric has at most one figure per period (unique on metricId, periodStart, and the
 * granularity is fixed once figures exist), which is its value. `metricIds` narrows the query to
 * some metrics (read through the (metricId, periodStart) index); without it, every metric.
 */
export async function getFiguresByPeriod(periods: readonly Date[], view: ViewGranularity, native: PeriodGranularity, metricIds?: readonly number[]): Promise<PeriodFigures> {
  if (periods.length === 0 || metricIds?.length === 0) return new Map();
  if (view === native) {
    const first = periods[0]!;
    const end = addPeriods(periods.at(-1)!, 1, view);
    return byPeriod(await db.$queryRaw<FigureRow[]>`
      SELECT e."metricId", e."periodStart", e."value"
      FROM "MetricEntry" e
      WHERE e."periodStart" >= ${first} AND e."periodStart" < ${end} ${ofMetrics(metricIds)}`);
  }
  const buckets = await getFiguresByBucket(periods.map((p) => ({ start: p, end: addPeriods(p, 1, view) })), metricIds);
  const figures: PeriodFigures = new Map();
  for (const [i, values] of buckets) figures.set(periods[i]!.getTime(), new Map([...values].map(([metricId, f]) => [metricId, f.value])));
  return figures;
}

/** A stretch of time [start, end) whose figures roll up into one value per metric: a month, a quarter, one side of a change. */
export type Bucket = { start: Date; end: Date };
/** A metric's figures in a bucket, rolled up: the value and the responses behind it (null when no figure gave a sample size). */
export type BucketFigure = { value: number; sampleSize: number | null };

/**
 * Per bucket (its index in `buckets`), per metric id: the figures whose period starts in the bucket,
 * rolled up by sample size. One grouped query; buckets may overlap (a figure counts in each).
 */
export async function getFiguresByBucket(buckets: readonly Bucket[], metricIds?: readonly number[]): Promise<Map<number, Map<number, BucketFigure>>> {
  if (buckets.length === 0 || metricIds?.length === 0) return new Map();
  const first = new Date(Math.min(...buckets.map((b) => b.start.getTime())));
  const end = new Date(Math.max(...buckets.map((b) => b.end.getTime())));
  // Each bucket as an (index, start, end) row to join on; VALUES columns are column1… on both databases.
  const rows = Prisma.join(buckets.map((b, i) => Prisma.sql`(${int(i)}, ${time(b.start)}, ${time(b.end)})`));
  const found = await db.$queryRaw<{ bucket: number | bigint; metricId: number | bigint; value: number; sampleSize: number | bigint | null }[]>`
    SELECT b.column1 AS "bucket", e."metricId", ${rolledUpValue} AS "value", ${rolledUpSampleSize} AS "sampleSize"
    FROM "MetricEntry" e
    JOIN (VALUES ${rows}) AS b ON e."periodStart" >= b.column2 AND e."periodStart" < b.column3
    WHERE e."periodStart" >= ${first} AND e."periodStart" < ${end} ${ofMetrics(metricIds)}
    GROUP BY b.column1, e."metricId"`;
  const figures = new Map<number, Map<number, BucketFigure>>();
  for (const r of found) {
    const bucket = Number(r.bucket);
    let values = figures.get(bucket);
    if (!values) figures.set(bucket, (values = new Map()));
    values.set(Number(r.metricId), { value: Number(r.value), sampleSize: r.sampleSize === null ? null : Number(r.sampleSize) });
  }
  return figures;
}

const ofMetrics = (metricIds?: readonly number[]) => (metricIds ? Prisma.sql`AND e."metricId" IN (${Prisma.join(metricIds)})` : Prisma.empty);

type StructureRow = {
  journeyId: number | bigint;
  journeyName: string;
  journeyDescription: string;
  // Null from here on for a journey without stages, or a stage without touchpoints.
  stageId: number | bigint | null;
  stageName: string;
  stagePosition: number | bigint;
  touchpointId: number | bigint | null;
  touchpointName: string;
  touchpointWeight: number;
  momentOfTruth: boolean | number | bigint;
  departmentId: number | bigint;
  departmentName: string;
  departmentColour: string;
  metricId: number | bigint | null;
  metricWeight: number | null;
  scaleBest: number | null;
  scaleWorst: number | null;
  target: number | null;
  warningThreshold: number | null;
};

/**
 * Every active journey, its active stages (upstream first) and touchpoints with their department
 * and active metrics: the one structure query behind the overview's scores, trends and influence.
 * One joined statement: Prisma's nested select costs a query per level and was 3× slower here.
 */
export async function getJourneyStructures() {
  const rows = await db.$queryRaw<StructureRow[]>`
    SELECT j."id" AS "journeyId", j."name" AS "journeyName", j."description" AS "journeyDescription",
           s."id" AS "stageId", s."name" AS "stageName", s."position" AS "stagePosition",
           t."id" AS "touchpointId", t."name" AS "touchpointName", t."weight" AS "touchpointWeight", t."momentOfTruth",
           d."id" AS "departmentId", d."name" AS "departmentName", d."colour" AS "departmentColour",
           m."id" AS "metricId", m."weight" AS "metricWeight", m."scaleBest", m."scaleWorst", m."target", m."warningThreshold"
    FROM "Journey" j
    LEFT JOIN "Stage" s ON s."journeyId" = j."id" AND s."archivedAt" IS NULL
    LEFT JOIN "Touchpoint" t ON t."stageId" = s."id" AND t."archivedAt" IS NULL
    LEFT JOIN "Department" d ON d."id" = t."departmentId"
    LEFT JOIN "Metric" m ON m."touchpointId" = t."id" AND m."archivedAt" IS NULL
    WHERE j."archivedAt" IS NULL
    ORDER BY j."position", j."name", s."position", t."position", t."id", m."id"`;

  type Touchpoint = ScoredTouchpoint & { name: string; department: { id: number; name: string; colour: string }; metrics: ScoredMetric[] };
  type Stage = { id: number; name: string; position: number; touchpoints: Touchpoint[] };
  const journeys: { id: number; name: string; description: string; stages: Stage[] }[] = [];
  for (const r of rows) {
    let journey = journeys.at(-1);
    if (journey?.id !== Number(r.journeyId)) journeys.push((journey = { id: Number(r.journeyId), name: r.journeyName, description: r.journeyDescription, stages: [] }));
    if (r.stageId === null) continue;
    let stage = journey.stages.at(-1);
    if (stage?.id !== Number(r.stageId)) journey.stages.push((stage = { id: Number(r.stageId), name: r.stageName, position: Number(r.stagePosition), touchpoints: [] }));
    if (r.touchpointId === null) continue;
    let touchpoint = stage.touchpoints.at(-1);
    if (touchpoint?.id !== Number(r.touchpointId)) {
      const department = { id: Number(r.departmentId), name: r.departmentName, colour: r.departmentColour };
      touchpoint = { id: Number(r.touchpointId), name: r.touchpointName, stageId: stage.id, departmentId: department.id, department, weight: r.touchpointWeight, momentOfTruth: Boolean(Number(r.momentOfTruth)), metrics: [] };
      stage.touchpoints.push(touchpoint);
    }
    if (r.metricId !== null) {
      touchpoint.metrics.push({ id: Number(r.metricId), weight: r.metricWeight!, scaleBest: r.scaleBest!, scaleWorst: r.scaleWorst!, target: r.target, warningThreshold: r.warningThreshold });
    }
  }
  return journeys.map((j) => ({
    ...j,
    stagePosition: new Map(j.stages.map((s) => [s.id, s.position])),
    touchpoints: j.stages.flatMap((s) => s.touchpoints),
  }));
}

/**
 * Each metric's sample size over [from, end): the responses behind a period's figures
 * (`rolledUpSampleSize`). Metrics without one in the range are left out, not counted as 0.
 */
export async function getSampleSizes(from: Date, end: Date): Promise<Map<number, number>> {
  const rows = await db.$queryRaw<{ metricId: number | bigint; sampleSize: number | bigint }[]>`
    SELECT e."metricId", ${rolledUpSampleSize} AS "sampleSize"
    FROM "MetricEntry" e
    WHERE e."periodStart" >= ${from} AND e."periodStart" < ${end} AND e."sampleSize" > 0
    GROUP BY e."metricId"`;
  return new Map(rows.map((r) => [Number(r.metricId), Number(r.sampleSize)]));
}

export type JourneyStructure = Awaited<ReturnType<typeof getJourneyStructures>>[number];

const NO_VALUES = new Map<number, number>();

/** The journey scored for each period, oldest first. */
export function scoreOverPeriods(journey: JourneyStructure, periods: readonly Date[], figures: PeriodFigures, momentOfTruthMultiplier: number): JourneyScore[] {
  return periods.map((p) => scoreJourney(journey.touchpoints, figures.get(p.getTime()) ?? NO_VALUES, momentOfTruthMultiplier));
}

/**
 * Influence over scored periods (oldest first): every touchpoint's score series, and every test
 * between touchpoints of different departments (lib/scoring/influence.ts, docs/scoring.md).
 */
export function departmentInfluence(journey: JourneyStructure, scores: readonly JourneyScore[]): { touchpoints: InfluenceTouchpoint[]; analysis: InfluenceAnalysis } {
  const touchpoints = journey.touchpoints.map((t) => ({
    id: t.id,
    name: t.name,
    department: { id: t.department.id, name: t.department.name },
    stage: journey.stagePosition.get(t.stageId)!,
    scores: scores.map((s) => s.touchpoints.get(t.id)?.score ?? null),
  }));
  return { touchpoints, analysis: analyseInfluence(touchpoints) };
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
