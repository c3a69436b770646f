import { describe, expect, it } from "vitest";
import { DEFAULT_SESSION_LIMITS, isDueForTouch, lifetimeText, sessionExpiry } from "./session-lifetime";

const at = (iso: string) => new Date(`2026-03-02T${iso}Z`);
const limits = { idleMinutes: 30, maxHours: 2 };

describe("sessionExpiry", () => {
  it("keeps a session used within the idle limit and inside the absolute one", () => {
    expect(sessionExpiry({ createdAt: at("09:00:00"), lastSeenAt: at("10:00:00") }, limits, at("10:29:59.999"))).toBeNull();
  });

  it("ends a session at exactly its idle limit, dated when it ran out", () => {
    expect(sessionExpiry({ createdAt: at("09:00:00"), lastSeenAt: at("10:00:00") }, limits, at("10:30:00"))).toEqual({ reason: "idle", at: at("10:30:00") });
    expect(sessionExpiry({ createdAt: at("09:00:00"), lastSeenAt: at("09:05:00") }, limits, at("10:45:00"))).toEqual({ reason: "idle", at: at("09:35:00") });
  });

  it("ends a session used every minute at its absolute limit", () => {
    expect(sessionExpiry({ createdAt: at("09:00:00"), lastSeenAt: at("10:59:00") }, limits, at("10:59:59.999"))).toBeNull();
    expect(sessionExpiry({ createdAt: at("09:00:00"), lastSeenAt: at("10:59:00") }, limits, at("11:00:00"))).toEqual({ reason: "expired", at: at("11:00:00") });
  });

  it("names the limit reached first when both have passed", () => {
    expect(sessionExpiry({ createdAt: at("09:00:00"), lastSeenAt: at("10:50:00") }, limits, at("12:00:00"))).toEqual({ reason: "expired", at: at("11:00:00") });
    expect(sessionExpiry({ createdAt: at("09:00:00"), lastSeenAt: at("09:10:00") }, limits, at("12:00:00"))).toEqual({ reason: "idle", at: at("09:40:00") });
  });

  it("defaults to 8 hours idle and 7 days in all", () => {
    const created = at("09:00:00");
    expect(sessionExpiry({ createdAt: created, lastSeenAt: created }, DEFAULT_SESSION_LIMITS, new Date(created.getTime() + 8 * 3_600_000 - 1))).toBeNull();
    expect(sessionExpiry({ createdAt: created, lastSeenAt: created }, DEFAULT_SESSION_LIMITS, new Date(created.getTime() + 8 * 3_600_000))?.reason).toBe("idle");
    const lastMinute = new Date(created.getTime() + 7 * 86_400_000 - 60_000);
    expect(sessionExpiry({ createdAt: created, lastSeenAt: lastMinute }, DEFAULT_SESSION_LIMITS, new Date(created.getTime() + 7 * 86_400_000))?.reason).toBe("expired");
  });
});

describe("isDueForTouch", () => {
  it("writes the last-seen time at most once a minute", () => {
    expect(isDueForTouch(at("10:00:00"), at("10:00:59.999"))).toBe(false);
    expect(isDueForTouch(at("10:00:00"), at("10:01:00"))).toBe(true);
  });
});

describe("lifetimeText", () => {
  it.each([
    [5, "5 minutes"],
    [60, "1 hour"],
    [90, "1 hour 30 minutes"],
    [480, "8 hours"],
    [1500, "25 hours"],
    [1440, "1 day"],
    [10_080, "7 days"],
    [129_600, "90 days"],
  ])("%i minutes read as %s", (minutes, text) => {
    expect(lifetimeText(minutes)).toBe(text);
  });
});
