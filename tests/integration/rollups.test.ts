// Rollups that respect sample sizes (docs/scoring.md, "Weeks, months, quarters and ranges"): the
// issue's worked example through every path that rolls figures up, on SQLite and PostgreSQL alike.
import { beforeAll, describe, expect, it } from "vitest";
import { getFiguresByBucket, getFiguresByPeriod } from "../../lib/data/journey-scores";
import { getOverview } from "../../lib/data/overview";
import { getProcessChange } from "../../lib/data/process-changes";
import { getTouchpointReport, publicReport } from "../../lib/data/touchpoint-report";
import { db } from "../../lib/db";
import { parsePeriodKey, periodsBetween } from "../../lib/periods";
import { reportCsv } from "../../lib/report-csv";
import { actorFor, rolledUp } from "./helpers";

/** The integration seed's "now" (global-setup.ts): the current week starts Monday 23 Nov 2026. */
const NOW = new Date("2026-11-25T12:00:00Z");
const day = (key: string) => parsePeriodKey(key)!;
/** NPS on its scale (best 100, worst −100) as a score: 100 × (v + 100) / 200. */
const npsScore = (nps: number) => (100 * (nps + 100)) / 200;

/**
 * A touchpoint of its own with one metric, NPS, and these weekly figures:
 * - July, no sample sizes: 10, 30 → the plain mean, 20.
 * - September, the worked example: +50, +50, +50 from 1,000 responses each, −50 from 4 →
 *   (3 · 1000 · 50 + 4 · (−50)) / 3004 = 149,800 / 3,004 = 49.87 (the plain mean would be 25).
 * - October, mixed: 60 from 500, 20 without a sample size, 70 from 1,500 → the 20 weighs as much as
 *   the mean sample size of the others, 1,000: (500·60 + 1000·20 + 1500·70) / 3000 = 51.67.
 */
const FIGURES: [week: string, nps: number, sampleSize: number | null][] = [
  ["2026-07-06", 10, null],
  ["2026-07-20", 30, null],
  ["2026-09-07", 50, 1000],
  ["2026-09-14", 50, 1000],
  ["2026-09-21", 50, 1000],
  ["2026-09-28", -50, 4],
  ["2026-10-05", 60, 500],
  ["2026-10-12", 20, null],
  ["2026-10-19", 70, 1500],
];
const WORKED_EXAMPLE = (3 * 1000 * 50 + 4 * -50) / 3004;
const OCTOBER = (500 * 60 + 1000 * 20 + 1500 * 70) / 3000;

let metricId: number;
let touchpointId: number;
let journeyId: number;

beforeAll(async () => {
  const stage = await db.stage.findFirstOrThrow({ where: { name: "Pay & leave", journey: { name: "Dine-in" } }, select: { id: true, journeyId: true } });
  const department = await db.department.findUniqueOrThrow({ where: { slug: "front-of-house" }, select: { id: true } });
  const touchpoint = await db.touchpoint.create({
    data: {
      name: "Table survey",
      stageId: stage.id,
      departmentId: department.id,
      position: 9,
      metrics: { create: [{ name: "Net Promoter Score", kind: "NPS", unit: "points", scaleBest: 100, scaleWorst: -100, target: 40 }] },
    },
    select: { id: true, metrics: { select: { id: true } } },
  });
  touchpointId = touchpoint.id;
  metricId = touchpoint.metrics[0]!.id;
  journeyId = stage.journeyId;
  await db.metricEntry.createMany({ data: FIGURES.map(([week, value, sampleSize]) => ({ metricId, periodStart: day(week), value, sampleSize, source: "SURVEY" as const })) });
});

