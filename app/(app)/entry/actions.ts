"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction, type ActionResult } from "@/lib/actions";
import { saveEntries, type SaveEntriesResult } from "@/lib/data/entries";
import { setPeriodLock } from "@/lib/data/period-locks";
import { saveEntriesSchema } from "@/lib/validation/entry";
import { setPeriodLockSchema } from "@/lib/validation/period-lock";

const save = authenticatedAction(saveEntriesSchema, (user, input) => saveEntries(user, input));

/** Saves the grid's changed rows in one transaction; the data function checks every row's department. */
export async function saveEntriesAction(input: unknown): Promise<ActionResult<SaveEntriesResult>> {
  const result = await save(input);
  // Scores and latest values change on every page that shows them.
  if (result.ok && result.data.saved > 0) revalidatePath("/", "layout");
  return result;
}

const setLock = authenticatedAction(setPeriodLockSchema, setPeriodLock);

/** Closes or reopens a period; admins only (checked in setPeriodLock). */
export async function setPeriodLockAction(input: unknown): Promise<ActionResult<{ locked: boolean }>> {
  const result = await setLock(input);
  if (result.ok) revalidatePath("/entry");
  return result;
}
