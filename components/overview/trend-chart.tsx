"use client";

import { useState } from "react";
import { ChangeList, MARKER_MARGIN_TOP, useChangeMarkers, type ChartChange } from "@/components/charts/change-markers";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { JourneyOverview } from "@/lib/data/overview";
import { formatScore } from "@/lib/format";
import { periodNoun, type ViewGranularity } from "@/lib/periods";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Series = { key: string; name: string; colour: string; dashed?: boolean; width?: number };
type Row = { label: string; short: string } & Record<string, number | null | string>;

/** Each series' value in a period and its change from the period before: the period compare. */
function CompareTooltip({ active, payload, rows }: Partial<TooltipContentProps<number, string>> & { rows: Row[] }) {
  if (!active || !payload?.length) return null;
  const row = payload[0]!.payload as Row;
  const previous = rows[rows.indexOf(row) - 1];
  return (
    // Narrow enough for a phone: the change column is headed once instead of "vs previous week" on every row.
    <div className="max-w-[min(20rem,calc(100vw-4rem))] rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-semibold">{row.label}</p>
      <table>
        <thead>
          <tr className="text-slate-500">
            <th scope="col" className="sr-only">Series</th>
            <th scope="col" className="pr-2 text-right font-normal">Score</th>
            <th scope="col" className="text-right font-normal">{previous ? `vs ${previous.short}` : ""}</th>
          </tr>
        </thead>
        <tbody>
          {payload.map((p) => {
            const value = p.value as number | null;
            const before = previous?.[p.dataKey as string] as number | null | undefined;
            const delta = value != null && before != null ? value - before : null;
            return (
              <tr key={String(p.dataKey)}>
                <th scope="row" className="pr-3 text-left font-normal" style={{ color: p.color }}>{p.name}</th>
                <td className="pr-2 text-right tabular-nums font-medium">{formatScore(value ?? null)}</td>
                <td className="text-right tabular-nums text-slate-500">{delta === null ? "" : `${delta >= 0 ? "+" : "−"}${formatScore(Math.abs(delta))}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The journey's and its departments' scores over the range, each with its target as a dashed line. */
export function TrendChart({ journey, view }: { journey: JourneyOverview; view: ViewGranularity }) {
  const noun = periodNoun(view);
  // Start with the departments that drag most; people add the others from the list.
  const [shown, setShown] = useState(() => new Set(journey.departments.filter((d) => d.drag > 0).slice(0, 3).map((d) => d.id)));
  const rows: Row[] = journey.trend.periods.map((p, i) => ({
    label: p.label,
    short: p.short,
    journey: journey.trend.score[i] ?? null,
    target: journey.trend.target[i] ?? null,
    ...Object.fromEntries(journey.departments.flatMap((d) => [[`d${d.id}`, d.trend[i] ?? null], [`t${d.id}`, d.targetTrend[i] ?? null]])),
  }));
  const series: Series[] = [
    { key: "journey", name: journey.name, colour: "#0f172a", width: 3 },
    { key: "target", name: "Journey target", colour: "#0f172a", dashed: true, width: 1.5 },
    ...journey.departments
      .filter((d) => shown.has(d.id))
      .flatMap((d) => [
        { key: `d${d.id}`, name: d.name, colour: d.colour, width: 1.75 },
        { key: `t${d.id}`, name: `${d.name} target`, colour: d.colour, dashed: true, width: 1 },
      ]),
  ];
  const last = journey.trend.periods.at(-1);
  const changes: ChartChange[] = journey.changes.map((c) => ({ number: c.number, title: c.title, dateLabel: c.date.label, href: `/changes/${c.id}`, periodKey: c.periodKey }));
  const shortOf = new Map(journey.trend.periods.map((p) => [p.key, p.short]));
  const markers = useChangeMarkers(changes, (key) => shortOf.get(key));
  const toggle = (id: number) =>
    setShown((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby="trend-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs print:break-inside-avoid">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="trend-heading" className="text-base font-semibold">Trend</h2>
        <p className="text-xs text-slate-600">
          {journey.trend.periods[0]?.label} to {last?.label} · dashed lines are targets<span className="print:hidden"> · hover or tap a {noun} to compare it with the one before</span>
          {markers.hasMarkers && " · numbered markers are process changes"}
        </p>
      </div>
      <div className="mt-3 flex flex-wrap gap-2" role="group" aria-label="Departments on the chart">
        {journey.departments.map((d) => (
          <button
            key={d.id}
            type="button"
            aria-pressed={shown.has(d.id)}
            onClick={() => toggle(d.id)}
            className="inline-flex items-center gap-1.5 rounded-full border border-slate-300 px-2.5 py-1 text-xs text-slate-700 aria-pressed:border-slate-700 aria-pressed:bg-slate-800 aria-pressed:text-white print:aria-[pressed=false]:hidden"
          >
            <span aria-hidden="true" className="h-2 w-2 rounded-full" style={{ backgroundColor: d.colour }} />
            {d.name}
          </button>
        ))}
      </div>
      <div className="relative mt-4">
        <div className="h-72 print:h-auto" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart accessibilityLayer={false} data={rows} margin={{ top: markers.hasMarkers ? MARKER_MARGIN_TOP : 8, right: 16, bottom: 0, left: -16 }}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="short" tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} minTickGap={16} />
              <YAxis domain={[0, 100]} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={false} />
              {last && <ReferenceLine x={last.short} stroke="#94a3b8" strokeDasharray="2 3" label={{ value: "shown", position: "insideTopRight", fontSize: 11, fill: "#475569" }} />}
              <Tooltip content={<CompareTooltip rows={rows} />} allowEscapeViewBox={{ x: false, y: true }} {...(markers.markerHovered ? { active: false } : {})} />
              {markers.lines}
              {series.map((s) => (
                <Line
                  key={s.key}
                  type="monotone"
                  dataKey={s.key}
                  name={s.name}
                  stroke={s.colour}
                  strokeWidth={s.width}
                  strokeDasharray={s.dashed ? "6 4" : undefined}
                  dot={false}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        {markers.card}
      </div>
      <ChangeList changes={changes} heading="Changes in this range" className="mt-3" />
      <details className="mt-3 text-sm print:hidden">
        <summary className="cursor-pointer text-slate-700">Show the figures as a table</summary>
        <ScrollRegion label="Trend figures (scrolls)" className="mt-2 max-h-80">
          <table className="w-full text-right tabular-nums" data-testid="trend-table">
            <thead className="sticky top-0 bg-white text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3 text-left">{noun}</th>
                <th scope="col" className="px-2 py-1">{journey.name}</th>
                <th scope="col" className="px-2 py-1">Target</th>
                {journey.departments.map((d) => <th key={d.id} scope="col" className="px-2 py-1">{d.name}</th>)}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-3 text-left font-normal whitespace-nowrap">{r.label}</th>
                  <td className="px-2 py-1 font-medium">{formatScore(r.journey as number | null)}</td>
                  <td className="px-2 py-1 text-slate-600">{formatScore(r.target as number | null)}</td>
                  {journey.departments.map((d) => <td key={d.id} className="px-2 py-1">{formatScore(r[`d${d.id}`] as number | null)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </section>
  );
}
