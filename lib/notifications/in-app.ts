// In-app notifications (the bell). A Notification row is the delivery itself, so it is written in
// the event's transaction, once per idempotency key, with no outbox row and no worker involved.
import { db, type Db, type Tx } from "../db";
import { int, text, time } from "../data/sql-params";
import type { Actor } from "../permissions";
import type { MarkNotificationsReadInput } from "../validation/notifications";
import type { OutboxKind } from "./outbox";

export type NotificationInput = {
  /** "<event key>:<userId>" (publish.ts): the same notification never lands twice. */
  idempotencyKey: string;
  userId: number;
  kind: OutboxKind;
  title: string;
  body: string;
  /** A path in the app ("/entry?department=3&period=2026-11-16"). */
  href: string | null;
};

/** Adds the notification unless one with its key exists (same portable insert as outbox.enqueue). True when new. */
export async function notify(tx: Tx | Db, n: NotificationInput, now = new Date()): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "Notification" ("idempotencyKey", "userId", "kind", "title", "body", "href", "createdAt")
    VALUES (${text(n.idempotencyKey)}, ${int(n.userId)}, ${text(n.kind)}, ${text(n.title)}, ${text(n.body)}, ${text(n.href)}, ${time(now)})
    ON CONFLICT ("idempotencyKey") DO NOTHING`;
  return inserted === 1;
}

export type NotificationItem = { id: number; kind: string; title: string; body: string; href: string | null; createdAt: string; read: boolean };
export type NotificationList = { unread: number; items: NotificationItem[] };

/** How many of the newest notifications the bell lists. */
export const NOTIFICATION_LIST_SIZE = 20;

/** The actor's own newest notifications and how many of all theirs are unread. */
export async function listNotifications(actor: Actor): Promise<NotificationList> {
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId: actor.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: NOTIFICATION_LIST_SIZE,
      select: { id: true, kind: true, title: true, body: true, href: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: { userId: actor.id, readAt: null } }),
  ]);
  return { unread, items: rows.map(({ readAt, createdAt, ...n }) => ({ ...n, createdAt: createdAt.toISOString(), read: readAt !== null })) };
}

/**
 * Marks the actor's own notifications read: the ids given, or all. Ids of other people's
 * notifications are ignored, not refused (the answer says how many were marked). Returns that count.
 */
export async function markNotificationsRead(actor: Actor, input: MarkNotificationsReadInput, now = new Date()): Promise<{ marked: number }> {
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...("ids" in input ? { id: { in: input.ids } } : {}) },
    data: { readAt: now },
  });
  return { marked: count };
}
