import { describe, expect, it } from "vitest";
import { departmentInfluence, getFiguresByPeriod, getJourneyStructures, getLastFigurePeriods, getSampleSizes, scoreOverPeriods } from "../../lib/data/journey-scores";
import { db } from "../../lib/db";
import { addPeriods, parsePeriodKey, periodsBetween } from "../../lib/periods";
import { scoreJourney } from "../../lib/scoring/journey";
import { rolledUp } from "./helpers";

/** The worst week of the demo's kitchen slowdown (seeded relative to 25 Nov 2026). */
const SLOWDOWN_PEAK = parsePeriodKey("2026-06-08")!;
const key = (d: Date) => d.toISOString().slice(0, 10);

async function dineIn() {
  return (await getJourneyStructures()).find((j) => j.name === "Dine-in")!;
}

describe("journey scores over a window", () => {
  it("aggregates the same figures the raw rows hold, week by week", async () => {
    const periods = periodsBetween(parsePeriodKey("2026-10-26")!, parsePeriodKey("2026-11-16")!, "WEEK");
    const figures = await getFiguresByPeriod(periods, "WEEK", "WEEK");
    const raw = await db.metricEntry.findMany({ where: { periodStart: { gte: periods[0], lte: periods.at(-1) } }, select: { metricId: true, periodStart: true, value: true, sampleSize: true } });
    expect([...figures.values()].reduce((n, f) => n + f.size, 0)).toBe(raw.length);
    for (const r of raw) expect(figures.get(r.periodStart.getTime())!.get(r.metricId)).toBe(r.value);
    const samples = await getSampleSizes(periods[0]!, addPeriods(periods.at(-1)!, 1, "WEEK"));
    for (const [metricId, n] of samples) {
      expect(n).toBe(raw.filter((r) => r.metricId === metricId).reduce((sum, r) => sum + (r.sampleSize ?? 0), 0));
    }
    expect(samples.size).toBe(new Set(raw.filter((r) => r.sampleSize !== null).map((r) => r.metricId)).size);
  });

  it("rolls weekly figures up into months and quarters by the month each week starts in, weighted by sample size", async () => {
    const months = periodsBetween(parsePeriodKey("2026-08-01")!, parsePeriodKey("2026-10-01")!, "MONTH");
    const [byMonth, byQuarter] = await Promise.all([getFiguresByPeriod(months, "MONTH", "WEEK"), getFiguresByPeriod([parsePeriodKey("2026-07-01")!], "QUARTER", "WEEK")]);
    const raw = await db.metricEntry.findMany({ where: { periodStart: { gte: parsePeriodKey("2026-07-01")!, lt: parsePeriodKey("2026-11-01")! } }, select: { metricId: true, periodStart: true, value: true, sampleSize: true } });
    const expected = (from: string, to: string) => {
      const figures = new Map<number, typeof raw>();
      for (const r of raw.filter((r) => key(r.periodStart) >= from && key(r.periodStart) < to)) figures.set(r.metricId, [...(figures.get(r.metricId) ?? []), r]);
      return new Map([...figures].map(([metricId, rows]) => [metricId, { n: rows.length, value: rolledUp(rows), plain: rows.reduce((s, r) => s + r.value, 0) / rows.length }]));
    };
    // 31 Aug 2026 is a Monday: its week counts towards August, though it ends in September.
    const august = expected("2026-08-01", "2026-09-01");
    expect(Math.max(...[...august.values()].map((s) => s.n))).toBe(5);
    for (const [metricId, s] of august) {
      expect(byMonth.get(months[0]!.getTime())!.get(metricId)).toBeCloseTo(s.value, 9);
    }
    // The demo's survey metrics have sample sizes, so some months differ from the plain mean of their weeks.
    expect([...august].some(([metricId, s]) => Math.abs(byMonth.get(months[0]!.getTime())!.get(metricId)! - s.plain) > 1e-6)).toBe(true);
    for (const [metricId, s] of expected("2026-07-01", "2026-10-01")) {
      expect(byQuarter.get(parsePeriodKey("2026-07-01")!.getTime())!.get(metricId)).toBeCloseTo(s.value, 9);
    }
    expect([...byMonth.keys()].map((t) => key(new Date(t)))).toEqual(["2026-08-01", "2026-09-01", "2026-10-01"]);
  });

  it("scores each period exactly as the scoring module does on the raw rows", async () => {
    const journey = await dineIn();
    const periods = periodsBetween(addPeriods(SLOWDOWN_PEAK, -3, "WEEK"), SLOWDOWN_PEAK, "WEEK");
    const scores = scoreOverPeriods(journey, periods, await getFiguresByPeriod(periods, "WEEK", "WEEK"), 2);
    const raw = await db.metricEntry.findMany({ where: { periodStart: SLOWDOWN_PEAK }, select: { metricId: true, value: true } });
    const expected = scoreJourney(journey.touchpoints, new Map(raw.map((r) => [r.metricId, r.value])), 2);
    expect(scores).toHaveLength(4);
    expect(scores.at(-1)!.score).toBeCloseTo(expected.score!, 10);
    expect(scores.at(-1)!.shortfall).toBeCloseTo(expected.shortfall, 10);
  });

  it("shows the kitchen dragging Dine-in in the slowdown, and tests influence touchpoint by touchpoint in stage order", async () => {
    const journey = await dineIn();
    const periods = periodsBetween(addPeriods(SLOWDOWN_PEAK, -25, "WEEK"), SLOWDOWN_PEAK, "WEEK");
    const scores = scoreOverPeriods(journey, periods, await getFiguresByPeriod(periods, "WEEK", "WEEK"), 2);
    const { touchpoints, analysis } = departmentInfluence(journey, scores);
    const kitchen = (await db.department.findUniqueOrThrow({ where: { slug: "kitchen" } })).id;
    const atPeak = scores.at(-1)!;
    const byDrag = [...atPeak.departments].sort((a, b) => b[1].drag - a[1].drag);
    expect(byDrag[0]![0]).toBe(kitchen);
    expect(atPeak.departments.get(kitchen)!.shareOfShortfall).toBeGreaterThan(0.5);

    // Each touchpoint's series is its score per week, as the overview's trend has it.
    const food = touchpoints.find((t) => t.name === "Food")!;
    expect(food.scores).toHaveLength(26);
    expect(food.scores.at(-1)).toBeCloseTo(atPeak.touchpoints.get(food.id)!.score!, 12);
    // 11 touchpoints of 6 departments: 49 pairs of different departments the same week, and
    // 49 + 7 (the same-stage pairs count both ways) leading the next week.
    expect(analysis.tests.filter((t) => t.lag === 0)).toHaveLength(49);
    expect(analysis.tests.filter((t) => t.lag === 1)).toHaveLength(56);
    expect(analysis.tested).toBe(105);
    // The slide is six weeks of the 26: Food → Waiter service is tested, and is not evidence.
    const waiter = touchpoints.find((t) => t.name === "Waiter service")!;
    const lead = analysis.tests.find((t) => t.from === food.id && t.to === waiter.id && t.lag === 1)!;
    expect(lead).toMatchObject({ state: "tested", pairs: 24, periods: 26, significant: false, claimed: false });
    // Host stand welcome (Arrive) may lead Food (Dine); Food may not lead it, nor may Loyalty & reviews (Return) lead anything.
    const host = touchpoints.find((t) => t.name === "Host stand welcome")!;
    const reviews = touchpoints.find((t) => t.name === "Loyalty & reviews")!;
    expect(analysis.tests.some((t) => t.lag === 1 && t.from === host.id && t.to === food.id)).toBe(true);
    expect(analysis.tests.some((t) => t.lag === 1 && t.from === food.id && t.to === host.id)).toBe(false);
    expect(analysis.tests.some((t) => t.lag === 1 && t.from === reviews.id)).toBe(false);
  });

  it("reads the structure in journey, stage and touchpoint order, leaving archived parts out and keeping empty ones", async () => {
    const nested = await db.journey.findMany({
      where: { archivedAt: null },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, stages: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: { id: true, touchpoints: { where: { archivedAt: null }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, metrics: { where: { archivedAt: null }, select: { id: true } } } } } } },
    });
    const ids = (journeys: { id: number; stages: { id: number; touchpoints: { id: number; metrics: { id: number }[] }[] }[] }[]) =>
      journeys.map((j) => [j.id, j.stages.map((s) => [s.id, s.touchpoints.map((t) => [t.id, t.metrics.map((m) => m.id).sort()])])]);
    expect(ids(await getJourneyStructures())).toEqual(ids(nested));

    const food = await db.touchpoint.findFirstOrThrow({ where: { name: "Food" }, select: { id: true } });
    await db.touchpoint.update({ where: { id: food.id }, data: { archivedAt: new Date() } });
    const bare = await db.journey.create({ data: { name: "Events", slug: "events", position: 9, stages: { create: [{ name: "Enquire", position: 0 }] } } });
    await db.journey.create({ data: { name: "Gift cards", slug: "gift-cards", position: 10 } });
    const structures = await getJourneyStructures();
    expect(structures.flatMap((j) => j.touchpoints).some((t) => t.id === food.id)).toBe(false);
    expect(structures.find((j) => j.id === bare.id)!.stages).toMatchObject([{ name: "Enquire", touchpoints: [] }]);
    expect(structures.find((j) => j.name === "Gift cards")!.stages).toEqual([]);
  });

  it("finds each touchpoint's latest figure before a date", async () => {
    const food = await db.touchpoint.findFirstOrThrow({ where: { name: "Food" }, select: { id: true } });
    const last = await getLastFigurePeriods([food.id], parsePeriodKey("2026-06-10")!);
    expect(key(last.get(food.id)!)).toBe("2026-06-08");
    expect((await getLastFigurePeriods([food.id], parsePeriodKey("2020-01-01")!)).size).toBe(0);
  });
});
