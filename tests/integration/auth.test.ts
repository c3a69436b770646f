import { describe, expect, it } from "vitest";
import { getActiveUser } from "../../lib/data/users";
import { db } from "../../lib/db";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-organisation";
import { authorize } from "./helpers";

// As server.mjs would: the peer address with this process's token (lib/client-address.ts).
const PEER_TOKEN = "integration-test-peer-token";
process.env.TOUCHLINE_PEER_TOKEN = PEER_TOKEN;

describe("credentials sign-in", () => {
  it("accepts the right password, whatever the email's case and spacing", async () => {
    const user = await authorize({ email: "FOH@touchline.demo ", password: DEMO_PASSWORD });
    const fran = await db.user.findUniqueOrThrow({ where: { email: "foh@touchline.demo" } });
    // Only who it is and the session it opened: role and departments are read from the database on each request.
    expect(user).toEqual({ id: String(fran.id), name: "Fran Ortiz", email: "foh@touchline.demo", sessionId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(await db.userSession.findUniqueOrThrow({ where: { id: user!.sessionId as string } })).toMatchObject({ userId: fran.id, endedAt: null });
  });

  it("resolves the signed-in user's role and departments from the database", async () => {
    const fran = await db.user.findUniqueOrThrow({ where: { email: "foh@touchline.demo" } });
    const fohIds = (await db.department.findMany({ where: { slug: { in: ["front-of-house", "bar"] } }, select: { id: true } })).map((d) => d.id);
    const current = await getActiveUser(fran.id);
    expect(current).toMatchObject({ role: "DEPARTMENT_HEAD", name: "Fran Ortiz" });
    expect([...current!.departmentIds].sort()).toEqual(fohIds.sort());
  });

  it.each([
    ["a wrong password", { email: "admin@touchline.demo", password: "wrong" }],
    ["an unknown email", { email: "nobody@touchline.demo", password: DEMO_PASSWORD }],
    ["a malformed email", { email: "not-an-email", password: DEMO_PASSWORD }],
    ["an empty password", { email: "admin@touchline.demo", password: "" }],
  ])("refuses %s", async (_case, credentials) => {
    expect(await authorize(credentials)).toBeNull();
  });

  it("refuses a deactivated user, and their existing session no longer resolves", async () => {
    const user = await db.user.update({ where: { email: "viewer@touchline.demo" }, data: { active: false } });
    expect(await authorize({ email: user.email, password: DEMO_PASSWORD })).toBeNull();
    expect(await getActiveUser(user.id)).toBeNull();
  });

  it("locks an account after 5 failed attempts, even against the right password, without locking others", async () => {
    const from = (address: string) => ({ headers: { "x-touchline-peer": `${PEER_TOKEN} ${address}` } });
    for (let i = 0; i < 5; i++) expect(await authorize({ email: "exec@touchline.demo", password: `guess ${i}` }, from("203.0.113.7"))).toBeNull();
    const locked = await authorize({ email: "exec@touchline.demo", password: DEMO_PASSWORD }, from("203.0.113.7")).then(() => null, (e: Error) => e.message);
    expect(locked).toMatch(/^TooManyAttempts:\d+$/);
    const seconds = Number(locked!.split(":")[1]);
    expect(seconds).toBeGreaterThan(14 * 60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    // The lock is on the account, from any address; other accounts from this address still sign in.
    await expect(authorize({ email: "exec@touchline.demo", password: DEMO_PASSWORD }, from("198.51.100.1"))).rejects.toThrow(/TooManyAttempts/);
    expect(await authorize({ email: "foh@touchline.demo", password: DEMO_PASSWORD }, from("203.0.113.7"))).not.toBeNull();
  });

  it("clears the count on a right password, so occasional typos never lock anyone", async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect(await authorize({ email: "kitchen@touchline.demo", password: "typo" })).toBeNull();
      expect(await authorize({ email: "kitchen@touchline.demo", password: DEMO_PASSWORD })).not.toBeNull();
    }
  });

  it("pauses one address after 50 failures across emails, but never a shared unknown address", async () => {
    const from = (address: string) => ({ headers: { "x-touchline-peer": `${PEER_TOKEN} ${address}` } });
    for (let i = 0; i < 50; i++) expect(await authorize({ email: `spray${i}@example.com`, password: "guess" }, from("198.51.100.99"))).toBeNull();
    await expect(authorize({ email: "foh@touchline.demo", password: DEMO_PASSWORD }, from("198.51.100.99"))).rejects.toThrow(/TooManyAttempts/);
    expect(await authorize({ email: "foh@touchline.demo", password: DEMO_PASSWORD }, from("198.51.100.100"))).not.toBeNull();
    // Without a proxy naming the client, everyone is "unknown": that bucket must not lock everybody out.
    for (let i = 0; i < 50; i++) expect(await authorize({ email: `nameless${i}@example.com`, password: "guess" })).toBeNull();
    expect(await authorize({ email: "foh@touchline.demo", password: DEMO_PASSWORD })).not.toBeNull();
  }, 60_000);
});
