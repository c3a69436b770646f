import { describe, expect, it } from "vitest";
import { saveEntries, type RowProblem } from "../../lib/data/entries";
import { getEntrySheet } from "../../lib/data/entry-sheet";
import { getMetricHistory } from "../../lib/data/history";
import { setPeriodLock } from "../../lib/data/period-locks";
import { db } from "../../lib/db";
import { DomainError } from "../../lib/errors";
import { parsePeriodKey } from "../../lib/periods";
import { saveEntriesSchema } from "../../lib/validation/entry";
import { actorFor, entryCounts, metricNamed } from "./helpers";

const WEEK = "2026-11-09";
const batch = (...rows: Record<string, unknown>[]) => saveEntriesSchema.parse({ rows });

describe("period locks", () => {
  it("makes a locked period read-only for heads, but not for admins, until it is unlocked", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const kai = await actorFor("kitchen@touchline.demo");
    const metric = await metricNamed("Food", "Food complaints");
    const week = parsePeriodKey(WEEK)!;
    await setPeriodLock(admin, { periodStart: week, locked: true });

    const sheet = await getEntrySheet(kai.departmentIds[0]!, week, "WEEK");
    expect(sheet.lock).toMatchObject({ lockedBy: "Avery Admin" });

    const before = await entryCounts();
    const error = (await saveEntries(kai, batch({ metricId: metric.id, periodStart: WEEK, value: 4 })).catch((e: unknown) => e)) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe("forbidden");
    expect((error.details!.rows as RowProblem[])[0]!.fields).toEqual({ periodStart: "Week of 9 Nov 2026 is locked; only an admin can change its figures" });
    expect(await entryCounts()).toEqual(before);

    expect((await saveEntries(admin, batch({ metricId: metric.id, periodStart: WEEK, value: 4 }))).saved).toBe(1);

    await setPeriodLock(admin, { periodStart: week, locked: false });
    expect((await getEntrySheet(kai.departmentIds[0]!, week, "WEEK")).lock).toBeNull();
    expect((await saveEntries(kai, batch({ metricId: metric.id, periodStart: WEEK, value: 5 }))).saved).toBe(1);
  });

  it("locking twice keeps the first lock; unlocking an open period is harmless", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const week = parsePeriodKey("2026-11-02")!;
    await setPeriodLock(admin, { periodStart: week, locked: true });
    await setPeriodLock(admin, { periodStart: week, locked: true });
    expect(await db.periodLock.count({ where: { periodStart: week } })).toBe(1);
    await setPeriodLock(admin, { periodStart: week, locked: false });
    await setPeriodLock(admin, { periodStart: week, locked: false });
    expect(await db.periodLock.count()).toBe(0);
  });

  it.each([
    ["department head", "kitchen@touchline.demo"],
    ["executive", "exec@touchline.demo"],
    ["viewer", "viewer@touchline.demo"],
  ])("refuses a %s, and writes nothing", async (_role, email) => {
    const actor = await actorFor(email);
    const error = (await setPeriodLock(actor, { periodStart: parsePeriodKey(WEEK)!, locked: true }).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe("forbidden");
    expect(error.message).toBe("Only admins can lock or unlock a period.");
    expect(await db.periodLock.count()).toBe(0);
  });

  it.each([
    ["a day that does not start a week", "2026-11-11"],
    ["a future period", "2099-01-05"],
  ])("refuses %s", async (_case, key) => {
    const admin = await actorFor("admin@touchline.demo");
    const error = (await setPeriodLock(admin, { periodStart: parsePeriodKey(key)!, locked: true }).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe("invalid");
    expect(await db.periodLock.count()).toBe(0);
  });
});

describe("figure history", () => {
  it("lists each period with who entered it, and every revision newest first", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const admin = await actorFor("admin@touchline.demo");
    const metric = await metricNamed("Food", "Food rating");
    const entry = (await db.metricEntry.findUniqueOrThrow({ where: { metricId_periodStart: { metricId: metric.id, periodStart: parsePeriodKey("2026-10-26")! } } }))!;
    await saveEntries(kai, batch({ metricId: metric.id, periodStart: "2026-10-26", value: 4.41, expectedVersion: entry.version }));
    await saveEntries(admin, batch({ metricId: metric.id, periodStart: "2026-10-26", value: 4.42, sampleSize: 99, expectedVersion: entry.version + 1 }));

    const history = (await getMetricHistory(metric.id))!;
    expect(history.entries).toHaveLength(78);
    expect(history.entries[0]!.periodStart.toISOString()).toBe("2026-11-16T00:00:00.000Z");
    const edited = history.entries.find((e) => e.periodStart.toISOString().startsWith("2026-10-26"))!;
    expect(edited).toMatchObject({ value: 4.42, sampleSize: 99, version: entry.version + 2, enteredBy: { name: "Avery Admin" } });
    expect(edited.revisions.map((r) => [r.changedBy?.name, r.oldValue, r.newValue])).toEqual([
      ["Avery Admin", 4.41, 4.42],
      ["Kai Chen", entry.value, 4.41],
      ["Kai Chen", null, entry.value],
    ]);
  });
});
