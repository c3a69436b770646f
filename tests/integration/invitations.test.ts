import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { acceptInvitation, createInvitation, listOpenInvitations, lookUpInvitation, revokeInvitation } from "../../lib/data/invitations";
import { getActiveUser } from "../../lib/data/users";
import { db } from "../../lib/db";
import { hashSecret } from "../../lib/secrets";
import { acceptInvitationSchema, createInvitationSchema } from "../../lib/validation/invitations";
import { actorFor, refusal } from "./helpers";

const DAY = 86_400_000;
const PASSWORD = "harbour lights at dawn";
const accept = (token: string, email: string, name = "Pat Rivers", password = PASSWORD, now?: Date) =>
  acceptInvitation(acceptInvitationSchema.parse({ token, email, name, password, confirmPassword: password }), now);
const kitchenId = async () => (await db.department.findUniqueOrThrow({ where: { slug: "kitchen" } })).id;

describe("invitations", () => {
  it("invites a head with departments; the link makes the account once and signs in with the chosen password", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const kitchen = await kitchenId();
    const input = createInvitationSchema.parse({ email: " Pat@Example.com ", role: "DEPARTMENT_HEAD", departmentIds: [String(kitchen)] });
    const { token, email, expiresAt } = await createInvitation(admin, input);
    expect(email).toBe("pat@example.com");
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * DAY);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is stored, and the audit entry carries neither.
    const row = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(row.tokenHash).toBe(hashSecret(token));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "invitation.create", entityId: row.id } });
    expect(audit.after).not.toContain(token);
    expect(audit.after).not.toContain(row.tokenHash);

    expect(await lookUpInvitation(token)).toMatchObject({ status: "valid", email, role: "DEPARTMENT_HEAD", departments: ["Kitchen"], invitedBy: "Avery Admin" });
    expect((await listOpenInvitations(admin)).find((i) => i.email === email)).toMatchObject({ status: "pending", departmentIds: [kitchen] });

    await accept(token, email);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, passwordHash: true } });
    expect(user.name).toBe("Pat Rivers");
    expect(await verifyPassword(PASSWORD, user.passwordHash)).toBe(true);
    expect(await getActiveUser(user.id)).toMatchObject({ role: "DEPARTMENT_HEAD", departmentIds: [kitchen] });
    expect(await db.auditEvent.findFirst({ where: { action: "invitation.accept", actorId: user.id } })).not.toBeNull();

    // Single use: the page says so, a second attempt is refused, no second account appears.
    expect(await lookUpInvitation(token)).toEqual({ status: "accepted" });
    expect(await refusal(accept(token, email, "Someone Else"))).toMatchObject({ code: "conflict" });
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect((await listOpenInvitations(admin)).some((i) => i.email === email)).toBe(false);
  });

  it("expires after 7 days: the page says so and accepting writes nothing", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const eightDaysAgo = new Date(Date.now() - 8 * DAY);
    const { token, email } = await createInvitation(admin, { email: "late@example.com", role: "VIEWER", departmentIds: [] }, eightDaysAgo);
    expect(await lookUpInvitation(token)).toEqual({ status: "expired" });
    expect((await listOpenInvitations(admin)).find((i) => i.email === email)?.status).toBe("expired");
    expect((await refusal(accept(token, email))).message).toBe("This invitation is no longer valid. Ask your admin for a new one.");
    expect(await db.user.count({ where: { email } })).toBe(0);
    // One second before the 7 days are up, it still works.
    const almost = await createInvitation(admin, { email: "almost@example.com", role: "VIEWER", departmentIds: [] }, new Date(Date.now() - 7 * DAY + 1000));
    await accept(almost.token, almost.email);
    expect(await db.user.count({ where: { email: almost.email } })).toBe(1);
  });

  it("inviting again withdraws the older link; withdrawn links stop working", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const first = await createInvitation(admin, { email: "twice@example.com", role: "EXECUTIVE", departmentIds: [] });
    const second = await createInvitation(admin, { email: "twice@example.com", role: "EXECUTIVE", departmentIds: [] });
    expect(await lookUpInvitation(first.token)).toEqual({ status: "revoked" });
    expect((await lookUpInvitation(second.token))?.status).toBe("valid");
    await revokeInvitation(admin, { id: second.id });
    expect(await lookUpInvitation(second.token)).toEqual({ status: "revoked" });
    expect(await refusal(accept(second.token, second.email))).toMatchObject({ code: "conflict" });
    expect(await db.user.count({ where: { email: second.email } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "invitation.revoke", entityId: second.id } })).toBe(1);
  });

  it("refuses existing accounts, archived or unknown departments, and unknown tokens", async () => {
    const admin = await actorFor("admin@touchline.demo");
    expect(await refusal(createInvitation(admin, { email: "viewer@touchline.demo", role: "VIEWER", departmentIds: [] }))).toMatchObject({ code: "conflict", message: "Vic Patel already has an account with viewer@touchline.demo." });
    expect(await refusal(createInvitation(admin, { email: "new@example.com", role: "DEPARTMENT_HEAD", departmentIds: [999_999] }))).toMatchObject({ code: "invalid", fields: { departmentIds: "Choose active departments only" } });
    expect(await db.invitation.count({ where: { email: "new@example.com" } })).toBe(0);
    expect(createInvitationSchema.safeParse({ email: "x@example.com", role: "DEPARTMENT_HEAD", departmentIds: [] }).error?.issues[0]?.message).toBe("A department head needs at least one department");
    expect(createInvitationSchema.safeParse({ email: "not an email", role: "VIEWER" }).error?.issues[0]?.message).toBe("Enter a valid email address");
    expect(await lookUpInvitation("x".repeat(43))).toBeNull();
    expect(await lookUpInvitation("short")).toBeNull();
  });

  it("holds the invitee to the password rules, judged against the invitation's own email", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const { token, email } = await createInvitation(admin, { email: "quinn.harper@example.com", role: "VIEWER", departmentIds: [] });
    const parsed = acceptInvitationSchema.safeParse({ token, email, name: "Quinn", password: "short", confirmPassword: "short" });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["password"], message: "Use at least 10 characters" });
    const mismatch = acceptInvitationSchema.safeParse({ token, email, name: "Quinn", password: PASSWORD, confirmPassword: `${PASSWORD}!` });
    expect(mismatch.error?.issues[0]).toMatchObject({ path: ["confirmPassword"], message: "The two passwords differ" });
    // The browser sends another email to dodge the rule: the server checks the real one.
    const dodge = acceptInvitationSchema.parse({ token, email: "other@example.com", name: "Sam Lee", password: "quinn.harper-2026", confirmPassword: "quinn.harper-2026" });
    expect(await refusal(acceptInvitation(dodge))).toMatchObject({ code: "invalid", fields: { password: "Don't build the password from your email address" } });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await lookUpInvitation(token))?.status).toBe("valid");
  });

  it("makes one account when two tabs accept the same link at once", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const { token, email } = await createInvitation(admin, { email: "race@example.com", role: "VIEWER", departmentIds: [] });
    const results = await Promise.allSettled([accept(token, email, "Tab One"), accept(token, email, "Tab Two")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("lets only admins invite, list and withdraw, writing nothing otherwise", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const open = await createInvitation(admin, { email: "open@example.com", role: "VIEWER", departmentIds: [] });
    const before = { invitations: await db.invitation.count(), audit: await db.auditEvent.count() };
    for (const email of ["exec@touchline.demo", "kitchen@touchline.demo", "viewer@touchline.demo"]) {
      const actor = await actorFor(email);
      for (const attempt of [listOpenInvitations(actor), createInvitation(actor, { email: "sneaky@example.com", role: "ADMIN", departmentIds: [] }), revokeInvitation(actor, { id: open.id })]) {
        expect((await refusal(attempt)).code).toBe("forbidden");
      }
    }
    expect({ invitations: await db.invitation.count(), audit: await db.auditEvent.count() }).toEqual(before);
    expect((await lookUpInvitation(open.token))?.status).toBe("valid");
  });
});
