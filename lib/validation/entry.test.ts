import { describe, expect, it } from "vitest";
import type { MetricKind } from "../domain";
import { MAX_NOTE_LENGTH, MAX_SAMPLE_SIZE, saveEntrySchema, valueProblem, valueRange } from "./entry";
import { fieldErrors } from "./fields";

/** A complete, valid submission as it arrives from the entry form: every field a string. */
const formInput = {
  metricId: "7",
  periodStart: "2026-11-16",
  value: "4.5",
  sampleSize: "120",
  source: "SURVEY",
  note: "Post-call survey",
  expectedVersion: "0",
};

/** The per-field messages for an input that must be rejected. */
function errorsFor(overrides: Record<string, unknown>): Record<string, string> {
  const result = saveEntrySchema.safeParse({ ...formInput, ...overrides });
  if (result.success) throw new Error(`expected ${JSON.stringify(overrides)} to be rejected`);
  return fieldErrors(result.error);
}

describe("saveEntrySchema — accepted input", () => {
  it("turns form strings into numbers and the period into UTC midnight", () => {
    expect(saveEntrySchema.parse(formInput)).toEqual({
      metricId: 7,
      periodStart: new Date(Date.UTC(2026, 10, 16)),
      value: 4.5,
      sampleSize: 120,
      source: "SURVEY",
      note: "Post-call survey",
      expectedVersion: 0,
    });
  });

  it("parses the period as exactly 2026-11-16T00:00:00Z", () => {
    const { periodStart } = saveEntrySchema.parse(formInput);
    expect(periodStart.toISOString()).toBe("2026-11-16T00:00:00.000Z");
  });

  it("accepts numbers as well as strings (JSON input)", () => {
    const parsed = saveEntrySchema.parse({ ...formInput, metricId: 7, value: -12.25, sampleSize: 3 });
    expect(parsed.metricId).toBe(7);
    expect(parsed.value).toBe(-12.25);
    expect(parsed.sampleSize).toBe(3);
  });

  it("turns blank sample size and note into undefined", () => {
    const parsed = saveEntrySchema.parse({ ...formInput, sampleSize: "", note: "   " });
    expect(parsed.sampleSize).toBeUndefined();
    expect(parsed.note).toBeUndefined();
  });

  it("leaves out optional fields that were not sent and defaults the source to OTHER", () => {
    const parsed = saveEntrySchema.parse({ metricId: "7", periodStart: "2026-11-16", value: "0" });
    expect(parsed).toEqual({ metricId: 7, periodStart: new Date(Date.UTC(2026, 10, 16)), value: 0, source: "OTHER" });
  });

  it("trims surrounding spaces from value, period and note", () => {
    const parsed = saveEntrySchema.parse({ ...formInput, value: " 85.2 ", periodStart: " 2026-11-16 ", note: "  late data  " });
    expect(parsed.value).toBe(85.2);
    expect(parsed.periodStart).toEqual(new Date(Date.UTC(2026, 10, 16)));
    expect(parsed.note).toBe("late data");
  });

  it("accepts the sample size bounds 1 and 10,000,000", () => {
    expect(saveEntrySchema.parse({ ...formInput, sampleSize: "1" }).sampleSize).toBe(1);
    expect(saveEntrySchema.parse({ ...formInput, sampleSize: "10000000" }).sampleSize).toBe(10_000_000);
    expect(MAX_SAMPLE_SIZE).toBe(10_000_000);
  });

  it("accepts a note of exactly 1000 characters", () => {
    const note = "n".repeat(1000);
    expect(MAX_NOTE_LENGTH).toBe(1000);
    expect(saveEntrySchema.parse({ ...formInput, note }).note).toBe(note);
  });

  it.each(["SURVEY", "REVIEW", "SOCIAL", "OPERATIONAL", "EMPLOYEE", "OTHER"])("accepts source %s", (source) => {
    expect(saveEntrySchema.parse({ ...formInput, source }).source).toBe(source);
  });
});

