"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions";
import { setJourneyFollowing } from "@/lib/data/follows";
import { journeyFollowingSchema } from "@/lib/validation/follow";

const follow = authenticatedAction(journeyFollowingSchema, (actor, input) => setJourneyFollowing(actor, input));

/** Follows the journey ({ following: true }) or stops following it: its shortfall alerts come to the person or stop. */
export async function setJourneyFollowingAction(input: unknown) {
  const result = await follow(input);
  if (result.ok) revalidatePath("/overview");
  return result;
}
