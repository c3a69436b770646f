"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteWebhookAction, rotateWebhookSecretAction, sendTestWebhookAction, setWebhookActiveAction } from "@/app/(app)/admin/webhooks/actions";
import { Button } from "@/components/ui/button";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import type { WebhookDeliveryEntry, WebhookSummary } from "@/lib/data/webhooks";
import { formatDateTime } from "@/lib/format";
import { useAdminAction } from "../use-admin-action";
import { DeliveryStatus } from "./delivery-status";

/** What a test delivery's outcome means, in a sentence. */
function outcome(d: WebhookDeliveryEntry): string {
  if (d.status === "sent") return `Delivered: the endpoint answered HTTP ${d.responseStatus}.`;
  if (d.status === "pending") return `Not delivered: ${d.lastError}. It will be tried again${d.nextAttemptAt ? ` at ${formatDateTime(d.nextAttemptAt)}` : ""}; the log below shows how it goes.`;
  if (d.status === "failed") return `Not delivered: ${d.lastError}. It will not be tried again.`;
  return `Not sent: ${d.lastError}.`;
}

/** Send a test event (and see what the endpoint answered), turn the webhook on or off, rotate its secret, delete it. */
export function WebhookControls({ webhook }: { webhook: WebhookSummary }) {
  const router = useRouter();
  const { pending, run } = useAdminAction();
  const [test, setTest] = useState<WebhookDeliveryEntry | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  // Which button started the action under way, to say what is happening on it.
  const [started, setStarted] = useState<"test" | "other">("other");
  const testing = pending && started === "test";

  function sendTest() {
    setTest(null);
    setStarted("test");
    run(() => sendTestWebhookAction({ id: webhook.id }), { onSuccess: setTest });
  }

  function toggle() {
    setStarted("other");
    run(() => setWebhookActiveAction({ id: webhook.id, active: !webhook.active }), { success: `Turned “${webhook.name}” ${webhook.active ? "off" : "on"}` });
  }

  function rotate() {
    const ok = window.confirm(
      `Make a new secret for “${webhook.name}”? Every delivery from now on, retries too, is signed with the new one: a receiver still checking with the old secret will refuse them until you give it the new one.`,
    );
    if (!ok) return;
    setStarted("other");
    run(() => rotateWebhookSecretAction({ id: webhook.id }), { success: "New secret made", onSuccess: (r) => setSecret(r.secret) });
  }

  function remove() {
    if (!window.confirm(`Delete “${webhook.name}”? It stops receiving events at once, and its delivery log is deleted with it.`)) return;
    setStarted("other");
    run(() => deleteWebhookAction({ id: webhook.id }), { success: `Deleted “${webhook.name}”`, onSuccess: () => router.push("/admin/webhooks") });
  }

  return (
    <section aria-labelledby="webhook-actions-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
      <h2 id="webhook-actions-heading" className="sr-only">Actions</h2>
      <div className="flex flex-wrap gap-2">
        <Button onClick={sendTest} disabled={pending || !webhook.active} aria-describedby={webhook.active ? undefined : "test-needs-on"}>
          {testing ? "Sending test event…" : "Send test event"}
        </Button>
        <Button variant="secondary" onClick={toggle} disabled={pending}>
          {webhook.active ? "Turn off" : "Turn on"}
        </Button>
        <Button variant="secondary" onClick={rotate} disabled={pending}>Rotate secret</Button>
        <Button variant="ghost" onClick={remove} disabled={pending} className="text-red-700 hover:bg-red-50">Delete</Button>
      </div>
      {!webhook.active && <p id="test-needs-on" className="mt-3 text-sm text-slate-600">This webhook is off: nothing is sent to it, and deliveries that were waiting are skipped. Turn it on to send a test event.</p>}
      <div role="status" aria-live="polite">
        {test && (
          <div className={`mt-4 rounded-lg border p-3 text-sm ${test.status === "sent" ? "border-band-good/40 bg-band-good/5" : "border-band-poor/40 bg-band-poor/5"}`} data-testid="test-result">
            <p className="flex flex-wrap items-center gap-2 font-medium">
              Test event <DeliveryStatus status={test.status} attempts={test.attempts} />
            </p>
            <p className="mt-1 break-words text-slate-700">{outcome(test)}</p>
          </div>
        )}
      </div>
      {secret && (
        <div className="mt-4">
          <ShownOnceSecret title="New signing secret. Give it to your receiver now; the old one no longer signs anything." value={secret} label="New signing secret" noun="Secret" testId="rotated-webhook-secret" onDone={() => setSecret(null)} />
        </div>
      )}
    </section>
  );
}
