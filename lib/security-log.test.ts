import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createSecurityLogger, emailHash, logSecurityEvent } from "./security-log";

/** A logger writing JSON lines into an array. */
function capture(env: Record<string, string | undefined> = { SECURITY_LOG_LEVEL: "info" }) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: createSecurityLogger(stream, env), lines };
}

describe("the security log", () => {
  it("writes one JSON line per event, with a timestamp, its kind, who, where and why", () => {
    const { log, lines } = capture();
    logSecurityEvent("sign_in_failed", { address: "203.0.113.9", userId: 4, email: "kim@example.com", emailHash: emailHash("Kim@Example.com "), reason: "wrong password" }, log);
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, log: "security", event: "sign_in_failed", address: "203.0.113.9", userId: 4, email: "kim@example.com", emailHash: emailHash("kim@example.com"), reason: "wrong password", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }),
    ]);
    expect(emailHash("kim@example.com")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("never writes a secret, even one passed by mistake", () => {
    const { log, lines } = capture();
    logSecurityEvent("api_key_refused", { reason: "unknown key", ...({ key: "tlk_abc", token: "t0k", password: "hunter2", nested: { secret: "s" } } as object) }, log);
    const text = JSON.stringify(lines);
    for (const secret of ["tlk_abc", "t0k", "hunter2", '"s"']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ key: "[redacted]", token: "[redacted]", password: "[redacted]", nested: { secret: "[redacted]" } });
  });

  it("is quiet under the test runner unless a level is set", () => {
    const { log, lines } = capture({ VITEST: "true" });
    logSecurityEvent("rate_limited", { address: "x" }, log);
    expect(lines).toEqual([]);
    expect(createSecurityLogger(undefined, {}).level).toBe("info");
  });

  it("cuts bearer tokens out of paths: share, invitation, reset and unsubscribe links", () => {
    const { log, lines } = capture();
    for (const path of ["/reset/uBlZxkVC7hHuo9Vip3d77sc4pY55wHKvg6r3U8lfR-I", "/r/abc/csv", "/invite/xyz", "/unsubscribe/4.alert.sig", "/overview"]) {
      logSecurityEvent("rate_limited", { address: "198.51.100.1", path }, log);
    }
    expect(lines.map((l) => l.path)).toEqual(["/reset/[token]", "/r/[token]/csv", "/invite/[token]", "/unsubscribe/[token]", "/overview"]);
    expect(JSON.stringify(lines)).not.toContain("uBlZ");
  });
});
