"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions";
import { updateOrganisationSettings } from "@/lib/data/organisation";
import { organisationSettingsSchema } from "@/lib/validation/organisation";

const update = authenticatedAction(organisationSettingsSchema, (actor, input) => updateOrganisationSettings(actor, input));

/** Saves the organisation's settings; every page's scores may change, so all are revalidated. */
export async function updateSettingsAction(input: unknown) {
  const result = await update(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
