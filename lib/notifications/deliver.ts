// One delivery pass: claim due outbox messages and send each, settling it as sent, skipped, failed
// or pending again (backoff).
import { db, type Db } from "../db";
import { MailError, NO_MAIL_SERVER, type Mailer } from "./mail";
import { claim, complete, fail, failAbandoned, skip } from "./outbox";
import { deliverWebhook, type WebhookSendOptions } from "./webhooks";
import { preferenceOfKind } from "./publish";
import { listUnsubscribeHeaders } from "./unsubscribe";

/** Messages claimed at a time. With the mailer's ~50 s (a webhook's 10 s) worst case each, a batch fits its lease. */
export const BATCH_SIZE = 10;
/** How long a claim holds a batch: longer than BATCH_SIZE worst-case sends. */
export const LEASE_MS = 10 * 60_000;

export type DeliveryCounts = { claimed: number; sent: number; skipped: number; failed: number; retrying: number };

export type DeliverOptions = {
  workerId: string;
  /** null: no mail server configured; email messages are skipped with NO_MAIL_SERVER. */
  mailer: Mailer | null;
  now?: Date;
  limit?: number;
  leaseMs?: number;
  /** How webhooks are sent (timeout, address policy); defaults for the app. */
  webhooks?: WebhookSendOptions;
};

/** Claims up to `limit` due messages and sends them one by one. Never throws for a message's own failure. */
export async function deliverBatch({ workerId, mailer, now = new Date(), limit = BATCH_SIZE, leaseMs = LEASE_MS, webhooks }: DeliverOptions, client: Db = db): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { claimed: 0, sent: 0, skipped: 0, failed: 0, retrying: 0 };
  counts.failed += await failAbandoned(now, client);
  const ids = await claim({ workerId, limit, leaseMs, now }, client);
  counts.claimed = ids.length;
  if (ids.length === 0) return counts;
  const messages = await client.outboxMessage.findMany({
    where: { id: { in: ids } },
    orderBy: { id: "asc" },
    select: { id: true, attempts: true, channel: true, kind: true, recipientId: true, subject: true, body: true, html: true, recipient: { select: { email: true, active: true } } },
  });
  for (const message of messages) {
    const skipWith = async (reason: string) => {
      if (await skip(workerId, message.id, reason, client)) counts.skipped++;
    };
    if (message.channel === "webhook") {
      const status = await deliverWebhook(workerId, message, webhooks, client);
      if (status === "sent") counts.sent++;
      else if (status === "skipped") counts.skipped++;
      else if (status === "failed") counts.failed++;
      else if (status === "pending") counts.retrying++;
    } else if (message.channel !== "email") {
      await skipWith(`not sent: no sender for the "${message.channel}" channel`);
    } else if (!mailer) {
      await skipWith(NO_MAIL_SERVER);
    } else if (!message.recipient?.active) {
      await skipWith("not sent: the recipient's account is deactivated or deleted");
    } else {
      try {
        const preference = preferenceOfKind(message.kind);
        const headers = preference && message.recipientId !== null ? listUnsubscribeHeaders(message.recipientId, preference) : undefined;
        await mailer.send({ to: message.recipient.email, subject: message.subject, text: message.body, html: message.html, headers });
        // A crash here, after the server's 250 and before this update, is the one way a message goes
        // out twice: the lease runs out and another attempt sends it again (docs/notifications.md).
        if (await complete(workerId, message.id, new Date(), client)) counts.sent++;
      } catch (caught) {
        const error = caught instanceof MailError ? caught : new MailError(String(caught), false);
        const status = await fail(workerId, message, error.message, { permanent: error.permanent, now: new Date() }, client);
        if (status === "failed") counts.failed++;
        if (status === "pending") counts.retrying++;
      }
    }
  }
  return counts;
}
