import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const ORIGIN = "http://touchline.example";

describe("safeCallbackPath", () => {
  it.each([
    ["/entry?period=2026-11-16", "/entry?period=2026-11-16"],
    ["/touchpoints/3#metric-4", "/touchpoints/3#metric-4"],
    ["/overview/../entry", "/entry"],
    ["/%2F%2Fevil.com", "/%2F%2Fevil.com"], // stays encoded: a path on this site
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  // Known open-redirect shapes (OWASP's unvalidated-redirects cheat sheet, PortSwigger's URL
  // validation bypass list): protocol-relative, backslashes, control characters, dot segments that
  // normalise to "//", encoded dots, schemes.
  const bypasses = [
    "//evil.com",
    "///evil.com",
    "/\\evil.com",
    "\\\\evil.com",
    "/\\/evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    "/.//evil.example",
    "/./\\evil.example",
    "/..//evil.example",
    "/a/..//evil.example",
    "/a/b/../..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/.%2e//evil.example",
    "/././/evil.example",
    "/.\\/evil.example",
    "https://evil.com/",
    "http:/evil.com",
    "evil.com",
    "javascript:alert(1)",
    "/javascript:alert(1)".slice(1),
    " /overview",
    "",
    undefined,
    null,
    42,
    ["/entry"],
  ];

  it.each(bypasses)("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/overview");
  });

  it("never returns anything a browser would resolve to another origin (fuzzed from the bypass shapes)", () => {
    const pieces = ["/", "//", "\\", ".", "..", "%2e", "%2E", "\t", "\n", "evil.com", "a", "%2f", "?", "#", "@", ":"];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      let value = "/";
      for (let j = 0, n = 1 + Math.floor(random() * 6); j < n; j++) value += pieces[Math.floor(random() * pieces.length)];
      const path = safeCallbackPath(value);
      expect(new URL(path, ORIGIN).origin, `${JSON.stringify(value)} → ${path}`).toBe(ORIGIN);
      expect(path, JSON.stringify(value)).toMatch(/^\/(?![/\\])/);
      expect(safeCallbackPath(path), "stable once safe").toBe(path);
    }
  });
});
