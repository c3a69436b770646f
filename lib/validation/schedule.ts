import { z } from "zod";
import { cronProblem, isTimeZone } from "../notifications/schedule";

const CRON_HELP = "five fields: minute hour day-of-month month day-of-week, e.g. 0 10 * * 1 (Mondays at 10:00)";

/** The organisation's time zone and reminder schedule (admin settings). */
export const scheduleSettingsSchema = z.object({
  timeZone: z
    .string({ error: "Give a time zone" })
    .trim()
    .min(1, "Give a time zone")
    .max(64, "A time zone name is at most 64 characters")
    .refine(isTimeZone, "Not a time zone: use an IANA name such as Europe/London, America/New_York or UTC"),
  reminderSchedule: z
    .string({ error: "Give a schedule" })
    .trim()
    .min(1, "Give a schedule")
    .max(100, "A schedule is at most 100 characters")
    .transform((s) => s.split(/\s+/).join(" "))
    .superRefine((schedule, ctx) => {
      // Minutes are the finest step: a seconds field would be read as minutes by people, not by croner.
      if (schedule.split(" ").length !== 5) return void ctx.addIssue({ code: "custom", message: `Use ${CRON_HELP}` });
      const problem = cronProblem(schedule);
      if (problem) ctx.addIssue({ code: "custom", message: `Not a schedule (${problem}). Use ${CRON_HELP}` });
    }),
});
export type ScheduleSettingsInput = z.output<typeof scheduleSettingsSchema>;
