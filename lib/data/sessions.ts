// The session registry: one UserSession row per sign-in. next-auth's JWT cookie carries only the
// row's id (lib/auth/options.ts); every request that resolves the signed-in person reads the row
// here, so a session ended in this table (sign-out, deactivation, a password change or reset, a
// role change, "End" on the account page) stays ended whatever the cookie says, and the
// organisation's idle and absolute lifetimes hold on the server. docs/security.md#sessions.
import { createHash } from "node:crypto";
import { DEFAULT_SESSION_LIMITS, isDueForTouch, PRUNE_AFTER_DAYS, sessionExpiry, TOUCH_EVERY_MS, type SessionLimits } from "../auth/session-lifetime";
import { describeDevice } from "../auth/session-device";
import { db, type Tx } from "../db";
import { conflict, forbidden, invalid, notFound } from "../errors";
import { canConfigureOrganisation, type Actor } from "../permissions";
import { newSecret } from "../secrets";
import type { EndSessionInput, SessionSettingsInput } from "../validation/sessions";
import { recordAudit } from "./audit";
import { lockUser } from "./row-locks";
import { CURRENT_USER_SELECT, toCurrentUser, type CurrentUser } from "./users";

/** The signed-in person and the registry row their request came with. */
export type SessionUser = CurrentUser & { sessionId: string };

/** Why a session ended (UserSession.endedReason), as the account page and the database say it. */
export const ENDED = {
  signedOut: "signed out",
  fromAnotherSession: "ended from another session",
  deactivated: "deactivated",
  passwordChanged: "password changed",
  passwordReset: "password reset",
  roleChanged: "role changed",
  idle: "idle too long",
  expired: "reached its absolute lifetime",
} as const;
export type EndedReason = (typeof ENDED)[keyof typeof ENDED];

/** A session id: 32 random bytes as URL-safe base64 (256 bits). */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
/** Stored User-Agent headers are cut to this length. */
const MAX_USER_AGENT = 512;

/**
 * Registers a sign-in: a new row with a random id (256 bits) for the JWT to carry. `userAgent` and
 * `address` are what the request said (shown on the account page only).
 */
export async function startSession(userId: number, verifiedPasswordHash: string, client: { userAgent?: string | null; address?: string | null }, now = new Date()): Promise<string | null> {
  const id = newSecret(32);
  // A password change, reset or deactivation may commit while the password was being checked (bcrypt
  // takes a while): it ends the sessions that exist then, so a session made after it would live on.
  // So the person is read again here, their row locked against such a change (endSessionsOf locks it
  // too), and the session is made only if the password checked is still theirs and they are active.
  return db.$transaction(async (tx) => {
    await lockUser(tx, userId, "share");
    const user = await tx.user.findUnique({ where: { id: userId }, select: { active: true, passwordHash: true } });
    if (!user?.active || user.passwordHash !== verifiedPasswordHash) return null;
    await tx.userSession.create({
      data: { id, userId, createdAt: now, lastSeenAt: now, userAgent: client.userAgent?.slice(0, MAX_USER_AGENT) || null, address: client.address || null },
    });
    return id;
  });
}

/** The organisation's lifetimes; the defaults before first-run set-up. */
export async function getSessionLimits(): Promise<SessionLimits> {
  const row = await db.organisation.findUnique({ where: { id: 1 }, select: { sessionIdleMinutes: true, sessionMaxHours: true } });
  return row ? { idleMinutes: row.sessionIdleMinutes, maxHours: row.sessionMaxHours } : DEFAULT_SESSION_LIMITS;
}

/**
 * The person a session belongs to, if the session may still act: its row exists, has not ended,
 * was seen within the idle limit and began within the absolute limit, and the person is active.
 * A session found past a limit is ended here (dated when it ran out). With `touch` (the default)
 * its last-seen time moves to `now`, at most once a minute, by a conditional update: parallel
 * requests on one session write it once and never revive an ended row. Null otherwise.
 */
export async function resolveSession(sessionId: string, { now = new Date(), touch = true }: { now?: Date; touch?: boolean } = {}): Promise<SessionUser | null> {
  if (!SESSION_ID.test(sessionId)) return null;
  const [row, limits] = await Promise.all([
    db.userSession.findUnique({ where: { id: sessionId }, select: { createdAt: true, lastSeenAt: true, endedAt: true, user: { select: CURRENT_USER_SELECT } } }),
    getSessionLimits(),
  ]);
  if (!row || row.endedAt) return null;
  const user = toCurrentUser(row.user);
  if (!user) return null;
  const expiry = sessionExpiry(row, limits, now);
  if (expiry) {
    await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: expiry.at, endedReason: ENDED[expiry.reason] } });
    return null;
  }
  if (touch && isDueForTouch(row.lastSeenAt, now)) {
    await db.userSession.updateMany({ where: { id: sessionId, endedAt: null, lastSeenAt: { lte: new Date(now.getTime() - TOUCH_EVERY_MS) } }, data: { lastSeenAt: now } });
  }
  return { ...user, sessionId };
}

