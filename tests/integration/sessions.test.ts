import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authOptions } from "../../lib/auth/options";
import { changeOwnPassword } from "../../lib/data/account";
import { createPasswordReset, resetPassword } from "../../lib/data/password-resets";
import { setPersonActive, updatePerson } from "../../lib/data/people";
import { endOtherOwnSessions, endOwnSession, listOwnSessions, pruneSessions, resolveSession, startSession, updateSessionSettings, type SessionUser } from "../../lib/data/sessions";
import { db } from "../../lib/db";
import { changePasswordSchema, resetPasswordSchema } from "../../lib/validation/auth";
import { sessionSettingsSchema } from "../../lib/validation/sessions";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-organisation";
import { actorFor, authorize, refusal, sessionFor } from "./helpers";

const PEER_TOKEN = "integration-test-peer-token";
process.env.TOUCHLINE_PEER_TOKEN = PEER_TOKEN;
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36";

/** Signs in as next-auth does (the credentials provider's authorize) and returns the session id the JWT would carry. */
async function signIn(email: string, password = DEMO_PASSWORD, { agent = CHROME, address = "192.0.2.50" } = {}): Promise<string> {
  const user = await authorize({ email, password }, { headers: { "user-agent": agent, "x-touchline-peer": `${PEER_TOKEN} ${address}` } });
  expect(user, `sign-in as ${email}`).not.toBeNull();
  return user!.sessionId as string;
}

/** next-auth's jwt callback on a later request (GET /api/auth/session): the token back, or the error that makes next-auth clear the cookie. */
const renew = (token: JWT) => (authOptions.callbacks!.jwt as unknown as (params: { token: JWT }) => Promise<JWT>)({ token });
const signOut = (sessionId: string) => authOptions.events!.signOut!({ token: { userId: 0, sessionId }, session: null as never });
const endedReason = async (id: string) => (await db.userSession.findUniqueOrThrow({ where: { id } })).endedReason;
const as = async (sessionId: string): Promise<SessionUser> => (await resolveSession(sessionId))!;
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

