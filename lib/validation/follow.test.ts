import { describe, expect, it } from "vitest";
import { journeyFollowingSchema, touchpointFollowingSchema } from "./follow";

describe("following schemas", () => {
  it("take an id (from a number or a string) and the state wanted", () => {
    expect(touchpointFollowingSchema.parse({ touchpointId: "12", following: true })).toEqual({ touchpointId: 12, following: true });
    expect(journeyFollowingSchema.parse({ journeyId: 3, following: false })).toEqual({ journeyId: 3, following: false });
  });

  it("refuse a missing state, a bad id and anything extra, with a message", () => {
    expect(touchpointFollowingSchema.safeParse({ touchpointId: 12 }).error?.issues[0]?.message).toBe("Say whether to follow or stop following");
    expect(touchpointFollowingSchema.safeParse({ touchpointId: 0, following: true }).error?.issues[0]?.message).toBe("Touchpoint is not valid");
    expect(journeyFollowingSchema.safeParse({ journeyId: 1, following: "yes" }).success).toBe(false);
    expect(journeyFollowingSchema.safeParse({ journeyId: 1, following: true, userId: 9 }).success).toBe(false);
  });
});
