// Invitations: how people join. An admin names an email, a role and departments; Touchline makes
// a one-time link (/invite/<token>, 256 bits, valid 7 days) shown to the admin to pass on. Only
// the token's SHA-256 is stored. Accepting it creates the account, once: the invitation is
// claimed with a conditional update, so two tabs racing with the same link make one account.
import { hashPassword } from "../auth/password";
import { db } from "../db";
import type { Role } from "../domain";
import { conflict, forbidden, invalid, notFound } from "../errors";
import { canConfigureOrganisation, type Actor } from "../permissions";
import { hashSecret, newSecret } from "../secrets";
import { isTokenShape } from "../validation/fields";
import { INVITATION_DAYS, type AcceptInvitationInput, type CreateInvitationInput } from "../validation/invitations";
import { passwordProblem } from "../validation/password";
import { recordAudit } from "./audit";
import { isUniqueViolation } from "./prisma-errors";

const DAY_MS = 86_400_000;

export type InvitationSummary = {
  id: number;
  email: string;
  role: Role;
  departmentIds: number[];
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  status: "pending" | "expired";
};

function mustManage(actor: Actor) {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can invite people.");
}

/** Invitations not yet accepted or withdrawn, newest first (expired ones too, to invite again). */
export async function listOpenInvitations(actor: Actor, now = new Date()): Promise<InvitationSummary[]> {
  mustManage(actor);
  const rows = await db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true } }, departments: { select: { departmentId: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    departmentIds: r.departments.map((d) => d.departmentId).sort((a, b) => a - b),
    invitedBy: r.createdBy?.name ?? null,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    status: r.expiresAt <= now ? "expired" : "pending",
  }));
}

/**
 * Makes an invitation and returns its token: the only time anyone sees it. Inviting the same
 * address again withdraws the earlier link, so only the newest one works.
 */
export async function createInvitation(actor: Actor, input: CreateInvitationInput, now = new Date()) {
  mustManage(actor);
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
  const departmentIds = [...new Set(input.departmentIds)].sort((a, b) => a - b);
  const id = await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { name: true, active: true } });
    if (existing) {
      const hint = existing.active ? "" : " Their account is deactivated: reactivate it below instead.";
      throw conflict(`${existing.name} already has an account with ${input.email}.${hint}`);
    }
    const found = await tx.department.count({ where: { id: { in: departmentIds }, archivedAt: null } });
    if (found !== departmentIds.length) throw invalid("Choose active departments only.", { departmentIds: "Choose active departments only" });
    await tx.invitation.updateMany({ where: { email: input.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const invitation = await tx.invitation.create({
      data: { email: input.email, role: input.role, tokenHash: hashSecret(token), createdById: actor.id, createdAt: now, expiresAt, departments: { create: departmentIds.map((departmentId) => ({ departmentId })) } },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "invitation.create", entity: "Invitation", entityId: invitation.id, after: { email: input.email, role: input.role, departmentIds, expiresAt: expiresAt.toISOString() } });
    return invitation.id;
  });
  return { id, token, email: input.email, expiresAt: expiresAt.toISOString() };
}

export async function revokeInvitation(actor: Actor, { id }: { id: number }, now = new Date()) {
  mustManage(actor);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id }, select: { email: true, acceptedAt: true, revokedAt: true } });
    if (!invitation) throw notFound("That invitation does not exist.");
    if (invitation.acceptedAt) throw conflict(`${invitation.email} has already accepted; deactivate their account instead.`);
    if (!invitation.revokedAt) {
      await tx.invitation.update({ where: { id }, data: { revokedAt: now } });
      await recordAudit(tx, actor, { action: "invitation.revoke", entity: "Invitation", entityId: id, before: { email: invitation.email, revokedAt: null }, after: { email: invitation.email, revokedAt: now.toISOString() } });
    }
    return { id, email: invitation.email };
  });
}

export type InvitationLookup =
  | { status: "valid"; email: string; role: Role; departments: string[]; invitedBy: string | null; expiresAt: string }
  | { status: "accepted" | "expired" | "revoked" };

/** What the invitation page shows for a token; null for a malformed or unknown one. */
export async function lookUpInvitation(token: string, now = new Date()): Promise<InvitationLookup | null> {
  if (!isTokenShape(token)) return null;
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
      departments: { where: { department: { archivedAt: null } }, select: { department: { select: { name: true } } }, orderBy: { department: { name: "asc" } } },
    },
  });
  if (!row) return null;
  if (row.acceptedAt) return { status: "accepted" };
  if (row.revokedAt) return { status: "revoked" };
  if (row.expiresAt <= now) return { status: "expired" };
  return { status: "valid", email: row.email, role: row.role, departments: row.departments.map((d) => d.department.name), invitedBy: row.createdBy?.name ?? null, expiresAt: row.expiresAt.toISOString() };
}

const NO_LONGER_VALID = "This invitation is no longer valid. Ask your admin for a new one.";

/** Creates the invited person's account and uses the invitation up. Returns the email to sign in with. */
export async function acceptInvitation(input: AcceptInvitationInput, now = new Date()): Promise<{ email: string }> {
  const tokenHash = hashSecret(input.token);
  const invitation = await db.invitation.findUnique({
    where: { tokenHash },
    select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true, departments: { where: { department: { archivedAt: null } }, select: { departmentId: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) throw conflict(NO_LONGER_VALID);
  // The browser's copy of the email is only a hint; judge the password against the invitation's.
  const problem = passwordProblem(input.password, { email: invitation.email, name: input.name });
  if (problem) throw invalid(problem, { password: problem });
  const passwordHash = await hashPassword(input.password); // slow on purpose: outside the transaction
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
      if (claimed.count !== 1) throw conflict(NO_LONGER_VALID);
      const { role } = invitation;
      const departmentIds = invitation.departments.map((d) => d.departmentId);
      const user = await tx.user.create({
        data: { email: invitation.email, name: input.name, passwordHash, role, memberships: { create: departmentIds.map((departmentId) => ({ departmentId })) } },
        select: { id: true },
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { userId: user.id } });
      await recordAudit(tx, { id: user.id, role, departmentIds }, { action: "invitation.accept", entity: "User", entityId: user.id, after: { email: invitation.email, name: input.name, role, departmentIds } });
      return { email: invitation.email };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`An account with ${invitation.email} already exists. Sign in instead.`);
    throw error;
  }
}
