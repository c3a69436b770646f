"use client";

import { useEffect, useRef } from "react";
import type { Overview } from "@/lib/data/overview";
import { formatScore } from "@/lib/format";
import { viewParam } from "@/lib/validation/overview";

export type OverviewLink = Partial<Record<"journey" | "view" | "period" | "from", string | number | null>>;

const VIEW_LABELS = { WEEK: "Week", MONTH: "Month", QUARTER: "Quarter" } as const;
const select = "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm sm:w-auto";
// On a phone the controls sit two to a row without their visible labels (screen readers keep them),
// so the answer starts on the first screen.
const label = "sr-only sm:not-sr-only sm:mb-1 sm:block sm:font-medium sm:text-slate-700";

/** Journey, view (week/month/quarter), period, and under Options the trend's start: every change becomes a link. */
export function OverviewControls({ overview, navigate }: { overview: Overview; navigate: (link: OverviewLink) => void }) {
  const period = overview.period!.key;
  const from = overview.from!;
  const fromOptions = overview.periodOptions.filter((p) => p.key <= period);
  const options = useRef<HTMLDetailsElement>(null);
  // The Options popover closes on Escape (focus back on its button), on a click outside it, and when
  // focus moves out of it.
  useEffect(() => {
    const close = (event: KeyboardEvent | PointerEvent) => {
      const details = options.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !details.contains(event.target as Node)) {
        details.open = false;
        if (event instanceof KeyboardEvent) details.querySelector("summary")?.focus();
      }
    };
    // And when focus leaves it by Tab, so it never covers the headline behind the next control.
    const leave = (event: FocusEvent) => {
      const details = options.current;
      if (details?.open && !details.contains(event.relatedTarget as Node | null)) details.open = false;
    };
    const details = options.current;
    document.addEventListener("keydown", close);
    document.addEventListener("pointerdown", close);
    details?.addEventListener("focusout", leave);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("pointerdown", close);
      details?.removeEventListener("focusout", leave);
    };
  }, []);
  return (
    <div className="grid w-full grid-cols-6 items-end gap-2 sm:flex sm:w-auto sm:flex-wrap sm:gap-3 print:hidden">
      <div className="col-span-3 text-sm">
        <label htmlFor="overview-journey" className={label}>Journey</label>
        <select id="overview-journey" className={select} value={overview.journey!.id} onChange={(e) => navigate({ journey: e.target.value })}>
          {overview.journeys.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name} ({formatScore(j.score)})
            </option>
          ))}
        </select>
      </div>
      <fieldset className="col-span-3 min-w-0 text-sm">
        <legend className={label}>View by</legend>
        <div className="flex rounded-md border border-slate-300 bg-white p-0.5 sm:inline-flex">
          {overview.views.map((v) => (
            <label
              key={v}
              className="flex-1 cursor-pointer rounded px-1 py-1.5 text-center has-[:checked]:bg-brand sm:flex-none sm:px-3 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand"
            >
              <input type="radio" name="view" value={v} className="sr-only" checked={overview.view === v} onChange={() => navigate({ view: viewParam(v), from: null })} />
              {VIEW_LABELS[v]}
            </label>
          ))}
        </div>
      </fieldset>
      {/* On a phone the period gets the wider half of its row: "Week of 22 Jun 2026" must fit. */}
      <div className="col-span-4 text-sm">
        <label htmlFor="overview-period" className={label}>Period</label>
        <select id="overview-period" className={select} value={period} onChange={(e) => navigate({ period: e.target.value, from: from.key > e.target.value ? null : undefined })}>
          {overview.periodOptions.map((p) => (
            <option key={p.key} value={p.key}>{p.label}</option>
          ))}
        </select>
      </div>
      <details ref={options} className="relative col-span-2 text-sm" data-testid="overview-options">
        <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-2 font-medium text-slate-700 select-none hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
          Options <span aria-hidden="true">▾</span>
        </summary>
        <div className="absolute right-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
          <label htmlFor="overview-from" className="mb-1 block font-medium text-slate-700">Trend from</label>
          <select id="overview-from" className={`${select} w-full`} value={from.key} onChange={(e) => navigate({ from: e.target.value })}>
            {!fromOptions.some((p) => p.key === from.key) && <option value={from.key}>{from.label}</option>}
            {fromOptions.map((p) => (
              <option key={p.key} value={p.key}>{p.label}</option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-600">Where the trend chart and sparklines start.</p>
        </div>
      </details>
    </div>
  );
}
