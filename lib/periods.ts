// Reporting periods. A period is identified by its first day at UTC midnight: weeks start on
// Monday (ISO 8601), months on the 1st. Pure functions, safe in the browser.
import type { PeriodGranularity } from "./domain";

const DAY_MS = 86_400_000;

export function startOfPeriod(date: Date, granularity: PeriodGranularity): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  if (granularity === "MONTH") return new Date(Date.UTC(y, m, 1));
  const dayStart = Date.UTC(y, m, date.getUTCDate());
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(dayStart - daysSinceMonday * DAY_MS);
}

export function isPeriodStart(date: Date, granularity: PeriodGranularity): boolean {
  return startOfPeriod(date, granularity).getTime() === date.getTime();
}

export function addPeriods(start: Date, count: number, granularity: PeriodGranularity): Date {
  if (granularity === "MONTH") {
    return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + count, 1));
  }
  return new Date(start.getTime() + count * 7 * DAY_MS);
}

export function currentPeriod(granularity: PeriodGranularity, now = new Date()): Date {
  return startOfPeriod(now, granularity);
}

/** A period figures can be entered (or locked) for: a period start, not in the future. */
export function isEnterablePeriod(date: Date, granularity: PeriodGranularity, now = new Date()): boolean {
  return isPeriodStart(date, granularity) && date <= currentPeriod(granularity, now);
}

/** "2026-11-16": the form used in URLs, inputs and CSV files. */
export function toPeriodKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Parses "YYYY-MM-DD" as a UTC date; null when it is not a real calendar date. */
export function parsePeriodKey(key: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? date
    : null;
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "Week of 16 Nov 2026" or "November 2026". */
export function formatPeriod(start: Date, granularity: PeriodGranularity): string {
  return granularity === "MONTH" ? monthFormat.format(start) : `Week of ${dayFormat.format(start)}`;
}

/** The smallest range holding every date (a loop: spreading 100,000 arguments overflows the stack). */
export function dateRange(dates: Date[]): { gte: Date; lte: Date } {
  let low = Infinity;
  let high = -Infinity;
  for (const d of dates) {
    const t = d.getTime();
    if (t < low) low = t;
    if (t > high) high = t;
  }
  return { gte: new Date(low), lte: new Date(high) };
}
