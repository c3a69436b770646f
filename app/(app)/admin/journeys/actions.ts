"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions";
import { addStage, createJourney, moveStage, renameStage, setJourneyArchived, setStageArchived, updateJourney } from "@/lib/data/journeys-admin";
import { addStageSchema, createJourneySchema, journeyIdSchema, moveStageSchema, renameStageSchema, stageIdSchema, updateJourneySchema } from "@/lib/validation/journeys";

const actions = {
  createJourney: authenticatedAction(createJourneySchema, (actor, input) => createJourney(actor, input)),
  updateJourney: authenticatedAction(updateJourneySchema, (actor, input) => updateJourney(actor, input)),
  archiveJourney: authenticatedAction(journeyIdSchema, (actor, input) => setJourneyArchived(actor, input, true)),
  restoreJourney: authenticatedAction(journeyIdSchema, (actor, input) => setJourneyArchived(actor, input, false)),
  addStage: authenticatedAction(addStageSchema, (actor, input) => addStage(actor, input)),
  renameStage: authenticatedAction(renameStageSchema, (actor, input) => renameStage(actor, input)),
  moveStage: authenticatedAction(moveStageSchema, (actor, input) => moveStage(actor, input)),
  archiveStage: authenticatedAction(stageIdSchema, (actor, input) => setStageArchived(actor, input, true)),
  restoreStage: authenticatedAction(stageIdSchema, (actor, input) => setStageArchived(actor, input, false)),
};

/** One entry point for the journeys page's changes; every one checks the role on the server. */
export async function journeyAdminAction(name: keyof typeof actions, input: unknown) {
  if (!Object.hasOwn(actions, name)) return { ok: false as const, code: "invalid" as const, message: "Unknown change." };
  const result = await actions[name](input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
