import { describe, expect, it } from "vitest";
import { saveEntries, type RowProblem } from "../../lib/data/entries";
import { db } from "../../lib/db";
import { DomainError } from "../../lib/errors";
import { parsePeriodKey } from "../../lib/periods";
import { saveEntriesSchema } from "../../lib/validation/entry";
import { actorFor, entryCounts, metricNamed } from "./helpers";

/** The week after the seeded history: no figures yet. */
const OPEN_WEEK = "2026-11-23";
const SEEDED_WEEK = "2026-11-16";
/** The week before the seeded history: empty, and in the past. */
const BEFORE_HISTORY = "2025-05-12";

const batch = (...rows: Record<string, unknown>[]) => saveEntriesSchema.parse({ rows });

async function refusal(promise: Promise<unknown>): Promise<DomainError & { rows: RowProblem[] }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  const domain = error as DomainError;
  return Object.assign(domain, { rows: (domain.details?.rows ?? []) as RowProblem[] });
}

async function entryAt(metricId: number, period: string) {
  return db.metricEntry.findUnique({
    where: { metricId_periodStart: { metricId, periodStart: parsePeriodKey(period)! } },
    include: { revisions: { orderBy: { id: "asc" } } },
  });
}

describe("saving entries", () => {
  it("creates entries with their first revision, in one batch", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const rating = await metricNamed("Food", "Food rating");
    const ticket = await metricNamed("Food", "Ticket time");
    const result = await saveEntries(
      kai,
      batch(
        { metricId: rating.id, periodStart: OPEN_WEEK, value: "4.3", sampleSize: "150", source: "SURVEY", expectedVersion: 0 },
        { metricId: ticket.id, periodStart: OPEN_WEEK, value: "14m 30s", source: "OPERATIONAL", expectedVersion: 0 },
      ),
    );
    expect(result).toMatchObject({ saved: 2, unchanged: 0 });

    const entry = await entryAt(rating.id, OPEN_WEEK);
    expect(entry).toMatchObject({ value: 4.3, sampleSize: 150, source: "SURVEY", enteredById: kai.id, version: 1 });
    expect(entry!.revisions).toHaveLength(1);
    expect(entry!.revisions[0]).toMatchObject({ changedById: kai.id, oldValue: null, newValue: 4.3, newSampleSize: 150 });
    // "14m 30s" in a metric kept in minutes.
    expect((await entryAt(ticket.id, OPEN_WEEK))!.value).toBe(14.5);
  });

  it("keeps the earlier figure in a revision when a value changes, and bumps the version", async () => {
    const fran = await actorFor("foh@touchline.demo");
    const metric = await metricNamed("Waiter service", "Waiter CSAT");
    const existing = (await entryAt(metric.id, SEEDED_WEEK))!;
    const result = await saveEntries(fran, batch({ metricId: metric.id, periodStart: SEEDED_WEEK, value: existing.value + 1, source: "SURVEY", expectedVersion: existing.version }));
    expect(result.entries).toEqual([{ metricId: metric.id, periodStart: SEEDED_WEEK, value: existing.value + 1, version: existing.version + 1 }]);

    const after = (await entryAt(metric.id, SEEDED_WEEK))!;
    expect(after.revisions).toHaveLength(2);
    expect(after.revisions[1]).toMatchObject({ changedById: fran.id, oldValue: existing.value, newValue: existing.value + 1 });
  });

  it("writes no revision when nothing changed", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Food", "Food complaints");
    const existing = (await entryAt(metric.id, SEEDED_WEEK))!;
    const before = await entryCounts();
    const result = await saveEntries(kai, batch({ metricId: metric.id, periodStart: SEEDED_WEEK, value: existing.value, source: existing.source, expectedVersion: existing.version }));
    expect(result).toMatchObject({ saved: 0, unchanged: 1 });
    expect(await entryCounts()).toEqual(before);
  });

  it("refuses a head writing another department's metric, and writes none of the batch", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const own = await metricNamed("Food", "Food rating");
    const other = await metricNamed("Waiter service", "Waiter CSAT");
    expect(kai.departmentIds).not.toContain(other.touchpoint.departmentId);
    const before = await entryCounts();
    const error = await refusal(saveEntries(kai, batch({ metricId: own.id, periodStart: OPEN_WEEK, value: 4.1 }, { metricId: other.id, periodStart: OPEN_WEEK, value: 90 })));
    expect(error.code).toBe("forbidden");
    expect(error.rows).toEqual([
      { index: 1, metricId: other.id, code: "forbidden", fields: { metricId: "You can only enter figures for the departments you head (not Front of House)" } },
    ]);
    expect(await entryCounts()).toEqual(before);
  });

  it.each([
    ["executive", "exec@touchline.demo"],
    ["viewer", "viewer@touchline.demo"],
  ])("refuses an %s, and changes nothing", async (_role, email) => {
    const actor = await actorFor(email);
    const metric = await metricNamed("Food", "Food rating");
    const before = await entryCounts();
    expect((await refusal(saveEntries(actor, batch({ metricId: metric.id, periodStart: OPEN_WEEK, value: 4 })))).code).toBe("forbidden");
    expect(await entryCounts()).toEqual(before);
  });

  it("lets an admin write any department's metric", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const metric = await metricNamed("Support chat", "Support CSAT");
    expect((await saveEntries(admin, batch({ metricId: metric.id, periodStart: OPEN_WEEK, value: 84 }))).saved).toBe(1);
  });

  it("refuses a stale version with the other person's value, and overwrites nothing", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const admin = await actorFor("admin@touchline.demo");
    const metric = await metricNamed("Food on delivery", "Delivered food rating");
    await saveEntries(kai, batch({ metricId: metric.id, periodStart: OPEN_WEEK, value: 4.2, expectedVersion: 0 }));
    // The admin opened the grid before Kai saved, so still believes there is no figure.
    const error = await refusal(saveEntries(admin, batch({ metricId: metric.id, periodStart: OPEN_WEEK, value: 4.4, expectedVersion: 0 })));
    expect(error.code).toBe("conflict");
    expect(error.rows[0]).toMatchObject({ code: "conflict", current: { value: 4.2, version: 1, enteredBy: "Kai Chen" } });
    expect(error.rows[0]!.fields.value).toContain("Kai Chen saved 4.2");
    const entry = (await entryAt(metric.id, OPEN_WEEK))!;
    expect(entry.value).toBe(4.2);
    expect(entry.revisions).toHaveLength(1);
  });

  it("asks for confirmation of an unusual value, and saves it once confirmed", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Food", "Food rating");
    const before = await entryCounts();
    // The demo's food rating sits around 4.3–4.5; 1.5 is valid on a 1–5 scale but far outside that.
    const error = await refusal(saveEntries(kai, batch({ metricId: metric.id, periodStart: OPEN_WEEK, value: 1.5 })));
    expect(error.code).toBe("invalid");
    expect(error.rows[0]).toMatchObject({ index: 0, code: "unusual" });
    expect(error.rows[0]!.usual!.low).toBeGreaterThan(1.5);
    expect(await entryCounts()).toEqual(before);

    await saveEntries(kai, batch({ metricId: metric.id, periodStart: OPEN_WEEK, value: 1.5, confirmUnusual: true }));
    expect((await entryAt(metric.id, OPEN_WEEK))!.value).toBe(1.5);
  });

  it("does not ask again about an unusual value that is already saved when only the note changes", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Food on delivery", "Delivered food rating");
    const week = parsePeriodKey("2026-11-09")!;
    await saveEntries(kai, batch({ metricId: metric.id, periodStart: "2026-11-09", value: 1.2, confirmUnusual: true }));
    const saved = (await entryAt(metric.id, "2026-11-09"))!;
    const result = await saveEntries(kai, batch({ metricId: metric.id, periodStart: "2026-11-09", value: 1.2, note: "Oven failure", expectedVersion: saved.version }));
    expect(result.saved).toBe(1);
    expect((await db.metricEntry.findUniqueOrThrow({ where: { metricId_periodStart: { metricId: metric.id, periodStart: week } } })).note).toBe("Oven failure");
  });

  it("refuses an expected version for a figure that does not exist", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const metric = await metricNamed("Support chat", "First response time");
    const before = await entryCounts();
    const error = await refusal(saveEntries(admin, batch({ metricId: metric.id, periodStart: OPEN_WEEK, value: 5, expectedVersion: 3 })));
    expect(error.code).toBe("conflict");
    expect(error.rows[0]!.fields.value).toBe("No figure with version 3 exists for this period; it may never have been saved");
    expect(await entryCounts()).toEqual(before);
  });

  it.each([
    ["a period that is not a week start", { periodStart: "2026-11-18", value: 4 }, "periodStart", "Period must be a Monday (weeks start on Monday)"],
    ["a future period", { periodStart: "2099-01-05", value: 4 }, "periodStart", "Period is in the future"],
    ["a rating above the scale", { periodStart: OPEN_WEEK, value: 6 }, "value", "Value must be between 1 and 5"],
    ["a decimal comma", { periodStart: OPEN_WEEK, value: "4,5" }, "value", "Enter a number such as 4.5 (use a dot for decimals, no thousands separators)"],
  ])("refuses %s with a row message, and writes none of the batch", async (_case, fields, field, message) => {
    const kai = await actorFor("kitchen@touchline.demo");
    const good = await metricNamed("Food", "Ticket time");
    const metric = await metricNamed("Food", "Food rating");
    const before = await entryCounts();
    const error = await refusal(saveEntries(kai, batch({ metricId: good.id, periodStart: OPEN_WEEK, value: 15 }, { metricId: metric.id, ...fields })));
    expect(error.code).toBe("invalid");
    expect(error.rows).toEqual([{ index: 1, metricId: metric.id, code: "invalid", fields: { [field]: message } }]);
    expect(await entryCounts()).toEqual(before);
  });

  it("refuses the same metric and period twice in one batch", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Food", "Food complaints");
    const error = await refusal(saveEntries(kai, batch({ metricId: metric.id, periodStart: OPEN_WEEK, value: 2 }, { metricId: metric.id, periodStart: OPEN_WEEK, value: 3 })));
    expect(error.rows).toEqual([{ index: 1, metricId: metric.id, code: "invalid", fields: { row: "Same metric and period as row 1" } }]);
  });

  it("refuses a fractional complaint count", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Food", "Food complaints");
    const error = await refusal(saveEntries(kai, batch({ metricId: metric.id, periodStart: OPEN_WEEK, value: 2.5 })));
    expect(error.rows[0]!.fields).toEqual({ value: "Value must be a whole number" });
  });

  it("answers not found for an unknown or archived metric", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const unknown = await refusal(saveEntries(admin, batch({ metricId: 999_999, periodStart: OPEN_WEEK, value: 1 })));
    expect(unknown.rows[0]!.code).toBe("not_found");
    const metric = await metricNamed("Drinks", "Drink rating");
    await db.metric.update({ where: { id: metric.id }, data: { archivedAt: new Date() } });
    const archived = await refusal(saveEntries(admin, batch({ metricId: metric.id, periodStart: OPEN_WEEK, value: 4 })));
    expect(archived.rows[0]!.code).toBe("not_found");
  });

  it("saves every metric of the organisation in one call", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const metrics = await db.metric.findMany({ where: { archivedAt: null }, orderBy: { id: "asc" }, select: { id: true } });
    const rows = await Promise.all(
      metrics.map(async (m) => ({ metricId: m.id, periodStart: BEFORE_HISTORY, value: (await entryAt(m.id, SEEDED_WEEK))!.value, expectedVersion: 0 })),
    );
    const result = await saveEntries(admin, batch(...rows));
    expect(result.saved).toBe(metrics.length);
    expect(await db.metricEntry.count({ where: { periodStart: parsePeriodKey(BEFORE_HISTORY)! } })).toBe(metrics.length);
    expect(await db.entryRevision.count({ where: { entry: { periodStart: parsePeriodKey(BEFORE_HISTORY)! } } })).toBe(metrics.length);
  });
});
