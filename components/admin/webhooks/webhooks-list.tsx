import Link from "next/link";
import type { WebhookSummary } from "@/lib/data/webhooks";
import { formatDateTime } from "@/lib/format";
import { WEBHOOK_EVENTS } from "@/lib/notifications/webhook-events";
import { DeliveryStatus } from "./delivery-status";

/** A webhook on or off, in words. */
export function OnOff({ active }: { active: boolean }) {
  return active
    ? <span className="rounded bg-brand/10 px-1.5 py-0.5 text-xs font-medium text-brand-dark">On</span>
    : <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">Off</span>;
}

/** The endpoints as cards (they stack on a phone), each linking to its page with the delivery log. */
export function WebhooksList({ webhooks }: { webhooks: WebhookSummary[] }) {
  return (
    <ul className="space-y-3" aria-label="Webhooks">
      {webhooks.map((w) => (
        <li key={w.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs" data-testid="webhook-card">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/admin/webhooks/${w.id}`} className="font-semibold text-brand-dark underline-offset-2 hover:underline">{w.name}</Link>
            <OnOff active={w.active} />
          </div>
          <p className="mt-1 font-mono text-xs break-all text-slate-700">{w.url}</p>
          <p className="mt-2 text-sm text-slate-600">
            <span className="sr-only">Events: </span>
            {w.events.map((e) => WEBHOOK_EVENTS[e]?.label ?? e).join(" · ")}
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
            {w.lastDelivery ? (
              <span className="inline-flex flex-wrap items-center gap-1.5">
                Last delivery:
                <DeliveryStatus status={w.lastDelivery.status} attempts={w.lastDelivery.attempts} />
                {w.lastDelivery.responseStatus !== null && <span>HTTP {w.lastDelivery.responseStatus}</span>}
                <span>{formatDateTime(w.lastDelivery.lastAttemptAt ?? w.lastDelivery.createdAt)}</span>
              </span>
            ) : (
              <span>No deliveries yet</span>
            )}
            <span>Secret <span className="font-mono">{w.secretHint}…</span></span>
          </div>
        </li>
      ))}
    </ul>
  );
}
