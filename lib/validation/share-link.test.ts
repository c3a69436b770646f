import { describe, expect, it } from "vitest";
import { newSecret } from "../secrets";
import { isTokenShape } from "./fields";
import { createShareLinkSchema } from "./share-link";

const valid = { touchpointId: "7", label: "  For the kitchen team ", expires: "30", range: "latest" };

describe("createShareLinkSchema", () => {
  it("accepts a latest-periods link and trims the label", () => {
    expect(createShareLinkSchema.parse(valid)).toEqual({ touchpointId: 7, label: "For the kitchen team", expires: "30", range: "latest" });
  });

  it("accepts a fixed range", () => {
    const parsed = createShareLinkSchema.parse({ ...valid, range: "fixed", from: "2026-06-01", to: "2026-08-31" });
    expect(parsed.from?.toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it.each([
    [{ label: "" }, "label", "Give the link a label, such as who it is for"],
    [{ label: "x".repeat(81) }, "label", "A label can be at most 80 characters"],
    [{ expires: "365" }, "expires", "Choose when the link expires: in 7, 30 or 90 days, or never"],
    [{ expires: undefined }, "expires", "Choose when the link expires: in 7, 30 or 90 days, or never"],
    [{ range: "fixed" }, "from", "A fixed range needs a first period"],
    [{ range: "fixed", from: "2026-08-31", to: "2026-06-01" }, "from", "The range must start before it ends"],
    [{ range: "fixed", from: "2026-02-30", to: "2026-06-01" }, "from", "Range start must be a date like 2026-11-16"],
    [{ touchpointId: "abc" }, "touchpointId", "Touchpoint must be a number"],
  ])("refuses %o with a message on %s", (change, field, message) => {
    const result = createShareLinkSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });
});

describe("isTokenShape", () => {
  it("accepts what newSecret makes and nothing else", () => {
    expect(isTokenShape(newSecret())).toBe(true);
    expect(isTokenShape(newSecret().slice(1))).toBe(false);
    expect(isTokenShape(`${newSecret().slice(1)}/`)).toBe(false);
    expect(isTokenShape("")).toBe(false);
  });
});
