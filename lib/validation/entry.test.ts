import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { MetricKind } from "../domain";
import { MAX_BATCH, MAX_NOTE_LENGTH, MAX_SAMPLE_SIZE, entryRowSchema, saveEntriesSchema, valueProblem, valueRange } from "./entry";
import { entrySheetQuerySchema } from "./entry-sheet";
import { fieldErrors, rowFieldErrors } from "./fields";
import { ingestBodySchema, MAX_INGEST_BYTES } from "./ingest";

/** A complete, valid row as it arrives from a form: every field a string. */
const formInput = {
  metricId: "7",
  periodStart: "2026-11-16",
  value: "4.5",
  sampleSize: "120",
  source: "SURVEY",
  note: "Post-call survey",
  expectedVersion: "0",
};

/** What `formInput` becomes once parsed. */
const parsedFormInput = {
  metricId: 7,
  periodStart: new Date(Date.UTC(2026, 10, 16)),
  value: "4.5",
  sampleSize: 120,
  source: "SURVEY",
  note: "Post-call survey",
  expectedVersion: 0,
};

/** The per-field messages for a row that must be rejected. */
function errorsFor(overrides: Record<string, unknown>): Record<string, string> {
  const result = entryRowSchema.safeParse({ ...formInput, ...overrides });
  if (result.success) throw new Error(`expected ${JSON.stringify(overrides)} to be rejected`);
  return fieldErrors(result.error);
}

/** The messages for a batch that must be rejected. */
function batchErrors(input: unknown): z.ZodError {
  const result = saveEntriesSchema.safeParse(input);
  if (result.success) throw new Error("expected the batch to be rejected");
  return result.error;
}

