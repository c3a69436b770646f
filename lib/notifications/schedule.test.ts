import { describe, expect, it } from "vitest";
import { toPeriodKey } from "../periods";
import { CATCH_UP_MS, cronProblem, dueOccurrence, isTimeZone, localDay, nextRunSentence, periodJustEnded } from "./schedule";

const MONDAY_10 = "0 10 * * 1";

describe("dueOccurrence", () => {
  it("is the latest occurrence at or before now, in the organisation's time zone", () => {
    // Monday 10:00 in London (GMT in November) is 10:00 UTC.
    expect(dueOccurrence(MONDAY_10, "Europe/London", new Date("2026-11-23T10:00:00Z"))?.toISOString()).toBe("2026-11-23T10:00:00.000Z");
    expect(dueOccurrence(MONDAY_10, "Europe/London", new Date("2026-11-23T13:30:00Z"))?.toISOString()).toBe("2026-11-23T10:00:00.000Z");
    // Monday 10:00 in Auckland (NZDT, UTC+13) is Sunday 21:00 UTC.
    expect(dueOccurrence(MONDAY_10, "Pacific/Auckland", new Date("2026-11-22T21:05:00Z"))?.toISOString()).toBe("2026-11-22T21:00:00.000Z");
  });

  it("is nothing before the first occurrence of the day, or once the catch-up window has passed", () => {
    expect(dueOccurrence(MONDAY_10, "UTC", new Date("2026-11-23T09:59:59Z"))).toBeNull();
    expect(dueOccurrence(MONDAY_10, "UTC", new Date(Date.parse("2026-11-23T10:00:00Z") + CATCH_UP_MS))).toBeNull();
    expect(dueOccurrence(MONDAY_10, "UTC", new Date(Date.parse("2026-11-23T10:00:00Z") + CATCH_UP_MS - 1))?.toISOString()).toBe("2026-11-23T10:00:00.000Z");
  });
});

describe("periodJustEnded", () => {
  it("is the period before the one the local calendar day falls in", () => {
    expect(toPeriodKey(periodJustEnded(new Date("2026-11-23T10:00:00Z"), "UTC", "WEEK"))).toBe("2026-11-16");
    expect(toPeriodKey(periodJustEnded(new Date("2026-12-01T09:00:00Z"), "UTC", "MONTH"))).toBe("2026-11-01");
  });

  it("follows the organisation's calendar, not the server's: Monday in Auckland is still Sunday in UTC", () => {
    const mondayInAuckland = new Date("2026-11-22T21:00:00Z");
    expect(toPeriodKey(localDay(mondayInAuckland, "Pacific/Auckland"))).toBe("2026-11-23");
    expect(toPeriodKey(periodJustEnded(mondayInAuckland, "Pacific/Auckland", "WEEK"))).toBe("2026-11-16");
    expect(toPeriodKey(periodJustEnded(mondayInAuckland, "UTC", "WEEK"))).toBe("2026-11-09");
  });
});

describe("validation helpers", () => {
  it("knows IANA time zones", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });

  it("explains a cron expression that cannot be used", () => {
    expect(cronProblem(MONDAY_10)).toBeNull();
    expect(cronProblem("61 10 * * 1")).toMatch(/.+/);
    expect(cronProblem("every monday")).toMatch(/.+/);
  });
});

describe("nextRunSentence", () => {
  it("names the next run in the organisation's time zone and the period it reminds of", () => {
    const settings = { reminderSchedule: MONDAY_10, timeZone: "Pacific/Auckland", periodGranularity: "WEEK" as const };
    expect(nextRunSentence("Next reminders", settings.reminderSchedule, settings, new Date("2026-11-25T12:00:00Z"))).toBe("Next reminders: Mon, 30 Nov 2026, 10:00 (Pacific/Auckland), for the week of 23 Nov 2026.");
    expect(nextRunSentence("Next digest", "0 9 1 * *", { ...settings, periodGranularity: "MONTH" }, new Date("2026-11-25T12:00:00Z"))).toBe("Next digest: Tue, 1 Dec 2026, 09:00 (Pacific/Auckland), for November 2026.");
    expect(nextRunSentence("Next digest", "0 9 31 2 *", settings)).toBeNull();
    expect(nextRunSentence("Next digest", "not cron", settings)).toBeNull();
  });
});