describe("the session registry", () => {
  it("opens a row at sign-in with the device and address, and resolves it to the person", async () => {
    const id = await signIn("exec@touchline.demo");
    const row = await db.userSession.findUniqueOrThrow({ where: { id } });
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(row).toMatchObject({ userAgent: CHROME, address: "192.0.2.50", endedAt: null });
    expect(await resolveSession(id)).toMatchObject({ email: "exec@touchline.demo", role: "EXECUTIVE", sessionId: id });
    const morgan = await db.user.findUniqueOrThrow({ where: { email: "exec@touchline.demo" } });
    expect(await renew({ userId: morgan.id, sessionId: id })).toMatchObject({ sessionId: id });
    // A token without a session id (from before the registry) or with an unknown one is not renewed.
    await expect(renew({ userId: morgan.id })).rejects.toThrow();
    await expect(renew({ userId: morgan.id, sessionId: "A".repeat(43) })).rejects.toThrow();
    expect(await resolveSession("not a session id")).toBeNull();
  });

  it("sign-out ends the session for good: a copied cookie neither resolves nor renews", async () => {
    const id = await signIn("viewer@touchline.demo");
    await signOut(id);
    expect(await resolveSession(id)).toBeNull();
    await expect(renew({ userId: 0, sessionId: id })).rejects.toThrow();
    expect(await endedReason(id)).toBe("signed out");
  });

  it("deactivation ends every session, and reactivation brings none back", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const kai = await actorFor("kitchen@touchline.demo");
    const [phone, laptop] = [await signIn(kai.email), await signIn(kai.email)];
    const result = await setPersonActive(admin, { id: kai.id }, false);
    expect(result.name).toBe("Kai Chen");
    expect(await resolveSession(phone)).toBeNull();
    expect(await resolveSession(laptop)).toBeNull();
    await setPersonActive(admin, { id: kai.id }, true);
    expect(await resolveSession(phone)).toBeNull();
    expect(await resolveSession(laptop)).toBeNull();
    await expect(renew({ userId: kai.id, sessionId: phone })).rejects.toThrow();
    expect(await endedReason(phone)).toBe("deactivated");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "person.deactivate", entityId: kai.id } });
    expect(JSON.parse(audit.after!)).toMatchObject({ active: false, endedSessions: 2 });
    // Signing in again opens a new session.
    expect(await resolveSession(await signIn(kai.email))).toMatchObject({ id: kai.id });
  });

  it("a password change ends the other sessions and keeps the one it was made from", async () => {
    const fran = await actorFor("foh@touchline.demo");
    const [here, there] = [await signIn(fran.email), await signIn(fran.email)];
    await changeOwnPassword(await as(here), changePasswordSchema.parse({ currentPassword: DEMO_PASSWORD, password: "a fresh long password", confirmPassword: "a fresh long password" }), "192.0.2.51");
    expect(await resolveSession(there)).toBeNull();
    expect(await endedReason(there)).toBe("password changed");
    expect(await resolveSession(here)).toMatchObject({ id: fran.id });
  });

  it("a password reset ends every session", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const cleo = await actorFor("care@touchline.demo");
    const [a, b] = [await signIn(cleo.email), await signIn(cleo.email)];
    const { token } = await createPasswordReset(admin, { id: cleo.id });
    await resetPassword(resetPasswordSchema.parse({ token, password: "another long password", confirmPassword: "another long password" }));
    expect(await resolveSession(a)).toBeNull();
    expect(await resolveSession(b)).toBeNull();
    expect(await endedReason(a)).toBe("password reset");
  });

  it("a sign-in whose password check overlaps a password reset or a deactivation leaves no live session", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const viv = await actorFor("viewer@touchline.demo");
    // Checked against the password as it was read; by the time the session is made it has changed.
    const { passwordHash: before } = await db.user.findUniqueOrThrow({ where: { id: viv.id }, select: { passwordHash: true } });
    const { token } = await createPasswordReset(admin, { id: viv.id });
    await resetPassword(resetPasswordSchema.parse({ token, password: "the new long password", confirmPassword: "the new long password" }));
    expect(await startSession(viv.id, before, {})).toBeNull();
    const { passwordHash: now } = await db.user.findUniqueOrThrow({ where: { id: viv.id }, select: { passwordHash: true } });
    await setPersonActive(admin, { id: viv.id }, false);
    expect(await startSession(viv.id, now, {})).toBeNull();
    await setPersonActive(admin, { id: viv.id }, true);

    // Racing for real: sign-ins with the password a reset is replacing, at the same moment.
    for (let round = 0; round < 3; round++) {
      const password = `the new long password ${round}`;
      const { token: next } = await createPasswordReset(admin, { id: viv.id });
      const current = round === 0 ? "the new long password" : `the new long password ${round - 1}`;
      await Promise.allSettled([
        ...Array.from({ length: 4 }, () => authorize({ email: viv.email, password: current }, { headers: { "x-touchline-peer": `${PEER_TOKEN} 192.0.2.${60 + round}` } })),
        resetPassword(resetPasswordSchema.parse({ token: next, password, confirmPassword: password })),
      ]);
      expect(await db.userSession.count({ where: { userId: viv.id, endedAt: null } }), `round ${round}`).toBe(0);
    }
  });

  it("a role change ends every session; a change of departments alone does not", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const ravi = await actorFor("reservations@touchline.demo");
    const id = await signIn(ravi.email);
    const marketing = await db.department.findUniqueOrThrow({ where: { slug: "marketing" } });
    await updatePerson(admin, { id: ravi.id, role: "DEPARTMENT_HEAD", departmentIds: [...ravi.departmentIds, marketing.id] });
    expect(await resolveSession(id)).toMatchObject({ departmentIds: expect.arrayContaining([marketing.id]) });
    await updatePerson(admin, { id: ravi.id, role: "VIEWER", departmentIds: [] });
    expect(await resolveSession(id)).toBeNull();
    expect(await endedReason(id)).toBe("role changed");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "person.update", entityId: ravi.id }, orderBy: { id: "desc" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ role: "VIEWER", endedSessions: 1 });
  });
});

