import { describe, expect, it } from "vitest";
import { endSessionSchema, sessionSettingsSchema } from "./sessions";

const problem = (input: Record<string, unknown>) => sessionSettingsSchema.safeParse(input).error?.issues[0];

describe("sessionSettingsSchema", () => {
  it("takes whole numbers within the bounds, from form strings", () => {
    expect(sessionSettingsSchema.parse({ sessionIdleMinutes: "480", sessionMaxHours: "168" })).toEqual({ sessionIdleMinutes: 480, sessionMaxHours: 168 });
    expect(sessionSettingsSchema.parse({ sessionIdleMinutes: 5, sessionMaxHours: 1 })).toEqual({ sessionIdleMinutes: 5, sessionMaxHours: 1 });
    expect(sessionSettingsSchema.parse({ sessionIdleMinutes: 10_080, sessionMaxHours: 2_160 })).toEqual({ sessionIdleMinutes: 10_080, sessionMaxHours: 2_160 });
  });

  it.each([
    [{ sessionIdleMinutes: "4", sessionMaxHours: "168" }, "sessionIdleMinutes", "The idle limit is at least 5 minutes"],
    [{ sessionIdleMinutes: "10081", sessionMaxHours: "2160" }, "sessionIdleMinutes", "The idle limit is at most 10,080 minutes"],
    [{ sessionIdleMinutes: "30", sessionMaxHours: "0" }, "sessionMaxHours", "The absolute limit is at least 1 hour"],
    [{ sessionIdleMinutes: "30", sessionMaxHours: "2161" }, "sessionMaxHours", "The absolute limit is at most 2,160 hours"],
    [{ sessionIdleMinutes: "7.5", sessionMaxHours: "168" }, "sessionIdleMinutes", "The idle limit is a whole number of minutes"],
    [{ sessionIdleMinutes: "", sessionMaxHours: "168" }, "sessionIdleMinutes", "The idle limit is required"],
    [{ sessionIdleMinutes: "8h", sessionMaxHours: "168" }, "sessionIdleMinutes", "The idle limit must be a number"],
    [{ sessionIdleMinutes: "121", sessionMaxHours: "2" }, "sessionIdleMinutes", "The idle limit cannot be longer than the absolute limit (120 minutes)"],
  ])("refuses %j on %s", (input, field, message) => {
    expect(problem(input)).toMatchObject({ path: [field], message });
  });

  it("lets the idle limit equal the absolute one", () => {
    expect(sessionSettingsSchema.safeParse({ sessionIdleMinutes: "120", sessionMaxHours: "2" }).success).toBe(true);
  });
});

describe("endSessionSchema", () => {
  it("takes a 32-digit hex handle only", () => {
    expect(endSessionSchema.safeParse({ session: "0123456789abcdef0123456789abcdef" }).success).toBe(true);
    for (const session of ["", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef", `${"a".repeat(32)}x`, 42]) {
      expect(endSessionSchema.safeParse({ session }).success, String(session)).toBe(false);
    }
  });
});
