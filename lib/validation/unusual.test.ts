import { describe, expect, it } from "vitest";
import { MIN_HISTORY, RELATIVE_TOLERANCE, UNUSUAL_SIGMAS, historyStats, isUnusual, usualRange, type HistoryStats } from "./unusual";

describe("constants", () => {
  it("judges against 3 standard deviations and at least 8 periods", () => {
    expect(UNUSUAL_SIGMAS).toBe(3);
    expect(MIN_HISTORY).toBe(8);
  });
});

describe("usualRange", () => {
  it("is the mean ± 3 standard deviations", () => {
    // 10 ± 3·1
    expect(usualRange({ n: 26, mean: 10, sd: 1 })).toEqual({ low: 7, high: 13 });
    // 50 ± 3·2.5 = 50 ± 7.5
    expect(usualRange({ n: 12, mean: 50, sd: 2.5 })).toEqual({ low: 42.5, high: 57.5 });
    // -20 ± 3·10
    expect(usualRange({ n: 8, mean: -20, sd: 10 })).toEqual({ low: -50, high: 10 });
  });

  it("needs at least 8 periods of history", () => {
    expect(usualRange({ n: 7, mean: 10, sd: 1 })).toBeNull();
    expect(usualRange({ n: 8, mean: 10, sd: 1 })).toEqual({ low: 7, high: 13 });
    expect(usualRange({ n: 0, mean: 0, sd: 0 })).toBeNull();
  });

  it("is null for a flat history (sd 0)", () => {
    expect(usualRange({ n: 26, mean: 10, sd: 0 })).toBeNull();
  });

  it("is null when the spread is not a positive number", () => {
    expect(usualRange({ n: 26, mean: 10, sd: -1 })).toBeNull();
    expect(usualRange({ n: 26, mean: 10, sd: NaN })).toBeNull();
  });

  it("is null without history", () => {
    expect(usualRange(undefined)).toBeNull();
  });
});

describe("isUnusual", () => {
  const stats: HistoryStats = { n: 26, mean: 50, sd: 2.5 }; // usual: 42.5 to 57.5

  it.each([50, 42.5, 57.5, 45, 55.1])("%d is usual (within or exactly at mean ± 3·sd)", (value) => {
    expect(isUnusual(value, stats)).toBe(false);
  });

  it.each([57.51, 42.49, 58, 0, 100])("%d is unusual (beyond mean ± 3·sd)", (value) => {
    expect(isUnusual(value, stats)).toBe(true);
  });

  it("uses 3 standard deviations, not 2: mean + 2.5·sd is usual", () => {
    // 50 + 2.5·2.5 = 56.25
    expect(isUnusual(56.25, stats)).toBe(false);
  });

  it("calls nothing unusual with 7 periods, but does with 8", () => {
    expect(isUnusual(100, { n: 7, mean: 50, sd: 2.5 })).toBe(false);
    expect(isUnusual(100, { n: 8, mean: 50, sd: 2.5 })).toBe(true);
  });

  it("calls nothing unusual when the history is flat (sd 0)", () => {
    expect(isUnusual(51, { n: 26, mean: 50, sd: 0 })).toBe(false);
    expect(isUnusual(1000, { n: 26, mean: 50, sd: 0 })).toBe(false);
  });

  it("calls nothing unusual without history", () => {
    expect(isUnusual(1e9, undefined)).toBe(false);
  });

  it("works with the history { n: 26, mean: 10, sd: 1 }: 13.5 is unusual, 12.9 and 13 are not", () => {
    const h = { n: 26, mean: 10, sd: 1 };
    expect(isUnusual(13.5, h)).toBe(true);
    expect(isUnusual(13, h)).toBe(false);
    expect(isUnusual(12.9, h)).toBe(false);
    expect(isUnusual(7, h)).toBe(false);
    expect(isUnusual(6.9, h)).toBe(true);
  });
});

describe("historyStats", () => {
  it("is the count, mean and population standard deviation", () => {
    // Mean 5; squared deviations 9, 1, 1, 9 → variance 5, sd √5.
    const stats = historyStats([2, 4, 6, 8]);
    expect(stats.n).toBe(4);
    expect(stats.mean).toBe(5);
    expect(stats.sd).toBeCloseTo(Math.sqrt(5), 12);
    expect(historyStats([])).toEqual({ n: 0, mean: 0, sd: 0 });
  });

  it("keeps the spread of large values that E[x²] − E[x]² cancels away", () => {
    const values = [1e9 + 1, 1e9 + 2, 1e9 + 3];
    // The old formula: AVG(v²) − AVG(v)² in doubles; the true variance is 2/3.
    const meanSquare = values.reduce((s, v) => s + v * v, 0) / 3;
    const mean = values.reduce((s, v) => s + v, 0) / 3;
    expect(Math.abs(meanSquare - mean ** 2 - 2 / 3)).toBeGreaterThan(0.1);
    expect(historyStats(values).sd).toBeCloseTo(Math.sqrt(2 / 3), 6);
  });
});

describe("flat and edge cases within rounding", () => {
  it("treats a history flat but for the last bit as flat", () => {
    const stats = historyStats(Array.from({ length: 10 }, (_, i) => (i % 2 ? 81.69166666666668 : 81.69166666666666)));
    expect(stats.sd).toBeGreaterThan(0);
    expect(usualRange(stats)).toBeNull();
    expect(isUnusual(81.7, stats)).toBe(false);
  });

  it("does not call a value unusual for being beyond the edge by rounding only", () => {
    const stats = { n: 26, mean: 0.3, sd: 0.1 }; // usual: 0.3 ± 0.3 → 0 to 0.6, edges in floating point
    expect(usualRange(stats)!.high).not.toBe(0.6); // 0.6000000000000001
    expect(isUnusual(0.6, stats)).toBe(false);
    expect(isUnusual(0.6000001, stats)).toBe(true);
    expect(isUnusual(-1e-17, stats)).toBe(false);
  });
});

describe("the relative tolerance at its edges", () => {
  it("calls a spread of exactly the tolerance flat", () => {
    expect(usualRange({ n: 8, mean: 2, sd: 2 * RELATIVE_TOLERANCE })).toBeNull();
  });

  it("scales the tolerance with the larger of |mean| and sd", () => {
    // Mean 1e6, sd 10: usual up to 1e6 + 30, give or take 1e-9 × 1e6 = 0.001.
    const stats = { n: 8, mean: 1e6, sd: 10 };
    expect(isUnusual(1e6 + 30 + 0.0005, stats)).toBe(false);
    expect(isUnusual(1e6 - 30 - 0.0005, stats)).toBe(false);
    expect(isUnusual(1e6 + 30 + 0.002, stats)).toBe(true);
  });

  it("does not call a value exactly the tolerance beyond the range unusual", () => {
    const stats = { n: 8, mean: 50, sd: 10 };
    const tolerance = RELATIVE_TOLERANCE * 50;
    expect(isUnusual(20 - tolerance, stats)).toBe(false);
    expect(isUnusual(80 + tolerance, stats)).toBe(false);
  });
});
