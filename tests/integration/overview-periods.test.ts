// Like-for-like changes and periods that are not complete (issue 12, section 4), on both databases.
import { describe, expect, it } from "vitest";
import { saveEntries } from "../../lib/data/entries";
import { getOverview } from "../../lib/data/overview";
import { db } from "../../lib/db";
import { parsePeriodKey } from "../../lib/periods";
import { actorFor, metricNamed } from "./helpers";
import { onSeedClock } from "./seed-clock";

onSeedClock();

const LAST_WEEK = parsePeriodKey("2026-11-16")!;
const WEEK_BEFORE = parsePeriodKey("2026-11-09")!;
const OPEN_WEEK = "2026-11-23";

describe("changes between periods", () => {
  it("reads a reporting gap as no change: every figure equal to the week before but one missing", async () => {
    // Every figure of the last week becomes the week before's, then one moment-of-truth metric goes missing.
    const before = await db.metricEntry.findMany({ where: { periodStart: WEEK_BEFORE }, select: { metricId: true, value: true } });
    for (const e of before) await db.metricEntry.updateMany({ where: { metricId: e.metricId, periodStart: LAST_WEEK }, data: { value: e.value } });
    const food = await metricNamed("Food", "Food rating");
    await db.entryRevision.deleteMany({ where: { entry: { metricId: food.id, periodStart: LAST_WEEK } } });
    await db.metricEntry.deleteMany({ where: { metricId: food.id, periodStart: LAST_WEEK } });

    const dineIn = (await getOverview({ period: LAST_WEEK })).journey!;
    // The level moved (Food is scored on its other metrics now) …
    expect(Math.abs(dineIn.score! - dineIn.previousScore!)).toBeGreaterThan(0.3);
    // … but nothing changed: compared on the figures both weeks have.
    expect(dineIn.change).toBeCloseTo(0, 10);
    for (const d of dineIn.departments) expect(d.change ?? 0).toBeCloseTo(0, 10);
    expect(dineIn.changeCoverage).toBeCloseTo(1, 10);
    // Coverage by metric weight: Food reported 2 of its 3 metrics, so the journey is not 100 % covered.
    expect(dineIn.coverage).toBeLessThan(1);
    expect(dineIn.coverage).toBeGreaterThan(0.9);
    expect(dineIn.periodStatus).toBe("complete");
    expect(dineIn.lastComplete).toBeNull();
    // The target the headline uses moved with the missing metric; the full target did not.
    expect(dineIn.fullTargetScore).not.toBeNull();
    expect(Math.abs(dineIn.fullTargetScore! - dineIn.targetScore!)).toBeGreaterThan(0.01);
  });
});

describe("a period that is not complete", () => {
  it("marks the current week in progress with no figures, names the last complete week, and shows no change", async () => {
    const overview = await getOverview({ period: parsePeriodKey(OPEN_WEEK)! });
    expect(overview.period?.key).toBe(OPEN_WEEK);
    expect(overview.periodOptions[0]).toEqual({ key: OPEN_WEEK, label: "Week of 23 Nov 2026 (in progress)" });
    const dineIn = overview.journey!;
    expect(dineIn.score).toBeNull();
    expect(dineIn.periodStatus).toBe("partial");
    expect(dineIn.currentPeriod).toBe(true);
    expect(dineIn.reported).toEqual({ touchpoints: 0, of: 11 });
    expect(dineIn.lastComplete?.key).toBe("2026-11-16");
    expect(dineIn.change).toBeNull();
  });

  it("keeps a week with one figure in progress rather than judging it", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const ticket = await metricNamed("Food", "Ticket time");
    await saveEntries(kai, { rows: [{ metricId: ticket.id, periodStart: parsePeriodKey(OPEN_WEEK)!, value: 14, source: "OPERATIONAL" }] }, { checkUnusual: false });
    const dineIn = (await getOverview({ period: parsePeriodKey(OPEN_WEEK)! })).journey!;
    expect(dineIn.score).not.toBeNull();
    expect(dineIn.periodStatus).toBe("partial");
    expect(dineIn.change).toBeNull();
    expect(dineIn.departments.every((d) => d.change === null)).toBe(true);
    expect(dineIn.reported).toEqual({ touchpoints: 1, of: 11 });
    expect(dineIn.lastComplete?.key).toBe("2026-11-16");
  });

  it("calls a past week with too little reported partial", async () => {
    const week = parsePeriodKey("2026-11-02")!;
    const metrics = await db.metric.findMany({ where: { touchpoint: { stage: { journey: { name: "Dine-in" } } } }, select: { id: true }, orderBy: { id: "asc" } });
    const gone = metrics.slice(0, Math.ceil(metrics.length * 0.7)).map((m) => m.id);
    await db.entryRevision.deleteMany({ where: { entry: { metricId: { in: gone }, periodStart: week } } });
    await db.metricEntry.deleteMany({ where: { metricId: { in: gone }, periodStart: week } });
    const dineIn = (await getOverview({ period: week })).journey!;
    expect(dineIn.periodStatus).toBe("partial");
    expect(dineIn.currentPeriod).toBe(false);
    expect(dineIn.lastComplete?.key).toBe("2026-10-26");
  });
});

describe("the current month, well reported", () => {
  it("is judged so far, with its change", async () => {
    const overview = await getOverview({ view: "MONTH", period: parsePeriodKey("2026-11-01")! });
    const dineIn = overview.journey!;
    expect(dineIn.currentPeriod).toBe(true);
    expect(dineIn.periodStatus).toBe("in-progress");
    expect(dineIn.change).not.toBeNull();
    expect(dineIn.lastComplete).toBeNull();
  });
});
