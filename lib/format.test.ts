import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { apportion, formatDate, formatDateTime, formatPercent, formatScore, formatSource, formatValue, roundHalfUp } from "./format";

describe("roundHalfUp", () => {
  it.each([
    [84.74999999999999, 84.8],
    [84.75, 84.8],
    [85.25, 85.3],
    [85.24, 85.2],
    [0.05, 0.1],
    [1.005 * 100, 100.5],
    [-0.25, -0.3],
    [-0.04, 0],
    [0, 0],
    [99.95, 100],
  ])("%d → %d", (x, rounded) => {
    expect(roundHalfUp(x, 1)).toBe(rounded);
  });

  it("never returns −0", () => {
    expect(Object.is(roundHalfUp(-0.01, 1), 0)).toBe(true);
  });

  it("rounds to other numbers of decimals", () => {
    expect(roundHalfUp(4.375, 2)).toBe(4.38);
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
  });
});

describe("apportion", () => {
  it("makes the drags shown add up to the missing points shown (the issue's 1.9 + 1.0 + 0.6 + 0.1 vs 3.7)", () => {
    const drags = [1.94, 1.04, 0.64, 0.12];
    const shown = apportion(drags);
    // Remainders .4, .4, .4, .2: the one unit missing goes to the largest part of the tied ones.
    expect(shown).toEqual([2, 1, 0.6, 0.1]);
    expect(shown.reduce((a, b) => a + b, 0)).toBeCloseTo(roundHalfUp(drags.reduce((a, b) => a + b, 0)), 10);
  });

  it("leaves parts that already add up alone", () => {
    expect(apportion([1.2, 3.4])).toEqual([1.2, 3.4]);
    expect(apportion([])).toEqual([]);
    expect(apportion([0, 0])).toEqual([0, 0]);
  });

  it("gives the rounding to the largest remainder, then the larger part", () => {
    expect(apportion([0.15, 0.15, 0.15])).toEqual([0.2, 0.2, 0.1]);
    expect(apportion([0.14, 0.16, 0.15])).toEqual([0.1, 0.2, 0.2]);
    expect(apportion([1, 0.06, 0.04])).toEqual([1, 0.1, 0]);
  });

  it("splits a given shown total (a department's drag over its touchpoints)", () => {
    expect(apportion([1.6, 0.34], 1, 1.9)).toEqual([1.6, 0.3]);
    expect(apportion([1.04], 1, 1.1)).toEqual([1.1]);
    // Shares of 100 %: 3 × 33.3… → 34, 33, 33.
    expect(apportion([100 / 3, 100 / 3, 100 / 3], 0, 100)).toEqual([34, 33, 33]);
  });

  it("always sums to the rounded total, each part within one unit of its own rounding", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { maxLength: 12 }), (parts) => {
        const shown = apportion(parts);
        const total = roundHalfUp(parts.reduce((a, b) => a + b, 0));
        expect(shown.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
        shown.forEach((s, i) => expect(Math.abs(s - parts[i]!)).toBeLessThan(0.1 + 1e-9));
      }),
    );
  });
});

describe("formatScore", () => {
  it.each([
    [57, "57.0"],
    [66.66, "66.7"],
    [72.34, "72.3"],
    [0, "0.0"],
    [100, "100.0"],
    [84.74999999999999, "84.8"],
    [85.25, "85.3"],
  ])("%d → %s", (score, text) => {
    expect(formatScore(score)).toBe(text);
  });

  it("shows a dash for no score", () => {
    expect(formatScore(null)).toBe("—");
  });
});

describe("formatValue", () => {
  it.each([
    [85.2, "%", "85.2%"],
    [85, "%", "85%"],
    [0, "%", "0%"],
    [14.5, "min", "14.5 min"],
    [4.375, "stars", "4.38 stars"],
    [4.3749, "stars", "4.37 stars"],
    [2.1, "stars", "2.1 stars"],
    [1234.5, "calls", "1,234.5 calls"],
    [1234567.891, "", "1,234,567.89"],
    [-12.5, "", "-12.5"],
    [40, "", "40"],
  ])("%d with unit %j → %s", (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it.each([null, undefined])("shows a dash for %s", (value) => {
    expect(formatValue(value, "%")).toBe("—");
    expect(formatValue(value, "min")).toBe("—");
  });
});

describe("formatPercent", () => {
  it.each([
    [0, "0%"],
    [0.004, "0%"],
    [0.5, "50%"],
    [0.75, "75%"],
    [0.756, "76%"],
    [0.994, "99%"],
    [1, "100%"],
  ])("%d → %s", (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });
});

describe("apportion: equal remainders", () => {
  it("gives the unit left over to the larger part, wherever it is listed", () => {
    // 1.5 and 11.5 tenths: 1.3 shown, floors 1 + 11, one tenth left for the larger part.
    expect(apportion([0.15, 1.15])).toEqual([0.1, 1.2]);
    expect(apportion([1.15, 0.15])).toEqual([1.2, 0.1]);
  });
});

describe("formatDateTime and formatDate", () => {
  it("write a moment in UTC and a calendar day, the British way", () => {
    expect(formatDateTime(new Date(Date.UTC(2026, 6, 1, 14, 5)))).toBe("1 Jul 2026, 14:05 UTC");
    expect(formatDate(new Date(Date.UTC(2026, 6, 1)))).toBe("1 Jul 2026");
  });
});

describe("formatSource", () => {
  it.each([
    ["SURVEY", "Survey"],
    ["REVIEW", "Reviews"],
    ["SOCIAL", "Social"],
    ["OPERATIONAL", "Operational"],
    ["EMPLOYEE", "Employee survey"],
    ["OTHER", "Other"],
    ["PARTNER", "PARTNER"],
    [null, "—"],
  ] as const)("%s → %s", (source, label) => {
    expect(formatSource(source)).toBe(label);
  });
});
