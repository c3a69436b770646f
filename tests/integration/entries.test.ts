import { describe, expect, it } from "vitest";
import { saveEntry } from "../../lib/data/entries";
import { db } from "../../lib/db";
import { DomainError } from "../../lib/errors";
import { parsePeriodKey } from "../../lib/periods";
import { saveEntrySchema } from "../../lib/validation/entry";
import { actorFor, entryCounts, metricNamed } from "./helpers";

/** The week after the seeded history: no figures yet. */
const OPEN_WEEK = "2026-11-23";
const SEEDED_WEEK = "2026-11-16";

const input = (raw: Record<string, unknown>) => saveEntrySchema.parse(raw);

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("saving an entry", () => {
  it("creates the entry and its first revision", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Food", "Food rating");
    const saved = await saveEntry(kai, input({ metricId: metric.id, periodStart: OPEN_WEEK, value: "4.3", sampleSize: "150", source: "SURVEY", expectedVersion: "0" }));
    expect(saved).toMatchObject({ metricId: metric.id, value: 4.3, version: 1 });

    const entry = await db.metricEntry.findUniqueOrThrow({ where: { id: saved.id }, include: { revisions: true } });
    expect(entry).toMatchObject({ value: 4.3, sampleSize: 150, source: "SURVEY", enteredById: kai.id, version: 1 });
    expect(entry.periodStart.toISOString()).toBe(`${OPEN_WEEK}T00:00:00.000Z`);
    expect(entry.revisions).toHaveLength(1);
    expect(entry.revisions[0]).toMatchObject({ changedById: kai.id, oldValue: null, newValue: 4.3, newSampleSize: 150 });
  });

  it("keeps the earlier figure in a revision when a value changes, and bumps the version", async () => {
    const fran = await actorFor("foh@touchline.demo");
    const metric = await metricNamed("Waiter service", "Waiter CSAT");
    const existing = await db.metricEntry.findUniqueOrThrow({
      where: { metricId_periodStart: { metricId: metric.id, periodStart: parsePeriodKey(SEEDED_WEEK)! } },
    });
    const saved = await saveEntry(fran, input({ metricId: metric.id, periodStart: SEEDED_WEEK, value: 91.5, source: "SURVEY", expectedVersion: existing.version }));
    expect(saved.version).toBe(existing.version + 1);

    const revisions = await db.entryRevision.findMany({ where: { entryId: existing.id }, orderBy: { id: "asc" } });
    expect(revisions).toHaveLength(2);
    expect(revisions[1]).toMatchObject({ changedById: fran.id, oldValue: existing.value, newValue: 91.5 });
  });

  it("writes no revision when nothing changed", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Food", "Food complaints");
    const existing = await db.metricEntry.findUniqueOrThrow({
      where: { metricId_periodStart: { metricId: metric.id, periodStart: parsePeriodKey(SEEDED_WEEK)! } },
    });
    const before = await entryCounts();
    const saved = await saveEntry(kai, input({ metricId: metric.id, periodStart: SEEDED_WEEK, value: existing.value, source: existing.source, expectedVersion: existing.version }));
    expect(saved.version).toBe(existing.version);
    expect(await entryCounts()).toEqual(before);
  });

  it("refuses a head writing another department's metric, and changes nothing", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Waiter service", "Waiter CSAT");
    expect(kai.departmentIds).not.toContain(metric.touchpoint.departmentId);
    const before = await entryCounts();
    const error = await refusal(saveEntry(kai, input({ metricId: metric.id, periodStart: OPEN_WEEK, value: 90 })));
    expect(error.code).toBe("forbidden");
    expect(error.message).toBe("You can only enter figures for the departments you head.");
    expect(await entryCounts()).toEqual(before);
  });

  it.each([
    ["executive", "exec@touchline.demo"],
    ["viewer", "viewer@touchline.demo"],
  ])("refuses an %s, and changes nothing", async (_role, email) => {
    const actor = await actorFor(email);
    const metric = await metricNamed("Food", "Food rating");
    const before = await entryCounts();
    expect((await refusal(saveEntry(actor, input({ metricId: metric.id, periodStart: OPEN_WEEK, value: 4 })))).code).toBe("forbidden");
    expect(await entryCounts()).toEqual(before);
  });

  it("lets an admin write any department's metric", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const metric = await metricNamed("Support chat", "Support CSAT");
    const saved = await saveEntry(admin, input({ metricId: metric.id, periodStart: OPEN_WEEK, value: 84 }));
    expect(saved.version).toBe(1);
  });

  it("refuses a stale version with the other person's value, and overwrites nothing", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const admin = await actorFor("admin@touchline.demo");
    const metric = await metricNamed("Food", "Ticket time");
    await saveEntry(kai, input({ metricId: metric.id, periodStart: OPEN_WEEK, value: 14, expectedVersion: 0 }));
    // The admin opened the form before Kai saved, so still believes there is no figure.
    const error = await refusal(saveEntry(admin, input({ metricId: metric.id, periodStart: OPEN_WEEK, value: 19, expectedVersion: 0 })));
    expect(error.code).toBe("conflict");
    expect(error.message).toContain("Kai Chen saved 14");
    expect(error.details).toMatchObject({ currentValue: 14, currentVersion: 1 });
    const entry = await db.metricEntry.findUniqueOrThrow({
      where: { metricId_periodStart: { metricId: metric.id, periodStart: parsePeriodKey(OPEN_WEEK)! } },
      include: { revisions: true },
    });
    expect(entry.value).toBe(14);
    expect(entry.revisions).toHaveLength(1);
  });

  it.each([
    ["a period that is not a week start", { periodStart: "2026-11-18", value: 4 }, "periodStart", "Period must be a Monday (weeks start on Monday)"],
    ["a future period", { periodStart: "2099-01-05", value: 4 }, "periodStart", "Period is in the future"],
    ["a rating above the scale", { periodStart: OPEN_WEEK, value: 6 }, "value", "Value must be between 1 and 5"],
  ])("refuses %s with a field message, and changes nothing", async (_case, fields, field, message) => {
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Food", "Food rating");
    const before = await entryCounts();
    const error = await refusal(saveEntry(kai, input({ metricId: metric.id, ...fields })));
    expect(error.code).toBe("invalid");
    expect(error.fields).toEqual({ [field]: message });
    expect(await entryCounts()).toEqual(before);
  });

  it("refuses a fractional complaint count", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Food", "Food complaints");
    const error = await refusal(saveEntry(kai, input({ metricId: metric.id, periodStart: OPEN_WEEK, value: 2.5 })));
    expect(error.fields).toEqual({ value: "Value must be a whole number" });
  });

  it("answers not found for an unknown or archived metric", async () => {
    const admin = await actorFor("admin@touchline.demo");
    expect((await refusal(saveEntry(admin, input({ metricId: 999_999, periodStart: OPEN_WEEK, value: 1 })))).code).toBe("not_found");
    const metric = await metricNamed("Drinks", "Drink rating");
    await db.metric.update({ where: { id: metric.id }, data: { archivedAt: new Date() } });
    expect((await refusal(saveEntry(admin, input({ metricId: metric.id, periodStart: OPEN_WEEK, value: 4 })))).code).toBe("not_found");
  });
});
