// The outbox: every message that leaves the app is first a row here, written in the transaction of
// the event that caused it, then claimed by a worker under a lease and sent. States, keys and the
// retry schedule: docs/notifications.md.
import { db, databaseProvider, Prisma, type Db, type Tx } from "../db";
import { int, text, time } from "../data/sql-params";

export type OutboxChannel = "email" | "webhook";
export type OutboxKind = "reminder" | "nudge" | "alert" | "recovery" | "digest" | "test";
export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "skipped";

export type OutboxMessageInput = {
  /** "<channel>:<kind>:…": a second message with the same key is not queued. */
  idempotencyKey: string;
  kind: OutboxKind;
  channel: OutboxChannel;
  /** The person (email), or null. */
  recipientId: number | null;
  /** The webhook endpoint (webhook), or null. */
  endpointId: number | null;
  /** The event's id, the same on every channel (publish.eventId). */
  eventId: string | null;
  subject: string;
  /** Plain text, complete, with absolute links. */
  body: string;
  html: string | null;
  href: string | null;
};

/** Attempts before a message that keeps failing for a passing reason is marked failed. */
export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_CAP_MS = 3_600_000;

/**
 * The wait before the next attempt after `attempts` attempts (≥ 1) failed for a passing reason:
 * 1 min × 2^(attempts − 1), at most 1 hour — 1, 2, 4, 8, 16, 32, 60 min; the 8th failure is final,
 * about 2 h 3 min after the first attempt.
 */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** (attempts - 1), BACKOFF_CAP_MS);
}

/**
 * Queues messages, skipping any whose idempotency key is already queued (in any state). Run it in
 * the event's own transaction. INSERT … ON CONFLICT DO NOTHING is the same on both databases; a
 * caught unique violation would abort a PostgreSQL transaction, and createMany's skipDuplicates
 * does not exist on SQLite. Returns how many were new.
 */
export async function enqueue(tx: Tx | Db, messages: readonly OutboxMessageInput[], now = new Date()): Promise<number> {
  let inserted = 0;
  for (const m of messages) {
    inserted += await tx.$executeRaw`
      INSERT INTO "OutboxMessage" ("idempotencyKey", "kind", "channel", "recipientId", "endpointId", "eventId", "subject", "body", "html", "href", "status", "attempts", "nextAttemptAt", "createdAt")
      VALUES (${text(m.idempotencyKey)}, ${text(m.kind)}, ${text(m.channel)}, ${int(m.recipientId)}, ${int(m.endpointId)}, ${text(m.eventId)}, ${text(m.subject)}, ${text(m.body)}, ${text(m.html)}, ${text(m.href)}, 'pending', 0, ${time(now)}, ${time(now)})
      ON CONFLICT ("idempotencyKey") DO NOTHING`;
  }
  return inserted;
}

export type ClaimOptions = { workerId: string; limit: number; leaseMs: number; now?: Date };

/**
 * Takes up to `limit` messages that are due — pending with nextAttemptAt ≤ now, or sending with a
 * lease that ran out (their worker died mid-send) — marks them `sending`, leased to `workerId`
 * until now + leaseMs, and counts the attempt. Returns their ids, oldest due first. Two workers
 * never get the same message while its lease runs: on PostgreSQL the rows are picked with FOR
 * UPDATE SKIP LOCKED (a worker skips the rows another is claiming instead of waiting); on SQLite
 * the one UPDATE runs under the database's single write lock.
 */
