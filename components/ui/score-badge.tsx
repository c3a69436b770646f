import type { ScoreBand } from "@/lib/scoring";

const BANDS: Record<ScoreBand, { label: string; icon: string; className: string }> = {
  good: { label: "Good", icon: "●", className: "bg-band-good/10 text-band-good-ink ring-band-good/30" },
  fair: { label: "Fair", icon: "◆", className: "bg-band-fair/10 text-band-fair-ink ring-band-fair/30" },
  poor: { label: "Poor", icon: "▲", className: "bg-band-poor/10 text-band-poor-ink ring-band-poor/30" },
};

/** The band as colour, icon and word together, so it never relies on colour alone. */
export function ScoreBadge({ band }: { band: ScoreBand | null }) {
  if (!band) return <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-200">No data</span>;
  const { label, icon, className } = BANDS[band];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${className}`}>
      <span aria-hidden="true">{icon}</span>
      {label}
    </span>
  );
}
