import { z } from "zod";
import { emailField } from "./auth";
import { idField, isTokenShape } from "./fields";
import { checkNewPassword, newPasswordShape } from "./password";
import { checkHeadHasDepartment, departmentIdsField, personNameField, roleField } from "./people";

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

export const acceptInvitationSchema = z
  .object({
    token: z.string().refine(isTokenShape, "This invitation link is not valid"),
    name: personNameField,
    // The invitee's email is the invitation's; it comes along only to check the password against it.
    email: z.string().trim().toLowerCase().max(200),
    ...newPasswordShape,
  })
  .superRefine((input, ctx) => checkNewPassword(input, ctx, input));
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;
