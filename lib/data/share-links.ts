// Public links to one touchpoint's report (/r/<token>). The token is random (256 bits), shown once
// when the link is made; the database holds only its SHA-256 hash, so a leaked database gives no
// working links. Unknown, expired and revoked tokens all resolve to null: the page cannot tell them apart.
import { db } from "../db";
import { forbidden, invalid, notFound } from "../errors";
import { currentPeriod, isPeriodStart, toPeriodKey } from "../periods";
import { canShareReport, type Actor } from "../permissions";
import { hashSecret, newSecret } from "../secrets";
import { isTokenShape } from "../validation/fields";
import type { CreateShareLinkInput } from "../validation/share-link";
import { recordAudit } from "./audit";
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
};

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
    select: { id: true, label: true, createdAt: true, expiresAt: true, rangeFrom: true, rangeTo: true, viewCount: true, lastViewedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
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

export async function revokeShareLink(actor: Actor, { id }: { id: number }, now = new Date()) {
  const link = await db.shareLink.findUnique({ where: { id }, select: { touchpointId: true, revokedAt: true } });
  if (!link) throw notFound("That share link does not exist.");
  await touchpointToShare(actor, link.touchpointId, "revoke");
  await db.$transaction(async (tx) => {
    // Conditional, so two revokes at once record one.
    const { count } = await tx.shareLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
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
