// History statistics per metric, for judging a new figure unusual. The figures are read in a fixed
// order and summarised in JavaScript (historyStats: centred, two-pass), so SQLite and PostgreSQL
// give the same numbers to the last bit; AVG(value²) − AVG(value)² in SQL lost the variance to
// cancellation for large values and differed between the two databases' summation orders.
import { db, Prisma } from "../db";
import { historyStats, type HistoryStats } from "../validation/unusual";

/** How far back "the metric's history" reaches when judging a value unusual. */
export const HISTORY_PERIODS = 26;

/** Mean, standard deviation and count of each metric's figures in [from, before). */
export async function getHistoryStats(metricIds: number[], from: Date, before: Date): Promise<Map<number, HistoryStats>> {
  if (metricIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ metricId: number | bigint; value: number }[]>`
    SELECT "metricId", "value"
    FROM "MetricEntry"
    WHERE "metricId" IN (${Prisma.join(metricIds)}) AND "periodStart" >= ${from} AND "periodStart" < ${before}
    ORDER BY "metricId", "periodStart"`;
  const values = new Map<number, number[]>();
  for (const r of rows) {
    const id = Number(r.metricId);
    const list = values.get(id);
    if (list) list.push(Number(r.value));
    else values.set(id, [Number(r.value)]);
  }
  return new Map([...values].map(([id, list]) => [id, historyStats(list)]));
}
