import { z } from "zod";
import { emailField } from "./auth";
import { organisationNameField, periodGranularityField } from "./organisation";
import { checkNewPassword, newPasswordShape } from "./password";
import { personNameField } from "./people";

/** First-run set-up: the organisation and its first admin. */
export const firstRunSchema = z
  .object({
    organisationName: organisationNameField,
    periodGranularity: periodGranularityField,
    name: personNameField,
    email: emailField,
    ...newPasswordShape,
  })
  .superRefine((input, ctx) => checkNewPassword(input, ctx, input));
export type FirstRunInput = z.infer<typeof firstRunSchema>;
