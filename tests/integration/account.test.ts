import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { changeOwnPassword } from "../../lib/data/account";
import { resolveSession } from "../../lib/data/sessions";
import { db } from "../../lib/db";
import { changePasswordSchema } from "../../lib/validation/auth";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-organisation";
import { actorFor, refusal, sessionFor } from "./helpers";

const NEW_PASSWORD = "seven green bottles";
const change = (currentPassword: string, password = NEW_PASSWORD) => changePasswordSchema.parse({ currentPassword, password, confirmPassword: password });

describe("changing one's own password", () => {
  it("needs the current password, then ends every other session of the person", async () => {
    const fran = await actorFor("foh@touchline.demo");
    const here = await sessionFor(fran.id, { userAgent: "this browser" });
    const elsewhere = await sessionFor(fran.id, { userAgent: "another device" });
    expect(await refusal(changeOwnPassword(fran, change("not my password"), "192.0.2.10"))).toMatchObject({ code: "invalid", fields: { currentPassword: "That is not your current password" } });
    expect(await verifyPassword(DEMO_PASSWORD, (await db.user.findUniqueOrThrow({ where: { id: fran.id } })).passwordHash)).toBe(true);

    expect(await resolveSession(elsewhere)).not.toBeNull();
    await changeOwnPassword({ ...fran, sessionId: here }, change(DEMO_PASSWORD), "192.0.2.10");
    const row = await db.user.findUniqueOrThrow({ where: { id: fran.id } });
    expect(await verifyPassword(NEW_PASSWORD, row.passwordHash)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, row.passwordHash)).toBe(false);
    // Another device (or a thief's copy of its cookie) is signed out; the session that changed it goes on.
    expect(await resolveSession(elsewhere)).toBeNull();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: elsewhere } })).toMatchObject({ endedReason: "password changed" });
    expect(await resolveSession(here)).toMatchObject({ email: "foh@touchline.demo", sessionId: here });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.password-change", entityId: fran.id } });
    expect(audit).toMatchObject({ actorId: fran.id, before: null, after: JSON.stringify({ endedSessions: 1 }) });
  });

  it("holds the new password to the rules, with the message on the field", async () => {
    const field = (input: Record<string, string>) => changePasswordSchema.safeParse(input).error?.issues[0];
    expect(field({ currentPassword: "x", password: "x", confirmPassword: "x" })).toMatchObject({ path: ["password"], message: "Choose a password different from the current one" });
    expect(field({ currentPassword: "x", password: "abcabcabcabc", confirmPassword: "abcabcabcabc" })).toMatchObject({ path: ["password"], message: "Use more different characters: this one repeats too few" });
    expect(field({ currentPassword: "x", password: "Password2026!", confirmPassword: "Password2026!" })).toMatchObject({ path: ["password"], message: "That password is too easy to guess" });
    expect(field({ currentPassword: "", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toMatchObject({ path: ["currentPassword"], message: "Enter your current password" });
    // Rules that need the account are checked on the server.
    const vic = await actorFor("viewer@touchline.demo");
    expect(await refusal(changeOwnPassword(vic, change(DEMO_PASSWORD, "vic patel's password"), "192.0.2.11"))).toMatchObject({ fields: { password: "Don't build the password from your name" } });
    expect(await refusal(changeOwnPassword(vic, change(DEMO_PASSWORD, "viewer-at-home-2026"), "192.0.2.11"))).toMatchObject({ fields: { password: "Don't build the password from your email address" } });
  });

  it("counts wrong current passwords like failed sign-ins", async () => {
    const cleo = await actorFor("care@touchline.demo");
    for (let i = 0; i < 5; i++) await refusal(changeOwnPassword(cleo, change(`guess ${i}`), "192.0.2.12"));
    const locked = await refusal(changeOwnPassword(cleo, change(DEMO_PASSWORD), "192.0.2.12"));
    expect(locked.message).toMatch(/^Too many wrong passwords\. Try again in 15 minutes\.$/);
    expect(await verifyPassword(DEMO_PASSWORD, (await db.user.findUniqueOrThrow({ where: { id: cleo.id } })).passwordHash)).toBe(true);
  });
});
