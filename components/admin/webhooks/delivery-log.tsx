import { ScrollRegion } from "@/components/ui/scroll-region";
import { DELIVERY_PAGE_SIZE, type WebhookDeliveryEntry } from "@/lib/data/webhooks";
import { formatDateTime } from "@/lib/format";
import { WEBHOOK_EVENTS } from "@/lib/notifications/webhook-events";
import { DeliveryStatus } from "./delivery-status";
import { Pagination } from "@/components/ui/pagination";

const typeLabel = (type: WebhookDeliveryEntry["type"]) => (type === "test" ? "Test event" : (WEBHOOK_EVENTS[type]?.label ?? type));

/** What happened last, and what happens next, for one delivery. */
function Detail({ delivery: d }: { delivery: WebhookDeliveryEntry }) {
  if (d.status === "sent") return <>Delivered</>;
  if (d.status === "pending" && d.attempts === 0) return <>Waiting for the worker</>;
  return (
    <>
      {d.lastError}
      {d.status === "pending" && d.nextAttemptAt && <span className="block text-xs text-slate-500">Next try {formatDateTime(d.nextAttemptAt)}</span>}
    </>
  );
}

/** An endpoint's deliveries, newest first, a page at a time (`page`, 1-based, links by ?page=). */
export function DeliveryLog({ deliveries, total, page }: { deliveries: WebhookDeliveryEntry[]; total: number; page: number }) {
  const pages = Math.max(1, Math.ceil(total / DELIVERY_PAGE_SIZE));
  return (
    <section aria-labelledby="delivery-log-heading" className="space-y-3">
      <h2 id="delivery-log-heading" className="text-base font-semibold">Delivery log <span className="font-normal text-slate-500">({total})</span></h2>
      {deliveries.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
          {page > 1 ? "No deliveries on this page." : "Nothing sent yet. Send a test event to check the endpoint, or wait for the next event it receives."}
        </p>
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white shadow-xs">
          <ScrollRegion label="Delivery log">
            <table className="w-full min-w-[52rem] text-sm" data-testid="delivery-log">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2">Event</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                  <th scope="col" className="px-3 py-2 text-right">Response</th>
                  <th scope="col" className="px-3 py-2 text-right">Attempts</th>
                  <th scope="col" className="px-3 py-2">Queued</th>
                  <th scope="col" className="px-3 py-2">Last attempt</th>
                  <th scope="col" className="px-3 py-2">Details</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id} className="border-t border-slate-100 align-top" data-testid="delivery-row">
                    <th scope="row" className="px-4 py-2 text-left font-medium">
                      {typeLabel(d.type)}
                      {d.eventId && <span className="block font-mono text-xs font-normal text-slate-500">{d.eventId}</span>}
                    </th>
                    <td className="px-3 py-2"><DeliveryStatus status={d.status} attempts={d.attempts} /></td>
                    <td className="px-3 py-2 text-right tabular-nums">{d.responseStatus ?? "—"}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{d.attempts}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(d.createdAt)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{d.lastAttemptAt ? formatDateTime(d.lastAttemptAt) : "—"}</td>
                    <td className="max-w-80 px-3 py-2 break-words text-slate-700"><Detail delivery={d} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
      <Pagination page={page} pages={pages} hrefFor={(n) => `?page=${n}`} label="Pages of the delivery log" className="" />
    </section>
  );
}
