// Turning what a person typed (or a CSV cell, or an API number) into a metric's value, with the
// same rules everywhere: the entry grid as you type, the server, CSV import and the ingest API.
import type { MetricKind } from "../domain";
import { valueProblem } from "./entry";
import { parseDecimal } from "./fields";

export type ValueMetric = { kind: MetricKind; unit: string; scaleBest: number; scaleWorst: number };
export type ParsedValue = { ok: true; value: number } | { ok: false; message: string };

/** Seconds per unit, for the units a duration metric may be kept in. */
const SECONDS_PER_UNIT: Record<string, number> = {
  ms: 0.001,
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
};

// Longest alternatives first, so "min" is not read as "m" followed by "in".
const UNIT = "ms|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s|days?|d";
const DURATION_PARTS = new RegExp(`^(?:\\s*\\d+(?:\\.\\d+)?\\s*(?:${UNIT})(?![a-z]))+\\s*$`);
const DURATION_PART = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNIT})(?![a-z])`, "g");

/**
 * A duration in the metric's unit. Accepts a plain number (already in that unit), unit parts
 * such as "4m 30s", "1h 5m" or "90s", and clock form "4:30" (minutes:seconds) or "1:04:30".
 * Null when the text is not a duration.
 */
export function parseDuration(text: string, unit: string): number | null {
  const trimmed = text.trim().toLowerCase();
  const plain = parseDecimal(trimmed);
  if (plain !== null) return plain;
  const perUnit = SECONDS_PER_UNIT[unit.trim().toLowerCase()];
  if (!perUnit) return null; // parts need a known target unit to convert into

  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(trimmed);
  if (clock) {
    const [a, b, c] = [Number(clock[1]), Number(clock[2]), clock[3]];
    const seconds = c === undefined ? a * 60 + b : a * 3600 + b * 60 + Number(c);
    return seconds / perUnit;
  }
  if (!DURATION_PARTS.test(trimmed)) return null;
  let seconds = 0;
  for (const [, amount, partUnit] of trimmed.matchAll(DURATION_PART)) {
    seconds += Number(amount) * SECONDS_PER_UNIT[partUnit!]!;
  }
  return seconds / perUnit;
}

const EXAMPLES: Partial<Record<MetricKind, string>> = {
  DURATION: "a duration such as 12.5, 4m 30s or 4:30",
  COUNT: "a whole number such as 3",
};

/** The value to store for `raw`, or a message saying what is wrong with it. */
export function parseMetricValue(metric: ValueMetric, raw: string | number): ParsedValue {
  let value: number | null;
  if (typeof raw === "number") {
    value = Number.isFinite(raw) ? raw : null;
  } else if (raw.trim() === "") {
    return { ok: false, message: "Value is required" };
  } else if (metric.kind === "DURATION") {
    value = parseDuration(raw, metric.unit);
  } else {
    const percentKind = metric.kind === "CSAT_PERCENT" || metric.kind === "PERCENT" || metric.unit === "%";
    value = parseDecimal(percentKind ? raw.trim().replace(/%$/, "") : raw);
  }
  if (value === null) {
    const hint = typeof raw === "string" && raw.includes(",") ? " (use a dot for decimals, no thousands separators)" : "";
    return { ok: false, message: `Enter ${EXAMPLES[metric.kind] ?? "a number such as 4.5"}${hint}` };
  }
  // Durations typed in parts can carry float noise (e.g. 4m 30s in hours); keep 6 decimals.
  if (metric.kind === "DURATION") value = Math.round(value * 1e6) / 1e6;
  const problem = valueProblem(metric, value);
  return problem ? { ok: false, message: problem } : { ok: true, value };
}
