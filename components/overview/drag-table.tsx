import type { OverviewJourney } from "@/lib/data/overview";
import { formatPercent, formatScore } from "@/lib/format";

/** Which departments cost this journey its missing points, most first (docs/scoring.md, "Department drag"). */
export function DragTable({ journey }: { journey: OverviewJourney }) {
  const top = journey.departments[0];
  const headingId = `drag-${journey.id}`;
  return (
    <div className="border-t border-slate-100 p-5">
      <h3 id={headingId} className="text-sm font-semibold">Where the missing points go</h3>
      <p className="mt-1 text-sm text-slate-700" data-testid="drag-headline">
        {journey.shortfall < 0.05 || !top || top.drag === 0
          ? `Every touchpoint of ${journey.name} with figures meets its target.`
          : `${top.name} costs ${journey.name} ${top.drag.toFixed(1)} of its ${journey.shortfall.toFixed(1)} missing points.`}
      </p>
      <div className="relative mt-3 overflow-x-auto">
        <table aria-labelledby={headingId} className="w-full min-w-[36rem] text-sm" data-testid="drag-table">
          <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-1.5 pr-3">Department</th>
              <th scope="col" className="px-3 py-1.5 text-right">Score</th>
              <th scope="col" className="px-3 py-1.5 text-right">Target</th>
              <th scope="col" className="px-3 py-1.5 text-right">Drag (points)</th>
              <th scope="col" className="px-3 py-1.5 text-right">Share of shortfall</th>
              <th scope="col" className="py-1.5 pl-3 text-right">Below target</th>
            </tr>
          </thead>
          <tbody>
            {journey.departments.map((d) => (
              <tr key={d.id} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                  <span className="flex items-center gap-1.5">
                    <span aria-hidden="true" className="h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: d.colour }} />
                    {d.name}
                  </span>
                </th>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatScore(d.score)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums text-slate-600">{formatScore(d.targetScore)}</td>
                <td className="px-3 py-1.5 text-right font-semibold tabular-nums" data-testid="drag-points">{d.drag.toFixed(1)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">
                  <span className="inline-flex items-center justify-end gap-2">
                    <span aria-hidden="true" className="h-1.5 w-16 overflow-hidden rounded-full bg-slate-100">
                      <span className="block h-full bg-band-poor" style={{ width: formatPercent(d.shareOfShortfall) }} />
                    </span>
                    {formatPercent(d.shareOfShortfall)}
                  </span>
                </td>
                <td className="py-1.5 pl-3 text-right tabular-nums">{d.belowTarget}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
