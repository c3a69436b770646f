import { describe, expect, it } from "vitest";
import { previewImport, runImport } from "../../lib/data/import";
import { db } from "../../lib/db";
import { DomainError } from "../../lib/errors";
import { addPeriods, parsePeriodKey, toPeriodKey } from "../../lib/periods";
import { actorFor, entryCounts, metricNamed } from "./helpers";

const WEEK = "2026-11-23";
type Cells = { department?: string; touchpoint?: string; metric?: string; metric_id?: string | number; period?: string; value?: string | number; sample_size?: string | number; source?: string; note?: string };
const row = (c: Cells) => ["department", "touchpoint", "metric", "metric_id", "period", "value", "sample_size", "source", "note"].map((k) => String(c[k as keyof Cells] ?? ""));
const kitchen = (metric: string, touchpoint: string, value: string | number, period = WEEK, extra: Cells = {}) =>
  row({ department: "Kitchen", touchpoint, metric, period, value, ...extra });

describe("CSV import", () => {
  it("previews a file: lines ready (new, changed, unchanged) and each problem with its line", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const seeded = await db.metricEntry.findFirstOrThrow({ where: { metric: { name: "Food rating" }, periodStart: parsePeriodKey("2026-11-16")! } });
    const rows = [
      kitchen("Food rating", "Food", 4.4), // line 2: new
      kitchen("food RATING", "food", seeded.value, "2026-11-16", { source: "survey", sample_size: seeded.sampleSize ?? "" }), // 3: unchanged, names case-insensitive
      kitchen("Ticket time", "Food", "15m 30s", "2026-11-16"), // 4: changed
      kitchen("Ticket time", "Food", 20, "2026-11-18"), // 5: not a Monday
      kitchen("Food rating", "Food", 7), // 6: out of range
      kitchen("Food rating", "Food", 4.1), // 7: duplicate of line 2
      kitchen("Soup temperature", "Food", 60), // 8: unknown metric
      row({ department: "Bar", touchpoint: "Drinks", metric: "Drink rating", period: WEEK, value: 4 }), // 9: not Kai's department
      row({}), // 10: blank line, skipped
      row({ metric_id: "abc", period: WEEK, value: 1 }), // 11: bad id
      kitchen("Food complaints", "Food", 3, "23/11/2026"), // 12: bad date format
      kitchen("Food complaints", "Food", 3, WEEK, { sample_size: "-5" }), // 13: bad sample size
    ];
    const preview = await previewImport(kai, rows);
    expect(preview).toMatchObject({ total: 11, valid: 3, problemCount: 8, changes: { created: 1, changed: 1, unchanged: 1 } });
    expect(preview.problems).toEqual([
      { line: 5, message: "Period must be a Monday (weeks start on Monday)" },
      { line: 6, message: "Value must be between 1 and 5" },
      { line: 7, message: "Same metric and period as line 2" },
      { line: 8, message: 'Unknown metric "Soup temperature" on touchpoint "Food" in department "Kitchen"' },
      { line: 9, message: "You can only enter figures for the departments you head (not Bar)" },
      { line: 11, message: 'metric_id "abc" is not a number' },
      { line: 12, message: "Period must be a date like 2026-11-16" },
      { line: 13, message: "Sample size must be at least 1" },
    ]);
  });

  it("imports nothing when any line has a problem, unless asked to import only the valid lines", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const rows = [kitchen("Food rating", "Food", 4.4), kitchen("Food complaints", "Food", 2.5)];
    const before = await entryCounts();
    const error = (await runImport(kai, rows, "all").catch((e: unknown) => e)) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).toBe("Nothing was imported: 1 line has a problem.");
    expect(error.details).toEqual({ problems: [{ line: 3, message: "Value must be a whole number" }], problemCount: 1 });
    expect(await entryCounts()).toEqual(before);

    const result = await runImport(kai, rows, "valid");
    expect(result).toMatchObject({ total: 2, saved: 1, skipped: 1 });
    expect(await entryCounts()).toEqual({ entries: before.entries + 1, revisions: before.revisions + 1 });
  });

  it("is idempotent, and a changed value keeps the earlier figure in a revision", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const metric = await metricNamed("Checkout", "Order CSAT");
    const rows = [row({ metric_id: metric.id, period: WEEK, value: 85, source: "Survey" }), row({ department: "Digital", touchpoint: "Website & app", metric: "Page load time", period: WEEK, value: "2.4" })];
    expect(await runImport(admin, rows, "all")).toMatchObject({ saved: 2, unchanged: 0 });
    const counts = await entryCounts();
    expect(await runImport(admin, rows, "all")).toMatchObject({ saved: 0, unchanged: 2 });
    expect(await entryCounts()).toEqual(counts);

    rows[0] = row({ metric_id: metric.id, period: WEEK, value: 86, source: "Survey" });
    expect(await runImport(admin, rows, "all")).toMatchObject({ saved: 1, unchanged: 1 });
    const entry = await db.metricEntry.findUniqueOrThrow({ where: { metricId_periodStart: { metricId: metric.id, periodStart: parsePeriodKey(WEEK)! } }, include: { revisions: { orderBy: { id: "asc" } } } });
    expect(entry).toMatchObject({ value: 86, version: 2, source: "SURVEY" });
    expect(entry.revisions.map((r) => [r.oldValue, r.newValue, r.changedById])).toEqual([[null, 85, admin.id], [85, 86, admin.id]]);
  });

  it("refuses a viewer's whole file, line by line", async () => {
    const viewer = await actorFor("viewer@touchline.demo");
    const preview = await previewImport(viewer, [kitchen("Food rating", "Food", 4.4)]);
    expect(preview).toMatchObject({ valid: 0, problemCount: 1 });
  });

  it("imports 100,000 lines in one transaction", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const food = await db.touchpoint.findFirstOrThrow({ where: { name: "Food" }, select: { id: true } });
    await db.metric.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({ touchpointId: food.id, name: `Bulk metric ${i}`, kind: "PERCENT" as const, unit: "%", scaleBest: 100, scaleWorst: 0 })),
    });
    const metrics = await db.metric.findMany({ where: { name: { startsWith: "Bulk metric" } }, select: { id: true } });
    // 1,000 weeks before the demo's history, for each of 100 metrics.
    const first = parsePeriodKey("2006-01-02")!;
    const weeks = Array.from({ length: 1000 }, (_, w) => toPeriodKey(addPeriods(first, w, "WEEK")));
    const rows = metrics.flatMap((m, i) => weeks.map((period, w) => row({ metric_id: m.id, period, value: ((i + w) % 100) + 0.5, sample_size: 50, source: "SURVEY" })));
    expect(rows).toHaveLength(100_000);

    const before = await entryCounts();
    const result = await runImport(admin, rows, "all");
    expect(result).toMatchObject({ total: 100_000, saved: 100_000, unchanged: 0, skipped: 0 });
    expect(await entryCounts()).toEqual({ entries: before.entries + 100_000, revisions: before.revisions + 100_000 });
  }, 120_000);
});
