"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions";
import { updateOrganisationSettings, updateScheduleSettings } from "@/lib/data/organisation";
import { updateSessionSettings } from "@/lib/data/sessions";
import { organisationSettingsSchema } from "@/lib/validation/organisation";
import { scheduleSettingsSchema } from "@/lib/validation/schedule";
import { sessionSettingsSchema } from "@/lib/validation/sessions";

const update = authenticatedAction(organisationSettingsSchema, (actor, input) => updateOrganisationSettings(actor, input));

/** Saves the organisation's settings; every page's scores may change, so all are revalidated. */
export async function updateSettingsAction(input: unknown) {
  const result = await update(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

const updateSchedule = authenticatedAction(scheduleSettingsSchema, (actor, input) => updateScheduleSettings(actor, input));

/** Saves when notifications go out (admins only, checked in updateScheduleSettings). */
export async function updateScheduleAction(input: unknown) {
  const result = await updateSchedule(input);
  if (result.ok) revalidatePath("/admin/settings");
  return result;
}

const updateSessions = authenticatedAction(sessionSettingsSchema, (actor, input) => updateSessionSettings(actor, input));

/** Saves the session lifetimes (admins only, checked in updateSessionSettings). */
export async function updateSessionSettingsAction(input: unknown) {
  const result = await updateSessions(input);
  if (result.ok) revalidatePath("/admin/settings");
  return result;
}