describe("rollups weighted by sample size", () => {
  it("gives the worked example's month 49.9, not the plain mean's 25", async () => {
    const september = day("2026-09-01");
    const figures = await getFiguresByPeriod([september], "MONTH", "WEEK", [metricId]);
    expect(WORKED_EXAMPLE).toBeCloseTo(49.87, 2);
    expect(figures.get(september.getTime())!.get(metricId)).toBeCloseTo(WORKED_EXAMPLE, 9);
    expect(figures.get(september.getTime())!.get(metricId)!.toFixed(1)).toBe("49.9");
  });

  it("counts a figure without a sample size as the mean sample size of the others, and takes the plain mean when none has one", async () => {
    const months = periodsBetween(day("2026-07-01"), day("2026-11-01"), "MONTH");
    const figures = await getFiguresByPeriod(months, "MONTH", "WEEK", [metricId]);
    const value = (month: string) => figures.get(day(month).getTime())?.get(metricId);
    expect(value("2026-07-01")).toBeCloseTo(20, 9);
    expect(value("2026-08-01")).toBeUndefined();
    expect(value("2026-09-01")).toBeCloseTo(WORKED_EXAMPLE, 9);
    expect(OCTOBER).toBeCloseTo(51.667, 3);
    expect(value("2026-10-01")).toBeCloseTo(OCTOBER, 9);
    expect(value("2026-11-01")).toBeUndefined();

    // A quarter is one bucket of all its weeks, not a mean of its months: Q3 holds July's two
    // figures without a sample size and September's four with one (n̄ = 3004 / 4 = 751).
    const quarter = await getFiguresByPeriod([day("2026-07-01")], "QUARTER", "WEEK", [metricId]);
    const q3 = FIGURES.slice(0, 6).map(([, value, sampleSize]) => ({ value, sampleSize }));
    expect(rolledUp(q3)).toBeCloseTo((751 * 10 + 751 * 30 + 149_800) / (2 * 751 + 3004), 9);
    expect(quarter.get(day("2026-07-01").getTime())!.get(metricId)).toBeCloseTo(rolledUp(q3), 9);
  });

  it("leaves the organisation's own periods as entered: a week's value is its figure", async () => {
    const weeks = periodsBetween(day("2026-09-07"), day("2026-09-28"), "WEEK");
    const figures = await getFiguresByPeriod(weeks, "WEEK", "WEEK", [metricId]);
    expect(weeks.map((w) => figures.get(w.getTime())!.get(metricId))).toEqual([50, 50, 50, -50]);
  });

  it("sums the responses behind a bucket, and rolls up overlapping buckets independently", async () => {
    const buckets = [
      { start: day("2026-09-07"), end: day("2026-10-05") },
      { start: day("2026-09-07"), end: day("2026-10-26") },
      { start: day("2026-07-01"), end: day("2026-08-01") },
    ];
    const figures = await getFiguresByBucket(buckets, [metricId]);
    expect(figures.get(0)!.get(metricId)!.value).toBeCloseTo(WORKED_EXAMPLE, 9);
    expect(figures.get(0)!.get(metricId)!.sampleSize).toBe(3004);
    const sevenWeeks = FIGURES.slice(2).map(([, value, sampleSize]) => ({ value, sampleSize }));
    expect(figures.get(1)!.get(metricId)).toEqual({ value: expect.closeTo(rolledUp(sevenWeeks), 9), sampleSize: 5004 });
    expect(figures.get(2)!.get(metricId)).toEqual({ value: expect.closeTo(20, 9), sampleSize: null });
  });

  it("scores the month on the overview from the weighted figure, with the month's responses", async () => {
    const overview = await getOverview({ journeyId, view: "MONTH", period: day("2026-09-01") });
    const tile = overview.journey!.stages.flatMap((s) => s.touchpoints).find((t) => t.id === touchpointId)!;
    // 100 × (49.87 + 100) / 200 = 74.93; the plain mean would have scored 62.5.
    expect(tile.score).toBeCloseTo(npsScore(WORKED_EXAMPLE), 9);
    expect(tile.score!.toFixed(1)).toBe("74.9");
    expect(tile.sampleSize).toBe(3004);
  });

  it("compares a change's sides as buckets: the week of 4 responses does not halve the score before it", async () => {
    const change = await db.processChange.create({
      data: { title: "Survey card with the bill", effectiveDate: day("2026-10-05"), touchpoints: { create: [{ touchpointId }] } },
      select: { id: true },
    });
    const viewer = await actorFor("viewer@touchline.demo");
    const comparison = (await getProcessChange(viewer, change.id, NOW))!.touchpoints[0]!.comparison;
    // Effective Monday 5 Oct; 8 weeks from then to the current week (23 Nov), so w = 8:
    // before 10 Aug – 28 Sep (September's four figures), after 5 Oct – 23 Nov (October's three).
    expect(comparison).toMatchObject({
      inEffect: true,
      windowLength: 8,
      before: { from: day("2026-08-10"), to: day("2026-09-28"), n: 4, responses: 3004 },
      after: { from: day("2026-10-05"), to: day("2026-11-23"), n: 3, responses: 2000 },
    });
    if (!comparison.inEffect) throw new Error("in effect");
    // Before 74.93 (NPS 49.87), after 75.83 (NPS 51.67): +0.9. The plain means of the weekly scores
    // were 62.5 and 75.0, a +12.5 that came from one week of 4 responses.
    expect(comparison.before.score).toBeCloseTo(npsScore(WORKED_EXAMPLE), 9);
    expect(comparison.after.score).toBeCloseTo(npsScore(OCTOBER), 9);
    expect(comparison.difference!.toFixed(1)).toBe("0.9");
  });

  it("shows the weeks on the touchpoint report and its CSV as entered, so the month can be recomputed from them", async () => {
    const report = (await getTouchpointReport(touchpointId, "2026-09-07", "2026-09-28"))!;
    expect(report.scores.score).toEqual([75, 75, 75, 25].map((s) => expect.closeTo(s, 9)));
    expect(report.metrics[0]!.points.map((p) => [p.value, p.sampleSize])).toEqual([
      [50, 1000],
      [50, 1000],
      [50, 1000],
      [-50, 4],
    ]);
    expect(report.current.sampleSize).toBe(4);
    const shared = publicReport(report);
    expect(shared.scores).toEqual(report.scores);
    const csv = reportCsv(shared).split("\r\n");
    expect(csv.slice(1)).toEqual([
      "2026-09-07,Net Promoter Score,points,50,40,1000,Survey",
      "2026-09-14,Net Promoter Score,points,50,40,1000,Survey",
      "2026-09-21,Net Promoter Score,points,50,40,1000,Survey",
      "2026-09-28,Net Promoter Score,points,-50,40,4,Survey",
    ]);
    expect(rolledUp(shared.metrics[0]!.points.map((p) => ({ value: p.value!, sampleSize: p.sampleSize })))).toBeCloseTo(WORKED_EXAMPLE, 9);
  });

  it("treats a sample size of 0 as none rather than dividing by zero", async () => {
    const metric = await db.metric.create({ data: { touchpointId, name: "Spare", kind: "PERCENT", scaleBest: 100, scaleWorst: 0 }, select: { id: true } });
    await db.metricEntry.createMany({
      data: [
        { metricId: metric.id, periodStart: day("2026-01-05"), value: 40, sampleSize: 0 },
        { metricId: metric.id, periodStart: day("2026-01-12"), value: 60, sampleSize: null },
      ],
    });
    const figures = await getFiguresByBucket([{ start: day("2026-01-01"), end: day("2026-02-01") }], [metric.id]);
    expect(figures.get(0)!.get(metric.id)).toEqual({ value: 50, sampleSize: null });
    await db.metric.update({ where: { id: metric.id }, data: { archivedAt: new Date() } });
  });
});
