"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions";
import { createApiKey, revokeApiKey } from "@/lib/data/api-keys";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/validation/api-keys";

const create = authenticatedAction(createApiKeySchema, createApiKey);
const revoke = authenticatedAction(revokeApiKeySchema, revokeApiKey);

/** Creates a key for a department the caller heads (admins: any); returns the key once. */
export async function createApiKeyAction(input: unknown) {
  const result = await create(input);
  if (result.ok) revalidatePath("/entry/api-keys");
  return result;
}

/** Revokes a key at once; the permission is checked against the key's department. */
export async function revokeApiKeyAction(input: unknown) {
  const result = await revoke(input);
  if (result.ok) revalidatePath("/entry/api-keys");
  return result;
}
