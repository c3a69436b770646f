// Departments, as admins set them up: create, rename, recolour, archive and restore. Nothing is
// ever deleted: an archived department keeps its touchpoints' history and can be restored.
import { db } from "../db";
import { conflict, forbidden, notFound } from "../errors";
import { canConfigureOrganisation, type Actor } from "../permissions";
import { recordAudit } from "./audit";
import { firstFreeSlug, slugify } from "../slugs";
import { isUniqueViolation } from "./prisma-errors";

export type AdminDepartment = {
  id: number;
  name: string;
  colour: string;
  archived: boolean;
  activeTouchpoints: number;
  members: number;
};

function mustConfigure(actor: Actor) {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can change the organisation's departments.");
}

export async function listDepartmentsForAdmin(actor: Actor): Promise<AdminDepartment[]> {
  mustConfigure(actor);
  const departments = await db.department.findMany({
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      colour: true,
      archivedAt: true,
      _count: { select: { touchpoints: { where: { archivedAt: null } }, memberships: true } },
    },
  });
  return departments.map((d) => ({ id: d.id, name: d.name, colour: d.colour, archived: d.archivedAt !== null, activeTouchpoints: d._count.touchpoints, members: d._count.memberships }));
}

/** A slug for a new department, numbered when another department already has it. */
async function freeSlug(name: string): Promise<string> {
  const base = slugify(name, "department");
  const taken = await db.department.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return firstFreeSlug(base, new Set(taken.map((d) => d.slug)));
}

const nameTaken = (name: string) => conflict(`There is already a department called “${name}” (perhaps archived). Choose another name or restore that one.`, { field: "name" });

export async function createDepartment(actor: Actor, input: { name: string; colour: string }) {
  mustConfigure(actor);
  const slug = await freeSlug(input.name);
  try {
    return await db.$transaction(async (tx) => {
      const department = await tx.department.create({ data: { name: input.name, colour: input.colour, slug }, select: { id: true, name: true, colour: true } });
      await recordAudit(tx, actor, { action: "department.create", entity: "Department", entityId: department.id, after: department });
      return department;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function updateDepartment(actor: Actor, input: { id: number; name: string; colour: string }) {
  mustConfigure(actor);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.department.findUnique({ where: { id: input.id }, select: { id: true, name: true, colour: true } });
      if (!before) throw notFound("That department does not exist.");
      const after = await tx.department.update({ where: { id: input.id }, data: { name: input.name, colour: input.colour }, select: { id: true, name: true, colour: true } });
      await recordAudit(tx, actor, { action: "department.update", entity: "Department", entityId: input.id, before, after });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/**
 * Hides a department from entry, API keys and lists. Refused while it still owns active
 * touchpoints: those would be left without an owner on the overview.
 */
export async function archiveDepartment(actor: Actor, { id }: { id: number }, now = new Date()) {
  mustConfigure(actor);
  return db.$transaction(async (tx) => {
    const department = await tx.department.findUnique({
      where: { id },
      select: { id: true, name: true, archivedAt: true, _count: { select: { touchpoints: { where: { archivedAt: null } } } } },
    });
    if (!department) throw notFound("That department does not exist.");
    if (department.archivedAt) return { id, name: department.name };
    const owned = department._count.touchpoints;
    if (owned > 0) {
      throw conflict(`${department.name} still owns ${owned} active touchpoint${owned === 1 ? "" : "s"}. Give ${owned === 1 ? "it" : "them"} to another department or archive ${owned === 1 ? "it" : "them"} first.`);
    }
    await tx.department.update({ where: { id }, data: { archivedAt: now } });
    await recordAudit(tx, actor, { action: "department.archive", entity: "Department", entityId: id, before: { archivedAt: null }, after: { archivedAt: now.toISOString() } });
    return { id, name: department.name };
  });
}

export async function restoreDepartment(actor: Actor, { id }: { id: number }) {
  mustConfigure(actor);
  return db.$transaction(async (tx) => {
    const department = await tx.department.findUnique({ where: { id }, select: { name: true, archivedAt: true } });
    if (!department) throw notFound("That department does not exist.");
    if (!department.archivedAt) return { id, name: department.name };
    await tx.department.update({ where: { id }, data: { archivedAt: null } });
    await recordAudit(tx, actor, { action: "department.restore", entity: "Department", entityId: id, before: { archivedAt: department.archivedAt.toISOString() }, after: { archivedAt: null } });
    return { id, name: department.name };
  });
}

/** The names of these departments, alphabetically (archived ones included: they are still the person's). */
export async function listDepartmentNames(ids: number[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.department.findMany({ where: { id: { in: ids } }, orderBy: { name: "asc" }, select: { name: true } });
  return rows.map((r) => r.name);
}
