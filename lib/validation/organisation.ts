import { z } from "zod";
import { numberField } from "./fields";

export const organisationNameField = z.string({ error: "Give the organisation a name" }).trim().min(1, "Give the organisation a name").max(80, "A name can be at most 80 characters");
export const periodGranularityField = z.enum(["WEEK", "MONTH"], { error: "Figures are entered by week or by month" });

export const organisationSettingsSchema = z
  .object({
    name: organisationNameField,
    periodGranularity: periodGranularityField,
    momentOfTruthMultiplier: numberField("Moment-of-truth weight").pipe(z.number().min(1, "A moment of truth counts at least once (1)").max(10, "A moment of truth can count at most 10 times")),
    bandGoodMin: numberField("Good from").pipe(z.number().min(0, "Scores run from 0 to 100").max(100, "Scores run from 0 to 100")),
    bandFairMin: numberField("Fair from").pipe(z.number().min(0, "Scores run from 0 to 100").max(100, "Scores run from 0 to 100")),
  })
  .superRefine((s, ctx) => {
    if (s.bandFairMin >= s.bandGoodMin) ctx.addIssue({ code: "custom", path: ["bandFairMin"], message: "Fair must start below Good" });
  });
export type OrganisationSettingsInput = z.output<typeof organisationSettingsSchema>;
