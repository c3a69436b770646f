// What people do to their own account. Changing the password ends every other session of theirs
// (lib/data/sessions.ts): a stolen session must not outlive it.
import { hashPassword, verifyPassword } from "../auth/password";
import { db } from "../db";
import { invalid } from "../errors";
import type { Actor } from "../permissions";
import { signInSucceeded, takeSignInAttempt } from "../rate-limit";
import { logSecurityEvent } from "../security-log";
import type { ChangePasswordInput } from "../validation/auth";
import { passwordProblem } from "../validation/password";
import { recordAudit } from "./audit";
import { ENDED, endSessionsOf } from "./sessions";

/**
 * Sets a new password after checking the current one (wrong guesses count like failed sign-ins,
 * from `address`), and ends every session of the person but `actor.sessionId` (all of them
 * without one). Returns the email. Throws invalid (wrong current password, a paused account, a
 * new password that breaks the rules).
 */
export async function changeOwnPassword(actor: Actor & { sessionId?: string }, input: ChangePasswordInput, address: string, now = new Date()) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, name: true, passwordHash: true } });
  // Guessing the current password from a borrowed session counts like guessing at sign-in.
  const locked = await takeSignInAttempt(user.email, address);
  if (locked !== null) logSecurityEvent("sign_in_locked", { address, userId: actor.id, reason: "changing the password", waitSeconds: locked });
  if (locked !== null) throw invalid(`Too many wrong passwords. Try again in ${Math.ceil(locked / 60)} minutes.`, { currentPassword: "Too many wrong passwords; wait and try again" });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    logSecurityEvent("sign_in_failed", { address, userId: actor.id, reason: "wrong current password when changing it" });
    throw invalid("Your current password is not right.", { currentPassword: "That is not your current password" });
  }
  await signInSucceeded(user.email, address);
  const problem = passwordProblem(input.password, user);
  if (problem) throw invalid(problem, { password: problem });
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    const endedSessions = await endSessionsOf(tx, actor.id, ENDED.passwordChanged, now, actor.sessionId);
    await recordAudit(tx, actor, { action: "user.password-change", entity: "User", entityId: actor.id, ...(endedSessions ? { after: { endedSessions } } : {}) });
  });
  return { email: user.email };
}
