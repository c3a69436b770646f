"use server";

import { headers } from "next/headers";
import { authenticatedAction } from "@/lib/actions";
import { changeOwnPassword } from "@/lib/data/account";
import { clientAddress } from "@/lib/client-address";
import { changePasswordSchema } from "@/lib/validation/auth";

/** Changes the caller's password; their sessions end, and the form signs this one in again. */
export const changePasswordAction = authenticatedAction(changePasswordSchema, async (user, input) => changeOwnPassword(user, input, clientAddress(await headers())));
