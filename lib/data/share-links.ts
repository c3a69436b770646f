// Public links to one touchpoint's report (/r/<token>). The token is random (256 bits), shown once
// when the link is made; the database holds only its SHA-256 hash, so a leaked database gives no
// working links. Unknown, expired and revoked tokens all resolve to null: the page cannot tell them apart.
// A link lives no longer than its creator's right to share the touchpoint: the change that takes the
// right away (deactivation, another role, leaving the department, the touchpoint moving to another
// department) revokes it in the same transaction (revokeShareLinksBeyondAccess).
import { db, type Tx } from "../db";
import { forbidden, invalid, notFound } from "../errors";
import { currentPeriod, isPeriodStart, toPeriodKey } from "../periods";
import type { Role } from "../domain";
import { canShareReport, type Actor } from "../permissions";
import { hashSecret, newSecret } from "../secrets";
import { isTokenShape } from "../validation/fields";
import type { CreateShareLinkInput } from "../validation/share-link";
import { recordAudit } from "./audit";
import { lockUser } from "./row-locks";
import { getOrganisationSettings } from "./organisation";

const DAY_MS = 86_400_000;

export type ShareLinkSummary = {
  id: number;
  label: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  /** "YYYY-MM-DD" keys of a fixed range, or null for "always the latest". */
  range: { from: string; to: string } | null;
  viewCount: number;
  lastViewedAt: string | null;
  status: "active" | "expired" | "revoked";
  /** Why a revoked link was revoked: "revoked by <name>", or CREATOR_CANNOT_SHARE. */
  revokedReason: string | null;
};

/** The reason on links revoked because their creator lost the right to share the touchpoint. */
export const CREATOR_CANNOT_SHARE = "its creator can no longer share this touchpoint";

async function touchpointToShare(actor: Actor, touchpointId: number, verb: string) {
  const touchpoint = await db.touchpoint.findFirst({ where: { id: touchpointId, archivedAt: null }, select: { id: true, departmentId: true } });
  if (!touchpoint) throw notFound("That touchpoint does not exist or has been archived.");
  if (!canShareReport(actor, touchpoint.departmentId)) {
    throw forbidden(`Only executives, admins and the heads of the touchpoint's department can ${verb} its share links.`);
  }
  return touchpoint;
}

export async function listShareLinks(actor: Actor, touchpointId: number, now = new Date()): Promise<ShareLinkSummary[]> {
  await touchpointToShare(actor, touchpointId, "see");
  const links = await db.shareLink.findMany({
    where: { touchpointId },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, createdAt: true, expiresAt: true, rangeFrom: true, rangeTo: true, viewCount: true, lastViewedAt: true, revokedAt: true, revokedReason: true, createdBy: { select: { name: true } } },
  });
  return links.map((l) => ({
    id: l.id,
    label: l.label,
    createdBy: l.createdBy?.name ?? null,
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt?.toISOString() ?? null,
    range: l.rangeFrom && l.rangeTo ? { from: toPeriodKey(l.rangeFrom), to: toPeriodKey(l.rangeTo) } : null,
    viewCount: l.viewCount,
    lastViewedAt: l.lastViewedAt?.toISOString() ?? null,
    status: l.revokedAt ? "revoked" : l.expiresAt && l.expiresAt <= now ? "expired" : "active",
    revokedReason: l.revokedAt ? l.revokedReason : null,
  }));
}

/** Makes a link and returns its token: the only time anyone sees it. */
export async function createShareLink(actor: Actor, input: CreateShareLinkInput, now = new Date()) {
  const touchpoint = await touchpointToShare(actor, input.touchpointId, "create");
  let range: { rangeFrom: Date; rangeTo: Date } | null = null;
  if (input.range === "fixed") {
    const { periodGranularity } = await getOrganisationSettings();
    const { from, to } = input as Required<CreateShareLinkInput>;
    if (!isPeriodStart(from, periodGranularity) || !isPeriodStart(to, periodGranularity)) {
      throw invalid("A fixed range must start and end on period starts.", { from: "Choose periods from the lists" });
    }
    if (to > currentPeriod(periodGranularity, now)) throw invalid("A fixed range cannot end in the future.", { to: "Choose a period that has started" });
    range = { rangeFrom: from, rangeTo: to };
  }
  const token = newSecret();
  const link = await db.$transaction(async (tx) => {
    // The right is checked again on the creator as the database has them now, with their row locked
    // against a concurrent change of role, departments or activity (which updates it): either that
    // change sees this link and revokes it, or this sees the change and refuses.
    if (!(await mayStillShare(tx, actor.id, touchpoint.departmentId))) {
      throw forbidden("Only executives, admins and the heads of the touchpoint's department can create its share links.");
    }
    const created = await tx.shareLink.create({
      data: {
        touchpointId: touchpoint.id,
        label: input.label,
        tokenHash: hashSecret(token),
        createdById: actor.id,
        createdAt: now,
        expiresAt: input.expires === "never" ? null : new Date(now.getTime() + Number(input.expires) * DAY_MS),
        ...range,
      },
      select: { id: true, touchpointId: true, label: true, expiresAt: true, rangeFrom: true, rangeTo: true },
    });
    // Never the token: the audit log is read by admins, and the link is a bearer secret.
    await recordAudit(tx, actor, { action: "share-link.create", entity: "ShareLink", entityId: created.id, after: created });
    return created;
  });
  return { id: link.id, token };
}