describe("saveEntrySchema — rejected input", () => {
  describe("value", () => {
    it.each([
      ["missing", undefined, "Value is required"],
      ["blank", "", "Value is required"],
      ["only spaces", "   ", "Value is required"],
      ["null", null, "Value is required"],
      ["a word", "abc", "Value must be a number"],
      ["NaN", "NaN", "Value must be a number"],
      ["Infinity", "Infinity", "Value must be a number"],
      ["-Infinity", "-Infinity", "Value must be a number"],
      ["two decimal points", "4.5.1", "Value must be a number"],
      ["a decimal comma", "4,5", "Value must be a number (use a dot for decimals, no thousands separators)"],
      ["a thousands separator", "1,234", "Value must be a number (use a dot for decimals, no thousands separators)"],
      ["hexadecimal", "0x10", "Value must be a number"],
      ["an exponent", "1e3", "Value must be a number"],
      ["binary", "0b11", "Value must be a number"],
    ])("%s → %s", (_, value, message) => {
      expect(errorsFor({ value })).toEqual({ value: message });
    });
  });

  describe("periodStart", () => {
    it.each([
      ["30 February", "2026-02-30"],
      ["29 February in a common year", "2026-02-29"],
      ["day-first with slashes", "16/11/2026"],
      ["month 13", "2026-13-01"],
      ["no zero padding", "2026-11-6"],
      ["a timestamp", "2026-11-16T00:00:00Z"],
      ["blank", ""],
    ])("%s (%s)", (_, periodStart) => {
      expect(errorsFor({ periodStart })).toEqual({ periodStart: "Period must be a date like 2026-11-16" });
    });

    it("is required", () => {
      expect(errorsFor({ periodStart: undefined })).toEqual({ periodStart: "Period is required" });
    });
  });

  describe("sampleSize", () => {
    it.each([
      ["0", "Sample size must be at least 1"],
      ["-1", "Sample size must be at least 1"],
      ["1.5", "Sample size must be a whole number"],
      ["10000001", "Sample size must be at most 10,000,000"],
      ["lots", "Sample size must be a number"],
    ])("%s → %s", (sampleSize, message) => {
      expect(errorsFor({ sampleSize })).toEqual({ sampleSize: message });
    });
  });

  describe("source", () => {
    it.each(["PHONE", "survey", ""])("%j is not in the list", (source) => {
      expect(errorsFor({ source })).toEqual({ source: "Choose a source from the list" });
    });
  });

  describe("note", () => {
    it("rejects 1001 characters", () => {
      expect(errorsFor({ note: "n".repeat(1001) })).toEqual({ note: "Note must be at most 1000 characters" });
    });

    it("measures the length after trimming", () => {
      const note = `  ${"n".repeat(1000)}  `;
      expect(saveEntrySchema.parse({ ...formInput, note }).note).toHaveLength(1000);
    });
  });

  describe("metricId", () => {
    it.each([
      ["0", 0, "Metric is not valid"],
      ["-3", -3, "Metric is not valid"],
      ["the string \"-3\"", "-3", "Metric is not valid"],
      ["a fraction", "2.5", "Metric is not valid"],
      ["beyond a 32-bit id", 2 ** 31, "Metric is not valid"],
      ["\"x\"", "x", "Metric must be a number"],
      ["missing", undefined, "Metric is required"],
    ])("%s → %s", (_, metricId, message) => {
      expect(errorsFor({ metricId })).toEqual({ metricId: message });
    });
  });

  it("reports one message per field when several fields are wrong", () => {
    expect(errorsFor({ metricId: "x", value: "abc", periodStart: "16/11/2026", sampleSize: "0", source: "PHONE" })).toEqual({
      metricId: "Metric must be a number",
      value: "Value must be a number",
      periodStart: "Period must be a date like 2026-11-16",
      sampleSize: "Sample size must be at least 1",
      source: "Choose a source from the list",
    });
  });

  it("rejects a negative expected version", () => {
    expect(errorsFor({ expectedVersion: "-1" })).toEqual({ expectedVersion: "Version must be at least 0" });
  });
});

const metric = (kind: MetricKind, scaleBest = 0, scaleWorst = 0) => ({ kind, scaleBest, scaleWorst });

