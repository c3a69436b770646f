import { describe, expect, it } from "vitest";
import { saveEntries } from "../../lib/data/entries";
import { getOverview } from "../../lib/data/overview";
import { db } from "../../lib/db";
import { parsePeriodKey } from "../../lib/periods";
import { metricScore } from "../../lib/scoring";
import { saveEntriesSchema } from "../../lib/validation/entry";
import { parseOverviewParams } from "../../lib/validation/overview";
import { actorFor, metricNamed } from "./helpers";
import { onSeedClock } from "./seed-clock";

onSeedClock();

/** The worst week of the demo's kitchen slowdown (seeded relative to 25 Nov 2026). */
const SLOWDOWN_PEAK = "2026-06-08";
const overviewFor = (search: string) => {
  const { params, problems } = parseOverviewParams(Object.fromEntries(new URLSearchParams(search)));
  return getOverview(params, problems);
};

describe("overview", () => {
  it("scores the first journey for the newest week, matching the formulas applied by hand to raw rows", async () => {
    const overview = await getOverview();
    expect(overview.period?.key).toBe("2026-11-16");
    expect(overview.automaticPeriod).toBe(true);
    expect(overview.view).toBe("WEEK");
    expect(overview.journeys.map((j) => j.name)).toEqual(["Dine-in", "Online order"]);
    const dineIn = overview.journey!;
    expect(dineIn.name).toBe("Dine-in");

    // Recompute Dine-in from the raw rows: metric scores → touchpoint means → weighted journey mean.
    const touchpoints = await db.touchpoint.findMany({
      where: { stage: { journey: { name: "Dine-in" } } },
      select: { weight: true, momentOfTruth: true, metrics: { select: { weight: true, scaleBest: true, scaleWorst: true, entries: { where: { periodStart: parsePeriodKey("2026-11-16")! }, select: { value: true } } } } },
    });
    let total = 0;
    let weights = 0;
    for (const t of touchpoints) {
      const scored = t.metrics.filter((m) => m.entries.length === 1);
      const tpWeight = scored.reduce((s, m) => s + m.weight, 0);
      const tpScore = scored.reduce((s, m) => s + m.weight * metricScore(m.entries[0]!.value, m), 0) / tpWeight;
      const w = t.weight * (t.momentOfTruth ? 2 : 1);
      total += w * tpScore;
      weights += w;
    }
    expect(dineIn.score).toBeCloseTo(total / weights, 9);
    expect(overview.journeys[0]!.score).toBeCloseTo(total / weights, 9);
    expect(dineIn.coverage).toBe(1);
    expect(dineIn.stages.map((s) => s.name)).toEqual(["Discover", "Reserve", "Arrive", "Dine", "Pay & leave", "Return"]);
    // Trend over the default 26 weeks, ending with the period shown; the change is from the week before.
    expect(dineIn.trend.periods).toHaveLength(26);
    expect(dineIn.trend.periods.at(-1)!.key).toBe("2026-11-16");
    expect(dineIn.trend.score.at(-1)).toBeCloseTo(dineIn.score!, 9);
    expect(dineIn.change).toBeCloseTo(dineIn.score! - dineIn.trend.score.at(-2)!, 9);
    expect(dineIn.departments.reduce((sum, d) => sum + d.drag, 0)).toBeCloseTo(dineIn.shortfall, 9);
  });

  it("keeps reporting the last full week when a new week has only a figure or two", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Food", "Food rating");
    await saveEntries(kai, saveEntriesSchema.parse({ rows: [{ metricId: metric.id, periodStart: "2026-11-23", value: 4.1 }] }));
    const overview = await getOverview();
    expect(overview.period?.key).toBe("2026-11-16");
    expect(overview.journeys.every((j) => j.score !== null)).toBe(true);
  });

  it("tells the demo's story at the slowdown peak: the kitchen drags, the food is at risk, others follow it", async () => {
    const overview = await overviewFor(`period=${SLOWDOWN_PEAK}`);
    const journey = overview.journey!;
    expect(overview.automaticPeriod).toBe(false);
    expect(journey.departments[0]!.name).toBe("Kitchen");
    expect(journey.departments[0]!.shareOfShortfall).toBeGreaterThan(0.5);
    const food = journey.atRisk.find((t) => t.name === "Food")!;
    expect(food).toMatchObject({ belowWarning: true, heads: ["Kai Chen"], lastFigure: { key: SLOWDOWN_PEAK } });
    expect(food.fallingFor).toBeGreaterThanOrEqual(2);
    expect(journey.departments.find((d) => d.name === "Kitchen")!.atRisk).toBeGreaterThanOrEqual(1);
    // Upstream departments first. The kitchen's good and bad weeks reach the waiters' CSAT a week
    // later, as they reach Food's ratings: the two move together (no direction: both follow the kitchen).
    expect(journey.influence.departments[0]!.name).toBe("Marketing");
    expect(journey.influence).toMatchObject({ noun: "week", periods: 26, from: "2025-12-15", to: SLOWDOWN_PEAK, tested: 105 });
    expect(journey.influence.sentences).toEqual([
      "Waiter service (Front of House) and Food (Kitchen) move together in the same week, in the same direction: their usual weekly swings are 3.6 points and 5.9 points (strong link, 26 weeks).",
    ]);
    expect(journey.influence.cells.filter((c) => ["lead", "two-way"].includes(c.state))).toEqual([]);
    // On Online order, the kitchen's weeks show at delivery first, and at support and the delivered
    // food's rating a week later (the demo's story): leads, with the other way round near zero.
    const online = (await overviewFor(`period=${SLOWDOWN_PEAK}&journey=${overview.journeys[1]!.id}`)).journey!.influence;
    expect(online.tested).toBe(29);
    expect(online.sentences.slice(0, 2)).toEqual([
      "Delivery to the door (Delivery): its usual weekly swing of 3.7 points has been followed by 5.4 points the same way at Support chat (Customer Care) the next week (strong link, 26 weeks).",
      "Delivery to the door (Delivery): its usual weekly swing of 3.7 points has been followed by 3.8 points the same way at Food on delivery (Kitchen) the next week (strong link, 26 weeks).",
    ]);
    expect(online.cells.filter((c) => c.state === "lead")).toEqual(
      expect.arrayContaining([expect.objectContaining({ lag: 1, strength: "strong", sameWay: true, detail: expect.stringMatching(/The other way round, r = −?0\.[0-2]\d\.$/) })]),
    );
    const tile = journey.stages.flatMap((s) => s.touchpoints).find((t) => t.name === "Food")!;
    expect(tile).toMatchObject({ status: "below-warning", momentOfTruth: true, lowCoverage: false });
    expect(journey.touchpoints.find((t) => t.id === tile.id)!.score).toBeCloseTo(tile.score!, 9);
  });

  it("groups by month and quarter, snapping the period to the one it falls in", async () => {
    const month = await overviewFor(`view=month&period=${SLOWDOWN_PEAK}`);
    expect(month.view).toBe("MONTH");
    expect(month.period).toEqual({ key: "2026-06-01", label: "June 2026" });
    expect(month.journey!.trend.periods).toHaveLength(12);
    expect(month.journey!.trend.periods[0]!.key).toBe("2025-07-01");
    expect(month.journey!.departments[0]!.name).toBe("Kitchen");
    // Influence stays on the organisation's own weeks: the 26 ending with June's last week.
    expect(month.journey!.influence).toMatchObject({ noun: "week", periods: 26, to: "2026-06-29" });

    const quarter = await overviewFor(`view=quarter&period=${SLOWDOWN_PEAK}&from=2025-07-01&journey=${month.journeys[1]!.id}`);
    expect(quarter.period!.label).toBe("Q2 2026");
    expect(quarter.journey!.name).toBe("Online order");
    expect(quarter.journey!.trend.periods.map((p) => p.label)).toEqual(["Q3 2025", "Q4 2025", "Q1 2026", "Q2 2026"]);
    expect(quarter.views).toEqual(["WEEK", "MONTH", "QUARTER"]);
  });

  it("follows what it can of a bad link and says what it could not", async () => {
    const future = await overviewFor("period=2030-01-07&journey=99999&view=fortnight");
    expect(future.period!.key).toBe("2026-11-16");
    expect(future.journey!.name).toBe("Dine-in");
    expect(future.notices).toEqual([
      'View must be week, month or quarter; ignored "fortnight".',
      "Week of 7 Jan 2030 has not started yet; showing the latest reported period instead.",
      "There is no journey 99999; showing Dine-in instead.",
    ]);
    const backwards = await overviewFor(`period=${SLOWDOWN_PEAK}&from=2026-09-07`);
    expect(backwards.notices[0]).toMatch(/^The range cannot start \(Week of 7 Sept? 2026\) after the period shown/);
    expect(backwards.journey!.trend.periods).toHaveLength(26);
    const long = await overviewFor(`period=${SLOWDOWN_PEAK}&from=2020-01-06`);
    expect(long.notices).toEqual(["A range can cover at most 104 weeks; it now starts at Week of 17 Jun 2024."]);
    expect(long.journey!.trend.periods).toHaveLength(104);
  });

  it("lists touchpoints without a figure in the period as stale, with their latest figure", async () => {
    const bill = await db.touchpoint.findFirstOrThrow({ where: { name: "Bill & payment" }, select: { id: true, metrics: { select: { id: true } } } });
    await db.metricEntry.deleteMany({ where: { metricId: { in: bill.metrics.map((m) => m.id) }, periodStart: parsePeriodKey("2026-11-16")! } });
    const journey = (await getOverview()).journey!;
    expect(journey.stale.map((t) => t.name)).toEqual(["Bill & payment"]);
    expect(journey.stale[0]).toMatchObject({ lastFigure: { key: "2026-11-09" }, department: { name: "Front of House" } });
    expect(journey.stages.flatMap((s) => s.touchpoints).find((t) => t.name === "Bill & payment")).toMatchObject({ score: null, status: null });
    expect(journey.coverage).toBeLessThan(1);
  });

  it("explains an organisation with no figures, then one with no journeys", async () => {
    await db.metricEntry.deleteMany();
    const empty = await getOverview();
    expect(empty).toMatchObject({ hasFigures: false, journey: { name: "Dine-in", score: null } });
    await db.metric.deleteMany();
    await db.processChange.deleteMany(); // the demo's changes name touchpoints, which keeps them
    await db.touchpoint.deleteMany();
    await db.stage.deleteMany();
    await db.journey.deleteMany();
    const bare = await getOverview();
    expect(bare).toMatchObject({ hasFigures: false, journey: null, journeys: [] });
  });
});
