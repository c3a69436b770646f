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

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "skipped"] as const;
export const OUTBOX_CHANNELS = ["email", "webhook"] as const;

/** Reads one query parameter: the first value when repeated, blank or unknown values as absent. */
const oneOf = <T extends string>(values: readonly T[]) =>
  z.preprocess((v) => {
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === "string" && (values as readonly string[]).includes(first) ? first : undefined;
  }, z.enum(values as [T, ...T[]]).optional());

/** The admin outbox page's filters, from its URL (`?status=failed&channel=email&page=2`). Never fails: nonsense means "all". */
export const outboxFiltersSchema = z.object({
  status: oneOf(OUTBOX_STATUSES),
  channel: oneOf(OUTBOX_CHANNELS),
  page: z.preprocess((v) => {
    const n = Number(Array.isArray(v) ? v[0] : v);
    return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
  }, z.number().int()),
});
export type OutboxFilters = z.output<typeof outboxFiltersSchema>;

/** An outbox message an admin sends again. */
export const retryOutboxMessageSchema = z.object({ id: z.number({ error: "Name the message to send again" }).int().positive("Name the message to send again") }).strict();
export type RetryOutboxMessageInput = z.output<typeof retryOutboxMessageSchema>;
