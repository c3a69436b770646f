import { z } from "zod";
import { cronProblem, isTimeZone } from "../notifications/schedule";
import { numberField } from "./fields";

const CRON_HELP = "five fields: minute hour day-of-month month day-of-week, e.g. 0 10 * * 1 (Mondays at 10:00)";

/** A five-field cron expression croner can read, spaces normalised. `what` names it in messages. */
function cronField(what: string) {
  return z
    .string({ error: `Give a ${what}` })
    .trim()
    .min(1, `Give a ${what}`)
    .max(100, `A ${what} is at most 100 characters`)
    .transform((s) => s.split(/\s+/).join(" "))
    .superRefine((schedule, ctx) => {
      // Minutes are the finest step: a seconds field would be read as minutes by people, not by croner.
      if (schedule.split(" ").length !== 5) return void ctx.addIssue({ code: "custom", message: `Use ${CRON_HELP}` });
      const problem = cronProblem(schedule);
      if (problem) ctx.addIssue({ code: "custom", message: `Not a schedule (${problem}). Use ${CRON_HELP}` });
    });
}

/**
 * When notifications go out (admin settings): the time zone; the reminders' schedule and the hours
 * after them of the second nudge (0: none); the weekly digest's schedule; and the journey
 * shortfall, in points, past which followers are alerted (null: no such alert).
 */
export const scheduleSettingsSchema = z.object({
  timeZone: z
    .string({ error: "Give a time zone" })
    .trim()
    .min(1, "Give a time zone")
    .max(64, "A time zone name is at most 64 characters")
    .refine(isTimeZone, "Not a time zone: use an IANA name such as Europe/London, America/New_York or UTC"),
  reminderSchedule: cronField("reminder schedule"),
  reminderNudgeHours: numberField("Second nudge").pipe(
    z.number().int("Give the second nudge in whole hours").min(0, "Give 0 for no second nudge, or up to 144 hours").max(144, "The second nudge must come within 144 hours (6 days) of the reminders"),
  ),
  digestSchedule: cronField("digest schedule"),
  // Blank: no shortfall alerts.
  shortfallAlertPoints: z.preprocess(
    (v) => (v === null || (typeof v === "string" && v.trim() === "") ? null : v),
    numberField("Shortfall alert").pipe(z.number().gt(0, "A shortfall alert needs more than 0 points (leave it blank for none)").max(100, "A shortfall cannot pass 100 points")).nullable(),
  ),
});
export type ScheduleSettingsInput = z.output<typeof scheduleSettingsSchema>;
