"use client";

import { Button } from "@/components/ui/button";
import type { OverviewDepartment } from "@/lib/data/overview";
import { formatScore } from "@/lib/format";
import { shownDrags } from "@/lib/scoring/headline";
import type { JourneyScore } from "@/lib/scoring/journey";

/**
 * One control per department: lift its touchpoints that share of the way to target (0–100 %).
 * The journey is rolled up again in the browser with the same scoring module (docs/scoring.md).
 */
export function WhatIfPanel({ departments, lifts, onChange, onReset, base, scenario, judged }: {
  departments: OverviewDepartment[];
  lifts: Record<number, number>;
  onChange: (departmentId: number, percent: number) => void;
  onReset: () => void;
  base: JourneyScore;
  scenario: JourneyScore | null;
  /** False for a period with too few figures in: nothing to lift yet. */
  judged: boolean;
}) {
  // Departments that cost a shown 0.1 point (as the drag chart shows them), in the period's order:
  // rows stay put while a slider moves.
  const shown = new Map(shownDrags(departments.map((d) => d.drag)).rows.map((r) => [r.index, r.points]));
  const lifting = judged ? departments.filter((_, i) => shown.get(i)! >= 0.1) : [];
  const any = Object.values(lifts).some((v) => v > 0);
  const result = scenario ?? base;
  return (
    <section aria-labelledby="what-if-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs print:hidden">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="what-if-heading" className="text-base font-semibold">What if…</h2>
        {any && (
          <Button
            variant="ghost"
            className="-my-2 px-2 py-1 text-xs"
            onClick={() => {
              onReset();
              // The button goes away: keep the keyboard where it was working.
              document.getElementById(`lift-${lifting[0]?.id}`)?.focus();
            }}
          >
            Reset
          </Button>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-600">Close part of each department’s gap to target and see the journey move. Nothing is saved.</p>
      {lifting.length > 0 && base.score !== null && result.score !== null && (
        <p className="mt-3 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-950 tabular-nums" data-testid="what-if-score" role="status">
          {any ? (
            <>
              Journey <strong>{formatScore(base.score)} → {formatScore(result.score)}</strong>; {formatScore(result.shortfall)} points still missing.
            </>
          ) : (
            <>Journey {formatScore(base.score)}; {formatScore(base.shortfall)} points missing. Move a slider to try a change.</>
          )}
        </p>
      )}
      {lifting.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">
          {judged ? "No department is below target this period, so there is nothing to lift." : "Nothing to lift until at least half of the journey's figures for the period are in."}
        </p>
      ) : (
        <ul className="mt-4 space-y-3">
          {lifting.map((d) => {
            const id = `lift-${d.id}`;
            const value = lifts[d.id] ?? 0;
            return (
              <li key={d.id}>
                <label htmlFor={id} className="flex items-baseline justify-between gap-2 text-sm">
                  <span className="font-medium">{d.name}</span>
                  <span className="tabular-nums text-slate-600">{value}% of the gap</span>
                </label>
                <input
                  id={id}
                  type="range"
                  min={0}
                  max={100}
                  step={10}
                  value={value}
                  aria-valuetext={`${value}% of the gap to target closed for ${d.name}`}
                  onChange={(e) => onChange(d.id, Number(e.target.value))}
                  className="mt-1 w-full accent-brand"
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
