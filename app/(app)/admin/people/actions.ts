"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { authenticatedAction } from "@/lib/actions";
import { createInvitation, revokeInvitation } from "@/lib/data/invitations";
import { setPersonActive, updatePerson } from "@/lib/data/people";
import { createInvitationSchema, invitationIdSchema } from "@/lib/validation/invitations";
import { personIdSchema, updatePersonSchema } from "@/lib/validation/people";

const update = authenticatedAction(updatePersonSchema, (actor, input) => updatePerson(actor, input));
const deactivate = authenticatedAction(personIdSchema, (actor, input) => setPersonActive(actor, input, false));
const reactivate = authenticatedAction(personIdSchema, (actor, input) => setPersonActive(actor, input, true));
const invite = authenticatedAction(createInvitationSchema, (actor, input) => createInvitation(actor, input));
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

/** Makes an invitation; the link (with its token) is in the answer and nowhere else. */
export async function createInvitationAction(input: unknown) {
  const result = await invite(input);
  if (!result.ok) return result;
  // A server action's request always carries the page's origin (Next.js checks it against CSRF).
  const origin = (await headers()).get("origin") ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  const link = `${origin}/invite/${result.data.token}`;
  // No mail server is needed: in development the link also goes to the server console.
  if (process.env.NODE_ENV === "development") console.info(`Invitation for ${result.data.email} (valid until ${result.data.expiresAt}): ${link}`);
  revalidatePath("/admin/people");
  return { ok: true as const, data: { email: result.data.email, expiresAt: result.data.expiresAt, link } };
}

export async function revokeInvitationAction(input: unknown) {
  const result = await revokeInvite(input);
  if (result.ok) revalidatePath("/admin/people");
  return result;
}
