import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { JourneyOverview } from "@/lib/data/overview";
import { formatPercent, formatScore } from "@/lib/format";

const TILE_BORDER = { "on-target": "border-l-band-good", "below-target": "border-l-band-fair", "below-warning": "border-l-band-poor" } as const;

/** Stages left to right (upstream first), each touchpoint a tile against its own target. */
export function JourneyMap({ journey }: { journey: JourneyOverview }) {
  return (
    <section aria-labelledby="map-heading" className="rounded-xl border border-slate-200 bg-white shadow-xs print:break-inside-avoid">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-5 py-3">
        <h2 id="map-heading" className="text-base font-semibold">Journey map</h2>
        <p className="text-xs text-slate-600">
          <span aria-hidden="true" className="text-band-fair-ink">★</span> moment of truth (counts double) · open a touchpoint for its report
        </p>
      </div>
      <ol className="grid gap-4 overflow-x-auto p-5 sm:grid-flow-col sm:auto-cols-[minmax(10.5rem,1fr)] print:grid-flow-row print:grid-cols-3 print:overflow-visible" aria-label={`${journey.name} stages, upstream to downstream`}>
        {journey.stages.map((stage, index) => (
          <li key={stage.id} className="min-w-0">
            <p className="mb-2 flex items-baseline justify-between gap-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
              <span>{index + 1}. {stage.name}</span>
              <span className="tabular-nums normal-case">{formatScore(stage.score)}</span>
            </p>
            <ul className="space-y-2">
              {stage.touchpoints.map((t) => (
                <li key={t.id}>
                  <Link
                    href={`/touchpoints/${t.id}`}
                    data-testid="touchpoint-tile"
                    className={`block rounded-lg border border-l-4 border-slate-200 p-3 hover:bg-slate-50 ${t.status ? TILE_BORDER[t.status] : "border-l-slate-300"}`}
                  >
                    <span className="flex items-start justify-between gap-2">
                      <span className="text-sm font-medium leading-snug">
                        {t.name}
                        {t.momentOfTruth && (
                          <span className="ml-1 text-band-fair-ink" title="Moment of truth">
                            ★<span className="sr-only"> moment of truth</span>
                          </span>
                        )}
                      </span>
                      <span className="shrink-0 text-right">
                        <span className="block text-sm font-semibold tabular-nums">{formatScore(t.score)}</span>
                        {t.targetScore !== null && <span className="block text-xs whitespace-nowrap tabular-nums text-slate-500">target {formatScore(t.targetScore)}</span>}
                      </span>
                    </span>
                    <span className="mt-2 flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
                      <span className="flex min-w-0 items-center gap-1.5 text-xs text-slate-600">
                        <span aria-hidden="true" className="h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: t.department.colour }} />
                        {t.department.name}
                      </span>
                      <StatusBadge status={t.status} hasScore={t.score !== null} />
                    </span>
                    {(t.lowCoverage || t.smallSample) && (
                      <span className="mt-1.5 block text-xs text-amber-800">
                        {[t.lowCoverage && `only ${formatPercent(t.coverage)} of its metrics reported`, t.smallSample && `small sample (n = ${t.sampleSize})`].filter(Boolean).join(" · ")}
                      </span>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