export async function claim({ workerId, limit, leaseMs, now = new Date() }: ClaimOptions, client: Db = db): Promise<number[]> {
  const until = new Date(now.getTime() + leaseMs);
  const due = Prisma.sql`("status" = 'pending' AND "nextAttemptAt" <= ${time(now)}) OR ("status" = 'sending' AND "lockedUntil" <= ${time(now)})`;
  const set = Prisma.sql`"status" = 'sending', "attempts" = "attempts" + 1, "lockedUntil" = ${time(until)}, "lockedBy" = ${text(workerId)}, "lastAttemptAt" = ${time(now)}`;
  const rows =
    databaseProvider === "postgresql"
      ? await client.$queryRaw<{ id: number }[]>`
          WITH picked AS (
            SELECT "id" FROM "OutboxMessage" WHERE ${due} ORDER BY "nextAttemptAt", "id" LIMIT ${int(limit)} FOR UPDATE SKIP LOCKED
          )
          UPDATE "OutboxMessage" AS m SET ${set} FROM picked WHERE m."id" = picked."id" RETURNING m."id"`
      : await client.$queryRaw<{ id: number | bigint }[]>`
          UPDATE "OutboxMessage" SET ${set}
          WHERE "id" IN (SELECT "id" FROM "OutboxMessage" WHERE ${due} ORDER BY "nextAttemptAt", "id" LIMIT ${int(limit)})
          RETURNING "id"`;
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/**
 * Claims one message by id, as `claim` would (leased to `workerId`, the attempt counted), if it is
 * pending: for a delivery made at once in a request ("Send test event"). True when this call got
 * it; the one UPDATE's condition makes that true for one caller only.
 */
export async function claimMessage(workerId: string, id: number, leaseMs: number, now = new Date(), client: Db | Tx = db): Promise<boolean> {
  const { count } = await client.outboxMessage.updateMany({
    where: { id, status: "pending" },
    data: { status: "sending", attempts: { increment: 1 }, lockedUntil: new Date(now.getTime() + leaseMs), lockedBy: workerId, lastAttemptAt: now },
  });
  return count === 1;
}

/** Only the worker holding the message may settle it (a late worker whose lease was taken over cannot). */
const held = (id: number, workerId: string) => ({ id, lockedBy: workerId, status: "sending" });

/**
 * Marks a claimed message sent, in the one statement that records the attempt's outcome (and the
 * HTTP status a webhook endpoint answered, if any). False when the worker no longer holds it (its
 * lease ran out and another worker settled it).
 */
export async function complete(workerId: string, id: number, now = new Date(), client: Db = db, responseStatus: number | null = null): Promise<boolean> {
  const { count } = await client.outboxMessage.updateMany({ where: held(id, workerId), data: { status: "sent", sentAt: now, lockedUntil: null, lastError: null, responseStatus } });
  return count === 1;
}

/** Marks a claimed message skipped, for good, with the reason (e.g. no mail server configured). */
export async function skip(workerId: string, id: number, reason: string, client: Db = db): Promise<boolean> {
  const { count } = await client.outboxMessage.updateMany({ where: held(id, workerId), data: { status: "skipped", lockedUntil: null, lastError: reason } });
  return count === 1;
}

/**
 * Records a failed attempt: `permanent` failures (the server refused the recipient) and the
 * MAX_ATTEMPTS-th failure mark it failed; otherwise it is pending again after backoffMs(attempts).
 * `responseStatus`: the HTTP status a webhook endpoint answered, if it answered. Returns the status
 * it now has, or null when the worker no longer held it.
 */
export async function fail(
  workerId: string,
  message: { id: number; attempts: number },
  reason: string,
  { permanent = false, now = new Date(), responseStatus = null }: { permanent?: boolean; now?: Date; responseStatus?: number | null } = {},
  client: Db = db,
): Promise<Extract<OutboxStatus, "pending" | "failed"> | null> {
  const final = permanent || message.attempts >= MAX_ATTEMPTS;
  const { count } = await client.outboxMessage.updateMany({
    where: held(message.id, workerId),
    data: final
      ? { status: "failed", lockedUntil: null, responseStatus, lastError: permanent ? reason : `Gave up after ${message.attempts} attempts: ${reason}` }
      : { status: "pending", lockedUntil: null, responseStatus, lastError: reason, nextAttemptAt: new Date(now.getTime() + backoffMs(message.attempts)) },
  });
  return count === 1 ? (final ? "failed" : "pending") : null;
}

/**
 * Messages whose last allowed attempt was cut short (their worker stopped while sending, and the
 * lease ran out) are marked failed rather than claimed once more. Returns how many.
 */
export async function failAbandoned(now = new Date(), client: Db = db): Promise<number> {
  const { count } = await client.outboxMessage.updateMany({
    where: { status: "sending", lockedUntil: { lte: now }, attempts: { gte: MAX_ATTEMPTS } },
    data: { status: "failed", lockedUntil: null, lastError: `Gave up after ${MAX_ATTEMPTS} attempts: the worker stopped during the last one` },
  });
  return count;
}
