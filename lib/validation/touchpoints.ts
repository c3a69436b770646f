// Touchpoints and metrics as admins define them. The metric rules (bounds, target inside the scale,
// warning on the worse side of the target) are checked here, the same in the form and on the server.
import { z } from "zod";
import type { MetricDirection, MetricKind } from "../domain";
import { idField, numberField } from "./fields";

export const MAX_TOUCHPOINT_NAME = 80;
export const MAX_METRIC_NAME = 80;

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const optionalNumber = (label: string) => z.preprocess((v) => (v === "" || v === null || v === undefined ? undefined : v), numberField(label).optional());
const weight = numberField("Weight").pipe(z.number().gt(0, "Weight must be more than 0").max(100, "Weight must be at most 100"));

export const touchpointFields = {
  stageId: idField("Stage"),
  departmentId: idField("Department"),
  name: z.string({ error: "Give the touchpoint a name" }).trim().min(1, "Give the touchpoint a name").max(MAX_TOUCHPOINT_NAME, `A touchpoint name can be at most ${MAX_TOUCHPOINT_NAME} characters`),
  description: z.string().trim().max(300, "A description can be at most 300 characters").default(""),
  weight,
  momentOfTruth: checkbox,
};
export const createTouchpointSchema = z.object(touchpointFields);
export const updateTouchpointSchema = z.object({ id: idField("Touchpoint"), ...touchpointFields });
export const touchpointIdSchema = z.object({ id: idField("Touchpoint") });

/** Sensible bounds per kind: the form fills these in when the kind is chosen. */
export const METRIC_KIND_DEFAULTS: Record<MetricKind, { label: string; unit: string; direction: MetricDirection; scaleBest: number; scaleWorst: number }> = {
  CSAT_PERCENT: { label: "CSAT (% satisfied)", unit: "%", direction: "HIGHER_IS_BETTER", scaleBest: 100, scaleWorst: 0 },
  NPS: { label: "Net Promoter Score", unit: "points", direction: "HIGHER_IS_BETTER", scaleBest: 100, scaleWorst: -100 },
  CES: { label: "Customer effort (1–7, 7 easiest)", unit: "points", direction: "HIGHER_IS_BETTER", scaleBest: 7, scaleWorst: 1 },
  RATING: { label: "Rating (1–5 stars)", unit: "stars", direction: "HIGHER_IS_BETTER", scaleBest: 5, scaleWorst: 1 },
  DURATION: { label: "Time taken", unit: "min", direction: "LOWER_IS_BETTER", scaleBest: 0, scaleWorst: 60 },
  COUNT: { label: "Count (complaints, errors…)", unit: "complaints", direction: "LOWER_IS_BETTER", scaleBest: 0, scaleWorst: 50 },
  PERCENT: { label: "Percentage", unit: "%", direction: "HIGHER_IS_BETTER", scaleBest: 100, scaleWorst: 0 },
  ENGAGEMENT: { label: "Employee engagement (0–100)", unit: "points", direction: "HIGHER_IS_BETTER", scaleBest: 100, scaleWorst: 0 },
};

export type MetricRuleInput = { direction: MetricDirection; scaleBest: number; scaleWorst: number; target?: number; warningThreshold?: number };

/** The rules a metric's numbers must follow, as { field: message }; empty when all hold. Pure. */
export function metricRuleProblems(m: MetricRuleInput): Record<string, string> {
  const problems: Record<string, string> = {};
  const higher = m.direction === "HIGHER_IS_BETTER";
  if (m.scaleBest === m.scaleWorst) problems.scaleBest = "Best and worst must differ";
  else if (higher !== m.scaleBest > m.scaleWorst) {
    problems.scaleBest = higher ? "For higher-is-better, best must be above worst" : "For lower-is-better, best must be below worst";
  }
  const low = Math.min(m.scaleBest, m.scaleWorst);
  const high = Math.max(m.scaleBest, m.scaleWorst);
  if (m.target !== undefined && (m.target < low || m.target > high)) problems.target = `The target must be on the scale, between ${low} and ${high}`;
  if (m.warningThreshold !== undefined) {
    if (m.warningThreshold < low || m.warningThreshold > high) problems.warningThreshold = `The warning line must be on the scale, between ${low} and ${high}`;
    else if (m.target !== undefined && (higher ? m.warningThreshold >= m.target : m.warningThreshold <= m.target)) {
      problems.warningThreshold = higher ? "The warning line must be below the target" : "The warning line must be above the target";
    }
  }
  return problems;
}

const metricFields = {
  name: z.string({ error: "Give the metric a name" }).trim().min(1, "Give the metric a name").max(MAX_METRIC_NAME, `A metric name can be at most ${MAX_METRIC_NAME} characters`),
  kind: z.enum(Object.keys(METRIC_KIND_DEFAULTS) as [MetricKind, ...MetricKind[]], { error: "Choose what kind of metric this is" }),
  unit: z.string().trim().max(20, "A unit can be at most 20 characters").default(""),
  direction: z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"], { error: "Choose whether higher or lower is better" }),
  scaleBest: numberField("Best"),
  scaleWorst: numberField("Worst"),
  target: optionalNumber("Target"),
  warningThreshold: optionalNumber("Warning line"),
  weight,
};

const withRules = <T extends z.ZodType<MetricRuleInput>>(schema: T) =>
  schema.superRefine((m, ctx) => {
    for (const [field, message] of Object.entries(metricRuleProblems(m))) ctx.addIssue({ code: "custom", path: [field], message });
  });

export const createMetricSchema = withRules(z.object({ touchpointId: idField("Touchpoint"), ...metricFields }));
/** Editing keeps the kind: figures already entered were checked against it. */
export const updateMetricSchema = withRules(z.object({ id: idField("Metric"), ...metricFields }).omit({ kind: true }));
export const metricIdSchema = z.object({ id: idField("Metric") });