/** Ends one session (sign-out); a session already ended keeps its first reason. */
export async function endSession(sessionId: string, reason: EndedReason, now = new Date()): Promise<void> {
  if (!SESSION_ID.test(sessionId)) return;
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endedReason: reason } });
}

/**
 * Ends every live session of a person but `exceptId`, inside the caller's transaction (the change
 * that ends them: deactivation, password change or reset, role change). Returns how many ended.
 */
export async function endSessionsOf(tx: Tx, userId: number, reason: EndedReason, now: Date, exceptId?: string): Promise<number> {
  // After any session being started for them has been made (startSession), or before it reads them.
  await lockUser(tx, userId, "update");
  const ended = await tx.userSession.updateMany({ where: { userId, endedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) }, data: { endedAt: now, endedReason: reason } });
  return ended.count;
}

/** What the account page shows for a session: `handle` stands for it (a hash; the id itself never leaves the server). */
export type SessionSummary = { handle: string; device: string; address: string | null; signedInAt: string; lastActiveAt: string; current: boolean };

/** The stand-in for a session id in pages and actions: SHA-256 of it, 32 hex digits. */
const handleOf = (sessionId: string) => createHash("sha256").update(sessionId).digest("hex").slice(0, 32);

async function liveSessionsOf(userId: number, now: Date) {
  const [rows, limits] = await Promise.all([
    db.userSession.findMany({ where: { userId, endedAt: null }, orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }], select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, address: true } }),
    getSessionLimits(),
  ]);
  return rows.filter((row) => !sessionExpiry(row, limits, now));
}

/** The caller's live sessions, this one first, then by last activity. */
export async function listOwnSessions(actor: SessionUser, now = new Date()): Promise<SessionSummary[]> {
  const rows = await liveSessionsOf(actor.id, now);
  return rows
    .map((row) => ({
      handle: handleOf(row.id),
      device: describeDevice(row.userAgent),
      address: row.address,
      signedInAt: row.createdAt.toISOString(),
      lastActiveAt: (row.id === actor.sessionId ? now : row.lastSeenAt).toISOString(),
      current: row.id === actor.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * Ends one of the caller's other sessions, by its handle. Only the caller's own live sessions are
 * looked at, so another person's handle is "not found"; this session is signed out, not ended here.
 */
export async function endOwnSession(actor: SessionUser, { session }: EndSessionInput, now = new Date()): Promise<{ device: string }> {
  const row = (await liveSessionsOf(actor.id, now)).find((r) => handleOf(r.id) === session);
  if (!row) throw notFound("That session has already ended.");
  if (row.id === actor.sessionId) throw conflict("That is the session you are using: sign out instead.");
  const device = describeDevice(row.userAgent);
  await db.$transaction(async (tx) => {
    await tx.userSession.updateMany({ where: { id: row.id, userId: actor.id, endedAt: null }, data: { endedAt: now, endedReason: ENDED.fromAnotherSession } });
    await recordAudit(tx, actor, { action: "session.end", entity: "User", entityId: actor.id, after: { device } });
  });
  return { device };
}

/** Ends every session of the caller's but this one ("Sign out everywhere else"); returns how many. */
export async function endOtherOwnSessions(actor: SessionUser, now = new Date()): Promise<{ ended: number }> {
  return db.$transaction(async (tx) => {
    const ended = await endSessionsOf(tx, actor.id, ENDED.fromAnotherSession, now, actor.sessionId);
    if (ended) await recordAudit(tx, actor, { action: "session.end-others", entity: "User", entityId: actor.id, after: { ended } });
    return { ended };
  });
}

/**
 * Deletes sessions that ended, or were last seen, more than PRUNE_AFTER_DAYS ago (past any idle
 * limit an admin can set, so none of them could still be live). Returns how many.
 */
export async function pruneSessions(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - PRUNE_AFTER_DAYS * 86_400_000);
  const deleted = await db.userSession.deleteMany({ where: { OR: [{ endedAt: { lt: before } }, { lastSeenAt: { lt: before } }] } });
  return deleted.count;
}

/**
 * Saves the organisation's session lifetimes (validated by sessionSettingsSchema), audited as
 * "organisation.sessions.update". They apply to every session, those already open included, on
 * its next request.
 */
export async function updateSessionSettings(actor: Actor, input: SessionSettingsInput): Promise<SessionSettingsInput> {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can change how long sessions last.");
  const select = { sessionIdleMinutes: true, sessionMaxHours: true } as const;
  return db.$transaction(async (tx) => {
    const before = await tx.organisation.findUnique({ where: { id: 1 }, select });
    if (!before) throw invalid("Set up the organisation first.");
    const after = await tx.organisation.update({ where: { id: 1 }, data: input, select });
    await recordAudit(tx, actor, { action: "organisation.sessions.update", entity: "Organisation", entityId: 1, before, after });
    return after;
  });
}
