import { describe, expect, it } from "vitest";
import { listAuditEvents } from "../../lib/data/audit";
import { archiveDepartment, createDepartment, listDepartmentsForAdmin, restoreDepartment, updateDepartment } from "../../lib/data/departments";
import { getWritableDepartments } from "../../lib/data/entry-sheet";
import { db } from "../../lib/db";
import { actorFor, refusal } from "./helpers";

const counts = async () => ({ departments: await db.department.count(), audit: await db.auditEvent.count() });

describe("departments (admin set-up)", () => {
  it("creates, renames and recolours, writing each change to the audit log", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const pastry = await createDepartment(admin, { name: "Pastry", colour: "#cc79a7" });
    expect(await db.department.findUniqueOrThrow({ where: { id: pastry.id }, select: { slug: true, archivedAt: true } })).toEqual({ slug: "pastry", archivedAt: null });
    await updateDepartment(admin, { id: pastry.id, name: "Pastry & Desserts", colour: "#e69f00" });

    const { events } = await listAuditEvents(admin);
    expect(events.slice(0, 2).map((e) => [e.action, e.entityId, e.actor])).toEqual([
      ["department.update", pastry.id, "Avery Admin"],
      ["department.create", pastry.id, "Avery Admin"],
    ]);
    expect(events[0]).toMatchObject({ before: { name: "Pastry", colour: "#cc79a7" }, after: { name: "Pastry & Desserts", colour: "#e69f00" } });
    expect(events[1]).toMatchObject({ before: null, after: { name: "Pastry", colour: "#cc79a7" } });
  });

  it("refuses a name in use, saying so, and writes nothing", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const before = await counts();
    const error = await refusal(createDepartment(admin, { name: "Kitchen", colour: "#000000" }));
    expect(error).toMatchObject({ code: "conflict", message: "There is already a department called “Kitchen” (perhaps archived). Choose another name or restore that one." });
    const bar = await db.department.findUniqueOrThrow({ where: { slug: "bar" } });
    expect((await refusal(updateDepartment(admin, { id: bar.id, name: "Kitchen", colour: bar.colour }))).code).toBe("conflict");
    expect(await counts()).toEqual(before);
    expect(await db.department.findUniqueOrThrow({ where: { id: bar.id }, select: { name: true } })).toEqual({ name: "Bar" });
  });

  it("refuses every role but admin, for every action, and writes nothing", async () => {
    const bar = await db.department.findUniqueOrThrow({ where: { slug: "bar" } });
    const before = await counts();
    for (const email of ["exec@touchline.demo", "foh@touchline.demo", "viewer@touchline.demo"]) {
      const actor = await actorFor(email);
      for (const attempt of [
        createDepartment(actor, { name: "Sneaky", colour: "#000000" }),
        updateDepartment(actor, { id: bar.id, name: "Renamed", colour: "#000000" }),
        archiveDepartment(actor, { id: bar.id }),
        restoreDepartment(actor, { id: bar.id }),
        listDepartmentsForAdmin(actor),
        listAuditEvents(actor),
      ]) {
        expect((await refusal(attempt)).code).toBe("forbidden");
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("will not archive a department that still owns active touchpoints", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const kitchen = await db.department.findUniqueOrThrow({ where: { slug: "kitchen" } });
    const error = await refusal(archiveDepartment(admin, { id: kitchen.id }));
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/^Kitchen still owns \d+ active touchpoints?\. Give (it|them) to another department or archive (it|them) first\.$/);
    expect(await db.department.findUniqueOrThrow({ where: { id: kitchen.id }, select: { archivedAt: true } })).toEqual({ archivedAt: null });
  });

  it("archives and restores with the history intact, hiding the department from entry meanwhile", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const facilities = await db.department.findUniqueOrThrow({ where: { slug: "facilities" } });
    const entries = await db.metricEntry.count({ where: { metric: { touchpoint: { departmentId: facilities.id } } } });
    expect(entries).toBeGreaterThan(0);
    await db.touchpoint.updateMany({ where: { departmentId: facilities.id }, data: { archivedAt: new Date() } });

    await archiveDepartment(admin, { id: facilities.id });
    expect((await getWritableDepartments(admin)).some((d) => d.id === facilities.id)).toBe(false);
    expect((await listDepartmentsForAdmin(admin)).find((d) => d.id === facilities.id)).toMatchObject({ archived: true, activeTouchpoints: 0 });
    await archiveDepartment(admin, { id: facilities.id }); // again: nothing more happens

    await restoreDepartment(admin, { id: facilities.id });
    expect((await getWritableDepartments(admin)).some((d) => d.id === facilities.id)).toBe(true);
    expect(await db.metricEntry.count({ where: { metric: { touchpoint: { departmentId: facilities.id } } } })).toBe(entries);
    const actions = (await listAuditEvents(admin)).events.filter((e) => e.entityId === facilities.id).map((e) => e.action);
    expect(actions).toEqual(["department.restore", "department.archive"]);
    expect((await refusal(restoreDepartment(admin, { id: 999_999 }))).code).toBe("not_found");
  });
});
