import Link from "next/link";
import type { AtRiskTouchpoint, JourneyOverview } from "@/lib/data/overview";
import { formatScore } from "@/lib/format";
import { periodNoun, type ViewGranularity } from "@/lib/periods";

function Owner({ item }: { item: AtRiskTouchpoint }) {
  return (
    <span className="text-slate-600">
      <span aria-hidden="true" className="mr-1.5 inline-block h-2 w-2 rounded-full" style={{ backgroundColor: item.department.colour }} />
      {item.department.name}
      {item.heads.length > 0 && <span className="text-slate-500"> · {item.heads.join(", ")}</span>}
    </span>
  );
}

/** Touchpoints that need attention (below the warning line or falling), and those with no figure this period. */
export function RiskLists({ journey, view }: { journey: JourneyOverview; view: ViewGranularity }) {
  const noun = periodNoun(view);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="at-risk-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
        <h2 id="at-risk-heading" className="text-base font-semibold">
          At risk {!(journey.periodStatus === "partial" && journey.atRisk.length === 0) && <span className="font-normal text-slate-500">({journey.atRisk.length})</span>}
        </h2>
        <p className="mt-1 text-sm text-slate-600">Below their warning line, or falling three {noun}s in a row.</p>
        {journey.atRisk.length === 0 ? (
          <p className="mt-3 text-sm text-slate-700" data-testid="at-risk-none">
            {journey.periodStatus === "partial"
              ? `Not judged yet: too few figures are in for this ${noun}.${journey.lastComplete ? ` The last complete ${noun}, ${journey.lastComplete.label}, shows what was at risk then.` : ""}`
              : "Nothing is below its warning line or falling steadily."}
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100" data-testid="at-risk-list">
            {journey.atRisk.map((item) => (
              <li key={item.id} className="py-2 text-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <Link href={`/touchpoints/${item.id}`} className="font-medium text-brand hover:underline">{item.name}</Link>
                  <span className="tabular-nums">
                    {formatScore(item.score)}
                    {item.warningScore !== null && <span className="text-slate-500"> (warning {formatScore(item.warningScore)})</span>}
                  </span>
                </div>
                <p className="mt-0.5 flex flex-wrap justify-between gap-x-3 text-xs">
                  <Owner item={item} />
                  <span className="text-band-poor-ink">
                    {[item.belowWarning && "below warning line", item.fallingFor >= 3 && `falling ${item.fallingFor} ${noun}s in a row`].filter(Boolean).join(" · ")}
                  </span>
                </p>
                <p className="text-xs text-slate-500">{item.stage} · last figure {item.lastFigure?.label ?? "never"}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="stale-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
        <h2 id="stale-heading" className="text-base font-semibold">No figures this {noun} <span className="font-normal text-slate-500">({journey.stale.length})</span></h2>
        <p className="mt-1 text-sm text-slate-600">Their score is left out of the journey rather than guessed.</p>
        {journey.stale.length === 0 ? (
          <p className="mt-3 text-sm text-slate-700">Every touchpoint has at least one figure.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100" data-testid="stale-list">
            {journey.stale.map((item) => (
              <li key={item.id} className="py-2 text-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <Link href={`/touchpoints/${item.id}`} className="font-medium text-brand hover:underline">{item.name}</Link>
                  <span className="text-xs text-slate-500">last figure {item.lastFigure?.label ?? "never"}</span>
                </div>
                <p className="mt-0.5 text-xs"><Owner item={item} /></p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
