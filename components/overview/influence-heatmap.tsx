"use client";

import { useState } from "react";
import type { JourneyOverview } from "@/lib/data/overview";
import { formatPeriod, parsePeriodKey } from "@/lib/periods";
import type { CellState, InfluenceCell } from "@/lib/scoring/influence";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Lag = 0 | 1;

const LINKED: CellState[] = ["lead", "two-way", "together"];

/**
 * Blue for moving the same way, orange for opposite ways (Okabe–Ito), deeper when stronger; the word
 * is always shown too. Strong cells are solid with white text (≥ 5:1); the orange is darkened from
 * Okabe–Ito's #d55e00, which gives white text only 3.9:1.
 */
function linkStyle(strength: NonNullable<InfluenceCell["strength"]>, sameWay: boolean): React.CSSProperties {
  const [r, g, b] = sameWay ? [0, 114, 178] : [179, 78, 0];
  if (strength === "strong") return { backgroundColor: `rgb(${r}, ${g}, ${b})`, color: "white" };
  return { backgroundColor: `rgba(${r}, ${g}, ${b}, ${strength === "moderate" ? 0.45 : 0.2})`, color: "#0f172a" };
}

function cellStyle(cell: InfluenceCell): React.CSSProperties {
  return LINKED.includes(cell.state) ? linkStyle(cell.strength!, cell.sameWay!) : {};
}

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

const LABEL: Record<CellState, (cell: InfluenceCell) => string> = {
  lead: (c) => capital(c.strength!),
  "two-way": () => "Both ways",
  together: (c) => capital(c.strength!),
  none: () => "None",
  "too-few": () => "Too few",
  flat: () => "Flat",
  "not-compared": () => "—",
};

