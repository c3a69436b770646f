"use client";

import { useState, type FormEvent } from "react";
import { createWebhookAction, updateWebhookAction } from "@/app/(app)/admin/webhooks/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import type { WebhookSummary } from "@/lib/data/webhooks";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES } from "@/lib/notifications/webhook-events";
import { MAX_WEBHOOK_NAME, MAX_WEBHOOK_URL } from "@/lib/validation/webhooks";
import { useAdminAction } from "../use-admin-action";

/**
 * Adds a webhook (then shows its secret, once) or, given `webhook`, edits one: name, URL, the
 * events it receives and, when editing, whether it is on.
 */
export function WebhookForm({ webhook }: { webhook?: WebhookSummary }) {
  const { pending, run } = useAdminAction();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const editing = webhook !== undefined;
  const id = editing ? `webhook-${webhook.id}` : "new-webhook";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { name: data.get("name"), url: data.get("url"), events: data.getAll("events") };
    const onError = (failure: { fields?: Record<string, string>; message: string }) => setErrors(failure.fields ?? { form: failure.message });
    if (editing) {
      run(() => updateWebhookAction({ ...input, id: webhook.id, active: data.get("active") }), { success: "Webhook saved", onError, onSuccess: () => setErrors({}) });
    } else {
      run(() => createWebhookAction(input), {
        success: (made) => `Added “${made.name}”`,
        onError,
        onSuccess: (made) => {
          setErrors({});
          setCreated({ name: made.name, secret: made.secret });
          form.reset();
        },
      });
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} aria-labelledby={`${id}-heading`} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5" noValidate>
        <h2 id={`${id}-heading`} className="text-base font-semibold">{editing ? "Settings" : "Add a webhook"}</h2>
        <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
          <Field label="Name" name="name" defaultValue={webhook?.name} placeholder="e.g. Ops channel" maxLength={MAX_WEBHOOK_NAME} error={errors.name} autoComplete="off" required />
          <Field
            label="URL"
            name="url"
            type="url"
            inputMode="url"
            defaultValue={webhook?.url}
            placeholder="https://hooks.example.com/touchline"
            maxLength={MAX_WEBHOOK_URL}
            hint="Touchline POSTs each event here as signed JSON. A Slack or Teams incoming-webhook URL works as it is."
            error={errors.url}
            autoComplete="off"
            spellCheck={false}
            required
          />
        </div>
        <fieldset aria-describedby={errors.events ? `${id}-events-error` : undefined}>
          <legend className="mb-2 text-sm font-medium text-slate-700">Events to send</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-start gap-2 rounded-md border border-slate-200 p-2.5 text-sm has-checked:border-brand/50 has-checked:bg-brand/5">
                <input type="checkbox" name="events" value={type} defaultChecked={webhook ? webhook.events.includes(type) : false} className="mt-0.5 accent-brand" aria-describedby={`${id}-${type}-description`} />
                <span>
                  <span className="font-medium">{WEBHOOK_EVENTS[type].label}</span>
                  <span id={`${id}-${type}-description`} className="block text-xs text-slate-600">{WEBHOOK_EVENTS[type].description}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.events && <p id={`${id}-events-error`} className="mt-1 text-xs text-red-700">{errors.events}</p>}
        </fieldset>
        {editing && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="active" defaultChecked={webhook.active} className="accent-brand" />
            On: send events to this webhook
          </label>
        )}
        {errors.form && <p role="alert" className="text-sm text-red-700">{errors.form}</p>}
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : editing ? "Save webhook" : "Add webhook"}</Button>
      </form>
      {created && (
        <ShownOnceSecret
          title={`“${created.name}” added. This is its signing secret: your receiver uses it to check that each delivery came from Touchline.`}
          value={created.secret}
          label="Signing secret"
          noun="Secret"
          testId="new-webhook-secret"
          onDone={() => setCreated(null)}
        />
      )}
    </div>
  );
}
