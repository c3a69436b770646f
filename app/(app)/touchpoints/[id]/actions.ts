"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions";
import { setTouchpointFollowing } from "@/lib/data/follows";
import { createShareLink, revokeShareLink } from "@/lib/data/share-links";
import { touchpointFollowingSchema } from "@/lib/validation/follow";
import { createShareLinkSchema, revokeShareLinkSchema } from "@/lib/validation/share-link";

const create = authenticatedAction(createShareLinkSchema, (actor, input) => createShareLink(actor, input));
const revoke = authenticatedAction(revokeShareLinkSchema, (actor, input) => revokeShareLink(actor, input));

/** Creates a public link to a touchpoint's report; the token comes back once. */
export async function createShareLinkAction(input: unknown) {
  const result = await create(input);
  if (result.ok) revalidatePath("/touchpoints/[id]", "page");
  return result;
}

/** Revokes a link at once: the next request to it gets the "no longer available" page. */
export async function revokeShareLinkAction(input: unknown) {
  const result = await revoke(input);
  if (result.ok) revalidatePath("/touchpoints/[id]", "page");
  return result;
}

const follow = authenticatedAction(touchpointFollowingSchema, (actor, input) => setTouchpointFollowing(actor, input));

/** Follows the touchpoint ({ following: true }) or stops following it: its alerts come to the person or stop. */
export async function setTouchpointFollowingAction(input: unknown) {
  const result = await follow(input);
  if (result.ok) revalidatePath("/touchpoints/[id]", "page");
  return result;
}
