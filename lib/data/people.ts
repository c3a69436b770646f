// People, as admins manage them: role, department memberships, deactivation. Deactivating a person
// or changing their role ends all their sessions in the same transaction (lib/data/sessions.ts);
// reactivating them does not bring any back: they sign in again. The same changes revoke the API
// keys and share links the person made that they could no longer make.
// There is always at least one active admin: the last one cannot be demoted or deactivated.
import { db, type Tx } from "../db";
import type { Role } from "../domain";
import { conflict, forbidden, invalid, notFound } from "../errors";
import { canConfigureOrganisation, canManageApiKeys, type Actor } from "../permissions";
import { recordAudit } from "./audit";
import { isUniqueViolation } from "./prisma-errors";
import { ENDED, endSessionsOf } from "./sessions";
import { revokeShareLinksBeyondAccess } from "./share-links";

export type Person = { id: number; name: string; email: string; role: Role; active: boolean; departmentIds: number[] };

function mustManage(actor: Actor) {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can manage people.");
}

export async function listPeople(actor: Actor): Promise<Person[]> {
  mustManage(actor);
  const users = await db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, active: true, memberships: { select: { departmentId: true }, orderBy: { departmentId: "asc" } } },
  });
  return users.map(({ memberships, ...u }) => ({ ...u, departmentIds: memberships.map((m) => m.departmentId) }));
}

async function refuseLosingLastAdmin(tx: Tx, user: { id: number; role: Role; active: boolean }, why: string) {
  if (user.role !== "ADMIN" || !user.active) return;
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: user.id } } });
  if (others === 0) throw conflict(`${why} Touchline needs at least one active admin: make someone else an admin first.`);
}

/**
 * Revokes the API keys a person made for departments they may no longer manage keys for (all of
 * them once deactivated): a key should not outlive its maker's access. Returns how many.
 */
async function revokeKeysBeyondAccess(tx: Tx, person: Actor & { active: boolean }, now: Date): Promise<number> {
  const keys = await tx.apiKey.findMany({ where: { createdById: person.id, revokedAt: null }, select: { id: true, departmentId: true } });
  const beyond = keys.filter((k) => !person.active || !canManageApiKeys(person, k.departmentId)).map((k) => k.id);
  if (beyond.length) await tx.apiKey.updateMany({ where: { id: { in: beyond } }, data: { revokedAt: now } });
  return beyond.length;
}

const snapshot = (u: { role: Role; active: boolean; memberships: { departmentId: number }[] }) => ({ role: u.role, active: u.active, departmentIds: u.memberships.map((m) => m.departmentId).sort((a, b) => a - b) });

/**
 * Sets a person's role and departments. A new role ends their sessions (they sign in again under
 * it); API keys for departments they may no longer manage keys for, and share links to touchpoints
 * they may no longer share, are revoked. Returns how many keys and links were revoked and sessions
 * ended. Throws not_found, invalid (an archived or unknown department), conflict (the
 * last active admin).
 */
export async function updatePerson(actor: Actor, input: { id: number; role: Role; departmentIds: number[] }, now = new Date()) {
  mustManage(actor);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.id }, select: { id: true, name: true, role: true, active: true, memberships: { select: { departmentId: true } } } });
    if (!user) throw notFound("That person does not exist.");
    if (input.role !== "ADMIN") await refuseLosingLastAdmin(tx, user, `${user.name} is the only active admin.`);
    const ids = [...new Set(input.departmentIds)];
    const found = await tx.department.count({ where: { id: { in: ids }, archivedAt: null } });
    if (found !== ids.length) throw invalid("Choose active departments only.", { departmentIds: "Choose active departments only" });
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    await tx.departmentMembership.deleteMany({ where: { userId: user.id } });
    if (ids.length) await tx.departmentMembership.createMany({ data: ids.map((departmentId) => ({ userId: user.id, departmentId })) });
    const after = { role: input.role, active: user.active, departmentIds: ids.sort((a, b) => a - b) };
    const revokedApiKeys = await revokeKeysBeyondAccess(tx, { id: user.id, ...after }, now);
    const revokedShareLinks = await revokeShareLinksBeyondAccess(tx, { createdById: user.id }, now);
    const endedSessions = input.role !== user.role ? await endSessionsOf(tx, user.id, ENDED.roleChanged, now) : 0;
    await recordAudit(tx, actor, { action: "person.update", entity: "User", entityId: user.id, before: snapshot(user), after: { ...after, ...(revokedApiKeys ? { revokedApiKeys } : {}), ...(revokedShareLinks ? { revokedShareLinks } : {}), ...(endedSessions ? { endedSessions } : {}) } });
    return { id: user.id, name: user.name, revokedApiKeys, revokedShareLinks, endedSessions };
  });
}

/** Corrects a person's name or email (their sign-in email changes with it). */
export async function updatePersonDetails(actor: Actor, input: { id: number; name: string; email: string }) {
  mustManage(actor);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: input.id }, select: { name: true, email: true } });
      if (!user) throw notFound("That person does not exist.");
      await tx.user.update({ where: { id: input.id }, data: { name: input.name, email: input.email } });
      await recordAudit(tx, actor, { action: "person.details", entity: "User", entityId: input.id, before: user, after: { name: input.name, email: input.email } });
      return { id: input.id, name: input.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid(`Someone else already signs in with ${input.email}.`, { email: "Someone else already signs in with this email" });
    throw error;
  }
}

/**
 * Deactivating ends all the person's sessions and revokes their API keys and share links, in one transaction;
 * reactivating lets them sign in again (their old sessions stay ended). Throws not_found, conflict
 * (oneself, or the last active admin).
 */
export async function setPersonActive(actor: Actor, { id }: { id: number }, active: boolean, now = new Date()) {
  mustManage(actor);
  if (!active && id === actor.id) throw conflict("You cannot deactivate your own account; ask another admin.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, name: true, role: true, active: true, memberships: { select: { departmentId: true } } } });
    if (!user) throw notFound("That person does not exist.");
    if (user.active === active) return { id, name: user.name, revokedApiKeys: 0, revokedShareLinks: 0, endedSessions: 0 };
    if (!active) await refuseLosingLastAdmin(tx, user, `${user.name} is the only active admin.`);
    await tx.user.update({ where: { id }, data: { active } });
    const revokedApiKeys = active ? 0 : await revokeKeysBeyondAccess(tx, { id, role: user.role, active, departmentIds: [] }, now);
    const revokedShareLinks = active ? 0 : await revokeShareLinksBeyondAccess(tx, { createdById: id }, now);
    const endedSessions = active ? 0 : await endSessionsOf(tx, id, ENDED.deactivated, now);
    await recordAudit(tx, actor, { action: active ? "person.reactivate" : "person.deactivate", entity: "User", entityId: id, before: { active: user.active }, after: { active, ...(revokedApiKeys ? { revokedApiKeys } : {}), ...(revokedShareLinks ? { revokedShareLinks } : {}), ...(endedSessions ? { endedSessions } : {}) } });
    return { id, name: user.name, revokedApiKeys, revokedShareLinks, endedSessions };
  });
}
