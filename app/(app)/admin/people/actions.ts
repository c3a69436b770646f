"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { authenticatedAction } from "@/lib/actions";
import { createInvitation, revokeInvitation } from "@/lib/data/invitations";
import { createPasswordReset } from "@/lib/data/password-resets";
import { setPersonActive, updatePerson, updatePersonDetails } from "@/lib/data/people";
import { createInvitationSchema, invitationIdSchema } from "@/lib/validation/invitations";
import { personDetailsSchema, personIdSchema, updatePersonSchema } from "@/lib/validation/people";

const update = authenticatedAction(updatePersonSchema, (actor, input) => updatePerson(actor, input));
const deactivate = authenticatedAction(personIdSchema, (actor, input) => setPersonActive(actor, input, false));
const reactivate = authenticatedAction(personIdSchema, (actor, input) => setPersonActive(actor, input, true));
const invite = authenticatedAction(createInvitationSchema, (actor, input) => createInvitation(actor, input));
const details = authenticatedAction(personDetailsSchema, (actor, input) => updatePersonDetails(actor, input));
const reset = authenticatedAction(personIdSchema, (actor, input) => createPasswordReset(actor, input));
const revokeInvite = authenticatedAction(invitationIdSchema, (actor, input) => revokeInvitation(actor, input));

export async function updatePersonAction(input: unknown) {
  const result = await update(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function setPersonActiveAction(input: unknown, active: boolean) {
  const result = await (active ? reactivate : deactivate)(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function updatePersonDetailsAction(input: unknown) {
  const result = await details(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/**
 * The full one-time link for a token. No mail server is needed: the admin passes it on, and in
 * development it also goes to the server console.
 */
async function oneTimeLink(path: string, token: string, what: string, expiresAt: string) {
  // A server action's request always carries the page's origin (Next.js checks it against CSRF).
  const origin = (await headers()).get("origin") ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  const link = `${origin}${path}/${token}`;
  if (process.env.NODE_ENV === "development") console.info(`${what} (valid until ${expiresAt}): ${link}`);
  return link;
}

/** Makes an invitation; the link (with its token) is in the answer and nowhere else. */
export async function createInvitationAction(input: unknown) {
  const result = await invite(input);
  if (!result.ok) return result;
  const { email, expiresAt, token } = result.data;
  const link = await oneTimeLink("/invite", token, `Invitation for ${email}`, expiresAt);
  revalidatePath("/admin/people");
  return { ok: true as const, data: { email, expiresAt, link } };
}

/** Makes a password reset link for a person; like an invitation, shown once. */
export async function createPasswordResetAction(input: unknown) {
  const result = await reset(input);
  if (!result.ok) return result;
  const { name, email, expiresAt, token } = result.data;
  const link = await oneTimeLink("/reset", token, `Password reset for ${email}`, expiresAt);
  return { ok: true as const, data: { name, expiresAt, link } };
}

export async function revokeInvitationAction(input: unknown) {
  const result = await revokeInvite(input);
  if (result.ok) revalidatePath("/admin/people");
  return result;
}
