"use server";

import { headers } from "next/headers";
import { authenticatedAction } from "@/lib/actions";
import { changeOwnPassword } from "@/lib/data/account";
import { saveOwnPreferences } from "@/lib/data/notification-preferences";
import { endOtherOwnSessions, endOwnSession } from "@/lib/data/sessions";
import { clientAddress } from "@/lib/client-address";
import { changePasswordSchema } from "@/lib/validation/auth";
import { savePreferencesSchema } from "@/lib/validation/notification-preferences";
import { endOtherSessionsSchema, endSessionSchema } from "@/lib/validation/sessions";

/** Changes the caller's password; their other sessions end, this one goes on. */
export const changePasswordAction = authenticatedAction(changePasswordSchema, async (user, input) => changeOwnPassword(user, input, clientAddress(await headers())));

/** Ends one of the caller's other sessions, by the handle the account page shows for it. */
export const endSessionAction = authenticatedAction(endSessionSchema, (user, input) => endOwnSession(user, input));

/** Ends every session of the caller's but this one. */
export const endOtherSessionsAction = authenticatedAction(endOtherSessionsSchema, (user) => endOtherOwnSessions(user));

/** Saves the caller's own notification choices (only those they changed). */
export const savePreferencesAction = authenticatedAction(savePreferencesSchema, (user, input) => saveOwnPreferences(user, input));
