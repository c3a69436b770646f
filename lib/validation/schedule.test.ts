import { describe, expect, it } from "vitest";
import { scheduleSettingsSchema } from "./schedule";

const parse = (input: Record<string, unknown>) => scheduleSettingsSchema.safeParse(input);
const messageFor = (input: Record<string, unknown>, field: string) => {
  const result = parse(input);
  return result.success ? null : (result.error.issues.find((i) => i.path[0] === field)?.message ?? null);
};

describe("scheduleSettingsSchema", () => {
  it("accepts an IANA time zone and a five-field cron expression, tidying its spaces", () => {
    expect(parse({ timeZone: " Pacific/Auckland ", reminderSchedule: "30  9 * *  1-5" })).toEqual({ success: true, data: { timeZone: "Pacific/Auckland", reminderSchedule: "30 9 * * 1-5" } });
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
    expect(messageFor({ timeZone: "UTC", reminderSchedule: " " }, "reminderSchedule")).toBe("Give a schedule");
  });
});
