// Webhook endpoints, as admins set them up: add, edit, turn on and off, rotate the secret, delete,
// read the delivery log, and send a test event. Every change is audited in its own transaction,
// without the secret. The secret is returned once, when made; lists show its first characters.
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { conflict, forbidden, notFound } from "../errors";
import { canConfigureOrganisation, type Actor } from "../permissions";
import { claimMessage, enqueue, type OutboxStatus } from "../notifications/outbox";
import { eventId, type EventType, type WebhookEventType, type WebhookPayload } from "../notifications/publish";
import { newWebhookSecret } from "../notifications/webhook-signature";
import { deliverWebhook, WEBHOOK_TIMEOUT_MS, type WebhookSendOptions } from "../notifications/webhooks";
import type { CreateWebhookInput, UpdateWebhookInput } from "../validation/webhooks";
import { recordAudit } from "./audit";

/** Characters of the secret lists show: "whsec_" and 4 more. */
const SECRET_HINT_CHARACTERS = 10;
export const DELIVERY_PAGE_SIZE = 20;
/** The lease a test delivery made in a request holds: well past the send's timeout, short enough that the worker retries it soon if the request's process dies mid-send. */
const TEST_LEASE_MS = 6 * WEBHOOK_TIMEOUT_MS;

/** One attempt-by-attempt row of an endpoint's delivery log (an OutboxMessage with its endpoint). */
export type WebhookDeliveryEntry = {
  id: number;
  /** The event's type, or "test". */
  type: WebhookEventType;
  eventId: string | null;
  status: OutboxStatus;
  /** The HTTP status of the last answer; null before any, or when the endpoint did not answer. */
  responseStatus: number | null;
  attempts: number;
  createdAt: Date;
  lastAttemptAt: Date | null;
  /** When a pending delivery is tried again. */
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  /** Why the last attempt failed, or why it was skipped. */
  lastError: string | null;
};

export type WebhookSummary = {
  id: number;
  name: string;
  url: string;
  events: EventType[];
  active: boolean;
  /** The secret's first characters ("whsec_Ab3x"), to tell secrets apart; never the whole. */
  secretHint: string;
  createdAt: Date;
  createdBy: string | null;
  lastDelivery: WebhookDeliveryEntry | null;
};

const deliverySelect = {
  id: true,
  kind: true,
  subject: true,
  eventId: true,
  status: true,
  responseStatus: true,
  attempts: true,
  createdAt: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
  sentAt: true,
  lastError: true,
} as const;
type DeliveryRow = { kind: string; subject: string; status: string; nextAttemptAt: Date } & Omit<WebhookDeliveryEntry, "type" | "status" | "nextAttemptAt">;

function toEntry({ kind, subject, status, nextAttemptAt, ...row }: DeliveryRow): WebhookDeliveryEntry {
  return { ...row, type: (kind === "test" ? "test" : subject) as WebhookEventType, status: status as OutboxStatus, nextAttemptAt: status === "pending" ? nextAttemptAt : null };
}

const endpointSelect = {
  id: true,
  name: true,
  url: true,
  events: true,
  active: true,
  secret: true,
  createdAt: true,
  createdBy: { select: { name: true } },
  deliveries: { orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }], take: 1, select: deliverySelect },
};

type EndpointRow = { id: number; name: string; url: string; events: string; active: boolean; secret: string; createdAt: Date; createdBy: { name: string } | null; deliveries: DeliveryRow[] };

function toSummary({ secret, events, createdBy, deliveries, ...row }: EndpointRow): WebhookSummary {
  return {
    ...row,
    events: events.split(",").filter(Boolean) as EventType[],
    secretHint: secret.slice(0, SECRET_HINT_CHARACTERS),
    createdBy: createdBy?.name ?? null,
    lastDelivery: deliveries[0] ? toEntry(deliveries[0]) : null,
  };
}

/** What the audit log keeps of an endpoint: never its secret. */
const audited = (e: { name: string; url: string; events: string; active: boolean }) => ({ name: e.name, url: e.url, events: e.events, active: e.active });

function mustConfigure(actor: Actor) {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can manage webhooks.");
}

const missing = () => notFound("That webhook does not exist (perhaps it was just deleted).");

/** Every endpoint, newest first, each with its last delivery. Admins only. */
export async function listWebhooks(actor: Actor): Promise<WebhookSummary[]> {
  mustConfigure(actor);
  const rows = await db.webhookEndpoint.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: endpointSelect });
  return rows.map(toSummary);
}

/** One endpoint. Throws not_found. Admins only. */
export async function getWebhook(actor: Actor, id: number): Promise<WebhookSummary> {
  mustConfigure(actor);
  const row = await db.webhookEndpoint.findUnique({ where: { id }, select: endpointSelect });
  if (!row) throw missing();
  return toSummary(row);
}

/** Adds an endpoint, on, with a new secret; returns the secret, the only time it is shown. Audited as webhook.create. */
export async function createWebhook(actor: Actor, input: CreateWebhookInput): Promise<{ id: number; name: string; secret: string }> {
  mustConfigure(actor);
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { name: input.name, url: input.url, events: input.events.join(","), secret, active: true, createdById: actor.id },
      select: { id: true, name: true, url: true, events: true, active: true },
    });
    await recordAudit(tx, actor, { action: "webhook.create", entity: "WebhookEndpoint", entityId: created.id, after: audited(created) });
    return { id: created.id, name: created.name, secret };
  });
}