describe("lifetimes (with the clock passed in)", () => {
  it("ends a session left idle for the idle limit, dated when it ran out", async () => {
    const maya = await actorFor("marketing@touchline.demo");
    const t0 = new Date("2026-05-04T09:00:00Z");
    const id = await sessionFor(maya.id, { userAgent: CHROME }, t0);
    // The defaults: 8 hours idle. Each request within it moves the last-seen time on.
    expect(await resolveSession(id, { now: minutes(t0, 479) })).not.toBeNull();
    expect(await resolveSession(id, { now: minutes(t0, 479 + 479) })).not.toBeNull();
    expect(await resolveSession(id, { now: minutes(t0, 479 + 479 + 480) })).toBeNull();
    const row = await db.userSession.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ endedReason: "idle too long", endedAt: minutes(t0, 479 + 479 + 480) });
    // Once ended, an earlier clock does not revive it.
    expect(await resolveSession(id, { now: minutes(t0, 480) })).toBeNull();
  });

  it("ends a session at its absolute lifetime however busy, and follows the admin's settings", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const dana = await actorFor("digital@touchline.demo");
    await updateSessionSettings(admin, sessionSettingsSchema.parse({ sessionIdleMinutes: "30", sessionMaxHours: "3" }));
    try {
      const t0 = new Date("2026-05-04T09:00:00Z");
      const id = await sessionFor(dana.id, {}, t0);
      for (let m = 20; m < 180; m += 20) expect(await resolveSession(id, { now: minutes(t0, m) }), `after ${m} minutes`).not.toBeNull();
      expect(await resolveSession(id, { now: minutes(t0, 180) })).toBeNull();
      expect(await db.userSession.findUniqueOrThrow({ where: { id } })).toMatchObject({ endedReason: "reached its absolute lifetime", endedAt: minutes(t0, 180) });
      // The 30-minute idle limit holds too.
      const idle = await sessionFor(dana.id, {}, t0);
      expect(await resolveSession(idle, { now: minutes(t0, 30) })).toBeNull();
      const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "organisation.sessions.update" }, orderBy: { id: "desc" } });
      expect(JSON.parse(audit.after!)).toEqual({ sessionIdleMinutes: 30, sessionMaxHours: 3 });
    } finally {
      await updateSessionSettings(admin, { sessionIdleMinutes: 480, sessionMaxHours: 168 });
    }
  });

  it("does not let GET /api/auth/session renew a session past its absolute lifetime", async () => {
    const vic = await actorFor("viewer@touchline.demo");
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    const id = await sessionFor(vic.id, {}, eightDaysAgo);
    // Seen a minute ago: only the 7-day absolute limit can end it.
    await db.userSession.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - 60_000) } });
    await expect(renew({ userId: vic.id, sessionId: id })).rejects.toThrow();
    expect(await endedReason(id)).toBe("reached its absolute lifetime");
  });

  it("only admins change the lifetimes", async () => {
    const morgan = await actorFor("exec@touchline.demo");
    expect((await refusal(updateSessionSettings(morgan, { sessionIdleMinutes: 5, sessionMaxHours: 2160 }))).code).toBe("forbidden");
    expect(await db.organisation.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ sessionIdleMinutes: 480, sessionMaxHours: 168 });
  });
});

describe("under parallel requests", () => {
  it("50 requests on one session at once all resolve and write the last-seen time once", async () => {
    const femi = await actorFor("facilities@touchline.demo");
    const t0 = new Date("2026-05-04T09:00:00Z");
    const id = await sessionFor(femi.id, {}, t0);
    const later = minutes(t0, 5);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => resolveSession(id, { now: new Date(later.getTime() + i) })));
    expect(results.every((r) => r?.id === femi.id)).toBe(true);
    const row = await db.userSession.findUniqueOrThrow({ where: { id } });
    // One of the 50 moved it on; the others found it fresh (within the minute) and wrote nothing.
    expect(row.lastSeenAt.getTime()).toBeGreaterThanOrEqual(later.getTime());
    expect(row.lastSeenAt.getTime()).toBeLessThan(later.getTime() + 50);
    expect(row.endedAt).toBeNull();
  });

  it("a sign-out racing 50 requests stays a sign-out: no touch revives the row", async () => {
    const id = await signIn("exec@touchline.demo");
    const inAMinute = minutes(new Date(), 2);
    await Promise.all([...Array.from({ length: 50 }, () => resolveSession(id, { now: inAMinute })), signOut(id)]);
    expect(await endedReason(id)).toBe("signed out");
    expect(await resolveSession(id, { now: inAMinute })).toBeNull();
  });
});