/** Who follows whom: links between departments in plain words first; the department × department matrix behind "Details". */
export function InfluenceHeatmap({ influence }: { influence: JourneyOverview["influence"] }) {
  const { departments, cells, noun } = influence;
  // Details open on the lag where something was found: same week when only same-week links were.
  const [lag, setLag] = useState<Lag>(() =>
    cells.some((c) => c.lag === 0 && c.state === "together") && !cells.some((c) => c.lag === 1 && (c.state === "lead" || c.state === "two-way")) ? 0 : 1,
  );
  // Links that pass the check but have no direction are not named as sentences; say they exist.
  const twoWay = cells.filter((c) => c.state === "two-way").length;
  const twoWayNote = `${twoWay} ${twoWay === 1 ? "pair of departments has" : "pairs of departments have"} moved together with no direction to tell (Details).`;
  const [detail, setDetail] = useState<string | null>(null);
  const cellOf = new Map(cells.map((c) => [`${c.from}-${c.to}-${c.lag}`, c]));
  const find = (a: number, b: number) => cellOf.get(`${a}-${b}-${lag}`) ?? (lag === 0 ? cellOf.get(`${b}-${a}-0`) : undefined);
  const granularity = noun === "week" ? "WEEK" : "MONTH";
  const from = formatPeriod(parsePeriodKey(influence.from)!, granularity);
  const to = formatPeriod(parsePeriodKey(influence.to)!, granularity);

  return (
    <section aria-labelledby="influence-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs print:break-inside-avoid">
      <h2 id="influence-heading" className="text-base font-semibold">Who follows whom</h2>
      <p className="mt-1 max-w-prose text-sm text-slate-600" data-testid="influence-window">
        Measured on {noun}ly scores, whatever this page shows: the {influence.periods} {noun}s from {from} to {to}. A link is named only when it is
        unlikely to be chance after comparing every pair of touchpoints on this journey; it shows where to look, not proof of cause.
      </p>

      {influence.sentences.length > 0 ? (
        <>
          <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm" data-testid="influence-sentences">
            {influence.sentences.map((s) => <li key={s}>{s}</li>)}
          </ol>
          {twoWay > 0 && <p className="mt-1 text-sm text-slate-700">Also: {twoWayNote}</p>}
        </>
      ) : (
        <p className="mt-3 text-sm text-slate-700" data-testid="influence-none">
          {twoWay > 0
            ? `No department leads another beyond chance over these ${influence.periods} ${noun}s, but ${twoWayNote}`
            : influence.tested > 0
            ? `No link between departments stands out from chance over these ${influence.periods} ${noun}s (${influence.tested} comparisons of touchpoints).`
            : cells.some((c) => c.state === "too-few")
              ? `Not enough ${noun}s yet: links are looked for once two touchpoints have 12 ${noun}-to-${noun} changes in common.`
              : `Nothing to compare yet: no two departments’ scores both changed over these ${influence.periods} ${noun}s.`}
        </p>
      )}

      <details className="mt-4 text-sm print:hidden" onToggle={() => setDetail(null)}>
        <summary className="cursor-pointer font-medium text-brand-dark">Details: every pair of departments</summary>
        <fieldset className="mt-3">
          <legend className="sr-only">Compare</legend>
          <div className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
            {([1, 0] as const).map((l) => (
              <label key={l} className="cursor-pointer rounded px-3 py-1.5 has-[:checked]:bg-brand has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand">
                <input type="radio" name="influence-lag" value={l} className="sr-only" checked={lag === l} onChange={() => setLag(l)} />
                {l === 1 ? `Row leads column, next ${noun}` : `Same ${noun}`}
              </label>
            ))}
          </div>
        </fieldset>

        <ScrollRegion label="Every pair of departments (scrolls)" className="mt-3">
          <table className="border-separate border-spacing-1 text-xs" data-testid="influence-heatmap">
            <caption className="sr-only">
              {lag === 1 ? `Whether a change at the row department is followed by one at the column department the next ${noun}` : `Whether two departments change together in the same ${noun}`}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="text-left font-medium text-slate-500">{lag === 1 ? "From ↓ / to →" : "Department"}</th>
                {departments.map((d) => <th key={d.id} scope="col" className="max-w-[6rem] px-1 text-center font-medium leading-tight text-slate-700">{d.name}</th>)}
              </tr>
            </thead>
            <tbody>
              {departments.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="pr-2 text-left font-medium whitespace-nowrap text-slate-700">{a.name}</th>
                  {departments.map((b) => {
                    const cell = a.id === b.id ? undefined : find(a.id, b.id);
                    if (!cell) return <td key={b.id} className="h-10 w-20 rounded bg-slate-100" aria-label="same department" />;
                    if (cell.state === "not-compared") return <td key={b.id} className="h-10 w-20 rounded text-center text-slate-400" title={cell.detail} aria-label={cell.detail}>—</td>;
                    return (
                      <td key={b.id} className="p-0">
                        <button
                          type="button"
                          title={cell.detail}
                          // The name starts with the visible word (WCAG 2.5.3, label in name); the sentence follows.
                          aria-label={`${LABEL[cell.state](cell)}: ${cell.detail}`}
                          onMouseEnter={() => setDetail(cell.detail)}
                          onFocus={() => setDetail(cell.detail)}
                          onClick={() => setDetail(cell.detail)}
                          className="h-10 w-20 rounded border border-slate-200 text-center text-slate-600"
                          style={cellStyle(cell)}
                          data-state={cell.state}
                        >
                          {LABEL[cell.state](cell)}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <p className="mt-2 min-h-5 text-slate-700" aria-live="polite" data-testid="influence-detail">
          {detail ?? "Hover over, focus or press a cell for the touchpoints and numbers behind it."}
        </p>

        <h3 className="mt-3 font-semibold">What the cells mean</h3>
        <dl className="mt-1 grid grid-cols-1 gap-x-3 text-slate-700 sm:grid-cols-[auto_1fr] sm:gap-y-1 [&>dd]:mb-2 sm:[&>dd]:mb-0" data-testid="influence-legend">
          <dt>{(["strong", "moderate", "weak"] as const).map((strength) => <span key={strength} className="mr-1 inline-block rounded px-1.5" style={linkStyle(strength, true)}>{capital(strength)}</span>)}</dt>
          <dd>A link that stands out from chance, the two moving the same way: {lag === 1 ? `a change at the row department has been followed by one at the column department the next ${noun}` : `they have changed together in the same ${noun}`}. The word is how closely they moved.</dd>
          <dt><span className="inline-block rounded px-1.5" style={linkStyle("strong", false)}>Orange</span></dt>
          <dd>The same, but moving opposite ways (one rises as the other falls).</dd>
          <dt>Both ways</dt>
          <dd>Linked the next {noun}, but the column department’s changes lead the row’s as much, or that stands out from chance too: no direction claimed.</dd>
          <dt>None</dt>
          <dd>Compared; no link stands out from chance.</dd>
          <dt>Too few</dt>
          <dd>Not enough {noun}s with scores on both sides yet (12 {noun}-to-{noun} changes are needed).</dd>
          <dt>Flat</dt>
          <dd>A score did not change over the window: nothing to compare.</dd>
          <dt>—</dt>
          <dd>Not compared: every touchpoint of the column department comes earlier in the journey than the row department’s, so it cannot follow them.</dd>
          <dt><span className="inline-block h-3 w-6 rounded bg-slate-100 align-middle" aria-hidden="true" /> <span className="sr-only">Grey</span></dt>
          <dd>The same department.</dd>
        </dl>
      </details>
    </section>
  );
}
