import { describe, expect, it } from "vitest";
import { scheduleSettingsSchema } from "./schedule";

const REST = { reminderNudgeHours: "24", digestSchedule: "0 8 * * 1", shortfallAlertPoints: "5" };
const parse = (input: Record<string, unknown>) => scheduleSettingsSchema.safeParse({ ...REST, ...input });
const messageFor = (input: Record<string, unknown>, field: string) => {
  const result = parse(input);
  return result.success ? null : (result.error.issues.find((i) => i.path[0] === field)?.message ?? null);
};

describe("scheduleSettingsSchema", () => {
  it("accepts an IANA time zone and a five-field cron expression, tidying its spaces", () => {
    expect(parse({ timeZone: " Pacific/Auckland ", reminderSchedule: "30  9 * *  1-5" })).toEqual({
      success: true,
      data: { timeZone: "Pacific/Auckland", reminderSchedule: "30 9 * * 1-5", reminderNudgeHours: 24, digestSchedule: "0 8 * * 1", shortfallAlertPoints: 5 },
    });
    expect(parse({ timeZone: "UTC", reminderSchedule: "0 10 * * 1" }).success).toBe(true);
  });

  it("explains an unknown time zone", () => {
    expect(messageFor({ timeZone: "Europe/Londn", reminderSchedule: "0 10 * * 1" }, "timeZone")).toMatch(/^Not a time zone: use an IANA name such as Europe\/London/);
    expect(messageFor({ timeZone: "", reminderSchedule: "0 10 * * 1" }, "timeZone")).toBe("Give a time zone");
  });

  it("explains a schedule that is not five valid cron fields", () => {
    expect(messageFor({ timeZone: "UTC", reminderSchedule: "0 25 * * 1" }, "reminderSchedule")).toMatch(/^Not a schedule \(.+\)\. Use five fields: minute hour/);
    expect(messageFor({ timeZone: "UTC", reminderSchedule: "every monday" }, "reminderSchedule")).toMatch(/five fields/);
    expect(messageFor({ timeZone: "UTC", reminderSchedule: "0 0 10 * * 1" }, "reminderSchedule")).toMatch(/^Use five fields/);
    expect(messageFor({ timeZone: "UTC", reminderSchedule: " " }, "reminderSchedule")).toBe("Give a reminder schedule");
  });

  it("reads the digest schedule as strictly as the reminders'", () => {
    expect(messageFor({ timeZone: "UTC", reminderSchedule: "0 10 * * 1", digestSchedule: "0 8 * * 8" }, "digestSchedule")).toMatch(/^Not a schedule \(.+\)\. Use five fields/);
    expect(messageFor({ timeZone: "UTC", reminderSchedule: "0 10 * * 1", digestSchedule: "" }, "digestSchedule")).toBe("Give a digest schedule");
  });

  it("takes the second nudge in whole hours from 0 (none) to 144", () => {
    const base = { timeZone: "UTC", reminderSchedule: "0 10 * * 1" };
    expect(parse({ ...base, reminderNudgeHours: "0" }).data?.reminderNudgeHours).toBe(0);
    expect(parse({ ...base, reminderNudgeHours: 144 }).data?.reminderNudgeHours).toBe(144);
    expect(messageFor({ ...base, reminderNudgeHours: "145" }, "reminderNudgeHours")).toBe("The second nudge must come within 144 hours (6 days) of the reminders");
    expect(messageFor({ ...base, reminderNudgeHours: "-1" }, "reminderNudgeHours")).toBe("Give 0 for no second nudge, or up to 144 hours");
    expect(messageFor({ ...base, reminderNudgeHours: "1.5" }, "reminderNudgeHours")).toBe("Give the second nudge in whole hours");
    expect(messageFor({ ...base, reminderNudgeHours: "" }, "reminderNudgeHours")).toBe("Second nudge is required");
  });

  it("takes a shortfall alert above 0 and at most 100 points, or blank for none", () => {
    const base = { timeZone: "UTC", reminderSchedule: "0 10 * * 1" };
    expect(parse({ ...base, shortfallAlertPoints: " " }).data?.shortfallAlertPoints).toBeNull();
    expect(parse({ ...base, shortfallAlertPoints: null }).data?.shortfallAlertPoints).toBeNull();
    expect(parse({ ...base, shortfallAlertPoints: "2.5" }).data?.shortfallAlertPoints).toBe(2.5);
    expect(parse({ ...base, shortfallAlertPoints: 100 }).data?.shortfallAlertPoints).toBe(100);
    expect(messageFor({ ...base, shortfallAlertPoints: "0" }, "shortfallAlertPoints")).toBe("A shortfall alert needs more than 0 points (leave it blank for none)");
    expect(messageFor({ ...base, shortfallAlertPoints: "100.1" }, "shortfallAlertPoints")).toBe("A shortfall cannot pass 100 points");
    expect(messageFor({ ...base, shortfallAlertPoints: "5,5" }, "shortfallAlertPoints")).toBe("Shortfall alert must be a number (use a dot for decimals, no thousands separators)");
  });
});
