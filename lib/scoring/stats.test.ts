import fc from "fast-check";
import { errorFunction, sampleCorrelation, sampleStandardDeviation } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { autocorrelations, certainlyAbove, changes, correlationPValue, effectivePairs, pairedCorrelation, SCORE_TOLERANCE, strongerCorrelationPValue, varies } from "./stats";

describe("changes", () => {
  it("is each period minus the one before, null where either is missing", () => {
    expect(changes([70, 72, null, 68, 60, 61.5])).toEqual([2, null, null, -8, 1.5]);
    expect(changes([70])).toEqual([]);
    expect(changes([])).toEqual([]);
  });
});

describe("varies", () => {
  it("treats a score that differs only in the last bit as constant", () => {
    // The same mean summed in two orders: 81.69166666666666 and 81.69166666666668.
    expect(varies([81.69166666666666, 81.69166666666668, 81.69166666666666, 81.69166666666668])).toBe(false);
    expect(varies([5, 5, 5])).toBe(false);
  });

  it("sees a real difference, however small to a reader", () => {
    expect(varies([81.69, 81.7])).toBe(true);
    // sd of [0, 2e-9] is √2·1e-9 ≈ 1.41e-9 > 1e-9; of [0, 1e-9] 0.71e-9 < 1e-9.
    expect(varies([0, 2 * SCORE_TOLERANCE])).toBe(true);
    expect(varies([0, SCORE_TOLERANCE])).toBe(false);
  });

  it("needs two values, and takes another tolerance in another unit", () => {
    expect(varies([3])).toBe(false);
    expect(varies([])).toBe(false);
    expect(varies([1, 1.5], 1)).toBe(false); // sd 0.354
    expect(varies([1, 3], 1)).toBe(true); // sd 1.414
  });

  it("is not fooled by large offsets (the variance is centred, not E[x²] − E[x]²)", () => {
    expect(varies([1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3])).toBe(true);
    expect(varies([1e9 + 0.1, 1e9 + 0.1, 1e9 + 0.1])).toBe(false);
  });
});

describe("autocorrelations", () => {
  it("follows Pyper & Peterman's estimator: r(j) = N/(N−j) · Σ lagged products / Σ squares", () => {
    // Mean 0, squares 6; lag 1: five products of −1 → (6/5)·(−5)/6 = −1; lag 2: four of +1 → (6/4)·4/6 = 1.
    expect(autocorrelations([1, -1, 1, -1, 1, -1], 2)).toEqual([-1, 1]);
    // Mean 5, deviations −3, −1, 1, 3 (squares 20); lag 1: 3 − 1 + 3 = 5 over 3 pairs → (4/3)·5/20 = 1/3.
    expect(autocorrelations([2, 4, 6, 8], 1)[0]).toBeCloseTo(1 / 3, 12);
  });

  it("uses only the pairs present when there are gaps", () => {
    // Present 2, 4, 8 (mean 14/3); lag 1: only (2, 4) → (3/1)·(2 − 14/3)(4 − 14/3) / Σ squares.
    const m = 14 / 3;
    const squares = (2 - m) ** 2 + (4 - m) ** 2 + (8 - m) ** 2;
    expect(autocorrelations([2, 4, null, 8], 1)[0]).toBeCloseTo((3 * (2 - m) * (4 - m)) / squares, 12);
  });

  it("gives 0 for a series that does not vary and for a lag without pairs", () => {
    expect(autocorrelations([4, 4, 4, 4], 2)).toEqual([0, 0]);
    expect(autocorrelations([1, null, 2, null, 3], 1)).toEqual([0]);
  });
});

describe("effectivePairs", () => {
  it("is Bartlett's N* = 1 / (1/N + (2/N) Σ_{j ≤ N/5} ((N − j)/N) rx(j) ry(j))", () => {
    // N 10, lags 1–2: (9/10)·0.25 + (8/10)·0 = 0.225; 1/N* = 0.1 + 0.2·0.225 = 0.145.
    expect(effectivePairs(10, [-0.5, 0], [-0.5, 0])).toBeCloseTo(1 / 0.145, 12);
    // N 10, lag 2 counts too: (9/10)(0.25) + (8/10)(0.5·0.5) = 0.425; 1/N* = 0.1 + 0.2·0.425 = 0.185.
    expect(effectivePairs(10, [0.5, 0.5, 0.9], [0.5, 0.5, 0.9])).toBeCloseTo(1 / 0.185, 12);
  });

  it("is at most N, and N for series without autocorrelation", () => {
    expect(effectivePairs(24, [0.5], [-0.5])).toBe(24);
    expect(effectivePairs(24, [], [])).toBe(24);
  });
});

