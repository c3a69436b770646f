"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { MARKER_MARGIN_TOP, useChangeMarkers, type ChartChange } from "@/components/charts/change-markers";
import { formatValue } from "@/lib/format";

type Props = {
  periods: { key: string; label: string; short: string }[];
  values: (number | null)[];
  unit: string;
  target: number | null;
  warning: number | null;
  /** For the score chart: a second line (the target score per period). */
  comparison?: { name: string; values: (number | null)[] };
  name: string;
  domain?: [number, number];
  /** Process changes in the range: numbered markers at the periods they took effect in. */
  changes?: readonly ChartChange[];
};

/** A line over the range with target and warning lines, in the metric's own units. */
export function MetricChart({ periods, values, unit, target, warning, comparison, name, domain, changes = [] }: Props) {
  const rows = periods.map((p, i) => ({ label: p.label, short: p.short, value: values[i] ?? null, comparison: comparison?.values[i] ?? null }));
  const format = (v: number) => formatValue(v, unit);
  // Short units ("%", "min", "s") fit on the axis; longer ones ("complaints") go above it.
  const shortUnit = unit.length <= 3;
  const tick = (v: number) => (shortUnit ? format(v) : formatValue(v, ""));
  const shortOf = new Map(periods.map((p) => [p.key, p.short]));
  const markers = useChangeMarkers(changes, (key) => shortOf.get(key));
  return (
    <div className="relative">
      <div className="flex h-48 w-full flex-col print:h-auto" aria-hidden="true">
        {!shortUnit && <p className="text-[11px] text-slate-500">{unit}</p>}
        <div className="min-h-0 flex-1">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart accessibilityLayer={false} data={rows} margin={{ top: markers.hasMarkers ? MARKER_MARGIN_TOP : 8, right: 12, bottom: 0, left: 4 }}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="short" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} minTickGap={12} />
              <YAxis
                width={shortUnit ? 64 : 44}
                domain={domain ?? ["auto", "auto"]}
                tick={{ fontSize: 11, fill: "#475569" }}
                tickLine={false}
                axisLine={false}
                tickFormatter={tick}
              />
              {target !== null && <ReferenceLine y={target} stroke="#0072b2" strokeDasharray="6 4" label={{ value: "target", position: "insideTopRight", fontSize: 10, fill: "#0072b2" }} ifOverflow="extendDomain" />}
              {warning !== null && <ReferenceLine y={warning} stroke="#c2410c" strokeDasharray="2 3" label={{ value: "warning", position: "insideBottomRight", fontSize: 10, fill: "#c2410c" }} ifOverflow="extendDomain" />}
              <Tooltip formatter={(v) => (typeof v === "number" ? format(v) : "—")} labelFormatter={(_, payload) => payload?.[0]?.payload?.label ?? ""} {...(markers.markerHovered ? { active: false } : {})} />
              {markers.lines}
              {comparison && <Line type="monotone" dataKey="comparison" name={comparison.name} stroke="#0072b2" strokeDasharray="6 4" strokeWidth={1.25} dot={false} connectNulls isAnimationActive={false} />}
              <Line type="monotone" dataKey="value" name={name} stroke="#0f172a" strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </div>
      {markers.card}
    </div>
  );
}