describe("one's own sessions (account page)", () => {
  it("lists the live ones, this one first, and ends another by its handle", async () => {
    // The admin: no other test here signs them in.
    const avery = await actorFor("admin@touchline.demo");
    const here = await signIn(avery.email, DEMO_PASSWORD, { address: "192.0.2.60" });
    const phone = await signIn(avery.email, DEMO_PASSWORD, { agent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", address: "198.51.100.7" });
    const ended = await signIn(avery.email);
    await signOut(ended);
    const me = await as(here);
    const list = await listOwnSessions(me);
    expect(list.map((s) => [s.current, s.device, s.address])).toEqual([
      [true, "Chrome 141 on Linux", "192.0.2.60"],
      [false, "Mobile Safari 17 on iPhone, iOS 17.4", "198.51.100.7"],
    ]);
    expect(list.every((s) => /^[0-9a-f]{32}$/.test(s.handle) && !s.handle.includes(here))).toBe(true);

    expect(await endOwnSession(me, { session: list[1]!.handle })).toEqual({ device: "Mobile Safari 17 on iPhone, iOS 17.4" });
    expect(await resolveSession(phone)).toBeNull();
    expect(await endedReason(phone)).toBe("ended from another session");
    expect(await refusal(endOwnSession(me, { session: list[1]!.handle }))).toMatchObject({ code: "not_found" });
    expect(await refusal(endOwnSession(me, { session: list[0]!.handle }))).toMatchObject({ code: "conflict", message: "That is the session you are using: sign out instead." });
    expect(await db.auditEvent.count({ where: { action: "session.end", actorId: avery.id } })).toBe(1);
  });

  it("signs out everywhere else, and never touches another person's sessions", async () => {
    const dana = await actorFor("digital@touchline.demo");
    const here = await signIn(dana.email);
    const others = [await signIn(dana.email), await signIn(dana.email)];
    const morgan = await signIn("exec@touchline.demo");
    const morganHandle = (await listOwnSessions(await as(morgan)))[0]!.handle;

    const me = await as(here);
    // Another person's handle is not one of mine: refused, and their session goes on.
    expect(await refusal(endOwnSession(me, { session: morganHandle }))).toMatchObject({ code: "not_found" });
    expect(await resolveSession(morgan)).not.toBeNull();

    expect(await endOtherOwnSessions(me)).toEqual({ ended: 2 });
    for (const id of others) expect(await resolveSession(id)).toBeNull();
    expect(await resolveSession(here)).toMatchObject({ id: dana.id });
    expect(await resolveSession(morgan)).not.toBeNull();
    expect(await endOtherOwnSessions(me)).toEqual({ ended: 0 });
  });
});

describe("pruning", () => {
  it("deletes sessions ended or unseen for over 30 days, keeps the rest", async () => {
    const vic = await actorFor("viewer@touchline.demo");
    const now = new Date("2026-06-01T12:00:00Z");
    const day = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const endedLongAgo = await sessionFor(vic.id, {}, day(40));
    await db.userSession.update({ where: { id: endedLongAgo }, data: { lastSeenAt: day(35), endedAt: day(31), endedReason: "signed out" } });
    const endedRecently = await sessionFor(vic.id, {}, day(40));
    await db.userSession.update({ where: { id: endedRecently }, data: { lastSeenAt: day(29), endedAt: day(29), endedReason: "signed out" } });
    const forgotten = await sessionFor(vic.id, {}, day(32));
    const live = await sessionFor(vic.id, {}, day(1));
    await pruneSessions(now);
    const left = (await db.userSession.findMany({ where: { id: { in: [endedLongAgo, endedRecently, forgotten, live] } }, select: { id: true } })).map((r) => r.id);
    expect(left.sort()).toEqual([endedRecently, live].sort());
  });
});
