import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { DeliveryLog } from "@/components/admin/webhooks/delivery-log";
import { WebhookControls } from "@/components/admin/webhooks/webhook-controls";
import { WebhookForm } from "@/components/admin/webhooks/webhook-form";
import { OnOff } from "@/components/admin/webhooks/webhooks-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getWebhook, listWebhookDeliveries } from "@/lib/data/webhooks";
import { DomainError } from "@/lib/errors";
import { canConfigureOrganisation } from "@/lib/permissions";
import { parseIdParam } from "@/lib/validation/fields";

export const metadata: Metadata = { title: "Webhook" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WebhookPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!canConfigureOrganisation(user)) forbidden();
  const id = parseIdParam((await params).id);
  if (id === null) notFound();
  const raw = (await searchParams).page;
  const page = parseIdParam(typeof raw === "string" ? raw : null) ?? 1;
  const found = await Promise.all([getWebhook(user, id), listWebhookDeliveries(user, id, page)]).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "not_found") return null;
    throw error;
  });
  if (!found) notFound();
  const [webhook, { deliveries, total }] = found;

  return (
    <>
      <PageHeader title="Administration" description="Send Touchline's events to other systems: a chat channel, an incident tool, your own service." />
      <AdminNav current="/admin/webhooks" />
      <div className="space-y-6">
        <div>
          <Link href="/admin/webhooks" className="text-sm text-brand-dark underline">← All webhooks</Link>
          <h2 className="mt-2 flex flex-wrap items-center gap-2 text-xl font-semibold">
            {webhook.name} <OnOff active={webhook.active} />
          </h2>
          <p className="mt-1 font-mono text-xs break-all text-slate-700">{webhook.url}</p>
          <p className="mt-1 text-xs text-slate-600">Signing secret <span className="font-mono">{webhook.secretHint}…</span> (shown in full only when made)</p>
        </div>
        <WebhookControls webhook={webhook} />
        <DeliveryLog deliveries={deliveries} total={total} page={page} />
        <WebhookForm key={`${webhook.id}:${webhook.name}:${webhook.url}:${webhook.events.join()}:${webhook.active}`} webhook={webhook} />
      </div>
    </>
  );
}
