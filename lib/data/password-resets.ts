// Forgotten passwords, without a mail server: an admin makes a one-time reset link for the person
// (/reset/<token>, 24 hours) and passes it on, as with invitations. Only the token's SHA-256 is
// stored. Using it sets the new password, ends every session of the person, and lifts a sign-in
// pause on the account.
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { conflict, forbidden, invalid, notFound } from "../errors";
import { canConfigureOrganisation, type Actor } from "../permissions";
import { clearFailedSignIns } from "../rate-limit";
import { hashSecret, newSecret } from "../secrets";
import type { ResetPasswordInput } from "../validation/auth";
import { isTokenShape } from "../validation/fields";
import { passwordProblem } from "../validation/password";
import { recordAudit } from "./audit";
import { ENDED, endSessionsOf } from "./sessions";

export const RESET_HOURS = 24;
const NO_LONGER_VALID = "This reset link is no longer valid. Ask your admin for a new one.";

/** Makes a reset link for an active person, withdrawing their older ones; returns the token once. */
export async function createPasswordReset(actor: Actor, { id }: { id: number }, now = new Date()) {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can make password reset links.");
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + RESET_HOURS * 3_600_000);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { name: true, email: true, active: true } });
    if (!user) throw notFound("That person does not exist.");
    if (!user.active) throw conflict(`${user.name} is deactivated: reactivate them first.`);
    await tx.passwordReset.updateMany({ where: { userId: id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await tx.passwordReset.create({ data: { userId: id, tokenHash: hashSecret(token), createdById: actor.id, createdAt: now, expiresAt } });
    await recordAudit(tx, actor, { action: "person.password-reset-link", entity: "User", entityId: id, after: { expiresAt: expiresAt.toISOString() } });
    return { token, name: user.name, email: user.email, expiresAt: expiresAt.toISOString() };
  });
}

export type PasswordResetLookup = { status: "valid"; name: string; email: string; expiresAt: string } | { status: "used" | "expired" | "revoked" };

/** What the reset page shows for a token; null for a malformed or unknown one. */
export async function lookUpPasswordReset(token: string, now = new Date()): Promise<PasswordResetLookup | null> {
  if (!isTokenShape(token)) return null;
  const row = await db.passwordReset.findUnique({ where: { tokenHash: hashSecret(token) }, select: { expiresAt: true, usedAt: true, revokedAt: true, user: { select: { name: true, email: true, active: true } } } });
  if (!row) return null;
  if (row.usedAt) return { status: "used" };
  if (row.revokedAt || !row.user.active) return { status: "revoked" };
  if (row.expiresAt <= now) return { status: "expired" };
  return { status: "valid", name: row.user.name, email: row.user.email, expiresAt: row.expiresAt.toISOString() };
}

/** Sets the new password from a reset link, once; returns the email to sign in with. */
export async function resetPassword(input: ResetPasswordInput, now = new Date()): Promise<{ email: string }> {
  const reset = await db.passwordReset.findUnique({ where: { tokenHash: hashSecret(input.token) }, select: { id: true, expiresAt: true, usedAt: true, revokedAt: true, user: { select: { id: true, name: true, email: true, role: true, active: true } } } });
  if (!reset || reset.usedAt || reset.revokedAt || reset.expiresAt <= now || !reset.user.active) throw conflict(NO_LONGER_VALID);
  const { user } = reset;
  const problem = passwordProblem(input.password, user);
  if (problem) throw invalid(problem, { password: problem });
  const passwordHash = await hashPassword(input.password); // slow on purpose: outside the transaction
  await db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw conflict(NO_LONGER_VALID);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const endedSessions = await endSessionsOf(tx, user.id, ENDED.passwordReset, now);
    await recordAudit(tx, { id: user.id, role: user.role, departmentIds: [] }, { action: "user.password-reset", entity: "User", entityId: user.id, ...(endedSessions ? { after: { endedSessions } } : {}) });
  });
  await clearFailedSignIns(user.email);
  return { email: user.email };
}
