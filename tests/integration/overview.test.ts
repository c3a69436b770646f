import { describe, expect, it } from "vitest";
import { saveEntries } from "../../lib/data/entries";
import { getOverview } from "../../lib/data/overview";
import { db } from "../../lib/db";
import { metricScore } from "../../lib/scoring";
import { saveEntriesSchema } from "../../lib/validation/entry";
import { actorFor, metricNamed } from "./helpers";

describe("overview", () => {
  it("scores each journey for the newest week, matching the formulas applied by hand to raw rows", async () => {
    const { period, journeys } = await getOverview();
    expect(period?.toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(journeys.map((j) => j.name)).toEqual(["Dine-in", "Online order"]);

    // Recompute Dine-in from the raw rows: metric scores → touchpoint means → weighted journey mean.
    const touchpoints = await db.touchpoint.findMany({
      where: { stage: { journey: { name: "Dine-in" } } },
      select: { weight: true, momentOfTruth: true, metrics: { select: { weight: true, scaleBest: true, scaleWorst: true, entries: { where: { periodStart: period! }, select: { value: true } } } } },
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
    const dineIn = journeys[0]!;
    expect(dineIn.score).toBeCloseTo(total / weights, 9);
    expect(dineIn.coverage).toBe(1);
    expect(dineIn.stages.map((s) => s.name)).toEqual(["Discover", "Reserve", "Arrive", "Dine", "Pay & leave", "Return"]);
  });

  it("keeps reporting the last full week when a new week has only a figure or two", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Food", "Food rating");
    await saveEntries(kai, saveEntriesSchema.parse({ rows: [{ metricId: metric.id, periodStart: "2026-11-23", value: 4.1 }] }));
    const { period, journeys } = await getOverview();
    expect(period?.toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(journeys.every((j) => j.score !== null)).toBe(true);
  });
});
