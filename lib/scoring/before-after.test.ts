import { describe, expect, it } from "vitest";
import { beforeAfter, beforeAfterWindow, type SideFigures } from "./before-after";

const NOW = new Date("2026-11-25T12:00:00Z"); // a Wednesday; the current week starts Monday 23 Nov
const day = (key: string) => new Date(`${key}T00:00:00Z`);
const keys = (dates: Date[]) => dates.map((d) => d.toISOString().slice(0, 10));

/** The week starts (ms) from `first` on, for the weeks marked true: the periods with a score. */
function scored(first: string, weeks: boolean[]): Set<number> {
  return new Set(weeks.flatMap((has, i) => (has ? [day(first).getTime() + i * 7 * 86_400_000] : [])));
}
const side = (score: number | null, responses: number | null = null): SideFigures => ({ score, responses });
const nothing = { before: side(null), after: side(null) };

describe("beforeAfterWindow", () => {
  it("takes eight weeks either side when there are enough, the effective week first on the after side", () => {
    const w = beforeAfterWindow(day("2026-07-01"), "WEEK", NOW);
    expect(keys([w.effectivePeriod])).toEqual(["2026-06-29"]);
    expect(keys(w.before)).toEqual(["2026-05-04", "2026-05-11", "2026-05-18", "2026-05-25", "2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22"]);
    expect(keys(w.after)).toEqual(["2026-06-29", "2026-07-06", "2026-07-13", "2026-07-20", "2026-07-27", "2026-08-03", "2026-08-10", "2026-08-17"]);
  });

  it("shortens both sides to the periods since the change, the current one included", () => {
    const w = beforeAfterWindow(day("2026-11-10"), "WEEK", NOW);
    expect(keys(w.before)).toEqual(["2026-10-19", "2026-10-26", "2026-11-02"]);
    expect(keys(w.after)).toEqual(["2026-11-09", "2026-11-16", "2026-11-23"]);
  });

  it("works on months: a change on 15 August has August to November after it", () => {
    const w = beforeAfterWindow(day("2026-08-15"), "MONTH", NOW);
    expect(keys(w.before)).toEqual(["2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01"]);
    expect(keys(w.after)).toEqual(["2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01"]);
  });
});

describe("beforeAfter", () => {
  it("takes each side's rolled-up score and responses, with n the side's periods that have a score", () => {
    // The sides' scores come from their figures rolled up in the database (lib/data/process-changes.ts);
    // n counts the weeks with a score in each window: 8 of 4 May – 22 Jun, 6 of 29 Jun – 17 Aug.
    const weeks = new Set([
      ...scored("2026-04-27", [true, true, true, true, true, true, true, true, true]), // 27 Apr is outside the window
      ...scored("2026-06-29", [true, false, true, true, true, false, true, true, true]), // so is 24 Aug
    ]);
    const result = beforeAfter(beforeAfterWindow(day("2026-07-01"), "WEEK", NOW), weeks, { before: side(60, 800), after: side(72.5, 240) });
    expect(result).toEqual({
      inEffect: true,
      effectivePeriod: day("2026-06-29"),
      windowLength: 8,
      before: { from: day("2026-05-04"), to: day("2026-06-22"), score: 60, n: 8, responses: 800 },
      after: { from: day("2026-06-29"), to: day("2026-08-17"), score: 72.5, n: 6, responses: 240 },
      difference: 12.5,
    });
  });

  it("uses the shorter window for a recent change; the current week without figures counts for nothing", () => {
    // w = 3: before 19 Oct – 2 Nov, after 9 and 16 Nov (23 Nov empty).
    const weeks = scored("2026-10-12", [true, true, true, true, true, true, false]);
    const result = beforeAfter(beforeAfterWindow(day("2026-11-10"), "WEEK", NOW), weeks, { before: side(52), after: side(59) });
    expect(result).toMatchObject({ inEffect: true, windowLength: 3, before: { score: 52, n: 3, responses: null }, after: { score: 59, n: 2, responses: null }, difference: 7 });
  });

  it("has no difference for a change in the first period with figures: nothing before it", () => {
    const weeks = scored("2026-01-05", Array(10).fill(true));
    const result = beforeAfter(beforeAfterWindow(day("2026-01-05"), "WEEK", NOW), weeks, { before: side(null), after: side(73.5, 12) });
    expect(result).toMatchObject({ inEffect: true, windowLength: 8, before: { score: null, n: 0, responses: null }, after: { score: 73.5, n: 8, responses: 12 }, difference: null });
  });

  it("has no difference when the weeks after have no score yet", () => {
    const result = beforeAfter(beforeAfterWindow(day("2026-11-23"), "WEEK", NOW), scored("2026-11-16", [true, false]), { before: side(64), after: side(null) });
    expect(result).toMatchObject({ windowLength: 1, before: { score: 64, n: 1 }, after: { score: null, n: 0 }, difference: null });
  });

  it("says a change is not in effect yet when its date is after today, even within the current week", () => {
    const compare = (date: string) => beforeAfter(beforeAfterWindow(day(date), "WEEK", NOW), new Set(), nothing);
    expect(compare("2026-12-01")).toEqual({ inEffect: false, effectivePeriod: day("2026-11-30") });
    expect(compare("2026-11-27")).toEqual({ inEffect: false, effectivePeriod: day("2026-11-23") });
    expect(compare("2026-11-25")).toMatchObject({ inEffect: true, windowLength: 1 });
  });

  it("gives a change not in effect yet no periods on either side", () => {
    expect(beforeAfterWindow(day("2026-12-01"), "WEEK", NOW)).toEqual({ effectivePeriod: day("2026-11-30"), before: [], after: [] });
  });
});
