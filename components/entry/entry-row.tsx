"use client";

import { useActionState, useId, useState } from "react";
import { saveEntryAction } from "@/app/(app)/entry/actions";
import { Button } from "@/components/ui/button";
import type { EntrySheet } from "@/lib/data/entry-sheet";
import { EntrySource } from "@/lib/domain";
import { formatValue } from "@/lib/format";
import { valueProblem, valueRange } from "@/lib/validation/entry";
import { parseDecimal } from "@/lib/validation/fields";

type Metric = EntrySheet[number]["metrics"][number];

const SOURCES = Object.values(EntrySource);

function rangeHint(metric: Metric): string {
  const { min, max } = valueRange(metric);
  const unit = metric.unit === "%" ? "%" : metric.unit ? ` ${metric.unit}` : "";
  return max === Number.MAX_SAFE_INTEGER ? `${min} or more${unit}` : `${min} to ${max}${unit}`;
}

/** One metric's figure for the period: checked as you type, saved on its own. */
export function EntryRow({ touchpointName, metric, periodKey }: { touchpointName: string; metric: Metric; periodKey: string }) {
  const [state, formAction, pending] = useActionState(saveEntryAction, null);
  const [draft, setDraft] = useState(metric.current ? String(metric.current.value) : "");
  const id = useId();
  const parsed = parseDecimal(draft);
  const localProblem = draft.trim() === "" ? null : parsed === null ? "Value must be a number, e.g. 4.5" : valueProblem(metric, parsed);
  const serverError = state && !state.ok ? state : null;
  const valueError = localProblem ?? serverError?.fields?.value;
  // After a save the new version comes back before the page refreshes.
  const version = state?.ok ? state.data.version : (metric.current?.version ?? 0);
  const saved = state?.ok && !pending;

  return (
    <form action={formAction} className="grid grid-cols-2 gap-3 px-4 py-3 lg:grid-cols-[minmax(12rem,2fr)_6rem_6rem_minmax(7rem,1fr)_6rem_8rem_6rem] lg:items-start" aria-labelledby={`${id}-name`}>
      <input type="hidden" name="metricId" value={metric.id} />
      <input type="hidden" name="periodStart" value={periodKey} />
      <input type="hidden" name="expectedVersion" value={version} />
      <div className="col-span-2 lg:col-span-1">
        <p className="text-sm font-medium">
          <span id={`${id}-name`}>{metric.name}</span>
          {!metric.current && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">Missing</span>}
        </p>
        <p className="text-xs text-slate-500">{touchpointName} · {rangeHint(metric)}</p>
      </div>
      <p className="text-sm tabular-nums text-slate-600 lg:pt-2 lg:text-right">
        <span className="text-xs text-slate-500 lg:hidden">Last period: </span>
        {formatValue(metric.previousValue, metric.unit)}
      </p>
      <p className="text-sm tabular-nums text-slate-600 lg:pt-2 lg:text-right">
        <span className="text-xs text-slate-500 lg:hidden">Target: </span>
        {formatValue(metric.target, metric.unit)}
      </p>
      <div>
        <label htmlFor={`${id}-value`} className="sr-only">{metric.name} value</label>
        <input
          id={`${id}-value`}
          name="value"
          inputMode="decimal"
          autoComplete="off"
          placeholder="Value"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={valueError ? true : undefined}
          aria-describedby={valueError ? `${id}-value-error` : undefined}
          className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm tabular-nums aria-invalid:border-red-500"
        />
        {valueError && <p id={`${id}-value-error`} className="mt-1 text-xs text-red-700">{valueError}</p>}
      </div>
      <div>
        <label htmlFor={`${id}-sample`} className="sr-only">{metric.name} sample size</label>
        <input
          id={`${id}-sample`}
          name="sampleSize"
          inputMode="numeric"
          placeholder="Sample"
          defaultValue={metric.current?.sampleSize ?? ""}
          aria-invalid={serverError?.fields?.sampleSize ? true : undefined}
          className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm tabular-nums aria-invalid:border-red-500"
        />
        {serverError?.fields?.sampleSize && <p className="mt-1 text-xs text-red-700">{serverError.fields.sampleSize}</p>}
      </div>
      <div>
        <label htmlFor={`${id}-source`} className="sr-only">{metric.name} source</label>
        <select id={`${id}-source`} name="source" defaultValue={metric.current?.source ?? metric.previousSource ?? "OTHER"} className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          {SOURCES.map((s) => (
            <option key={s} value={s}>{s.charAt(0) + s.slice(1).toLowerCase()}</option>
          ))}
        </select>
      </div>
      <div className="col-span-2 flex items-center gap-2 lg:col-span-1 lg:flex-col lg:items-stretch">
        <Button type="submit" variant="secondary" disabled={pending || !!localProblem || draft.trim() === ""}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <p aria-live="polite" className="text-xs">
          {saved && <span className="text-band-good">✓ Saved</span>}
        </p>
      </div>
      {serverError && !serverError.fields?.value && !serverError.fields?.sampleSize && (
        <p role="alert" className="col-span-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 lg:col-span-7">
          {serverError.message}
        </p>
      )}
    </form>
  );
}
