"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions";
import { setPersonActive, updatePerson } from "@/lib/data/people";
import { personIdSchema, updatePersonSchema } from "@/lib/validation/people";

const update = authenticatedAction(updatePersonSchema, (actor, input) => updatePerson(actor, input));
const deactivate = authenticatedAction(personIdSchema, (actor, input) => setPersonActive(actor, input, false));
const reactivate = authenticatedAction(personIdSchema, (actor, input) => setPersonActive(actor, input, true));

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
