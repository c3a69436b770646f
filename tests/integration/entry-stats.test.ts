// The history behind "unusual": the same numbers on SQLite and PostgreSQL, to the last bit.
import { describe, expect, it } from "vitest";
import { getHistoryStats } from "../../lib/data/entry-stats";
import { db } from "../../lib/db";
import { addPeriods, parsePeriodKey } from "../../lib/periods";
import { historyStats, usualRange } from "../../lib/validation/unusual";
import { metricNamed } from "./helpers";

/** Weeks well before the demo's figures start. */
const FIRST = parsePeriodKey("2023-01-02")!;
const weeks = (n: number) => Array.from({ length: n }, (_, i) => addPeriods(FIRST, i, "WEEK"));

describe("getHistoryStats", () => {
  it("summarises the figures in period order exactly as historyStats does, so both databases agree", async () => {
    const rating = await metricNamed("Food", "Food rating");
    const values = [4.1, 4.35, 4.2, 4.45, 4.3, 4.15, 4.4, 4.25, 4.5, 4.05];
    await db.metricEntry.createMany({ data: weeks(values.length).map((periodStart, i) => ({ metricId: rating.id, periodStart, value: values[i]! })) });
    const stats = (await getHistoryStats([rating.id], FIRST, addPeriods(FIRST, values.length, "WEEK"))).get(rating.id)!;
    expect(stats).toEqual(historyStats(values));
    // Mean 4.275; deviations ±0.025, ±0.075, …, ±0.225 → variance 0.020625.
    expect(stats.mean).toBeCloseTo(4.275, 12);
    expect(stats.sd).toBeCloseTo(Math.sqrt(0.020625), 12);
  });

  it("finds a history that is constant but for rounding flat, where AVG(v²) − AVG(v)² was not", async () => {
    const npsMetric = await metricNamed("Loyalty & reviews", "Net Promoter Score");
    const values = Array.from({ length: 12 }, (_, i) => (i % 2 ? 81.69166666666668 : 81.69166666666666));
    await db.metricEntry.createMany({ data: weeks(values.length).map((periodStart, i) => ({ metricId: npsMetric.id, periodStart, value: values[i]! })) });
    const stats = (await getHistoryStats([npsMetric.id], FIRST, addPeriods(FIRST, values.length, "WEEK"))).get(npsMetric.id)!;
    expect(stats.n).toBe(12);
    expect(usualRange(stats)).toBeNull();
  });
});
