"use server";

import { publicAction } from "@/lib/actions";
import { resetPassword } from "@/lib/data/password-resets";
import { resetPasswordSchema } from "@/lib/validation/auth";

/** Signed out by nature: the token in the input is what entitles the visitor. */
export const resetPasswordAction = publicAction(resetPasswordSchema, (input) => resetPassword(input));