describe("entryRowSchema — accepted input", () => {
  it("turns form strings into numbers and the period into UTC midnight, keeping the value as text", () => {
    expect(entryRowSchema.parse(formInput)).toEqual(parsedFormInput);
  });

  it("parses the period as exactly 2026-11-16T00:00:00Z", () => {
    const { periodStart } = entryRowSchema.parse(formInput);
    expect(periodStart.toISOString()).toBe("2026-11-16T00:00:00.000Z");
  });

  it("accepts numbers as well as strings (JSON input)", () => {
    const parsed = entryRowSchema.parse({ ...formInput, metricId: 7, value: -12.25, sampleSize: 3, expectedVersion: 5 });
    expect(parsed.metricId).toBe(7);
    expect(parsed.value).toBe(-12.25);
    expect(parsed.sampleSize).toBe(3);
    expect(parsed.expectedVersion).toBe(5);
  });

  it.each([
    ["a plain decimal", "4.5"],
    ["a duration in parts", "4m 30s"],
    ["a clock duration", "4:30"],
    ["a percentage", "85%"],
    ["a decimal comma (refused later, per metric)", "4,5"],
    ["a word (refused later, per metric)", "abc"],
    ["an empty string (refused later as required)", ""],
  ])("keeps a string value as the same string: %s", (_, value) => {
    const parsed = entryRowSchema.parse({ ...formInput, value });
    expect(parsed.value).toBe(value);
    expect(typeof parsed.value).toBe("string");
  });

  it("keeps a string value verbatim, surrounding spaces included (it is trimmed when parsed per metric)", () => {
    expect(entryRowSchema.parse({ ...formInput, value: " 85.2 " }).value).toBe(" 85.2 ");
  });

  it.each([0, -100, 0.001, 1e15])("accepts the number %d as the value", (value) => {
    expect(entryRowSchema.parse({ ...formInput, value }).value).toBe(value);
  });

  it("accepts a value string of exactly 40 characters", () => {
    const value = "1".repeat(40);
    expect(entryRowSchema.parse({ ...formInput, value }).value).toBe(value);
  });

  it("turns blank sample size, note and expected version into undefined", () => {
    const parsed = entryRowSchema.parse({ ...formInput, sampleSize: "", note: "   ", expectedVersion: " " });
    expect(parsed.sampleSize).toBeUndefined();
    expect(parsed.note).toBeUndefined();
    expect(parsed.expectedVersion).toBeUndefined();
  });

  it("leaves out optional fields that were not sent and defaults the source to OTHER", () => {
    const parsed = entryRowSchema.parse({ metricId: "7", periodStart: "2026-11-16", value: "0" });
    expect(parsed).toEqual({ metricId: 7, periodStart: new Date(Date.UTC(2026, 10, 16)), value: "0", source: "OTHER" });
  });

  it("trims surrounding spaces from ids, period, sample size and note", () => {
    const parsed = entryRowSchema.parse({ ...formInput, metricId: " 7 ", periodStart: " 2026-11-16 ", sampleSize: " 120 ", note: "  late data  " });
    expect(parsed.metricId).toBe(7);
    expect(parsed.periodStart).toEqual(new Date(Date.UTC(2026, 10, 16)));
    expect(parsed.sampleSize).toBe(120);
    expect(parsed.note).toBe("late data");
  });

  it("accepts the sample size bounds 1 and 10,000,000", () => {
    expect(entryRowSchema.parse({ ...formInput, sampleSize: "1" }).sampleSize).toBe(1);
    expect(entryRowSchema.parse({ ...formInput, sampleSize: "10000000" }).sampleSize).toBe(10_000_000);
    expect(MAX_SAMPLE_SIZE).toBe(10_000_000);
  });

  it("accepts a note of exactly 1000 characters", () => {
    const note = "n".repeat(1000);
    expect(MAX_NOTE_LENGTH).toBe(1000);
    expect(entryRowSchema.parse({ ...formInput, note }).note).toBe(note);
  });

  it.each(["SURVEY", "REVIEW", "SOCIAL", "OPERATIONAL", "EMPLOYEE", "OTHER"])("accepts source %s", (source) => {
    expect(entryRowSchema.parse({ ...formInput, source }).source).toBe(source);
  });

  it("accepts the largest metric id, 2^31 − 1", () => {
    expect(entryRowSchema.parse({ ...formInput, metricId: 2147483647 }).metricId).toBe(2147483647);
  });

  it("accepts confirmUnusual as a boolean and leaves it out when not sent", () => {
    expect(entryRowSchema.parse({ ...formInput, confirmUnusual: true }).confirmUnusual).toBe(true);
    expect(entryRowSchema.parse({ ...formInput, confirmUnusual: false }).confirmUnusual).toBe(false);
    expect(entryRowSchema.parse(formInput)).not.toHaveProperty("confirmUnusual");
  });

  it("accepts 29 February in a leap year", () => {
    expect(entryRowSchema.parse({ ...formInput, periodStart: "2028-02-29" }).periodStart).toEqual(new Date(Date.UTC(2028, 1, 29)));
  });
});

