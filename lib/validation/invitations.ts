import { z } from "zod";
import { emailField } from "./auth";
import { idField } from "./fields";
import { checkNewPassword, newPasswordShape } from "./password";
import { checkHeadHasDepartment, departmentIdsField, roleField } from "./people";

export const INVITATION_DAYS = 7;

export const createInvitationSchema = z
  .object({
    email: emailField,
    role: roleField,
    departmentIds: departmentIdsField,
  })
  .superRefine(checkHeadHasDepartment);
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const invitationIdSchema = z.object({ id: idField("Invitation") });

/** The invitation token's shape: 43 URL-safe base64 characters (256 bits). */
export const isInvitationTokenShape = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export const acceptInvitationSchema = z
  .object({
    token: z.string().refine(isInvitationTokenShape, "This invitation link is not valid"),
    name: z.string({ error: "Enter your name" }).trim().min(2, "Enter your name (at least 2 characters)").max(80, "Use at most 80 characters"),
    // The invitee's email is the invitation's; it comes along only to check the password against it.
    email: z.string().trim().toLowerCase().max(200),
    ...newPasswordShape,
  })
  .superRefine((input, ctx) => checkNewPassword(input, ctx, input));
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;
