import { describe, expect, it } from "vitest";
import { beforeAfter, beforeAfterWindow, type PeriodScore } from "./before-after";

const NOW = new Date("2026-11-25T12:00:00Z"); // a Wednesday; the current week starts Monday 23 Nov
const day = (key: string) => new Date(`${key}T00:00:00Z`);
const keys = (dates: Date[]) => dates.map((d) => d.toISOString().slice(0, 10));

/** Scores per week start; null is a week without a score. */
function weeks(first: string, scores: (number | null)[], responses: number | null = null): Map<number, PeriodScore> {
  return new Map(scores.map((score, i) => [day(first).getTime() + i * 7 * 86_400_000, { score, responses: score === null ? null : responses }]));
}

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
  it("compares the means of the scored weeks either side, skipping gaps, with n and responses", () => {
    // Before, 4 May – 22 Jun: (60 + 62 + 61 + 59 + 58 + 60 + 62 + 58) / 8 = 480 / 8 = 60.
    // After, 29 Jun – 17 Aug, two weeks without a score: (70 + 72 + 74 + 71 + 73 + 75) / 6 = 435 / 6 = 72.5.
    const scores = new Map([
      ...weeks("2026-04-27", [99, 60, 62, 61, 59, 58, 60, 62, 58], 100), // 27 Apr is outside the window
      ...weeks("2026-06-29", [70, null, 72, 74, 71, null, 73, 75, 10], 40), // so is 24 Aug
    ]);
    const result = beforeAfter(day("2026-07-01"), scores, "WEEK", NOW);
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
    // w = 3: before (50 + 54 + 52) / 3 = 52; after 9 and 16 Nov (60 + 58) / 2 = 59, 23 Nov empty; difference 7.
    const scores = weeks("2026-10-12", [80, 50, 54, 52, 60, 58, null]);
    const result = beforeAfter(day("2026-11-10"), scores, "WEEK", NOW);
    expect(result).toMatchObject({ inEffect: true, windowLength: 3, before: { score: 52, n: 3, responses: null }, after: { score: 59, n: 2, responses: null }, difference: 7 });
  });

  it("has no difference for a change in the first period with figures: nothing before it", () => {
    const scores = weeks("2026-01-05", [70, 71, 72, 73, 74, 75, 76, 77, 78, 79]);
    const result = beforeAfter(day("2026-01-05"), scores, "WEEK", NOW);
    expect(result).toMatchObject({ inEffect: true, windowLength: 8, before: { score: null, n: 0, responses: null }, after: { score: 73.5, n: 8 }, difference: null });
  });

  it("has no difference when the weeks after have no score yet", () => {
    const scores = weeks("2026-11-16", [64, null]);
    expect(beforeAfter(day("2026-11-23"), scores, "WEEK", NOW)).toMatchObject({ windowLength: 1, before: { score: 64, n: 1 }, after: { score: null, n: 0 }, difference: null });
  });

  it("says a change is not in effect yet when its date is after today, even within the current week", () => {
    expect(beforeAfter(day("2026-12-01"), new Map(), "WEEK", NOW)).toEqual({ inEffect: false, effectivePeriod: day("2026-11-30") });
    expect(beforeAfter(day("2026-11-27"), new Map(), "WEEK", NOW)).toEqual({ inEffect: false, effectivePeriod: day("2026-11-23") });
    expect(beforeAfter(day("2026-11-25"), new Map(), "WEEK", NOW)).toMatchObject({ inEffect: true, windowLength: 1 });
  });
});
