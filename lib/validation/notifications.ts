import { z } from "zod";

/** Mark some of one's notifications read ({ ids }), or all of them ({ all: true }). */
export const markNotificationsReadSchema = z.union(
  [
    z.object({ ids: z.array(z.number().int().positive(), { error: "Name the notifications to mark read" }).min(1, "Name at least one notification").max(100, "At most 100 at a time") }).strict(),
    z.object({ all: z.literal(true) }).strict(),
  ],
  { error: "Name the notifications to mark read, or all" },
);
export type MarkNotificationsReadInput = z.output<typeof markNotificationsReadSchema>;
