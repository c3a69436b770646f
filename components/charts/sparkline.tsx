"use client";

import { Line, LineChart, YAxis } from "recharts";
import { formatScore } from "@/lib/format";

/** A small line of scores (oldest first) with no axes; the label says what it shows in words. */
export function Sparkline({ values, label, width = 96, height = 28, colour = "#0f766e" }: { values: (number | null)[]; label: string; width?: number; height?: number; colour?: string }) {
  const scored = values.filter((v): v is number => v !== null);
  const description = scored.length < 2 ? `${label}: not enough scores for a trend` : `${label}: from ${formatScore(scored[0]!)} to ${formatScore(scored.at(-1)!)}`;
  return (
    <span role="img" aria-label={description} title={description} className="inline-block align-middle">
      <LineChart accessibilityLayer={false} width={width} height={height} data={values.map((v, i) => ({ i, v }))} margin={{ top: 3, right: 2, bottom: 3, left: 2 }}>
        <YAxis hide domain={["dataMin - 1", "dataMax + 1"]} />
        <Line type="monotone" dataKey="v" stroke={colour} strokeWidth={1.75} dot={false} connectNulls isAnimationActive={false} />
      </LineChart>
    </span>
  );
}
