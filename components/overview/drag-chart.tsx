"use client";

import Link from "next/link";
import { useState } from "react";
import type { JourneyOverview } from "@/lib/data/overview";
import { apportion, formatScore } from "@/lib/format";
import { shownDrags } from "@/lib/scoring/headline";
import type { JourneyScore } from "@/lib/scoring/journey";

type Row = {
  id: number;
  name: string;
  colour: string;
  shown: number;
  share: number;
  touchpoints: { id: number; name: string; score: number | null; targetScore: number | null; shown: number }[];
};

/**
 * The departments ranked by the points they cost the journey (drag, docs/scoring.md), each a bar
 * with its share of the missing points; a row opens to the touchpoints behind it. Shown numbers
 * are apportioned so the bars add up to the missing points, and each department's touchpoints to
 * its bar.
 */
export function DragChart({ journey, scored }: { journey: JourneyOverview; scored: JourneyScore }) {
  const [open, setOpen] = useState<number | null>(null);
  const departments = journey.departments;
  const { rows: shown, total: missing } = shownDrags(departments.map((d) => d.drag));
  const touchpointsOf = (departmentId: number) => journey.stages.flatMap((s) => s.touchpoints).filter((t) => t.department.id === departmentId);
  const rows: Row[] = shown
    .filter((r) => r.points >= 0.1)
    .map((r) => {
      const d = departments[r.index]!;
      const below = touchpointsOf(d.id)
        .map((t) => ({ ...t, drag: scored.touchpointDrags.get(t.id) ?? 0 }))
        .filter((t) => t.drag > 0)
        .sort((a, b) => b.drag - a.drag);
      const split = apportion(below.map((t) => t.drag), 1, r.points);
      return {
        id: d.id,
        name: d.name,
        colour: d.colour,
        shown: r.points,
        share: r.share,
        touchpoints: below.map((t, j) => ({ id: t.id, name: t.name, score: t.score, targetScore: t.targetScore, shown: split[j]! })),
      };
    });
  // Departments whose drag shows as 0.0: nothing at all, or less than a shown 0.1 point.
  const rest = shown.filter((r) => r.points < 0.1).map((r) => departments[r.index]!);
  const nothing = rest.filter((d) => d.drag === 0).map((d) => d.name);
  const little = rest.filter((d) => d.drag > 0).map((d) => d.name);
  const widest = rows[0]?.shown ?? 0;
  const judged = journey.periodStatus !== "partial";

  return (
    <section aria-labelledby="drag-chart-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5 print:break-inside-avoid" data-testid="drag-chart">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="drag-chart-heading" className="text-base font-semibold">Which departments cost the missing points</h2>
        {judged && <p className="text-sm text-slate-600 tabular-nums">{rows.length ? `${missing.toFixed(1)} points missing in all` : "None missing"}</p>}
      </div>
      {!judged ? (
        <p className="mt-2 text-sm text-slate-700">Shown once at least half of the journey&apos;s figures for the period are in.</p>
      ) : rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">
          Every department&apos;s touchpoints with figures meet their targets{little.length ? `, or miss them by less than 0.1 point (${little.join(", ")})` : ""}.
        </p>
      ) : (
        <ol className="mt-3 space-y-1" aria-label="Departments by points cost, most first">
          {rows.map((r) => {
            const expanded = open === r.id;
            const panel = `drag-detail-${r.id}`;
            return (
              <li key={r.id} data-testid="drag-row">
                <button
                  type="button"
                  aria-expanded={expanded}
                  aria-controls={panel}
                  onClick={() => setOpen(expanded ? null : r.id)}
                  className="grid w-full grid-cols-[1fr_auto] items-center gap-x-3 gap-y-1 rounded-md px-1.5 py-1.5 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand sm:grid-cols-[minmax(6.5rem,9.5rem)_1fr_7.5rem]"
                >
                  <span className="flex min-w-0 items-center gap-1.5 font-medium">
                    <span aria-hidden="true" className="text-slate-400 print:hidden">{expanded ? "▾" : "▸"}</span>
                    <span className="truncate" data-testid="drag-department">{r.name}</span>
                  </span>
                  <span aria-hidden="true" className="order-last col-span-2 h-2.5 rounded-sm bg-slate-100 sm:order-none sm:col-span-1 sm:h-3">
                    <span className="block h-full rounded-sm" style={{ width: `${(100 * r.shown) / widest}%`, backgroundColor: r.colour }} />
                  </span>
                  <span className="whitespace-nowrap text-right tabular-nums">
                    <strong data-testid="drag-points">{r.shown.toFixed(1)}</strong>
                    <span className="text-slate-600"> pts · {r.share}%</span>
                  </span>
                </button>
                {expanded && (
                  <ul id={panel} className="mb-2 ml-6 mt-1 space-y-1 border-l border-slate-200 pl-3 text-sm" data-testid="drag-detail">
                    {r.touchpoints.map((t) => (
                      <li key={t.id} className="flex flex-wrap items-baseline justify-between gap-x-3">
                        <Link href={`/touchpoints/${t.id}`} className="font-medium text-brand underline-offset-2 hover:underline">{t.name}</Link>
                        <span className="tabular-nums text-slate-700">
                          {formatScore(t.score)} vs target {formatScore(t.targetScore)} · costs <strong>{t.shown >= 0.1 ? t.shown.toFixed(1) : "under 0.1"}</strong>
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {judged && rows.length > 0 && (nothing.length > 0 || little.length > 0) && (
        <p className="mt-2 text-xs text-slate-600">
          {[nothing.length && `Costing nothing: ${nothing.join(", ")}.`, little.length && `Costing under 0.1 point: ${little.join(", ")}.`].filter(Boolean).join(" ")}
        </p>
      )}
    </section>
  );
}
