"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { AdminMetric } from "@/lib/data/touchpoints-admin";
import type { MetricKind } from "@/lib/domain";
import { formatScore, formatValue } from "@/lib/format";
import { metricScore } from "@/lib/scoring";
import { METRIC_KIND_DEFAULTS, metricRuleProblems, MAX_METRIC_NAME } from "@/lib/validation/touchpoints";

const KINDS = Object.entries(METRIC_KIND_DEFAULTS) as [MetricKind, (typeof METRIC_KIND_DEFAULTS)[MetricKind]][];
/** The kind's defaults as the form's text fields hold them. */
const kindDefaults = (kind: MetricKind) => {
  const d = METRIC_KIND_DEFAULTS[kind];
  return { unit: d.unit, direction: d.direction, scaleBest: String(d.scaleBest), scaleWorst: String(d.scaleWorst) };
};
const input = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/**
 * A new metric: choosing a kind fills in sensible bounds; a live preview shows how a few values
 * would score with the same formula the overview uses (lib/scoring).
 */
type Props = {
  touchpointName: string;
  /** Editing this metric (its kind stays); without it, a new metric. */
  metric?: AdminMetric;
  errors: Record<string, string>;
  pending: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel?: () => void;
};

export function MetricForm({ touchpointName, metric, errors, pending, onSubmit, onCancel }: Props) {
  const [kind, setKind] = useState<MetricKind>(metric?.kind ?? "CSAT_PERCENT");
  const [numbers, setNumbers] = useState(() =>
    metric
      ? { unit: metric.unit, direction: metric.direction, scaleBest: String(metric.scaleBest), scaleWorst: String(metric.scaleWorst), target: metric.target === null ? "" : String(metric.target), warning: metric.warningThreshold === null ? "" : String(metric.warningThreshold) }
      : { ...kindDefaults("CSAT_PERCENT"), target: "", warning: "" },
  );
  const idSuffix = metric ? `${touchpointName}-${metric.id}` : touchpointName;
  const best = Number(numbers.scaleBest);
  const worst = Number(numbers.scaleWorst);
  const target = numbers.target === "" ? undefined : Number(numbers.target);
  const warning = numbers.warning === "" ? undefined : Number(numbers.warning);
  const live = metricRuleProblems({ direction: numbers.direction, scaleBest: best, scaleWorst: worst, target, warningThreshold: warning });
  const examples = [worst, warning, target, best].filter((v): v is number => v !== undefined && Number.isFinite(v));
  const error = (field: string) => errors[field] ?? live[field];

  function chooseKind(next: MetricKind) {
    setKind(next);
    setNumbers((n) => ({ ...n, ...kindDefaults(next) }));
  }

  return (
    <form aria-label={metric ? `Edit ${metric.name}` : `Add a metric to ${touchpointName}`} onSubmit={onSubmit} className="mt-3 grid gap-3 rounded-lg border border-dashed border-slate-300 p-3 sm:grid-cols-2 lg:grid-cols-4" noValidate>
      <Field label={metric ? `Name of ${metric.name}` : `New metric for ${touchpointName}`} name="name" defaultValue={metric?.name} placeholder="e.g. Waiting time" maxLength={MAX_METRIC_NAME} error={errors.name} className="sm:col-span-2" />
      <div>
        <label htmlFor={`kind-${idSuffix}`} className="mb-1 block text-sm font-medium text-slate-700">Kind</label>
        <select id={`kind-${idSuffix}`} name={metric ? undefined : "kind"} value={kind} disabled={Boolean(metric)} title={metric ? "The kind stays: figures were entered for it" : undefined} onChange={(e) => chooseKind(e.target.value as MetricKind)} className={input}>
          {KINDS.map(([value, d]) => <option key={value} value={value}>{d.label}</option>)}
        </select>
      </div>
      <Field label="Unit" name="unit" value={numbers.unit} onChange={(e) => setNumbers({ ...numbers, unit: e.target.value })} error={errors.unit} />
      <div>
        <label htmlFor={`direction-${idSuffix}`} className="mb-1 block text-sm font-medium text-slate-700">Better is</label>
        <select id={`direction-${idSuffix}`} name="direction" value={numbers.direction} onChange={(e) => setNumbers({ ...numbers, direction: e.target.value as typeof numbers.direction })} className={input}>
          <option value="HIGHER_IS_BETTER">Higher</option>
          <option value="LOWER_IS_BETTER">Lower</option>
        </select>
      </div>
      <Field label="Best" name="scaleBest" inputMode="decimal" value={numbers.scaleBest} onChange={(e) => setNumbers({ ...numbers, scaleBest: e.target.value })} error={error("scaleBest")} />
      <Field label="Worst" name="scaleWorst" inputMode="decimal" value={numbers.scaleWorst} onChange={(e) => setNumbers({ ...numbers, scaleWorst: e.target.value })} error={errors.scaleWorst} />
      <Field label="Weight" name="weight" inputMode="decimal" defaultValue={metric ? String(metric.weight) : "1"} error={errors.weight} />
      <Field label="Target" name="target" inputMode="decimal" value={numbers.target} onChange={(e) => setNumbers({ ...numbers, target: e.target.value })} error={error("target")} hint="optional" />
      <Field label="Warning line" name="warningThreshold" inputMode="decimal" value={numbers.warning} onChange={(e) => setNumbers({ ...numbers, warning: e.target.value })} error={error("warningThreshold")} hint="optional" />
      <div className="text-sm sm:col-span-2" aria-live="polite" data-testid="score-preview">
        <p className="mb-1 font-medium text-slate-700">How values would score</p>
        {Object.keys(live).length > 0 || best === worst ? (
          <p className="text-slate-500">Fix the bounds to see a preview.</p>
        ) : (
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-slate-700">
            {[...new Set(examples)].map((v) => (
              <li key={v}>{formatValue(v, numbers.unit)} → <strong className="tabular-nums">{formatScore(metricScore(v, { scaleBest: best, scaleWorst: worst }))}</strong></li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="secondary" disabled={pending}>{metric ? "Save metric" : "Add metric"}</Button>
        {onCancel && <Button type="button" variant="ghost" onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}
