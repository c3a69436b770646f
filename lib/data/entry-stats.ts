// History statistics per metric, aggregated in the database (mean and mean of squares give the
// standard deviation without reading the rows into JavaScript).
import { db, Prisma } from "../db";
import type { HistoryStats } from "../validation/unusual";

/** How far back "the metric's history" reaches when judging a value unusual. */
export const HISTORY_PERIODS = 26;

/** Mean, standard deviation and count of each metric's figures in [from, before). */
export async function getHistoryStats(metricIds: number[], from: Date, before: Date): Promise<Map<number, HistoryStats>> {
  if (metricIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ metricId: number; n: bigint | number; mean: number; meanSquare: number }[]>`
    SELECT "metricId", COUNT(*) AS n, AVG("value") AS mean, AVG("value" * "value") AS "meanSquare"
    FROM "MetricEntry"
    WHERE "metricId" IN (${Prisma.join(metricIds)}) AND "periodStart" >= ${from} AND "periodStart" < ${before}
    GROUP BY "metricId"`;
  return new Map(
    rows.map((r) => {
      const n = Number(r.n);
      // Population variance; clamp float noise below zero for constant series.
      const variance = Math.max(0, Number(r.meanSquare) - Number(r.mean) ** 2);
      return [Number(r.metricId), { n, mean: Number(r.mean), sd: Math.sqrt(variance) }];
    }),
  );
}
