import type { TargetStatus } from "@/lib/scoring/status";

const STATUSES: Record<TargetStatus, { label: string; icon: string; className: string }> = {
  "on-target": { label: "On target", icon: "●", className: "bg-band-good/10 text-band-good-ink ring-band-good/30" },
  "below-target": { label: "Below target", icon: "◆", className: "bg-band-fair/10 text-band-fair-ink ring-band-fair/30" },
  "below-warning": { label: "Below warning", icon: "▲", className: "bg-band-poor/10 text-band-poor-ink ring-band-poor/30" },
};

/** A touchpoint against its own target and warning line: colour, icon and words together. */
export function StatusBadge({ status, hasScore }: { status: TargetStatus | null; hasScore: boolean }) {
  if (!status) {
    return (
      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-slate-600 ring-1 ring-slate-200">
        {hasScore ? "No target" : "No data"}
      </span>
    );
  }
  const { label, icon, className } = STATUSES[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ${className}`}>
      <span aria-hidden="true">{icon}</span>
      {label}
    </span>
  );
}
