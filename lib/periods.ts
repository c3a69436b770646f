// Reporting periods. A period is identified by its first day at UTC midnight: weeks start on
// Monday (ISO 8601), months on the 1st, quarters on 1 January, April, July and October.
// Figures are entered per week or month (the organisation's granularity); the overview can also
// show them by coarser periods (a month, a quarter). Pure functions, safe in the browser.
import type { PeriodGranularity } from "./domain";

/** What the overview can group figures by: the entry granularity or a coarser one. */
export type ViewGranularity = PeriodGranularity | "QUARTER";

const DAY_MS = 86_400_000;

/** The views an organisation's figures can be shown by: its own periods, then coarser ones. */
export function viewGranularities(granularity: PeriodGranularity): ViewGranularity[] {
  return granularity === "WEEK" ? ["WEEK", "MONTH", "QUARTER"] : ["MONTH", "QUARTER"];
}

export function startOfPeriod(date: Date, granularity: ViewGranularity): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  if (granularity === "QUARTER") return new Date(Date.UTC(y, m - (m % 3), 1));
  if (granularity === "MONTH") return new Date(Date.UTC(y, m, 1));
  const dayStart = Date.UTC(y, m, date.getUTCDate());
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(dayStart - daysSinceMonday * DAY_MS);
}

export function isPeriodStart(date: Date, granularity: ViewGranularity): boolean {
  return startOfPeriod(date, granularity).getTime() === date.getTime();
}

export function addPeriods(start: Date, count: number, granularity: ViewGranularity): Date {
  if (granularity !== "WEEK") {
    const months = granularity === "QUARTER" ? 3 * count : count;
    return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  }
  return new Date(start.getTime() + count * 7 * DAY_MS);
}

export function currentPeriod(granularity: ViewGranularity, now = new Date()): Date {
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

const quarterOf = (start: Date) => Math.floor(start.getUTCMonth() / 3) + 1;

/** "Week of 16 Nov 2026", "November 2026" or "Q4 2026". */
export function formatPeriod(start: Date, granularity: ViewGranularity): string {
  if (granularity === "QUARTER") return `Q${quarterOf(start)} ${start.getUTCFullYear()}`;
  return granularity === "MONTH" ? monthFormat.format(start) : `Week of ${dayFormat.format(start)}`;
}

/** "the week of 16 Nov 2026", "November 2026" or "Q4 2026", for the middle of a sentence. */
export function periodPhrase(start: Date, granularity: ViewGranularity): string {
  return granularity === "WEEK" ? `the ${formatPeriod(start, granularity).replace(/^Week/, "week")}` : formatPeriod(start, granularity);
}

const shortDayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const shortMonthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });

/** Chart-axis labels: "16 Nov", "Nov 26", "Q4 26". */
export function formatPeriodShort(start: Date, granularity: ViewGranularity): string {
  if (granularity === "QUARTER") return `Q${quarterOf(start)} ${String(start.getUTCFullYear()).slice(2)}`;
  return granularity === "MONTH" ? shortMonthFormat.format(start) : shortDayFormat.format(start);
}

/** "week", "month" or "quarter": for sentences ("the next week"). */
export const periodNoun = (granularity: ViewGranularity) => granularity.toLowerCase() as "week" | "month" | "quarter";

/** Every period start from `first` to `last` inclusive, oldest first. */
export function periodsBetween(first: Date, last: Date, granularity: ViewGranularity): Date[] {
  const periods: Date[] = [];
  for (let p = first; p <= last; p = addPeriods(p, 1, granularity)) periods.push(p);
  return periods;
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

export type RangeRequest = { from?: Date; to?: Date };
export type ResolvedRange = { from: Date; to: Date; /** `to` was not asked for (or not usable). */ automatic: boolean; notices: string[] };

/**
 * The range of periods a page shows from what a link asked for, snapped to period starts: `to`
 * defaults to `fallbackTo` (and replaces a future one), `from` to `defaultLength` periods before
 * `to`; a range longer than `maxLength` is cut. Each correction is explained in `notices`.
 */
export function resolveRange(
  asked: RangeRequest,
  granularity: ViewGranularity,
  { fallbackTo, defaultLength, maxLength, now = new Date() }: { fallbackTo: Date; defaultLength: number; maxLength: number; now?: Date },
): ResolvedRange {
  const notices: string[] = [];
  let to = asked.to ? startOfPeriod(asked.to, granularity) : null;
  if (to && to > currentPeriod(granularity, now)) {
    notices.push(`${formatPeriod(to, granularity)} has not started yet; showing the latest reported period instead.`);
    to = null;
  }
  const automatic = to === null;
  to ??= startOfPeriod(fallbackTo, granularity);

  let from = asked.from ? startOfPeriod(asked.from, granularity) : null;
  if (from && from > to) {
    notices.push(`The range cannot start (${formatPeriod(from, granularity)}) after the period shown (${formatPeriod(to, granularity)}); showing the default range.`);
    from = null;
  }
  const earliest = addPeriods(to, -(maxLength - 1), granularity);
  if (from && from < earliest) {
    notices.push(`A range can cover at most ${maxLength} ${periodNoun(granularity)}s; it now starts at ${formatPeriod(earliest, granularity)}.`);
    from = earliest;
  }
  from ??= addPeriods(to, -(defaultLength - 1), granularity);
  return { from, to, automatic, notices };
}
