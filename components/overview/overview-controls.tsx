"use client";

import type { Overview } from "@/lib/data/overview";
import { formatScore } from "@/lib/format";
import { viewParam } from "@/lib/validation/overview";

export type OverviewLink = Partial<Record<"journey" | "view" | "period" | "from", string | number | null>>;

const VIEW_LABELS = { WEEK: "Week", MONTH: "Month", QUARTER: "Quarter" } as const;
const select = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/** Journey, view (week/month/quarter), period and range start: every change becomes a link. */
export function OverviewControls({ overview, navigate }: { overview: Overview; navigate: (link: OverviewLink) => void }) {
  const period = overview.period!.key;
  const from = overview.from!;
  const fromOptions = overview.periodOptions.filter((p) => p.key <= period);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="text-sm">
        <label htmlFor="overview-journey" className="mb-1 block font-medium text-slate-700">Journey</label>
        <select id="overview-journey" className={select} value={overview.journey!.id} onChange={(e) => navigate({ journey: e.target.value })}>
          {overview.journeys.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name} ({formatScore(j.score)})
            </option>
          ))}
        </select>
      </div>
      <fieldset className="text-sm">
        <legend className="mb-1 block font-medium text-slate-700">View by</legend>
        <div className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
          {overview.views.map((v) => (
            <label
              key={v}
              className="cursor-pointer rounded px-3 py-1.5 has-[:checked]:bg-brand has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand"
            >
              <input type="radio" name="view" value={v} className="sr-only" checked={overview.view === v} onChange={() => navigate({ view: viewParam(v), from: null })} />
              {VIEW_LABELS[v]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="text-sm">
        <label htmlFor="overview-period" className="mb-1 block font-medium text-slate-700">Period</label>
        <select id="overview-period" className={select} value={period} onChange={(e) => navigate({ period: e.target.value, from: from.key > e.target.value ? null : undefined })}>
          {overview.periodOptions.map((p) => (
            <option key={p.key} value={p.key}>{p.label}</option>
          ))}
        </select>
      </div>
      <div className="text-sm">
        <label htmlFor="overview-from" className="mb-1 block font-medium text-slate-700">Trend from</label>
        <select id="overview-from" className={select} value={from.key} onChange={(e) => navigate({ from: e.target.value })}>
          {!fromOptions.some((p) => p.key === from.key) && <option value={from.key}>{from.label}</option>}
          {fromOptions.map((p) => (
            <option key={p.key} value={p.key}>{p.label}</option>
          ))}
        </select>
      </div>
    </div>
  );
}
