import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/entry?period=2026-11-16", "/entry?period=2026-11-16"],
    ["/touchpoints/3#metric-4", "/touchpoints/3#metric-4"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each(["//evil.com", "/\\evil.com", "/%09/evil.com".replace("%09", "\t"), "https://evil.com/", "evil.com", "javascript:alert(1)", "", undefined, ["/entry"]])(
    "refuses %j",
    (value) => {
      expect(safeCallbackPath(value)).toBe("/overview");
    },
  );
});
