import { Sparkline } from "@/components/charts/sparkline";
import type { JourneyOverview } from "@/lib/data/overview";
import { formatScore } from "@/lib/format";
import { shownDrags } from "@/lib/scoring/headline";
import type { JourneyScore } from "@/lib/scoring/journey";
import { Change } from "./change";
import { ScrollRegion } from "@/components/ui/scroll-region";

/**
 * Every department of the journey: score, trend, target, drag and share of the missing points
 * (docs/scoring.md, "Department drag"), in the period's order (most drag first), which stays put
 * while what-if sliders move. `scored` is the journey as shown: the period's figures, or what-if.
 */
export function DepartmentTable({ journey, scored, whatIf }: { journey: JourneyOverview; scored: JourneyScore; whatIf: boolean }) {
  const rows = journey.departments.map((d) => ({ ...d, ...scored.departments.get(d.id)! }));
  // A period with under half its figures in is not judged: no drags, as on the drag chart.
  const judged = journey.periodStatus !== "partial";
  // The same shown points and shares as the drag chart (for what-if, of the scenario's drags, with
  // untouched departments keeping the points they showed).
  const drags: number[] = [];
  const shares: number[] = [];
  for (const r of shownDrags(rows.map((d) => d.drag), whatIf ? journey.departments.map((d) => d.drag) : undefined).rows) {
    drags[r.index] = r.points;
    shares[r.index] = r.share;
  }
  return (
    <section aria-labelledby="drag-heading" className="min-w-0 rounded-xl border border-slate-200 bg-white p-5 shadow-xs print:mt-4 print:break-inside-avoid">
      <h2 id="drag-heading" className="text-base font-semibold">
        Departments{whatIf && <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-900">what-if</span>}
      </h2>
      {!judged && (
        <p className="mt-1 text-sm text-slate-600" data-testid="drag-table-note">Drags are shown once at least half of the journey&apos;s figures for the period are in.</p>
      )}
      <p className="mt-1 text-xs text-slate-500 sm:hidden">Scroll sideways for score, target, trend and at risk →</p>
      <ScrollRegion label="Departments table (scrolls)" className="mt-3">
        <table aria-labelledby="drag-heading" className="w-full min-w-[40rem] text-sm print:min-w-0 print:text-xs" data-testid="drag-table">
          <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-1.5 pr-3">Department</th>
              <th scope="col" className="px-3 py-1.5 print:px-1.5 text-right">Drag (points)</th>
              <th scope="col" className="px-3 py-1.5 print:px-1.5 text-right">Share of shortfall</th>
              <th scope="col" className="px-3 py-1.5 print:px-1.5 text-right">Score</th>
              <th scope="col" className="px-3 py-1.5 print:px-1.5 text-right">Target</th>
              <th scope="col" className="px-3 py-1.5 print:px-1.5">Trend</th>
              <th scope="col" className="py-1.5 pl-3 text-right">At risk</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d, i) => (
              <tr key={d.id} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                  <span className="flex items-center gap-1.5">
                    <span aria-hidden="true" className="h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: d.colour }} />
                    {d.name}
                  </span>
                </th>
                <td className="px-3 py-1.5 print:px-1.5 text-right font-semibold tabular-nums" data-testid="table-drag">{judged ? drags[i]!.toFixed(1) : "—"}</td>
                <td className="px-3 py-1.5 print:px-1.5 text-right tabular-nums">
                  {judged ? (
                    <span className="inline-flex items-center justify-end gap-2">
                      <span aria-hidden="true" className="h-1.5 w-16 overflow-hidden rounded-full bg-slate-100">
                        <span className="block h-full bg-band-poor" style={{ width: `${shares[i]}%` }} />
                      </span>
                      {shares[i]}%
                    </span>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-3 py-1.5 print:px-1.5 text-right tabular-nums">{formatScore(d.score)}</td>
                <td className="px-3 py-1.5 print:px-1.5 text-right tabular-nums text-slate-600">{formatScore(d.targetScore)}</td>
                <td className="px-3 py-1.5 print:px-1.5 whitespace-nowrap">
                  <Sparkline values={d.trend} label={`${d.name} score`} width={72} height={22} colour="#475569" />{" "}
                  <span className="text-xs"><Change value={d.change} /></span>
                </td>
                <td className="py-1.5 pl-3 text-right tabular-nums">{d.atRisk}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
