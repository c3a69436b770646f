import { describe, expect, it } from "vitest";
import { saveEntries } from "../../lib/data/entries";
import { getOverview } from "../../lib/data/overview";
import { getTouchpointReport, publicReport } from "../../lib/data/touchpoint-report";
import { db } from "../../lib/db";
import { parsePeriodKey } from "../../lib/periods";
import { saveEntriesSchema } from "../../lib/validation/entry";
import { actorFor, metricNamed } from "./helpers";

/** The worst week of the demo's kitchen slowdown (seeded relative to 25 Nov 2026). */
const PEAK = "2026-06-08";

async function foodId() {
  return (await db.touchpoint.findFirstOrThrow({ where: { name: "Food" }, select: { id: true } })).id;
}

describe("touchpoint report", () => {
  it("agrees with the overview and with the raw figures at the slowdown peak", async () => {
    const id = await foodId();
    const report = (await getTouchpointReport(id, "2026-04-20", PEAK))!;
    expect(report.periods.map((p) => p.key)).toHaveLength(8);
    expect(report.range).toMatchObject({ from: { key: "2026-04-20" }, to: { key: PEAK }, automatic: false });

    const overview = (await getOverview({ period: parsePeriodKey(PEAK)! })).journey!;
    const tile = overview.stages.flatMap((s) => s.touchpoints).find((t) => t.id === id)!;
    expect(report.current.score).toBeCloseTo(tile.score!, 9);
    expect(report.current.status).toBe("below-warning");
    expect(report.drag.department).toBeCloseTo(overview.departments.find((d) => d.name === "Kitchen")!.drag, 9);
    expect(report.drag.shortfall).toBeCloseTo(overview.shortfall, 9);
    // Food is the kitchen's only Dine-in touchpoint: its own drag is the department's.
    expect(report.drag.touchpoint).toBeCloseTo(report.drag.department, 9);

    const raw = await db.metricEntry.findMany({ where: { metric: { touchpointId: id }, periodStart: { gte: parsePeriodKey("2026-04-20")!, lte: parsePeriodKey(PEAK)! } }, select: { metricId: true, periodStart: true, value: true, sampleSize: true } });
    for (const r of raw) {
      const metric = report.metrics.find((m) => m.id === r.metricId)!;
      const i = report.periods.findIndex((p) => p.key === r.periodStart.toISOString().slice(0, 10));
      expect(metric.points[i]).toMatchObject({ value: r.value, sampleSize: r.sampleSize });
    }
    const last = raw.filter((r) => r.periodStart.toISOString().startsWith(PEAK));
    expect(report.current.sampleSize).toBe(last.reduce((s, r) => s + (r.sampleSize ?? 0), 0));
    expect(report.upstream).toMatchObject({ stage: "Arrive" });
    expect(report.downstream).toMatchObject({ stage: "Pay & leave", touchpoints: [{ name: "Bill & payment", department: "Front of House" }] });
  });

  it("ends with the touchpoint's latest figure by default and shows twelve periods", async () => {
    const report = (await getTouchpointReport(await foodId()))!;
    expect(report.range).toMatchObject({ to: { key: "2026-11-16" }, from: { key: "2026-08-31" }, automatic: true });
    expect(report.scores.score).toHaveLength(12);
  });

  it("lists notes with their authors and counts later changes", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Food", "Food rating");
    const entry = await db.metricEntry.findUniqueOrThrow({ where: { metricId_periodStart: { metricId: metric.id, periodStart: parsePeriodKey("2026-11-09")! } } });
    await saveEntries(kai, saveEntriesSchema.parse({ rows: [{ metricId: metric.id, periodStart: "2026-11-09", value: 4.0, note: "New chef on the grill", expectedVersion: entry.version }] }));
    const report = (await getTouchpointReport(await foodId()))!;
    expect(report.notes).toContainEqual({ period: { key: "2026-11-09", label: "Week of 9 Nov 2026" }, metric: "Food rating", note: "New chef on the grill", author: "Kai Chen" });
    expect(report.revisions).toBe(1);
  });

  it("gives a shared link the report without ids, people or pickers", async () => {
    const report = (await getTouchpointReport(await foodId(), "2026-04-20", PEAK))!;
    report.notes.push({ period: report.range.to, metric: "Food rating", note: "Short-staffed", author: "Kai Chen" });
    const shared = publicReport(report);
    const text = JSON.stringify(shared);
    expect(text).not.toMatch(/"id":/);
    expect(text).not.toContain("Kai Chen");
    expect(text).not.toContain("enteredBy");
    expect(text).not.toContain("periodOptions");
    expect(text).not.toMatch(/@touchline\.demo/);
    expect(shared.notes).toEqual([{ period: report.range.to, metric: "Food rating", note: "Short-staffed" }]);
    expect(shared.current).toEqual(report.current);
    expect(shared.metrics.map((m) => m.points)).toEqual(report.metrics.map((m) => m.points));
  });

  it("is null for unknown and archived touchpoints", async () => {
    expect(await getTouchpointReport(999_999)).toBeNull();
    const id = await foodId();
    await db.touchpoint.update({ where: { id }, data: { archivedAt: new Date() } });
    expect(await getTouchpointReport(id)).toBeNull();
  });
});
