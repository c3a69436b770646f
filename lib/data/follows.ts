// Following a touchpoint or a journey: the follower gets its alerts (lib/notifications/alerts.ts),
// as the touchpoint's department heads do. Anyone who can see the touchpoint or the overview may
// follow; each person changes only their own following. Setting the state (not toggling it) makes a
// repeated or parallel request harmless: the composite key and ON CONFLICT DO NOTHING keep one row.
import { db, type Tx } from "../db";
import { forbidden, notFound } from "../errors";
import { canViewOverview, canViewTouchpoint, type Actor } from "../permissions";
import type { JourneyFollowingInput, TouchpointFollowingInput } from "../validation/follow";
import { recordAudit } from "./audit";
import { int, time } from "./sql-params";

export type Following = { following: boolean };

/**
 * Starts (following: true) or stops following an active touchpoint for the actor. Audited
 * ("touchpoint.follow" / "touchpoint.unfollow") when it changes anything. Throws forbidden for a
 * role that cannot see touchpoints, not_found for an unknown or archived one.
 */
export async function setTouchpointFollowing(actor: Actor, { touchpointId, following }: TouchpointFollowingInput, now = new Date()): Promise<Following> {
  if (!canViewTouchpoint(actor)) throw forbidden("You cannot see touchpoints, so you cannot follow one.");
  return db.$transaction(async (tx) => {
    const touchpoint = await tx.touchpoint.findFirst({ where: { id: touchpointId, archivedAt: null, stage: { archivedAt: null, journey: { archivedAt: null } } }, select: { id: true } });
    if (!touchpoint) throw notFound("That touchpoint does not exist or has been archived.");
    const changed = following
      ? await tx.$executeRaw`
          INSERT INTO "TouchpointFollower" ("userId", "touchpointId", "createdAt") VALUES (${int(actor.id)}, ${int(touchpointId)}, ${time(now)})
          ON CONFLICT ("userId", "touchpointId") DO NOTHING`
      : (await tx.touchpointFollower.deleteMany({ where: { userId: actor.id, touchpointId } })).count;
    if (changed) await audit(tx, actor, "touchpoint", touchpointId, following);
    return { following };
  });
}

/** The same for an active journey ("journey.follow" / "journey.unfollow"); its followers get its shortfall alerts. */
export async function setJourneyFollowing(actor: Actor, { journeyId, following }: JourneyFollowingInput, now = new Date()): Promise<Following> {
  if (!canViewOverview(actor)) throw forbidden("You cannot see the overview, so you cannot follow a journey.");
  return db.$transaction(async (tx) => {
    const journey = await tx.journey.findFirst({ where: { id: journeyId, archivedAt: null }, select: { id: true } });
    if (!journey) throw notFound("That journey does not exist or has been archived.");
    const changed = following
      ? await tx.$executeRaw`
          INSERT INTO "JourneyFollower" ("userId", "journeyId", "createdAt") VALUES (${int(actor.id)}, ${int(journeyId)}, ${time(now)})
          ON CONFLICT ("userId", "journeyId") DO NOTHING`
      : (await tx.journeyFollower.deleteMany({ where: { userId: actor.id, journeyId } })).count;
    if (changed) await audit(tx, actor, "journey", journeyId, following);
    return { following };
  });
}

function audit(tx: Tx, actor: Actor, entity: "touchpoint" | "journey", id: number, following: boolean) {
  return recordAudit(tx, actor, {
    action: `${entity}.${following ? "follow" : "unfollow"}`,
    entity: entity === "touchpoint" ? "Touchpoint" : "Journey",
    entityId: id,
    after: { userId: actor.id, following },
  });
}

/** Whether the actor follows the touchpoint. */
export async function isFollowingTouchpoint(actor: Actor, touchpointId: number): Promise<boolean> {
  return (await db.touchpointFollower.count({ where: { userId: actor.id, touchpointId } })) > 0;
}

/** The ids of the journeys the actor follows. */
export async function listFollowedJourneyIds(actor: Actor): Promise<number[]> {
  const rows = await db.journeyFollower.findMany({ where: { userId: actor.id }, select: { journeyId: true } });
  return rows.map((r) => r.journeyId);
}
