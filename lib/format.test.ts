import { describe, expect, it } from "vitest";
import { formatPercent, formatScore, formatValue } from "./format";

describe("formatScore", () => {
  it.each([
    [57, "57.0"],
    [66.66, "66.7"],
    [72.34, "72.3"],
    [0, "0.0"],
    [100, "100.0"],
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
