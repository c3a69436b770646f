import { z } from "zod";
import { numberField } from "./fields";

/** Idle limit: 5 minutes (shorter logs people out mid-task) to 7 days. */
export const IDLE_MINUTES_RANGE = { min: 5, max: 7 * 24 * 60 } as const;
/** Absolute limit: 1 hour to 90 days (longer would keep a stolen cookie useful for a season). */
export const MAX_HOURS_RANGE = { min: 1, max: 90 * 24 } as const;

/** "1 hour", "2,160 hours". */
const amount = (n: number, unit: "minute" | "hour") => `${n.toLocaleString("en-GB")} ${unit}${n === 1 ? "" : "s"}`;

const wholeNumber = (label: string, unit: "minute" | "hour", { min, max }: { min: number; max: number }) =>
  numberField(label).pipe(
    z
      .number()
      .int(`${label} is a whole number of ${unit}s`)
      .min(min, `${label} is at least ${amount(min, unit)}`)
      .max(max, `${label} is at most ${amount(max, unit)}`),
  );

/** The organisation's session lifetimes (admin settings); the idle limit cannot exceed the absolute one. */
export const sessionSettingsSchema = z
  .object({
    sessionIdleMinutes: wholeNumber("The idle limit", "minute", IDLE_MINUTES_RANGE),
    sessionMaxHours: wholeNumber("The absolute limit", "hour", MAX_HOURS_RANGE),
  })
  .superRefine((s, ctx) => {
    if (s.sessionIdleMinutes > s.sessionMaxHours * 60) {
      ctx.addIssue({ code: "custom", path: ["sessionIdleMinutes"], message: `The idle limit cannot be longer than the absolute limit (${amount(s.sessionMaxHours * 60, "minute")})` });
    }
  });
export type SessionSettingsInput = z.output<typeof sessionSettingsSchema>;

/** One of the caller's own sessions, by the handle the account page shows for it (never its id). */
export const endSessionSchema = z.object({
  session: z.string({ error: "Choose a session" }).regex(/^[0-9a-f]{32}$/, "That is not one of your sessions"),
});
export type EndSessionInput = z.output<typeof endSessionSchema>;

/** Ending every other session takes no input. */
export const endOtherSessionsSchema = z.object({}).strict();
