import type { OutboxStatus } from "@/lib/notifications/outbox";

const STATUSES: Record<OutboxStatus, { label: string; icon: string; className: string }> = {
  sent: { label: "Sent", icon: "●", className: "bg-band-good/10 text-band-good-ink ring-band-good/30" },
  pending: { label: "Retrying", icon: "◆", className: "bg-band-fair/10 text-band-fair-ink ring-band-fair/30" },
  sending: { label: "Sending", icon: "◆", className: "bg-band-fair/10 text-band-fair-ink ring-band-fair/30" },
  failed: { label: "Failed", icon: "▲", className: "bg-band-poor/10 text-band-poor-ink ring-band-poor/30" },
  skipped: { label: "Skipped", icon: "–", className: "bg-slate-100 text-slate-700 ring-slate-200" },
};

/**
 * A delivery's state in colour, icon and words. A pending delivery that has not been tried yet is
 * "Waiting"; after a failed attempt it is "Retrying".
 */
export function DeliveryStatus({ status, attempts }: { status: OutboxStatus; attempts: number }) {
  const { label, icon, className } = STATUSES[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ${className}`}>
      <span aria-hidden="true">{icon}</span>
      {status === "pending" && attempts === 0 ? "Waiting" : label}
    </span>
  );
}
