"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction, type ActionResult } from "@/lib/actions";
import { saveEntry, type SavedEntry } from "@/lib/data/entries";
import { saveEntrySchema } from "@/lib/validation/entry";

const save = authenticatedAction(saveEntrySchema, saveEntry);

/** Saves one figure from an entry row; the data function checks the role and the metric's department. */
export async function saveEntryAction(_previous: ActionResult<SavedEntry> | null, form: FormData): Promise<ActionResult<SavedEntry>> {
  const result = await save(Object.fromEntries(form));
  // Scores and latest values change on every page that shows them.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
