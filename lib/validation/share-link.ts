import { z } from "zod";
import { dateKeyField, idField } from "./fields";

/** How long a new link lives; "never" is allowed but not the default. */
export const SHARE_EXPIRIES = ["7", "30", "90", "never"] as const;
export const DEFAULT_SHARE_EXPIRY = "30";
export const MAX_LABEL_LENGTH = 80;

export const createShareLinkSchema = z
  .object({
    touchpointId: idField("Touchpoint"),
    label: z
      .string({ error: "Give the link a label" })
      .trim()
      .min(1, "Give the link a label, such as who it is for")
      .max(MAX_LABEL_LENGTH, `A label can be at most ${MAX_LABEL_LENGTH} characters`),
    expires: z.enum(SHARE_EXPIRIES, { error: "Choose when the link expires: in 7, 30 or 90 days, or never" }),
    range: z.enum(["latest", "fixed"], { error: "Choose whether the link shows the latest periods or a fixed range" }),
    from: dateKeyField("Range start").optional(),
    to: dateKeyField("Range end").optional(),
  })
  .superRefine((input, ctx) => {
    if (input.range !== "fixed") return;
    if (!input.from) ctx.addIssue({ code: "custom", path: ["from"], message: "A fixed range needs a first period" });
    if (!input.to) ctx.addIssue({ code: "custom", path: ["to"], message: "A fixed range needs a last period" });
    if (input.from && input.to && input.from > input.to) ctx.addIssue({ code: "custom", path: ["from"], message: "The range must start before it ends" });
  });
export type CreateShareLinkInput = z.output<typeof createShareLinkSchema>;

export const revokeShareLinkSchema = z.object({ id: idField("Link") });

