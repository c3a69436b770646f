"use server";

import { publicAction } from "@/lib/actions";
import { acceptInvitation } from "@/lib/data/invitations";
import { acceptInvitationSchema } from "@/lib/validation/invitations";

/** Signed out by nature: the token in the input is what entitles the visitor. */
export const acceptInvitationAction = publicAction(acceptInvitationSchema, (input) => acceptInvitation(input));