describe("entryRowSchema — rejected input", () => {
  describe("value", () => {
    it.each([
      ["missing", undefined],
      ["null", null],
      ["a boolean", true],
      ["an object", { amount: 4.5 }],
    ])("%s → Value is required", (_, value) => {
      expect(errorsFor({ value })).toEqual({ value: "Value is required" });
    });

    it("rejects a string of 41 characters as too long", () => {
      expect(errorsFor({ value: "1".repeat(41) })).toEqual({ value: "Value is too long" });
    });

    it.each([NaN, Infinity, -Infinity])("rejects the non-finite number %d as not a number", (value) => {
      expect(errorsFor({ value })).toEqual({ value: "Value must be a number" });
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

    it("must be text, not a number", () => {
      expect(errorsFor({ periodStart: 20261116 })).toEqual({ periodStart: "Period is required" });
    });
  });

  describe("sampleSize", () => {
    it.each([
      ["0", "Sample size must be at least 1"],
      ["-1", "Sample size must be at least 1"],
      ["1.5", "Sample size must be a whole number"],
      ["10000001", "Sample size must be at most 10,000,000"],
      ["lots", "Sample size must be a number"],
      ["1,000", "Sample size must be a number (use a dot for decimals, no thousands separators)"],
    ])("%s → %s", (sampleSize, message) => {
      expect(errorsFor({ sampleSize })).toEqual({ sampleSize: message });
    });

    it("reports the first broken rule when several are (a negative fraction is first not whole)", () => {
      expect(errorsFor({ sampleSize: "-1.5" })).toEqual({ sampleSize: "Sample size must be a whole number" });
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
      expect(entryRowSchema.parse({ ...formInput, note }).note).toHaveLength(1000);
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
      ["blank", " ", "Metric is required"],
      ["missing", undefined, "Metric is required"],
    ])("%s → %s", (_, metricId, message) => {
      expect(errorsFor({ metricId })).toEqual({ metricId: message });
    });
  });

  describe("expectedVersion", () => {
    it("rejects a negative version", () => {
      expect(errorsFor({ expectedVersion: "-1" })).toEqual({ expectedVersion: "Version must be at least 0" });
    });

    it("rejects a fractional version", () => {
      expect(errorsFor({ expectedVersion: 1.5 })).toEqual({ expectedVersion: "Version must be a whole number" });
    });
  });

  it("rejects a confirmUnusual that is not a boolean", () => {
    expect(Object.keys(errorsFor({ confirmUnusual: "yes" }))).toEqual(["confirmUnusual"]);
  });

  it("reports one message per field when several fields are wrong", () => {
    expect(
      errorsFor({ metricId: "x", value: "9".repeat(41), periodStart: "16/11/2026", sampleSize: "0", source: "PHONE", note: "n".repeat(1001) }),
    ).toEqual({
      metricId: "Metric must be a number",
      value: "Value is too long",
      periodStart: "Period must be a date like 2026-11-16",
      sampleSize: "Sample size must be at least 1",
      source: "Choose a source from the list",
      note: "Note must be at most 1000 characters",
    });
  });
});

describe("saveEntriesSchema", () => {
  it("parses every row of a batch", () => {
    const second = { metricId: 8, periodStart: "2026-11-16", value: 92 };
    expect(saveEntriesSchema.parse({ rows: [formInput, second] })).toEqual({
      rows: [parsedFormInput, { metricId: 8, periodStart: new Date(Date.UTC(2026, 10, 16)), value: 92, source: "OTHER" }],
    });
  });

  it("allows at most 10,000 rows", () => {
    expect(MAX_BATCH).toBe(10_000);
  });

  it("accepts exactly 10,000 rows", () => {
    const rows = Array.from({ length: 10_000 }, () => formInput);
    expect(saveEntriesSchema.parse({ rows }).rows).toHaveLength(10_000);
  });

  it("rejects 10,001 rows", () => {
    const rows = Array.from({ length: 10_001 }, () => formInput);
    const error = batchErrors({ rows });
    expect(fieldErrors(error)).toEqual({ rows: "At most 10,000 entries at once" });
    expect(rowFieldErrors(error).size).toBe(0);
  });

  it("rejects an empty batch", () => {
    const error = batchErrors({ rows: [] });
    expect(fieldErrors(error)).toEqual({ rows: "Nothing to save" });
    expect(rowFieldErrors(error).size).toBe(0);
  });

  it.each([
    ["a string", "7,8"],
    ["an object", { 0: formInput }],
    ["a single row not in a list", formInput],
    ["null", null],
    ["missing", undefined],
  ])("rejects rows that are %s", (_, rows) => {
    expect(fieldErrors(batchErrors({ rows }))).toEqual({ rows: "rows must be a list of entries" });
  });

  it("points per-row errors at the right row and field", () => {
    const error = batchErrors({
      rows: [
        formInput,
        { ...formInput, value: "9".repeat(41), sampleSize: "0" },
        formInput,
        { ...formInput, metricId: "x" },
      ],
    });
    expect(rowFieldErrors(error)).toEqual(
      new Map([
        [1, { value: "Value is too long", sampleSize: "Sample size must be at least 1" }],
        [3, { metricId: "Metric must be a number" }],
      ]),
    );
  });

  it("reports an error at index 9,999 of a full batch", () => {
    const rows: unknown[] = Array.from({ length: 10_000 }, () => formInput);
    rows[9_999] = { ...formInput, periodStart: "2026-02-30" };
    expect(rowFieldErrors(batchErrors({ rows }))).toEqual(new Map([[9_999, { periodStart: "Period must be a date like 2026-11-16" }]]));
  });

  it("files an error about a whole row (not an object) under \"row\"", () => {
    const errors = rowFieldErrors(batchErrors({ rows: [formInput, formInput, 42] }));
    expect([...errors.keys()]).toEqual([2]);
    expect(Object.keys(errors.get(2)!)).toEqual(["row"]);
  });
});

describe("rowFieldErrors", () => {
  it("keeps the first message of a field", () => {
    // "-1.5" breaks both "whole number" and "at least 1"; the first is kept.
    const errors = rowFieldErrors(batchErrors({ rows: [{ ...formInput, sampleSize: "-1.5" }] }));
    expect(errors).toEqual(new Map([[0, { sampleSize: "Sample size must be a whole number" }]]));
  });

  it("reads another list name and joins nested paths with dots", () => {
    const schema = z.object({ items: z.array(z.object({ a: z.object({ b: z.string({ error: "B must be text" }) }) })) });
    const result = schema.safeParse({ items: [{ a: { b: "ok" } }, { a: { b: 1 } }] });
    if (result.success) throw new Error("expected the items to be rejected");
    expect(rowFieldErrors(result.error, "items")).toEqual(new Map([[1, { "a.b": "B must be text" }]]));
    expect(rowFieldErrors(result.error).size).toBe(0);
  });

  it("ignores issues outside the list", () => {
    const schema = z.object({ title: z.string({ error: "Title is required" }), rows: z.array(z.object({ x: z.number({ error: "X is required" }) })) });
    const result = schema.safeParse({ rows: [{ x: 1 }, {}] });
    if (result.success) throw new Error("expected the input to be rejected");
    expect(rowFieldErrors(result.error)).toEqual(new Map([[1, { x: "X is required" }]]));
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

describe("entry limits at their edges", () => {
  it("takes the largest safe integer as a duration or a count, and nothing larger", () => {
    const duration = { kind: "DURATION" as const, scaleBest: 0, scaleWorst: 60 };
    expect(valueProblem(duration, Number.MAX_SAFE_INTEGER)).toBeNull();
    expect(valueProblem(duration, Number.MAX_SAFE_INTEGER + 2)).toBe("Value is too large");
  });

  it("takes an expected version up to 2³¹ − 1", () => {
    expect(entryRowSchema.safeParse({ ...formInput, expectedVersion: 2 ** 31 - 1 }).success).toBe(true);
    expect(entryRowSchema.safeParse({ ...formInput, expectedVersion: 2 ** 31 }).success).toBe(false);
  });
});

describe("entrySheetQuerySchema", () => {
  it("reads the department and the period, naming each when it is wrong", () => {
    expect(entrySheetQuerySchema.parse({ department: "3", period: "2026-11-16" })).toEqual({ department: 3, period: new Date(Date.UTC(2026, 10, 16)) });
    expect(fieldErrors(entrySheetQuerySchema.safeParse({ department: "x", period: "16/11/2026" }).error!)).toEqual({
      department: "Department must be a number",
      period: "Period must be a date like 2026-11-16",
    });
  });
});

describe("ingestBodySchema", () => {
  it("takes a JSON object with a list of entries, and says what it wants otherwise", () => {
    expect(ingestBodySchema.parse({ entries: [1, { a: 2 }] })).toEqual({ entries: [1, { a: 2 }] });
    expect(ingestBodySchema.safeParse({ entries: "none" }).error!.issues[0]!.message).toBe("entries must be a list");
    expect(ingestBodySchema.safeParse([]).error!.issues[0]!.message).toBe('Send a JSON object: { "entries": [ … ] }');
  });

  it("refuses bodies over 4 MiB", () => {
    expect(MAX_INGEST_BYTES).toBe(4_194_304);
  });
});
