"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions";
import { recordProcessChange, updateProcessChange } from "@/lib/data/process-changes";
import { recordChangeSchema, updateChangeSchema } from "@/lib/validation/process-change";

const record = authenticatedAction(recordChangeSchema, (actor, input) => recordProcessChange(actor, input));
const update = authenticatedAction(updateChangeSchema, (actor, input) => updateProcessChange(actor, input));

/** The change log, the records, and the reports and overview that carry markers. */
function revalidateChangeViews() {
  revalidatePath("/changes", "layout");
  revalidatePath("/touchpoints/[id]", "page");
  revalidatePath("/overview");
}

/** Records a process change with its 5 Hows; the server checks the role for every touchpoint. */
export async function recordChangeAction(input: unknown) {
  const result = await record(input);
  if (result.ok) revalidateChangeViews();
  return result;
}

/** Edits a change; the editor needs the right over its touchpoints before and after. */
export async function updateChangeAction(input: unknown) {
  const result = await update(input);
  if (result.ok) revalidateChangeViews();
  return result;
}
