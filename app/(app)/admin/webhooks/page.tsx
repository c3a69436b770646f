import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { WebhookForm } from "@/components/admin/webhooks/webhook-form";
import { WebhooksHelp } from "@/components/admin/webhooks/webhooks-help";
import { WebhooksList } from "@/components/admin/webhooks/webhooks-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listWebhooks } from "@/lib/data/webhooks";
import { canConfigureOrganisation } from "@/lib/permissions";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const user = await requireUser();
  if (!canConfigureOrganisation(user)) forbidden();
  const webhooks = await listWebhooks(user);
  return (
    <>
      <PageHeader title="Administration" description="Send Touchline's events to other systems: a chat channel, an incident tool, your own service." />
      <AdminNav current="/admin/webhooks" />
      <div className="space-y-6">
        {webhooks.length === 0 ? (
          <EmptyState title="No webhooks yet">
            A webhook sends each reminder, alert and digest as it happens to a URL you choose, as signed JSON: paste a Slack or Teams incoming-webhook URL to
            see alerts in a channel, or point it at your own service. Add one below; how deliveries look and how to check them is under the form and in
            docs/notifications.md.
          </EmptyState>
        ) : (
          <WebhooksList webhooks={webhooks} />
        )}
        <WebhookForm />
        <WebhooksHelp />
      </div>
    </>
  );
}
