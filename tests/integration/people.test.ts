import { describe, expect, it } from "vitest";
import { createApiKey } from "../../lib/data/api-keys";
import { listAuditEvents } from "../../lib/data/audit";
import { listPeople, setPersonActive, updatePerson } from "../../lib/data/people";
import { getActiveUser } from "../../lib/data/users";
import { db } from "../../lib/db";
import { updatePersonSchema } from "../../lib/validation/people";
import { actorFor, refusal } from "./helpers";

const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

describe("people (admin)", () => {
  it("changes a role and replaces memberships, audited", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const vic = await userId("viewer@touchline.demo");
    const bar = await db.department.findUniqueOrThrow({ where: { slug: "bar" } });
    const kitchen = await db.department.findUniqueOrThrow({ where: { slug: "kitchen" } });
    await updatePerson(admin, updatePersonSchema.parse({ id: String(vic), role: "DEPARTMENT_HEAD", departmentIds: [String(bar.id), String(kitchen.id)] }));
    expect(await getActiveUser(vic)).toMatchObject({ role: "DEPARTMENT_HEAD", departmentIds: [bar.id, kitchen.id].sort((a, b) => a - b) });
    await updatePerson(admin, { id: vic, role: "VIEWER", departmentIds: [] });
    expect(await getActiveUser(vic)).toMatchObject({ role: "VIEWER", departmentIds: [] });
    const [last] = (await listAuditEvents(admin)).events;
    expect(last).toMatchObject({ action: "person.update", entityId: vic, before: { role: "DEPARTMENT_HEAD" }, after: { role: "VIEWER", departmentIds: [] } });
  });

  it("ends a deactivated person's session on their next request, and can bring them back", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const kai = await userId("kitchen@touchline.demo");
    await setPersonActive(admin, { id: kai }, false);
    expect(await getActiveUser(kai)).toBeNull();
    expect((await listPeople(admin)).find((p) => p.id === kai)).toMatchObject({ active: false });
    await setPersonActive(admin, { id: kai }, true);
    expect(await getActiveUser(kai)).not.toBeNull();
  });

  it("refuses heads without departments and unknown departments, and every role but admin", async () => {
    expect(updatePersonSchema.safeParse({ id: "3", role: "DEPARTMENT_HEAD", departmentIds: [] }).error?.issues[0]?.message).toBe("A department head needs at least one department");
    const admin = await actorFor("admin@touchline.demo");
    const vic = await userId("viewer@touchline.demo");
    expect(await refusal(updatePerson(admin, { id: vic, role: "DEPARTMENT_HEAD", departmentIds: [999_999] }))).toMatchObject({ code: "invalid" });
    const before = await db.auditEvent.count();
    for (const email of ["exec@touchline.demo", "foh@touchline.demo", "viewer@touchline.demo"]) {
      const actor = await actorFor(email);
      for (const attempt of [listPeople(actor), updatePerson(actor, { id: vic, role: "ADMIN", departmentIds: [] }), setPersonActive(actor, { id: vic }, false)]) {
        expect((await refusal(attempt)).code).toBe("forbidden");
      }
    }
    expect(await db.auditEvent.count()).toBe(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: vic } })).role).toBe("VIEWER");
  });
  it("revokes the API keys a person made once they lose the department, and all of them on deactivation", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const dana = await actorFor("digital@touchline.demo");
    const [first, second] = dana.departmentIds as [number, number];
    expect(dana.departmentIds).toHaveLength(2);
    const firstKey = await createApiKey(dana, { departmentId: first, name: "Web analytics" });
    const secondKey = await createApiKey(dana, { departmentId: second, name: "Delivery feed" });
    // Moved off the first department: its key goes, the second's stays.
    const moved = await updatePerson(admin, { id: dana.id, role: "DEPARTMENT_HEAD", departmentIds: [second] });
    expect(moved.revokedApiKeys).toBe(1);
    const revokedAt = async (id: number) => (await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt;
    expect(await revokedAt(firstKey.id)).not.toBeNull();
    expect(await revokedAt(secondKey.id)).toBeNull();
    const deactivated = await setPersonActive(admin, { id: dana.id }, false);
    expect(deactivated.revokedApiKeys).toBe(1);
    expect(await revokedAt(secondKey.id)).not.toBeNull();
    expect((await listAuditEvents(admin)).events[0]).toMatchObject({ action: "person.deactivate", after: { active: false, revokedApiKeys: 1 } });
    // Reactivating does not bring keys back: their secrets may have gone anywhere meanwhile.
    await setPersonActive(admin, { id: dana.id }, true);
    expect(await revokedAt(secondKey.id)).not.toBeNull();
    await updatePerson(admin, { id: dana.id, role: "DEPARTMENT_HEAD", departmentIds: [first, second] });
  });

  it("keeps at least one active admin, and no admin can deactivate themselves", async () => {
    const admin = await actorFor("admin@touchline.demo");
    expect(await refusal(updatePerson(admin, { id: admin.id, role: "EXECUTIVE", departmentIds: [] }))).toMatchObject({
      code: "conflict",
      message: "Avery Admin is the only active admin. Touchline needs at least one active admin: make someone else an admin first.",
    });
    expect(await refusal(setPersonActive(admin, { id: admin.id }, false))).toMatchObject({ code: "conflict", message: "You cannot deactivate your own account; ask another admin." });

    // With a second admin, the first may step down, and the second is then the last one.
    const morgan = await userId("exec@touchline.demo");
    await updatePerson(admin, { id: morgan, role: "ADMIN", departmentIds: [] });
    await updatePerson(admin, { id: admin.id, role: "EXECUTIVE", departmentIds: [] });
    const newAdmin = await actorFor("exec@touchline.demo");
    expect((await refusal(updatePerson(newAdmin, { id: morgan, role: "VIEWER", departmentIds: [] }))).code).toBe("conflict");
    expect((await db.user.findUniqueOrThrow({ where: { id: morgan } })).role).toBe("ADMIN");
  });

});