/**
 * Changes an endpoint's name, URL, events and whether it is on (each field given; `active` alone
 * turns it on or off). Deliveries still waiting go to the new URL; those of an endpoint turned off
 * are skipped. Audited as webhook.update with before and after. Throws not_found.
 */
export async function updateWebhook(actor: Actor, { id, events, ...changes }: Partial<Omit<UpdateWebhookInput, "id">> & { id: number }): Promise<{ id: number; name: string; active: boolean }> {
  mustConfigure(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id }, select: { name: true, url: true, events: true, active: true } });
    if (!before) throw missing();
    const data = { ...changes, ...(events ? { events: events.join(",") } : {}) };
    // updateMany: an endpoint deleted since the read above is "not found", not a Prisma error.
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id }, data });
    if (count === 0) throw missing();
    const after = { ...before, ...data };
    await recordAudit(tx, actor, { action: "webhook.update", entity: "WebhookEndpoint", entityId: id, before: audited(before), after: audited(after) });
    return { id, name: after.name, active: after.active };
  });
}

/** Replaces the secret at once (deliveries from now on, retries included, are signed with the new one); returns it, once. Audited as webhook.rotate, without either secret. */
export async function rotateWebhookSecret(actor: Actor, { id }: { id: number }): Promise<{ id: number; name: string; secret: string }> {
  mustConfigure(actor);
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id }, select: { name: true } });
    if (!endpoint) throw missing();
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id }, data: { secret } });
    if (count === 0) throw missing();
    await recordAudit(tx, actor, { action: "webhook.rotate", entity: "WebhookEndpoint", entityId: id });
    return { id, name: endpoint.name, secret };
  });
}

/** Deletes an endpoint and its delivery log; what was still waiting is never sent. Audited as webhook.delete with what it was. */
export async function deleteWebhook(actor: Actor, { id }: { id: number }): Promise<{ id: number; name: string }> {
  mustConfigure(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id }, select: { name: true, url: true, events: true, active: true } });
    if (!before) throw missing();
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { id } });
    if (count === 0) throw missing();
    await recordAudit(tx, actor, { action: "webhook.delete", entity: "WebhookEndpoint", entityId: id, before: audited(before) });
    return { id, name: before.name };
  });
}

/** An endpoint's deliveries, newest first, DELIVERY_PAGE_SIZE a page (page 1 is the newest). Throws not_found. */
export async function listWebhookDeliveries(actor: Actor, id: number, page = 1): Promise<{ deliveries: WebhookDeliveryEntry[]; total: number }> {
  mustConfigure(actor);
  const [endpoint, rows, total] = await Promise.all([
    db.webhookEndpoint.findUnique({ where: { id }, select: { id: true } }),
    db.outboxMessage.findMany({ where: { endpointId: id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * DELIVERY_PAGE_SIZE, take: DELIVERY_PAGE_SIZE, select: deliverySelect }),
    db.outboxMessage.count({ where: { endpointId: id } }),
  ]);
  if (!endpoint) throw missing();
  return { deliveries: rows.map(toEntry), total };
}

/**
 * Queues a "test" event for one endpoint and delivers it now, in this request, so the admin sees
 * the outcome at once: the delivery is claimed in the transaction that queues it, so no worker
 * takes it first. If it fails it stays in the log and the worker retries it like any delivery.
 * The endpoint must be on. Audited as webhook.test. Returns the delivery as it stands after the
 * attempt. Throws not_found, conflict (turned off).
 */
export async function sendTestWebhook(actor: Actor, { id }: { id: number }, options: WebhookSendOptions = {}): Promise<WebhookDeliveryEntry> {
  mustConfigure(actor);
  const key = `test:${randomUUID()}`;
  const workerId = `request:${key}`;
  const now = new Date();
  const messageId = await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id }, select: { name: true, active: true } });
    if (!endpoint) throw missing();
    if (!endpoint.active) throw conflict(`“${endpoint.name}” is turned off. Turn it on to send it a test event.`);
    const payload: WebhookPayload = {
      id: eventId(key),
      type: "test",
      createdAt: now.toISOString(),
      text: `Test event from Touchline: the webhook “${endpoint.name}” is set up and receiving.`,
      data: { webhook: { id, name: endpoint.name } },
    };
    const idempotencyKey = `webhook:${key}:${id}`;
    await enqueue(tx, [{ idempotencyKey, kind: "test", channel: "webhook", recipientId: null, endpointId: id, eventId: payload.id, subject: "test", body: JSON.stringify(payload), html: null, href: null }], now);
    const message = await tx.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey }, select: { id: true } });
    await claimMessage(workerId, message.id, TEST_LEASE_MS, now, tx);
    await recordAudit(tx, actor, { action: "webhook.test", entity: "WebhookEndpoint", entityId: id, after: { eventId: payload.id } });
    return message.id;
  });
  await deliverWebhook(workerId, { id: messageId, attempts: 1 }, options);
  return toEntry(await db.outboxMessage.findUniqueOrThrow({ where: { id: messageId }, select: deliverySelect }));
}
