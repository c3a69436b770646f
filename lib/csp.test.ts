import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./csp";

describe("the Content-Security-Policy", () => {
  it("runs only scripts carrying this response's nonce, and may not be framed", () => {
    const policy = contentSecurityPolicy("abc123==");
    const directives = Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
    expect(directives["script-src"]).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["object-src"]).toBe("'none'");
    expect(directives["base-uri"]).toBe("'self'");
    expect(directives["form-action"]).toBe("'self'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval only for the development server, and upgrades requests over https", () => {
    expect(contentSecurityPolicy("n", { development: true })).toContain("'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(contentSecurityPolicy("n", { https: true }).endsWith("; upgrade-insecure-requests")).toBe(true);
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});
