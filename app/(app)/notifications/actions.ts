"use server";

import { authenticatedAction, type ActionResult } from "@/lib/actions";
import { markNotificationsRead } from "@/lib/notifications/in-app";
import { markNotificationsReadSchema } from "@/lib/validation/notifications";

const markRead = authenticatedAction(markNotificationsReadSchema, (user, input) => markNotificationsRead(user, input));

/** Marks the caller's own notifications read ({ ids } or { all: true }); others' ids are ignored. */
export async function markNotificationsReadAction(input: unknown): Promise<ActionResult<{ marked: number }>> {
  return markRead(input);
}
