// When scheduled jobs fall due: cron expressions read in the organisation's time zone (croner),
// and the reporting period that has just ended then. Pure; safe in the browser (form validation).
import { Cron } from "croner";
import type { PeriodGranularity } from "../domain";
import { addPeriods, currentPeriod, formatPeriod, parsePeriodKey } from "../periods";

/** A scheduled time missed by less than this (the server was down) still runs when the worker starts. */
export const CATCH_UP_MS = 24 * 3_600_000;

/** The schedule's latest occurrence at or before `now` (in `timeZone`), if it is less than CATCH_UP_MS old. Throws on an invalid expression or zone. */
export function dueOccurrence(schedule: string, timeZone: string, now: Date): Date | null {
  // previousRuns counts only occurrences strictly before its reference, so look from a second on.
  const runs = new Cron(schedule, { timezone: timeZone, paused: true }).previousRuns(2, new Date(now.getTime() + 1000));
  const latest = runs.find((run) => run <= now);
  return latest && now.getTime() - latest.getTime() < CATCH_UP_MS ? latest : null;
}

/** The calendar day `at` falls on in `timeZone`, as a UTC-midnight date (how periods are keyed). */
export function localDay(at: Date, timeZone: string): Date {
  const key = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  return parsePeriodKey(key)!;
}

/** The period that had just ended at `at`, judged by the calendar in `timeZone`: the one before the period `at` falls in. */
export function periodJustEnded(at: Date, timeZone: string, granularity: PeriodGranularity): Date {
  return addPeriods(currentPeriod(granularity, localDay(at, timeZone)), -1, granularity);
}

/** Whether the runtime knows this IANA time zone name ("Europe/London", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Why a cron expression cannot be used (croner's own message), or null when it can. */
export function cronProblem(schedule: string): string | null {
  try {
    return new Cron(schedule, { paused: true }).nextRun() ? null : "This schedule never runs";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * "Next reminders: Mon, 7 Dec 2026, 10:00 (Europe/London), for the week of 30 Nov 2026." — for the
 * settings page: `label` ("Next reminders", "Next digest"), the schedule's next run in the
 * organisation's time zone and the period that will have just ended then. Null when the schedule
 * never runs again or cannot be read.
 */
export function nextRunSentence(label: string, schedule: string, settings: { timeZone: string; periodGranularity: PeriodGranularity }, now = new Date()): string | null {
  try {
    const next = new Cron(schedule, { timezone: settings.timeZone, paused: true }).nextRun(now);
    if (!next) return null;
    const when = new Intl.DateTimeFormat("en-GB", { timeZone: settings.timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(next);
    const period = formatPeriod(periodJustEnded(next, settings.timeZone, settings.periodGranularity), settings.periodGranularity);
    return `${label}: ${when} (${settings.timeZone}), for ${period.replace(/^Week/, "the week")}.`;
  } catch {
    return null;
  }
}