describe("valueRange", () => {
  it.each<[MetricKind, number, number, { min: number; max: number; integer: boolean }]>([
    ["CSAT_PERCENT", 100, 0, { min: 0, max: 100, integer: false }],
    ["PERCENT", 0, 100, { min: 0, max: 100, integer: false }],
    ["NPS", 100, -100, { min: -100, max: 100, integer: false }],
    ["CES", 1, 7, { min: 1, max: 7, integer: false }],
    ["RATING", 5, 1, { min: 1, max: 5, integer: false }],
    ["RATING", 1, 10, { min: 1, max: 10, integer: false }],
    ["ENGAGEMENT", 80, 20, { min: 20, max: 80, integer: false }],
    ["ENGAGEMENT", 0, 30, { min: 0, max: 30, integer: false }],
    ["DURATION", 0, 60, { min: 0, max: Number.MAX_SAFE_INTEGER, integer: false }],
    ["COUNT", 0, 50, { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }],
  ])("%s with best %d and worst %d", (kind, best, worst, range) => {
    expect(valueRange(metric(kind, best, worst))).toEqual(range);
  });

  it("ignores the scale bounds of fixed-range kinds", () => {
    expect(valueRange(metric("CSAT_PERCENT", 90, 60))).toEqual({ min: 0, max: 100, integer: false });
    expect(valueRange(metric("CES", 2, 5))).toEqual({ min: 1, max: 7, integer: false });
  });
});

describe("valueProblem", () => {
  describe.each<MetricKind>(["CSAT_PERCENT", "PERCENT"])("%s (0–100)", (kind) => {
    it.each([0, 0.01, 50, 99.99, 100])("accepts %d", (value) => {
      expect(valueProblem(metric(kind, 100, 0), value)).toBeNull();
    });
    it.each([-0.01, 100.01, -5, 120])("rejects %d", (value) => {
      expect(valueProblem(metric(kind, 100, 0), value)).toBe("Value must be between 0 and 100");
    });
  });

  describe("NPS (−100–100)", () => {
    it.each([-100, -99.5, 0, 100])("accepts %d", (value) => {
      expect(valueProblem(metric("NPS", 100, -100), value)).toBeNull();
    });
    it.each([-100.5, 100.5])("rejects %d", (value) => {
      expect(valueProblem(metric("NPS", 100, -100), value)).toBe("Value must be between -100 and 100");
    });
  });

  describe("CES (1–7)", () => {
    it.each([1, 3.5, 7])("accepts %d", (value) => {
      expect(valueProblem(metric("CES", 1, 7), value)).toBeNull();
    });
    it.each([0, 0.99, 7.01])("rejects %d", (value) => {
      expect(valueProblem(metric("CES", 1, 7), value)).toBe("Value must be between 1 and 7");
    });
  });

  describe.each<[MetricKind, number, number]>([
    ["RATING", 5, 1],
    ["RATING", 1, 5],
    ["ENGAGEMENT", 5, 1],
    ["ENGAGEMENT", 1, 5],
  ])("%s on a scale with best %d and worst %d", (kind, best, worst) => {
    it.each([1, 2.75, 5])("accepts %d", (value) => {
      expect(valueProblem(metric(kind, best, worst), value)).toBeNull();
    });
    it.each([0.99, 5.01, 0, 6])("rejects %d", (value) => {
      expect(valueProblem(metric(kind, best, worst), value)).toBe("Value must be between 1 and 5");
    });
  });

  describe("DURATION (0 or more)", () => {
    it.each([0, 0.5, 14.5, 100_000])("accepts %d", (value) => {
      expect(valueProblem(metric("DURATION", 0, 60), value)).toBeNull();
    });
    it.each([-0.01, -10])("rejects %d", (value) => {
      expect(valueProblem(metric("DURATION", 0, 60), value)).toBe("Value must be 0 or more");
    });
  });

  describe("COUNT (non-negative whole number)", () => {
    it.each([0, 1, 250])("accepts %d", (value) => {
      expect(valueProblem(metric("COUNT", 0, 50), value)).toBeNull();
    });
    it.each([0.5, 2.25])("rejects the fraction %d", (value) => {
      expect(valueProblem(metric("COUNT", 0, 50), value)).toBe("Value must be a whole number");
    });
    it("rejects a negative count", () => {
      expect(valueProblem(metric("COUNT", 0, 50), -1)).toBe("Value must be 0 or more");
    });
  });

  it.each(["DURATION", "COUNT"] as const)("says a %s beyond the safe integer range is too large", (kind) => {
    expect(valueProblem(metric(kind, 0, 60), 1e16)).toBe("Value is too large");
  });

  it.each([NaN, Infinity, -Infinity])("rejects %d for every kind", (value) => {
    const kinds: MetricKind[] = ["CSAT_PERCENT", "PERCENT", "NPS", "CES", "RATING", "ENGAGEMENT", "DURATION", "COUNT"];
    for (const kind of kinds) expect(valueProblem(metric(kind, 5, 1), value)).toBe("Value must be a number");
  });
});