describe("correlationPValue", () => {
  it("matches Student's t where its tail has a closed form", () => {
    // 3 pairs: ν = 1 (Cauchy). r = 1/√2 → t = 1 → p = 2·(1/2 − atan(1)/π) = 0.5.
    expect(correlationPValue(Math.SQRT1_2, 3)).toBeCloseTo(0.5, 12);
    // 4 pairs: ν = 2, where p = 1 − t/√(2 + t²) = 1 − |r|. r = 0.6 → 0.4.
    expect(correlationPValue(0.6, 4)).toBeCloseTo(0.4, 12);
    expect(correlationPValue(-0.6, 4)).toBeCloseTo(0.4, 12);
    // ν need not be whole: 2 < ν = 2.5 < 3 gives a p between ν = 2's and ν = 3's.
    expect(correlationPValue(0.6, 4.5)).toBeLessThan(0.4);
    expect(correlationPValue(0.6, 4.5)).toBeGreaterThan(correlationPValue(0.6, 5));
  });

  it("is 1 without enough pairs, 1 for r = 0, and 0 for a perfect correlation", () => {
    expect(correlationPValue(0.99, 2.9)).toBe(1);
    expect(correlationPValue(0, 20)).toBeCloseTo(1, 12);
    expect(correlationPValue(1, 20)).toBe(0);
    expect(correlationPValue(-1, 20)).toBe(0);
  });
});

describe("certainlyAbove", () => {
  it("screens out only tests whose p-value is above alpha", () => {
    // r 0.1 on 20 pairs: t = 0.43, normal two-sided tail 0.67 > 0.1.
    expect(certainlyAbove(0.1, 20, 0.1)).toBe(true);
    expect(correlationPValue(0.1, 20)).toBeGreaterThan(0.1);
    // r 0.6 on 20 pairs: p = 0.005, never screened.
    expect(certainlyAbove(0.6, 20, 0.1)).toBe(false);
    expect(certainlyAbove(1, 20, 0.1)).toBe(false);
    expect(certainlyAbove(0.99, 2, 0.1)).toBe(true);
  });

  it("never screens out a p-value at or below alpha (t tails are heavier than the normal's)", () => {
    for (let pairs = 3; pairs <= 30; pairs += 0.5) {
      for (let r = 0; r < 1; r += 0.01) {
        if (correlationPValue(r, pairs) <= 0.1) expect(certainlyAbove(r, pairs, 0.1)).toBe(false);
      }
    }
  });
});

describe("pairedCorrelation", () => {
  it("pairs x[t] with y[t + lag] where both are present", () => {
    // Lag 1: (1, 4), (2, 6), (4, 10) — y = 2x + 2 on the pairs present; (3, null) is skipped.
    const found = pairedCorrelation([1, 2, 3, 4, 9], [0, 4, 6, null, 10], 1);
    expect(found.n).toBe(3);
    expect(found.r).toBeCloseTo(1, 12);
    expect(found.sdX).toBeCloseTo(sampleStandardDeviation([1, 2, 4]), 12);
    expect(found.sdY).toBeCloseTo(sampleStandardDeviation([4, 6, 10]), 12);
  });

  it("gives no r for fewer than two pairs or a side that does not vary (beyond the tolerance)", () => {
    expect(pairedCorrelation([1], [2], 0)).toEqual({ n: 1, sdX: 0, sdY: 0, r: null });
    expect(pairedCorrelation([81.69166666666666, 81.69166666666668, 81.69166666666666], [1, 2, 3], 0).r).toBeNull();
    expect(pairedCorrelation([1, 2, 3], [5, 5, 5], 0).r).toBeNull();
  });

  it("agrees with simple-statistics' sampleCorrelation on any series, large offsets included", () => {
    const values = fc.array(fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true })), { minLength: 3, maxLength: 30 });
    fc.assert(
      fc.property(values, fc.constantFrom(0, 1e6), (pairs, offset) => {
        const xs = pairs.map(([x]) => x + offset);
        const ys = pairs.map(([, y]) => y - offset);
        const found = pairedCorrelation(xs, ys, 0, 1e-6);
        if (found.r === null) return;
        expect(found.r).toBeCloseTo(Math.max(-1, Math.min(1, sampleCorrelation(xs, ys))), 6);
      }),
    );
  });
});

