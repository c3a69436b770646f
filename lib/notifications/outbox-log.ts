// The outbox as admins see it: what went out, to whom, and why something did not (Admin → Outbox),
// and sending a failed or skipped message again.
import { db, type Db } from "../db";
import { forbidden, invalid, notFound } from "../errors";
import { canConfigureOrganisation, type Actor } from "../permissions";
import type { OutboxFilters, RetryOutboxMessageInput } from "../validation/notifications";
import { recordAudit } from "../data/audit";
import type { OutboxChannel, OutboxStatus } from "./outbox";

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxEntry = {
  id: number;
  kind: string;
  channel: OutboxChannel;
  /** "Dana Reyes <digital@…>" for email, the endpoint's name for a webhook; null when deleted. */
  to: string | null;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  responseStatus: number | null;
  createdAt: string;
  sentAt: string | null;
  /** When a pending message is tried again. */
  nextAttemptAt: string | null;
};

export type OutboxLog = { entries: OutboxEntry[]; total: number; pages: number; counts: Record<OutboxStatus, number> };

/**
 * The newest outbox messages matching the filters, OUTBOX_PAGE_SIZE a page, and how many messages
 * of each status there are (whatever the filters). Admins only; throws forbidden otherwise.
 */
export async function listOutbox(actor: Actor, filters: OutboxFilters, client: Db = db): Promise<OutboxLog> {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can see the outbox.");
  const where = { ...(filters.status ? { status: filters.status } : {}), ...(filters.channel ? { channel: filters.channel } : {}) };
  const [rows, total, grouped] = await Promise.all([
    client.outboxMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        channel: true,
        subject: true,
        status: true,
        attempts: true,
        lastError: true,
        responseStatus: true,
        createdAt: true,
        sentAt: true,
        nextAttemptAt: true,
        recipient: { select: { name: true, email: true } },
        endpoint: { select: { name: true } },
      },
    }),
    client.outboxMessage.count({ where }),
    client.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
  for (const g of grouped) if (g.status in counts) counts[g.status as OutboxStatus] = g._count._all;
  return {
    entries: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      channel: r.channel as OutboxChannel,
      to: r.recipient ? `${r.recipient.name} <${r.recipient.email}>` : (r.endpoint?.name ?? null),
      subject: r.subject,
      status: r.status as OutboxStatus,
      attempts: r.attempts,
      lastError: r.lastError,
      responseStatus: r.responseStatus,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
      nextAttemptAt: r.status === "pending" ? r.nextAttemptAt.toISOString() : null,
    })),
    total,
    pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
    counts,
  };
}

/**
 * Puts a failed or skipped message back in the queue, due now, with a fresh set of attempts (after
 * the mail server was configured, or an endpoint fixed). Admins only; audited as "outbox.retry".
 * One conditional update: of two admins retrying at once, one succeeds and the other is told it is
 * already queued. Throws not found for an unknown id, invalid for a message that is not failed or
 * skipped.
 */
export async function retryOutboxMessage(actor: Actor, { id }: RetryOutboxMessageInput, now = new Date()): Promise<{ id: number }> {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can send messages again.");
  return db.$transaction(async (tx) => {
    const before = await tx.outboxMessage.findUnique({ where: { id }, select: { status: true, attempts: true, lastError: true } });
    if (!before) throw notFound("There is no such message in the outbox.");
    const { count } = await tx.outboxMessage.updateMany({
      where: { id, status: { in: ["failed", "skipped"] } },
      data: { status: "pending", attempts: 0, nextAttemptAt: now, lastError: null, lockedUntil: null, lockedBy: null },
    });
    if (count === 0) throw invalid(before.status === "sent" ? "This message was sent already." : "This message is already queued to be sent.");
    await recordAudit(tx, actor, { action: "outbox.retry", entity: "OutboxMessage", entityId: id, before, after: { status: "pending", attempts: 0, lastError: null } });
    return { id };
  });
}