const CREATOR_SELECT = { id: true, role: true, active: true, memberships: { select: { departmentId: true } } } as const;
type Creator = { id: number; role: Role; active: boolean; memberships: { departmentId: number }[] };
const canStillShare = (creator: Creator, departmentId: number) => creator.active && canShareReport({ id: creator.id, role: creator.role, departmentIds: creator.memberships.map((m) => m.departmentId) }, departmentId);

/** Whether the person, read (and on PostgreSQL share-locked) inside `tx`, may share a touchpoint of `departmentId`. SQLite runs one write transaction at a time. */
async function mayStillShare(tx: Tx, userId: number, departmentId: number): Promise<boolean> {
  await lockUser(tx, userId, "share");
  const creator = await tx.user.findUnique({ where: { id: userId }, select: CREATOR_SELECT });
  return creator !== null && canStillShare(creator, departmentId);
}

/**
 * Revokes the live links, among a creator's or a touchpoint's, whose creator can no longer share
 * their touchpoint (deactivated, a role without sharing, not in the touchpoint's department), with
 * the reason CREATOR_CANNOT_SHARE. Runs inside the transaction of the change that took the right
 * away, after it. Links whose creator was deleted are left alone. Returns how many were revoked.
 */
export async function revokeShareLinksBeyondAccess(tx: Tx, scope: { createdById: number } | { touchpointId: number }, now: Date): Promise<number> {
  const links = await tx.shareLink.findMany({
    where: { ...scope, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { id: true, touchpoint: { select: { departmentId: true } }, createdBy: { select: CREATOR_SELECT } },
  });
  const beyond = links.filter((l) => l.createdBy && !canStillShare(l.createdBy, l.touchpoint.departmentId)).map((l) => l.id);
  if (beyond.length) await tx.shareLink.updateMany({ where: { id: { in: beyond }, revokedAt: null }, data: { revokedAt: now, revokedReason: CREATOR_CANNOT_SHARE } });
  return beyond.length;
}

export async function revokeShareLink(actor: Actor & { name: string }, { id }: { id: number }, now = new Date()) {
  const link = await db.shareLink.findUnique({ where: { id }, select: { touchpointId: true, revokedAt: true } });
  if (!link) throw notFound("That share link does not exist.");
  await touchpointToShare(actor, link.touchpointId, "revoke");
  await db.$transaction(async (tx) => {
    // Conditional, so two revokes at once record one.
    const { count } = await tx.shareLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedReason: `revoked by ${actor.name}` } });
    if (count === 1) await recordAudit(tx, actor, { action: "share-link.revoke", entity: "ShareLink", entityId: id, before: { revokedAt: null }, after: { revokedAt: now } });
  });
  return { id, touchpointId: link.touchpointId };
}

/**
 * The live link behind a token, or null for a malformed, unknown, expired or revoked token or an
 * archived touchpoint — deliberately the same answer, so the public page reveals nothing.
 */
export async function resolveShareToken(token: string, now = new Date()) {
  if (!isTokenShape(token)) return null;
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { id: true, touchpointId: true, expiresAt: true, revokedAt: true, rangeFrom: true, rangeTo: true, touchpoint: { select: { archivedAt: true } } },
  });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= now) || link.touchpoint.archivedAt) return null;
  return {
    id: link.id,
    touchpointId: link.touchpointId,
    range: link.rangeFrom && link.rangeTo ? { from: toPeriodKey(link.rangeFrom), to: toPeriodKey(link.rangeTo) } : null,
  };
}

/** Counts one view of the public page. */
export async function recordShareView(id: number, now = new Date()) {
  await db.shareLink.update({ where: { id }, data: { viewCount: { increment: 1 }, lastViewedAt: now } });
}