describe("strongerCorrelationPValue", () => {
  it("does not call 0.69 against 0.63 over 24 pairs each a stronger lead (a shared slide, issue 12 review)", () => {
    // z = (atanh 0.69 − atanh 0.63) / √(2/21) = (0.8480 − 0.7414) / 0.3086 = 0.345; p = 1 − Φ(0.345).
    expect(strongerCorrelationPValue(0.69, 24, 0.63, 24)).toBeCloseTo(0.365, 2);
  });

  it("is 0.5 for equal sizes, compares sizes not signs, and is small for a clear difference", () => {
    expect(strongerCorrelationPValue(0.5, 30, 0.5, 30)).toBeCloseTo(0.5, 6);
    expect(strongerCorrelationPValue(-0.5, 30, 0.5, 30)).toBeCloseTo(0.5, 6);
    // z = (1.4722 − 0.1003) / √(2/23) = 4.652: p ≈ 1.6e-6.
    expect(strongerCorrelationPValue(0.9, 26, 0.1, 26)).toBeCloseTo(1.64e-6, 7);
    expect(strongerCorrelationPValue(0.1, 26, 0.9, 26)).toBeCloseTo(1, 5);
  });

  it("says nothing with 3 or fewer effective pairs on either side, and survives |r| = 1", () => {
    expect(strongerCorrelationPValue(0.99, 3, 0, 30)).toBe(1);
    expect(strongerCorrelationPValue(0.99, 30, 0, 2.5)).toBe(1);
    expect(strongerCorrelationPValue(1, 30, 0.2, 30)).toBeLessThan(1e-6);
  });
});

describe("stats at their edges", () => {
  it("does not call a spread of exactly the tolerance varying", () => {
    // The sample sd of [0, 2] is √2, exactly.
    expect(varies([0, 2], Math.SQRT2)).toBe(false);
  });

  it("centres autocorrelations: a large offset changes nothing", () => {
    const series = [81.7, 79.2, 83.1, 80.4, 82.9, 78.8];
    const plain = autocorrelations(series, 2);
    const offset = autocorrelations(series.map((x) => x + 1e6), 2);
    expect(offset[0]).toBeCloseTo(plain[0]!, 8);
    expect(offset[1]).toBeCloseTo(plain[1]!, 8);
  });

  it("gives exactly N pairs without autocorrelation, where 1 / (1 / N) is not N", () => {
    expect(1 / (1 / 49)).not.toBe(49);
    expect(effectivePairs(49, [], [])).toBe(49);
  });

  it("gives p = 0 for |r| a rounding error above 1", () => {
    expect(correlationPValue(1 + 1e-12, 20)).toBe(0);
  });

  it("screens out whatever has under one degree of freedom", () => {
    expect(certainlyAbove(0.5, 1.5, 0.1)).toBe(true);
    expect(certainlyAbove(0.99, 2.5, 0.1)).toBe(true);
  });

  it("screens by the normal tail at t / √2, with a margin of 1e-6 for the error function", () => {
    // r 0.3 on 12 pairs: t = 0.3 · √(10 / 0.91) = 0.994, normal two-sided tail 0.32.
    expect(certainlyAbove(0.3, 12, 0.1)).toBe(true);
    const tail = 1 - errorFunction((0.3 * Math.sqrt(10 / 0.91)) / Math.SQRT2);
    expect(tail).toBeCloseTo(0.32, 2);
    expect(certainlyAbove(0.3, 12, tail)).toBe(false);
    expect(certainlyAbove(0.3, 12, tail - 1e-6)).toBe(false);
    expect(certainlyAbove(0.3, 12, tail - 2e-6)).toBe(true);
  });

  it("skips a missing x as well as a missing y, in the means and in the sums", () => {
    // Pairs (1, 2), (2, 4), (4, 8): y = 2x exactly; (null, 5) is skipped.
    expect(pairedCorrelation([1, null, 2, 4], [2, 5, 4, 8], 0)).toMatchObject({ n: 3, r: 1 });
    expect(pairedCorrelation([1, null, 2, 4], [2, 5, 4, 8], 0).sdX).toBeCloseTo(sampleStandardDeviation([1, 2, 4]), 12);
  });

  it("correlates two pairs, and needs each side's sd above the tolerance", () => {
    expect(pairedCorrelation([1, 2], [3, 5], 0)).toMatchObject({ n: 2, r: 1 });
    // The sample sd of [0, 2] is √2, exactly: not above a tolerance of √2.
    expect(pairedCorrelation([0, 2], [0, 3], 0, Math.SQRT2).r).toBeNull();
    expect(pairedCorrelation([0, 3], [0, 2], 0, Math.SQRT2).r).toBeNull();
    expect(pairedCorrelation([0, 3], [0, 3], 0, Math.SQRT2).r).toBe(1);
  });
});

