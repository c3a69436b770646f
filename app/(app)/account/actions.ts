"use server";

import { headers } from "next/headers";
import { authenticatedAction } from "@/lib/actions";
import { changeOwnPassword } from "@/lib/data/account";
import { saveOwnPreferences } from "@/lib/data/notification-preferences";
import { clientAddress } from "@/lib/client-address";
import { changePasswordSchema } from "@/lib/validation/auth";
import { savePreferencesSchema } from "@/lib/validation/notification-preferences";

/** Changes the caller's password; their sessions end, and the form signs this one in again. */
export const changePasswordAction = authenticatedAction(changePasswordSchema, async (user, input) => changeOwnPassword(user, input, clientAddress(await headers())));

/** Saves the caller's own notification choices (only those they changed). */
export const savePreferencesAction = authenticatedAction(savePreferencesSchema, (user, input) => saveOwnPreferences(user, input));
