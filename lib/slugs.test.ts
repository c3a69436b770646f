import { describe, expect, it } from "vitest";
import { firstFreeSlug, slugify } from "./slugs";

describe("slugs", () => {
  it.each([
    ["Front of House", "front-of-house"],
    ["  Pay & leave! ", "pay-leave"],
    ["Café Crème", "cafe-creme"],
    ["***", "department"],
  ])("slugify(%s) = %s", (name, slug) => {
    expect(slugify(name, "department")).toBe(slug);
  });

  it("numbers a slug that is taken", () => {
    expect(firstFreeSlug("bar", new Set())).toBe("bar");
    expect(firstFreeSlug("bar", new Set(["bar", "bar-2"]))).toBe("bar-3");
  });
});
