import { describe, expect, it } from "vitest";
import { authOptions } from "../../lib/auth/options";
import { getActiveUser } from "../../lib/data/users";
import { db } from "../../lib/db";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-organisation";

type Authorize = (credentials: Record<string, string>) => Promise<Record<string, unknown> | null>;
// next-auth keeps the configured authorize() under `options`.
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

describe("credentials sign-in", () => {
  it("accepts the right password and carries role and departments", async () => {
    const user = await authorize({ email: "FOH@touchline.demo ", password: DEMO_PASSWORD });
    const fohIds = (await db.department.findMany({ where: { slug: { in: ["front-of-house", "bar"] } }, select: { id: true } })).map((d) => d.id);
    expect(user).toMatchObject({ email: "foh@touchline.demo", name: "Fran Ortiz", role: "DEPARTMENT_HEAD" });
    expect((user!.departmentIds as number[]).sort()).toEqual(fohIds.sort());
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
});
