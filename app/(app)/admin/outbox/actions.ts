"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/actions";
import { retryOutboxMessage } from "@/lib/notifications/outbox-log";
import { retryOutboxMessageSchema } from "@/lib/validation/notifications";

const retry = authenticatedAction(retryOutboxMessageSchema, (actor, input) => retryOutboxMessage(actor, input));

/** Queues a failed or skipped message again (admins only, checked in retryOutboxMessage). */
export async function retryOutboxMessageAction(input: unknown) {
  const result = await retry(input);
  if (result.ok) revalidatePath("/admin/outbox");
  return result;
}
