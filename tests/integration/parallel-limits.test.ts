// Every one-time thing and every limit holds when the requests arrive at the same time: 50 at
// once, on each database. (The rate limits' own parallel tests are in lib/rate-limit.test.ts.)
import { describe, expect, it } from "vitest";
import { acceptInvitation, createInvitation } from "../../lib/data/invitations";
import { createPasswordReset, resetPassword } from "../../lib/data/password-resets";
import { completeFirstRun } from "../../lib/data/setup";
import { db } from "../../lib/db";
import { SIGN_IN_FAILURES_PER_ACCOUNT } from "../../lib/rate-limit";
import { acceptInvitationSchema } from "../../lib/validation/invitations";
import { resetPasswordSchema } from "../../lib/validation/auth";
import { firstRunSchema } from "../../lib/validation/setup";
import { wipeDatabase } from "../../prisma/seed/seed-demo";
import { actorFor, authorize } from "./helpers";

const PARALLEL = 50;
const PASSWORD = "harbour lights at dawn";
const fulfilled = (results: PromiseSettledResult<unknown>[]) => results.filter((r) => r.status === "fulfilled").length;
const reasons = (results: PromiseSettledResult<unknown>[]) => [...new Set(results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string; message: string }).code ?? (r.reason as Error).message] : [])))];

describe("50 requests at once", () => {
  it("sign-in: only the allowance of wrong passwords for one account is checked; the rest are told to wait", async () => {
    const email = "marketing@touchline.demo";
    // Each from its own address, so only the per-account limit is in play.
    const results = await Promise.allSettled(
      Array.from({ length: PARALLEL }, (_, i) => authorize({ email, password: `guess number ${i}` }, { headers: { "x-forwarded-for": `198.51.100.${i}` } })),
    );
    const checked = results.filter((r) => r.status === "fulfilled");
    expect(checked).toHaveLength(SIGN_IN_FAILURES_PER_ACCOUNT);
    expect(checked.every((r) => r.status === "fulfilled" && r.value === null)).toBe(true);
    expect(reasons(results)).toEqual([expect.stringMatching(/^TooManyAttempts:\d+$/)]);
  });

  it("an invitation link makes one account", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const { token, email } = await createInvitation(admin, { email: "crowd@example.com", role: "VIEWER", departmentIds: [] });
    const input = acceptInvitationSchema.parse({ token, email, name: "Pat Rivers", password: PASSWORD, confirmPassword: PASSWORD });
    const results = await Promise.allSettled(Array.from({ length: PARALLEL }, () => acceptInvitation(input)));
    expect(fulfilled(results)).toBe(1);
    expect(reasons(results)).toEqual(["conflict"]);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("a password reset link sets the password once", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const person = await actorFor("viewer@touchline.demo");
    const { token } = await createPasswordReset(admin, { id: person.id });
    const results = await Promise.allSettled(
      Array.from({ length: PARALLEL }, (_, i) => resetPassword(resetPasswordSchema.parse({ token, password: `${PASSWORD} ${i}`, confirmPassword: `${PASSWORD} ${i}` }))),
    );
    expect(fulfilled(results)).toBe(1);
    expect(reasons(results)).toEqual(["conflict"]);
    expect(await db.auditEvent.count({ where: { action: "user.password-reset", entityId: person.id } })).toBe(1);
  });

  it("first-run set-up makes one organisation and one admin", async () => {
    await wipeDatabase(db);
    const results = await Promise.allSettled(
      Array.from({ length: PARALLEL }, (_, i) =>
        completeFirstRun(firstRunSchema.parse({ organisationName: `Bistro ${i}`, periodGranularity: "WEEK", name: "Robin Owner", email: `owner${i}@example.com`, password: PASSWORD, confirmPassword: PASSWORD })),
      ),
    );
    expect(fulfilled(results)).toBe(1);
    expect(reasons(results)).toEqual(["conflict"]);
    expect(await db.user.count()).toBe(1);
    expect(await db.organisation.count()).toBe(1);
  });
});
