import { z } from "zod";
import { emailField } from "./auth";
import { organisationNameField, periodGranularityField } from "./organisation";
import { checkNewPassword, newPasswordShape } from "./password";

/** First-run set-up: the organisation and its first admin. */
export const firstRunSchema = z
  .object({
    organisationName: organisationNameField,
    periodGranularity: periodGranularityField,
    name: z.string({ error: "Enter your name" }).trim().min(2, "Enter your name (at least 2 characters)").max(80, "Use at most 80 characters"),
    email: emailField,
    ...newPasswordShape,
  })
  .superRefine((input, ctx) => checkNewPassword(input, ctx, input));
export type FirstRunInput = z.infer<typeof firstRunSchema>;
