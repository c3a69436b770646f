import { describe, expect, it } from "vitest";
import { getJourneyTrends, getValuesByPeriod } from "../../lib/data/journey-scores";
import { db } from "../../lib/db";
import { parsePeriodKey } from "../../lib/periods";
import { scoreJourney } from "../../lib/scoring/journey";

/** The worst week of the demo's kitchen slowdown (seeded relative to 25 Nov 2026). */
const SLOWDOWN_PEAK = parsePeriodKey("2026-06-08")!;

describe("journey scores over a window", () => {
  it("aggregates the same figures the raw rows hold", async () => {
    const from = parsePeriodKey("2026-10-26")!;
    const to = parsePeriodKey("2026-11-16")!;
    const grouped = await getValuesByPeriod(from, to);
    const raw = await db.metricEntry.findMany({ where: { periodStart: { gte: from, lte: to } }, select: { metricId: true, periodStart: true, value: true } });
    expect([...grouped.values()].reduce((n, m) => n + m.size, 0)).toBe(raw.length);
    for (const r of raw) expect(grouped.get(r.periodStart.getTime())!.get(r.metricId)).toBe(r.value);
  });

  it("scores each period exactly as the scoring module does on the raw rows", async () => {
    const [dineIn] = await getJourneyTrends(SLOWDOWN_PEAK, "WEEK", 2, 4);
    const touchpoints = await db.touchpoint.findMany({
      where: { stage: { journey: { name: "Dine-in" } } },
      select: { id: true, stageId: true, departmentId: true, weight: true, momentOfTruth: true, metrics: { select: { id: true, weight: true, scaleBest: true, scaleWorst: true, target: true } } },
    });
    const raw = await db.metricEntry.findMany({ where: { periodStart: SLOWDOWN_PEAK }, select: { metricId: true, value: true } });
    const expected = scoreJourney(touchpoints, new Map(raw.map((r) => [r.metricId, r.value])), 2);
    const last = dineIn!.scores.at(-1)!;
    expect(last.score).toBeCloseTo(expected.score!, 10);
    expect(last.shortfall).toBeCloseTo(expected.shortfall, 10);
  });

  it("shows the kitchen dragging Dine-in in the slowdown, and Front of House following it a week later", async () => {
    const trends = await getJourneyTrends(SLOWDOWN_PEAK, "WEEK", 2);
    const dineIn = trends.find((t) => t.name === "Dine-in")!;
    expect(dineIn.periods).toHaveLength(26);
    const kitchen = (await db.department.findUniqueOrThrow({ where: { slug: "kitchen" } })).id;
    const foh = (await db.department.findUniqueOrThrow({ where: { slug: "front-of-house" } })).id;
    const atPeak = dineIn.scores.at(-1)!;
    const byDrag = [...atPeak.departments].sort((a, b) => b[1].drag - a[1].drag);
    expect(byDrag[0]![0]).toBe(kitchen);
    expect(atPeak.departments.get(kitchen)!.shareOfShortfall).toBeGreaterThan(0.5);

    const pair = dineIn.influence.find((p) => p.from === kitchen && p.to === foh)!;
    // Enough evidence, moving the same way. Front of House's score also includes the bill, which
    // the kitchen does not touch, so the link is moderate to strong rather than perfect.
    expect(pair.lag1).toMatchObject({ n: 25, enough: true });
    expect(["moderate", "strong"]).toContain(pair.lag1.strength);
    expect(pair.lag1.slope!).toBeGreaterThan(0);
    // Facilities (Arrive, Dine) comes wholly after Reservations (Reserve): not compared as its cause.
    const facilities = (await db.department.findUniqueOrThrow({ where: { slug: "facilities" } })).id;
    const reservations = (await db.department.findUniqueOrThrow({ where: { slug: "reservations" } })).id;
    expect(dineIn.influence.some((p) => p.from === facilities && p.to === reservations)).toBe(false);
    expect(dineIn.influence.some((p) => p.from === reservations && p.to === facilities)).toBe(true);
  });
});
