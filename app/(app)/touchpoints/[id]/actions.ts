"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions";
import { createShareLink, revokeShareLink } from "@/lib/data/share-links";
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
