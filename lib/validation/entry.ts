// Validation of metric entries: the shape (zod) and the value's range for its metric kind.
import { z } from "zod";
import { EntrySource, type MetricKind } from "../domain";
import { dateKeyField, idField, optionalIntField, optionalTextField } from "./fields";

export const MAX_NOTE_LENGTH = 1000;
export const MAX_SAMPLE_SIZE = 10_000_000;

/** The most entries one request may carry (grid save, API batch). */
export const MAX_BATCH = 10_000;

/** One figure to save. The value stays text until its metric is known (durations, percent signs). */
export const entryRowSchema = z.object({
  metricId: idField("Metric"),
  periodStart: dateKeyField("Period"),
  value: z.union([z.number(), z.string().max(40, "Value is too long")], {
    // NaN and Infinity fail z.number(); say so rather than "required".
    error: (issue) => (typeof issue.input === "number" ? "Value must be a number" : "Value is required"),
  }),
  sampleSize: optionalIntField("Sample size", 1, MAX_SAMPLE_SIZE),
  source: z.enum(EntrySource, { error: "Choose a source from the list" }).default("OTHER"),
  note: optionalTextField("Note", MAX_NOTE_LENGTH),
  /** The entry version the user saw (0: no figure yet); a mismatch is a conflict. Omitted: last write wins. */
  expectedVersion: optionalIntField("Version", 0, 2 ** 31 - 1),
  /** The person has seen that the value is unusual for this metric and confirms it. */
  confirmUnusual: z.boolean().optional(),
});
export type EntryRowInput = z.output<typeof entryRowSchema>;

export const saveEntriesSchema = z.object({
  rows: z
    .array(entryRowSchema, { error: "rows must be a list of entries" })
    .min(1, "Nothing to save")
    .max(MAX_BATCH, `At most ${MAX_BATCH.toLocaleString("en-GB")} entries at once`),
});
export type SaveEntriesInput = z.output<typeof saveEntriesSchema>;

export type ValueRange = { min: number; max: number; integer: boolean };

type RangeMetric = { kind: MetricKind; scaleBest: number; scaleWorst: number };

/** The values a metric of this kind can take (its scale bounds for ratings and engagement). */
export function valueRange(metric: RangeMetric): ValueRange {
  const low = Math.min(metric.scaleBest, metric.scaleWorst);
  const high = Math.max(metric.scaleBest, metric.scaleWorst);
  switch (metric.kind) {
    case "CSAT_PERCENT":
    case "PERCENT":
      return { min: 0, max: 100, integer: false };
    case "NPS":
      return { min: -100, max: 100, integer: false };
    case "CES":
      return { min: 1, max: 7, integer: false };
    case "RATING":
    case "ENGAGEMENT":
      return { min: low, max: high, integer: false };
    case "DURATION":
      return { min: 0, max: Number.MAX_SAFE_INTEGER, integer: false };
    case "COUNT":
      return { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true };
  }
}

/** A readable reason the value cannot be stored for this metric, or null when it can. */
export function valueProblem(metric: RangeMetric, value: number): string | null {
  const { min, max, integer } = valueRange(metric);
  if (!Number.isFinite(value)) return "Value must be a number";
  if (integer && !Number.isInteger(value)) return "Value must be a whole number";
  if (max === Number.MAX_SAFE_INTEGER) {
    if (value < min) return `Value must be ${min} or more`;
    if (value > max) return "Value is too large";
  } else if (value < min || value > max) {
    return `Value must be between ${min} and ${max}`;
  }
  return null;
}
