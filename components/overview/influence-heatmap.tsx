"use client";

import { useState } from "react";
import type { JourneyOverview } from "@/lib/data/overview";
import { formatPeriod, parsePeriodKey } from "@/lib/periods";
import type { Influence } from "@/lib/scoring/influence";

type Lag = "lag0" | "lag1";

/** Blue for moving together, orange for moving apart (Okabe–Ito), stronger with |r|; the number is always shown too. */
function cellStyle(found: Influence): React.CSSProperties {
  if (!found.enough || found.r === null) return {};
  const alpha = 0.15 + 0.7 * Math.min(1, Math.abs(found.r));
  return { backgroundColor: found.r >= 0 ? `rgba(0, 114, 178, ${alpha})` : `rgba(213, 94, 0, ${alpha})`, color: alpha > 0.55 ? "white" : "#0f172a" };
}

function describe(from: string, to: string, found: Influence, noun: string): string {
  const when = found.lag === 1 ? `${to} the next ${noun}` : `${to} the same ${noun}`;
  if (!found.enough || found.r === null) return `${from} → ${when}: not enough evidence (${found.n} ${noun}s with figures on both sides${found.r !== null ? `, r = ${found.r.toFixed(2)}` : ""}).`;
  return `${from} → ${when}: r = ${found.r.toFixed(2)} (${found.strength}), ${found.slope!.toFixed(2)} points per point, ${found.n} ${noun}s.`;
}

/** Department × department: how the row department's score moves with the column's, at lag 0 or 1. */
export function InfluenceHeatmap({ influence }: { influence: JourneyOverview["influence"] }) {
  const [lag, setLag] = useState<Lag>("lag1");
  const [detail, setDetail] = useState<string | null>(null);
  const { departments, pairs, noun } = influence;
  const pairOf = new Map(pairs.map((p) => [`${p.from}-${p.to}`, p]));
  const from = parsePeriodKey(influence.from)!;
  const to = parsePeriodKey(influence.to)!;
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));

  return (
    <section aria-labelledby="influence-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="influence-heading" className="text-base font-semibold">Who drags whom</h2>
          <p className="mt-1 max-w-prose text-sm text-slate-600">
            How each department’s score (row) moves with another’s (column) over the {influence.periods} {noun}s from{" "}
            {formatPeriod(from, noun === "week" ? "WEEK" : "MONTH")} to {formatPeriod(to, noun === "week" ? "WEEK" : "MONTH")}.
            Correlation is not proof of cause; it shows where to look.
          </p>
        </div>
        <fieldset className="text-sm">
          <legend className="sr-only">Compare</legend>
          <div className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
            {(["lag1", "lag0"] as const).map((l) => (
              <label key={l} className="cursor-pointer rounded px-3 py-1.5 has-[:checked]:bg-brand has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand">
                <input type="radio" name="lag" value={l} className="sr-only" checked={lag === l} onChange={() => setLag(l)} />
                {l === "lag1" ? `Next ${noun} (lag 1)` : `Same ${noun} (lag 0)`}
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      <h3 className="mt-4 text-sm font-semibold">Strongest links</h3>
      {influence.sentences.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No pair of departments has enough evidence yet (at least 8 {noun}s with figures on both sides and |r| ≥ 0.4).</p>
      ) : (
        <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm" data-testid="influence-sentences">
          {influence.sentences.map((s) => <li key={s}>{s}</li>)}
        </ol>
      )}

      <div className="relative mt-4 overflow-x-auto">
        <table className="border-separate border-spacing-1 text-xs" data-testid="influence-heatmap">
          <caption className="sr-only">Correlation of each row department with each column department, {lag === "lag1" ? `the column one ${noun} later` : `the same ${noun}`}</caption>
          <thead>
            <tr>
              <th scope="col" className="text-left font-medium text-slate-500">From ↓ / to →</th>
              {departments.map((d) => <th key={d.id} scope="col" className="max-w-[6rem] px-1 text-center font-medium leading-tight text-slate-700">{d.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {departments.map((a) => (
              <tr key={a.id}>
                <th scope="row" className="pr-2 text-left font-medium whitespace-nowrap text-slate-700">{a.name}</th>
                {departments.map((b) => {
                  const pair = pairOf.get(`${a.id}-${b.id}`);
                  if (a.id === b.id) return <td key={b.id} className="h-10 w-16 rounded bg-slate-50" aria-label="same department" />;
                  if (!pair) return <td key={b.id} className="h-10 w-16 rounded text-center text-slate-400" title={`${a.name} comes after ${b.name} on the journey: not compared as its cause`}>—</td>;
                  const found = pair[lag];
                  const text = describe(a.name, b.name, found, noun);
                  return (
                    <td key={b.id} className="p-0">
                      <button
                        type="button"
                        title={text}
                        aria-label={text}
                        onMouseEnter={() => setDetail(text)}
                        onFocus={() => setDetail(text)}
                        onClick={() => setDetail(text)}
                        className="h-10 w-16 rounded border border-slate-200 text-center tabular-nums text-slate-500"
                        style={cellStyle(found)}
                      >
                        {found.enough && found.r !== null ? found.r.toFixed(2) : "n/e"}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 min-h-5 text-sm text-slate-700" aria-live="polite" data-testid="influence-detail">
        {detail ?? `Hover or focus a cell for r, n and strength. n/e: not enough evidence. ${nameOf.size} departments on this journey.`}
      </p>
    </section>
  );
}
