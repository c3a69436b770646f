"use server";

import { publicAction, type ActionResult } from "@/lib/actions";
import { unsubscribeByToken, type UnsubscribeTarget } from "@/lib/data/notification-preferences";
import { notFound } from "@/lib/errors";
import { unsubscribeSchema } from "@/lib/validation/notification-preferences";

/** Signed out by nature: the signed token in the link is what entitles the visitor, and it can only turn email off. */
const unsubscribe = publicAction(unsubscribeSchema, async ({ token }) => {
  const target = await unsubscribeByToken(token);
  if (!target) throw notFound("This unsubscribe link is not valid.");
  return target;
});

/** The unsubscribe page's button (a form action: it works without JavaScript too). */
export async function unsubscribeAction(_previous: ActionResult<UnsubscribeTarget> | null, form: FormData): Promise<ActionResult<UnsubscribeTarget>> {
  return unsubscribe({ token: form.get("token") });
}
