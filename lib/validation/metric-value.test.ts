import { describe, expect, it } from "vitest";
import type { MetricKind } from "../domain";
import { parseDuration, parseMetricValue, type ValueMetric } from "./metric-value";

const metric = (kind: MetricKind, unit = "", scaleBest = 0, scaleWorst = 0): ValueMetric => ({ kind, unit, scaleBest, scaleWorst });

const COMMA_HINT = " (use a dot for decimals, no thousands separators)";
const ENTER_NUMBER = "Enter a number such as 4.5";
const ENTER_DURATION = "Enter a duration such as 12.5, 4m 30s or 4:30";
const ENTER_COUNT = "Enter a whole number such as 3";

describe("parseDuration", () => {
  describe("plain decimals are already in the metric's unit", () => {
    it.each<[string, string, number]>([
      ["12.5", "min", 12.5],
      [" 7 ", "s", 7],
      ["0", "h", 0],
      [".5", "min", 0.5],
      ["-3", "min", -3], // the sign is kept; the range check refuses it later
      ["12.5", "furlongs", 12.5], // no conversion needed, so any unit will do
    ])("%j in %s → %d", (text, unit, expected) => {
      expect(parseDuration(text, unit)).toBe(expected);
    });
  });

  describe("unit parts", () => {
    it.each<[string, string, number]>([
      ["4m 30s", "min", 4.5], // 240 s + 30 s = 270 s = 4.5 min
      ["4m30s", "min", 4.5],
      ["90s", "min", 1.5], // 90 / 60
      ["1h 5m", "min", 65], // 60 + 5
      ["2 minutes 3 seconds", "s", 123], // 120 + 3
      ["4min", "min", 4], // "min" is one unit, not "m" then "in"
      ["4 mins 30 secs", "s", 270],
      ["1.5h", "min", 90],
      ["1 hour 30 minutes", "hours", 1.5], // 5400 s / 3600
      ["2d", "h", 48],
      ["1 day 12 hrs", "days", 1.5], // 86400 + 43200 = 129600 s / 86400
      ["30 secs", "min", 0.5],
      ["4M 30S", "Min", 4.5], // case does not matter
      ["  4m   30s  ", " min ", 4.5], // nor surrounding spaces
    ])("%j in %s → %d", (text, unit, expected) => {
      expect(parseDuration(text, unit)).toBeCloseTo(expected, 10);
    });

    it("reads milliseconds: 5ms is 0.005 s", () => {
      expect(parseDuration("5ms", "s")).toBeCloseTo(0.005, 12);
    });

    it("reads 1500ms in minutes as 0.025", () => {
      // 1.5 s / 60
      expect(parseDuration("1500ms", "min")).toBeCloseTo(0.025, 12);
    });

    it("converts seconds into milliseconds", () => {
      expect(parseDuration("2s", "ms")).toBeCloseTo(2000, 9);
    });
  });

  describe("clock form", () => {
    it.each<[string, string, number]>([
      ["4:30", "min", 4.5], // 4 min 30 s
      ["4:30", "s", 270],
      ["4:30", "h", 0.075], // 270 / 3600
      ["0:05", "s", 5],
      ["1:04:30", "s", 3870], // 3600 + 240 + 30
      ["1:04:30", "min", 64.5],
      ["125:00", "min", 125], // minutes are not capped at 59
    ])("%j in %s → %d", (text, unit, expected) => {
      expect(parseDuration(text, unit)).toBeCloseTo(expected, 10);
    });
  });

  describe("rejections", () => {
    it.each<[string, string]>([
      ["a bare number after unit parts", "4m 30"],
      ["a bare number before unit parts", "4 30s"],
      ["a word", "abc"],
      ["an unknown unit", "4x"],
      ["a unit followed by more letters", "4mins30sx"],
      ["a unit alone", "m"],
      ["seconds beyond 59 in clock form", "4:75"],
      ["minutes beyond 59 in an hours clock", "1:60:00"],
      ["single-digit seconds in clock form", "4:5"],
      ["a negative part", "-4m"],
      ["empty text", ""],
      ["a decimal comma", "4,5"],
    ])("%s (%j)", (_, text) => {
      expect(parseDuration(text, "min")).toBeNull();
    });

    it.each(["4m 30s", "90s", "4:30", "1:04:30"])("refuses %j when the metric's unit is unknown (furlongs)", (text) => {
      expect(parseDuration(text, "furlongs")).toBeNull();
    });
  });
});

