// The time zone and reminder schedule: admins set them (audited), others cannot, and the worker
// runs on them.
import { describe, expect, it } from "vitest";
import { updateScheduleSettings } from "../../lib/data/organisation";
import { db } from "../../lib/db";
import { runDueJobs } from "../../lib/notifications/scheduler";
import { scheduleSettingsSchema } from "../../lib/validation/schedule";
import { actorFor, refusal } from "./helpers";

describe("reminder schedule settings", () => {
  it("lets an admin set the time zone and schedule, audited with before and after", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const input = scheduleSettingsSchema.parse({ timeZone: "Pacific/Auckland", reminderSchedule: "0 9 * * 2", reminderNudgeHours: "48", digestSchedule: "30 7 * * 1", shortfallAlertPoints: "" });
    const saved = { timeZone: "Pacific/Auckland", reminderSchedule: "0 9 * * 2", reminderNudgeHours: 48, digestSchedule: "30 7 * * 1", shortfallAlertPoints: null };
    expect(await updateScheduleSettings(admin, input)).toEqual(saved);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "organisation.schedule.update" }, orderBy: { id: "desc" } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.parse(audit.before!)).toEqual({ timeZone: "UTC", reminderSchedule: "0 10 * * 1", reminderNudgeHours: 24, digestSchedule: "0 8 * * 1", shortfallAlertPoints: 5 });
    expect(JSON.parse(audit.after!)).toEqual(saved);
  });

  it("refuses anyone but an admin", async () => {
    const head = await actorFor("kitchen@touchline.demo");
    const error = await refusal(updateScheduleSettings(head, { timeZone: "UTC", reminderSchedule: "0 10 * * 1", reminderNudgeHours: 24, digestSchedule: "0 8 * * 1", shortfallAlertPoints: 5 }));
    expect(error.code).toBe("forbidden");
  });

  it("runs the schedule in the organisation's time zone: Monday 10:00 in Auckland is Sunday 21:00 UTC", async () => {
    // The digest on Fridays: this test is about Monday's reminders.
    await db.organisation.update({ where: { id: 1 }, data: { timeZone: "Pacific/Auckland", reminderSchedule: "0 10 * * 1", digestSchedule: "0 8 * * 5" } });
    const kitchenFigure = await db.metricEntry.findFirstOrThrow({
      where: { periodStart: new Date("2026-11-16T00:00:00Z"), metric: { touchpoint: { department: { slug: "kitchen" } } } },
      select: { id: true },
    });
    await db.metricEntry.delete({ where: { id: kitchenFigure.id } });

    // A minute early nothing is due (the week before's run is past the catch-up window).
    expect(await runDueJobs(new Date("2026-11-22T20:59:00Z"))).toEqual([]);
    const run = await runDueJobs(new Date("2026-11-22T21:00:30Z"));
    expect(run).toEqual([{ job: "reminders", occurrence: "2026-11-22T21:00:00.000Z", period: "2026-11-16", reminded: 1 }]);
    expect(await db.notification.findMany({ select: { idempotencyKey: true } })).toEqual([{ idempotencyKey: expect.stringMatching(/^reminder:2026-11-16:\d+$/) }]);
  });
});

describe("changing when notifications go out", () => {
  it("applies from the next occurrence: what the new schedule would have sent earlier today is not sent now", async () => {
    const admin = await actorFor("admin@touchline.demo");
    await db.metricEntry.deleteMany({ where: { periodStart: new Date("2026-11-16T00:00:00Z"), metric: { touchpoint: { department: { slug: "kitchen" } } } } });
    // Monday 23 Nov, 09:00 UTC: nothing is due yet under these settings (reminders at 10:00, the digest on Fridays).
    const now = new Date("2026-11-23T09:00:00Z");
    const base = { timeZone: "UTC", reminderSchedule: "0 10 * * 1", reminderNudgeHours: 24, digestSchedule: "0 8 * * 5", shortfallAlertPoints: 5 };
    await db.organisation.update({ where: { id: 1 }, data: base });
    const notifications = await db.notification.count();
    // Moving the reminders to 08:30 makes today's 08:30 occurrence due at once; it is skipped, not sent.
    await updateScheduleSettings(admin, { ...base, reminderSchedule: "30 8 * * 1" }, now);
    expect(await runDueJobs(new Date(now.getTime() + 30_000))).toEqual([]);
    expect(await db.notification.count()).toBe(notifications);
  });

  it("still runs an occurrence that was due before the change (saved a few seconds after 10:00, before the worker's tick)", async () => {
    const admin = await actorFor("admin@touchline.demo");
    await db.metricEntry.deleteMany({ where: { periodStart: new Date("2026-11-16T00:00:00Z"), metric: { touchpoint: { department: { slug: "bar" } } } } });
    const base = { timeZone: "UTC", reminderSchedule: "0 10 * * 1", reminderNudgeHours: 24, digestSchedule: "0 8 * * 5", shortfallAlertPoints: 5 };
    await db.organisation.update({ where: { id: 1 }, data: base });
    const now = new Date("2026-11-23T10:00:05Z");
    await updateScheduleSettings(admin, { ...base, shortfallAlertPoints: 4 }, now);
    const run = await runDueJobs(new Date("2026-11-23T10:00:20Z"));
    expect(run.map((r) => r.job)).toEqual(["reminders"]);
  });
});
