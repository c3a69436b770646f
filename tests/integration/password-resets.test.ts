import { describe, expect, it } from "vitest";
import { createPasswordReset, lookUpPasswordReset, resetPassword } from "../../lib/data/password-resets";
import { setPersonActive, updatePersonDetails } from "../../lib/data/people";
import { resolveSession } from "../../lib/data/sessions";
import { getActiveUser } from "../../lib/data/users";
import { db } from "../../lib/db";
import { resetPasswordSchema } from "../../lib/validation/auth";
import { personDetailsSchema } from "../../lib/validation/people";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-organisation";
import { actorFor, authorize, refusal, sessionFor } from "./helpers";

const NEW_PASSWORD = "blue door on the left";
const reset = (token: string, password = NEW_PASSWORD, now?: Date) => resetPassword(resetPasswordSchema.parse({ token, password, confirmPassword: password }), now);

describe("password reset links", () => {
  it("lets the person choose a new password once, ending older sessions and lifting a sign-in pause", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const maya = await actorFor("marketing@touchline.demo");
    for (let i = 0; i < 6; i++) await authorize({ email: maya.email, password: "forgotten" }).catch(() => null);
    await expect(authorize({ email: maya.email, password: DEMO_PASSWORD })).rejects.toThrow(/TooManyAttempts/);

    const { token, email } = await createPasswordReset(admin, { id: maya.id });
    expect(email).toBe("marketing@touchline.demo");
    expect(await lookUpPasswordReset(token)).toMatchObject({ status: "valid", name: "Maya Brooks" });
    const earlier = await sessionFor(maya.id, { userAgent: "a device she forgot about" });
    await reset(token);
    expect(await authorize({ email: maya.email, password: NEW_PASSWORD })).toMatchObject({ name: "Maya Brooks" });
    expect(await authorize({ email: maya.email, password: DEMO_PASSWORD })).toBeNull();
    expect(await resolveSession(earlier)).toBeNull();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: earlier } })).toMatchObject({ endedReason: "password reset" });
    expect(await lookUpPasswordReset(token)).toEqual({ status: "used" });
    expect(await refusal(reset(token, "another fine password"))).toMatchObject({ code: "conflict" });
    expect(await db.auditEvent.count({ where: { action: { in: ["person.password-reset-link", "user.password-reset"] }, entityId: maya.id } })).toBe(2);
  });

  it("expires after 24 hours, is withdrawn by a newer link, and needs an active account", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const ravi = await actorFor("reservations@touchline.demo");
    const old = await createPasswordReset(admin, { id: ravi.id }, new Date(Date.now() - 25 * 3_600_000));
    expect(await lookUpPasswordReset(old.token)).toEqual({ status: "expired" });
    expect(await refusal(reset(old.token))).toMatchObject({ code: "conflict" });
    const first = await createPasswordReset(admin, { id: ravi.id });
    const second = await createPasswordReset(admin, { id: ravi.id });
    expect(await lookUpPasswordReset(first.token)).toEqual({ status: "revoked" });
    await setPersonActive(admin, { id: ravi.id }, false);
    expect(await lookUpPasswordReset(second.token)).toEqual({ status: "revoked" });
    expect(await refusal(reset(second.token))).toMatchObject({ code: "conflict" });
    expect(await refusal(createPasswordReset(admin, { id: ravi.id }))).toMatchObject({ code: "conflict", message: "Ravi Shah is deactivated: reactivate them first." });
    await setPersonActive(admin, { id: ravi.id }, true);
    expect(await authorize({ email: ravi.email, password: DEMO_PASSWORD })).not.toBeNull();
  });

  it("holds the new password to the rules and writes nothing when it fails them", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const femi = await actorFor("facilities@touchline.demo");
    const { token } = await createPasswordReset(admin, { id: femi.id });
    expect(resetPasswordSchema.safeParse({ token, password: "short", confirmPassword: "short" }).error?.issues[0]?.message).toBe("Use at least 10 characters");
    expect(await refusal(reset(token, "facilities-2026"))).toMatchObject({ fields: { password: "Don't build the password from your email address" } });
    expect(await lookUpPasswordReset(token)).toMatchObject({ status: "valid" });
    expect(await authorize({ email: femi.email, password: DEMO_PASSWORD })).not.toBeNull();
  });

  it("lets admins correct a name or email, refusing an email someone else uses", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const vic = await actorFor("viewer@touchline.demo");
    await updatePersonDetails(admin, personDetailsSchema.parse({ id: vic.id, name: "Victoria Patel", email: " Victoria@Touchline.demo " }));
    expect(await getActiveUser(vic.id)).toMatchObject({ name: "Victoria Patel", email: "victoria@touchline.demo" });
    expect(await authorize({ email: "victoria@touchline.demo", password: DEMO_PASSWORD })).not.toBeNull();
    expect(await refusal(updatePersonDetails(admin, { id: vic.id, name: "Vic", email: "exec@touchline.demo" }))).toMatchObject({ code: "invalid", fields: { email: "Someone else already signs in with this email" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: vic.id } })).email).toBe("victoria@touchline.demo");
    await updatePersonDetails(admin, { id: vic.id, name: "Vic Patel", email: "viewer@touchline.demo" });
  });

  it("lets only admins make reset links or change people's details", async () => {
    const target = await actorFor("kitchen@touchline.demo");
    const before = await db.passwordReset.count();
    for (const email of ["exec@touchline.demo", "foh@touchline.demo", "viewer@touchline.demo"]) {
      const actor = await actorFor(email);
      expect((await refusal(createPasswordReset(actor, { id: target.id }))).code).toBe("forbidden");
      expect((await refusal(updatePersonDetails(actor, { id: target.id, name: "Hijacked", email: "evil@example.com" }))).code).toBe("forbidden");
    }
    expect(await db.passwordReset.count()).toBe(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).name).toBe("Kai Chen");
  });
});