describe("parseMetricValue", () => {
  describe.each<[MetricKind, string]>([
    ["CSAT_PERCENT", "%"],
    ["PERCENT", "percent"],
  ])("%s (unit %s)", (kind, unit) => {
    const m = metric(kind, unit, 100, 0);
    it.each<[string, number]>([
      ["85", 85],
      ["85%", 85],
      [" 85.5 % ", 85.5],
      ["0%", 0],
      ["100%", 100],
    ])("accepts %j as %d", (raw, value) => {
      expect(parseMetricValue(m, raw)).toEqual({ ok: true, value });
    });

    it("refuses 100.5% as out of range", () => {
      expect(parseMetricValue(m, "100.5%")).toEqual({ ok: false, message: "Value must be between 0 and 100" });
    });

    it("refuses -1%", () => {
      expect(parseMetricValue(m, "-1%")).toEqual({ ok: false, message: "Value must be between 0 and 100" });
    });

    it("refuses a doubled percent sign", () => {
      expect(parseMetricValue(m, "85%%")).toEqual({ ok: false, message: ENTER_NUMBER });
    });

    it("refuses a leading percent sign", () => {
      expect(parseMetricValue(m, "%85")).toEqual({ ok: false, message: ENTER_NUMBER });
    });
  });

  it("accepts a trailing percent sign for any kind whose unit is %", () => {
    expect(parseMetricValue(metric("ENGAGEMENT", "%", 100, 0), "62%")).toEqual({ ok: true, value: 62 });
  });

  it("refuses a percent sign on an engagement score that is not in %", () => {
    expect(parseMetricValue(metric("ENGAGEMENT", "points", 5, 1), "4%")).toEqual({ ok: false, message: ENTER_NUMBER });
  });

  describe("NPS (−100 to 100)", () => {
    const nps = metric("NPS", "points", 100, -100);
    it.each<[string, number]>([
      ["-20", -20],
      ["-100", -100],
      ["100", 100],
      ["+35", 35],
      ["-0.5", -0.5],
    ])("accepts %j", (raw, value) => {
      expect(parseMetricValue(nps, raw)).toEqual({ ok: true, value });
    });
    it.each(["-101", "100.5"])("refuses %j", (raw) => {
      expect(parseMetricValue(nps, raw)).toEqual({ ok: false, message: "Value must be between -100 and 100" });
    });
  });

  describe("CES (1 to 7)", () => {
    const ces = metric("CES", "", 1, 7);
    it.each<[string, number]>([
      ["1", 1],
      ["3.5", 3.5],
      ["7", 7],
    ])("accepts %j", (raw, value) => {
      expect(parseMetricValue(ces, raw)).toEqual({ ok: true, value });
    });
    it.each(["0", "0.99", "7.01", "8"])("refuses %j", (raw) => {
      expect(parseMetricValue(ces, raw)).toEqual({ ok: false, message: "Value must be between 1 and 7" });
    });
  });

  describe("RATING within its scale", () => {
    it("accepts the ends and inside of a 1–5 scale with the best at 5", () => {
      const stars = metric("RATING", "stars", 5, 1);
      expect(parseMetricValue(stars, "1")).toEqual({ ok: true, value: 1 });
      expect(parseMetricValue(stars, "4.5")).toEqual({ ok: true, value: 4.5 });
      expect(parseMetricValue(stars, "5")).toEqual({ ok: true, value: 5 });
    });

    it.each(["0.5", "5.5", "6"])("refuses %j on a 1–5 scale", (raw) => {
      expect(parseMetricValue(metric("RATING", "stars", 5, 1), raw)).toEqual({ ok: false, message: "Value must be between 1 and 5" });
    });

    it("uses the scale bounds whichever end is best (best 1, worst 10)", () => {
      const rank = metric("RATING", "", 1, 10);
      expect(parseMetricValue(rank, "10")).toEqual({ ok: true, value: 10 });
      expect(parseMetricValue(rank, "0")).toEqual({ ok: false, message: "Value must be between 1 and 10" });
      expect(parseMetricValue(rank, "11")).toEqual({ ok: false, message: "Value must be between 1 and 10" });
    });

    it("refuses a percent sign on a rating", () => {
      expect(parseMetricValue(metric("RATING", "stars", 5, 1), "4%")).toEqual({ ok: false, message: ENTER_NUMBER });
    });
  });

  describe("COUNT (whole numbers, 0 or more)", () => {
    const count = metric("COUNT", "complaints", 0, 50);
    it.each<[string, number]>([
      ["0", 0],
      ["12", 12],
      ["250", 250], // beyond the scale's worst: counts are not capped by the scale
      ["3.0", 3],
    ])("accepts %j", (raw, value) => {
      expect(parseMetricValue(count, raw)).toEqual({ ok: true, value });
    });
    it.each(["2.5", "0.1"])("refuses the fraction %j", (raw) => {
      expect(parseMetricValue(count, raw)).toEqual({ ok: false, message: "Value must be a whole number" });
    });
    it("refuses a negative count", () => {
      expect(parseMetricValue(count, "-1")).toEqual({ ok: false, message: "Value must be 0 or more" });
    });
    it("says a count beyond the safe integer range is too large", () => {
      expect(parseMetricValue(count, "10000000000000000")).toEqual({ ok: false, message: "Value is too large" });
    });
    it("asks for a whole number when the text is not a number", () => {
      expect(parseMetricValue(count, "lots")).toEqual({ ok: false, message: ENTER_COUNT });
    });
    it("refuses a fractional number passed as a number", () => {
      expect(parseMetricValue(count, 2.5)).toEqual({ ok: false, message: "Value must be a whole number" });
    });
  });

  describe("DURATION", () => {
    const aht = metric("DURATION", "min", 0, 30);
    it.each<[string, number]>([
      ["12.5", 12.5],
      ["4m 30s", 4.5],
      ["4:30", 4.5],
      ["1h 5m", 65],
      ["0", 0],
    ])("accepts %j as %d minutes", (raw, value) => {
      expect(parseMetricValue(aht, raw)).toEqual({ ok: true, value });
    });

    it("refuses a negative duration", () => {
      expect(parseMetricValue(aht, "-5")).toEqual({ ok: false, message: "Value must be 0 or more" });
      expect(parseMetricValue(aht, -0.5)).toEqual({ ok: false, message: "Value must be 0 or more" });
    });

    it("gives duration examples when the text is not a duration", () => {
      expect(parseMetricValue(aht, "abc")).toEqual({ ok: false, message: ENTER_DURATION });
      expect(parseMetricValue(aht, "4m 30")).toEqual({ ok: false, message: ENTER_DURATION });
    });

    it("keeps six decimals: 4m 30s in hours is exactly 0.075", () => {
      expect(parseMetricValue(metric("DURATION", "h", 0, 1), "4m 30s")).toEqual({ ok: true, value: 0.075 });
    });

    it("rounds to six decimals: 1s in hours (1/3600 = 0.000277…) is 0.000278", () => {
      expect(parseMetricValue(metric("DURATION", "h", 0, 1), "1s")).toEqual({ ok: true, value: 0.000278 });
    });

    it("rounds a number passed as a number too", () => {
      expect(parseMetricValue(aht, 1.23456789)).toEqual({ ok: true, value: 1.234568 });
    });

    it("refuses unit parts when the metric's unit is unknown", () => {
      expect(parseMetricValue(metric("DURATION", "furlongs", 0, 10), "4m 30s")).toEqual({ ok: false, message: ENTER_DURATION });
    });
  });

  describe("numbers (JSON input) are used as they are", () => {
    it.each<[MetricKind, number, number, number]>([
      ["CSAT_PERCENT", 100, 0, 85.5],
      ["NPS", 100, -100, -42],
      ["CES", 1, 7, 2],
      ["RATING", 5, 1, 3.25],
      ["COUNT", 0, 10, 7],
      ["DURATION", 0, 60, 14.5],
    ])("%s accepts %d", (kind, best, worst, value) => {
      expect(parseMetricValue(metric(kind, "", best, worst), value)).toEqual({ ok: true, value });
    });

    it("checks a number's range as well", () => {
      expect(parseMetricValue(metric("CSAT_PERCENT", "%", 100, 0), 101)).toEqual({ ok: false, message: "Value must be between 0 and 100" });
    });

    it.each<[MetricKind, string]>([
      ["CSAT_PERCENT", ENTER_NUMBER],
      ["DURATION", ENTER_DURATION],
      ["COUNT", ENTER_COUNT],
    ])("%s refuses NaN, Infinity and -Infinity", (kind, message) => {
      for (const value of [NaN, Infinity, -Infinity]) {
        expect(parseMetricValue(metric(kind, "", 100, 0), value)).toEqual({ ok: false, message });
      }
    });
  });

  describe("text that is not a number", () => {
    it.each<MetricKind>(["CSAT_PERCENT", "PERCENT", "NPS", "CES", "RATING", "ENGAGEMENT", "DURATION", "COUNT"])(
      "%s requires a value: blank and spaces only are refused",
      (kind) => {
        const m = metric(kind, "", 5, 1);
        expect(parseMetricValue(m, "")).toEqual({ ok: false, message: "Value is required" });
        expect(parseMetricValue(m, "   ")).toEqual({ ok: false, message: "Value is required" });
      },
    );

    it.each(["abc", "NaN", "Infinity", "4.5.1", "0x10", "1e3", "0b11"])("refuses %j", (raw) => {
      expect(parseMetricValue(metric("CSAT_PERCENT", "%", 100, 0), raw)).toEqual({ ok: false, message: ENTER_NUMBER });
    });

    it.each<[MetricKind, string, string, string]>([
      ["CSAT_PERCENT", "%", "4,5", ENTER_NUMBER],
      ["PERCENT", "%", "85,5%", ENTER_NUMBER],
      ["NPS", "points", "1,234", ENTER_NUMBER],
      ["COUNT", "", "1,234", ENTER_COUNT],
      ["DURATION", "min", "4,5", ENTER_DURATION],
    ])("%s: a comma in %j adds the hint to use a dot", (kind, unit, raw, message) => {
      expect(parseMetricValue(metric(kind, unit, 100, 0), raw)).toEqual({ ok: false, message: `${message}${COMMA_HINT}` });
    });
  });
});

describe("metric values at their edges", () => {
  it("reads a clock duration with spaces around it, and nothing after it", () => {
    expect(parseDuration(" 4:30 ", "min")).toBe(4.5);
    expect(parseDuration("4:30x", "min")).toBeNull();
  });

  it("takes a percent sign for CSAT whatever its unit", () => {
    expect(parseMetricValue(metric("CSAT_PERCENT", "", 100, 0), "85%")).toEqual({ ok: true, value: 85 });
  });

  it("keeps every decimal typed for anything but a duration", () => {
    expect(parseMetricValue(metric("RATING", "stars", 5, 1), "4.1234567")).toEqual({ ok: true, value: 4.1234567 });
  });
});
