// Input of the notification preferences (the account page), the unsubscribe page and the
// "who gets what" filter.
import { z } from "zod";
import { Role } from "../domain";
import { PREFERENCE_CHANNELS, PREFERENCE_EVENTS } from "../notifications/preferences";

const choiceSchema = z
  .object({
    event: z.enum(PREFERENCE_EVENTS, { error: "Choose reminders, alerts or the weekly digest" }),
    channel: z.enum(PREFERENCE_CHANNELS, { error: "Choose in the app or by email" }),
    enabled: z.boolean({ error: "Say whether you want it: on or off" }),
  })
  .strict();

/**
 * The choices a person changed on the account page, one per event and channel. Only their own: the
 * input names no person (an unknown key such as userId is refused).
 */
export const savePreferencesSchema = z
  .object({
    choices: z
      .array(choiceSchema, { error: "Send the choices as a list" })
      .min(1, "Nothing changed: turn a choice on or off first")
      .max(PREFERENCE_EVENTS.length * PREFERENCE_CHANNELS.length, "Too many choices at once")
      .refine((choices) => new Set(choices.map((c) => `${c.event}:${c.channel}`)).size === choices.length, "Each choice may be given once"),
  })
  .strict();
export type SavePreferencesInput = z.output<typeof savePreferencesSchema>;

/** The unsubscribe page's button: the token from its link, no more (its signature is checked after). */
export const unsubscribeSchema = z.object({ token: z.string({ error: "This link is not valid" }).min(1, "This link is not valid").max(200, "This link is not valid") }).strict();

/** ?role= on "who gets what": one role, or all when absent or blank. */
export const recipientsRoleSchema = z.preprocess((v) => (v === "" ? undefined : v), z.enum(Object.values(Role) as [Role, ...Role[]], { error: "Not a role" }).optional());

/** The body of an RFC 8058 one-click unsubscribe POST: exactly "List-Unsubscribe=One-Click". */
export const oneClickBodySchema = z.object({ "List-Unsubscribe": z.literal("One-Click", { error: "Expected the body List-Unsubscribe=One-Click (RFC 8058)" }) });
