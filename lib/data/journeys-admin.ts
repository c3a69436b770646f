// Journeys and their stages, as admins set them up. Stages are ordered upstream → downstream by
// `position`; moving one swaps it with its active neighbour. Nothing with history is deleted:
// archived journeys and stages disappear from entry and the overview and can be restored.
import { db, type Tx } from "../db";
import { conflict, forbidden, notFound } from "../errors";
import { canConfigureOrganisation, type Actor } from "../permissions";
import { recordAudit } from "./audit";
import { firstFreeSlug, slugify } from "../slugs";
import { isUniqueViolation } from "./prisma-errors";

export type AdminStage = { id: number; name: string; position: number; archived: boolean; activeTouchpoints: number };
export type AdminJourney = { id: number; name: string; description: string; archived: boolean; stages: AdminStage[] };

function mustConfigure(actor: Actor) {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can change the organisation's journeys.");
}

async function withUniqueNames<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(message, { field: "name" });
    throw error;
  }
}

export async function listJourneysForAdmin(actor: Actor): Promise<AdminJourney[]> {
  mustConfigure(actor);
  const journeys = await db.journey.findMany({
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      archivedAt: true,
      stages: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, name: true, position: true, archivedAt: true, _count: { select: { touchpoints: { where: { archivedAt: null } } } } },
      },
    },
  });
  return journeys.map((j) => ({
    id: j.id,
    name: j.name,
    description: j.description,
    archived: j.archivedAt !== null,
    stages: j.stages.map((s) => ({ id: s.id, name: s.name, position: s.position, archived: s.archivedAt !== null, activeTouchpoints: s._count.touchpoints })),
  }));
}

async function freeSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name, "journey");
  const taken = await tx.journey.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return firstFreeSlug(base, new Set(taken.map((j) => j.slug)));
}

const journeyNameTaken = (name: string) => `There is already a journey called “${name}” (perhaps archived). Choose another name or restore that one.`;
const stageNameTaken = (name: string) => `This journey already has a stage called “${name}” (perhaps archived).`;

export async function createJourney(actor: Actor, input: { name: string; description: string }) {
  mustConfigure(actor);
  return withUniqueNames(journeyNameTaken(input.name), () =>
    db.$transaction(async (tx) => {
      const last = await tx.journey.findFirst({ orderBy: { position: "desc" }, select: { position: true } });
      const journey = await tx.journey.create({
        data: { name: input.name, description: input.description, slug: await freeSlug(tx, input.name), position: (last?.position ?? -1) + 1 },
        select: { id: true, name: true, description: true },
      });
      await recordAudit(tx, actor, { action: "journey.create", entity: "Journey", entityId: journey.id, after: journey });
      return journey;
    }),
  );
}

export async function updateJourney(actor: Actor, input: { id: number; name: string; description: string }) {
  mustConfigure(actor);
  return withUniqueNames(journeyNameTaken(input.name), () =>
    db.$transaction(async (tx) => {
      const before = await tx.journey.findUnique({ where: { id: input.id }, select: { id: true, name: true, description: true } });
      if (!before) throw notFound("That journey does not exist.");
      const after = await tx.journey.update({ where: { id: input.id }, data: { name: input.name, description: input.description }, select: { id: true, name: true, description: true } });
      await recordAudit(tx, actor, { action: "journey.update", entity: "Journey", entityId: input.id, before, after });
      return after;
    }),
  );
}

/** Archiving a journey hides it, its stages and touchpoints from the overview; entries stay. */
export async function setJourneyArchived(actor: Actor, { id }: { id: number }, archived: boolean, now = new Date()) {
  mustConfigure(actor);
  return db.$transaction(async (tx) => {
    const journey = await tx.journey.findUnique({ where: { id }, select: { name: true, archivedAt: true } });
    if (!journey) throw notFound("That journey does not exist.");
    if ((journey.archivedAt !== null) === archived) return { id, name: journey.name };
    const archivedAt = archived ? now : null;
    await tx.journey.update({ where: { id }, data: { archivedAt } });
    await recordAudit(tx, actor, {
      action: archived ? "journey.archive" : "journey.restore",
      entity: "Journey",
      entityId: id,
      before: { archivedAt: journey.archivedAt?.toISOString() ?? null },
      after: { archivedAt: archivedAt?.toISOString() ?? null },
    });
    return { id, name: journey.name };
  });
}

export async function addStage(actor: Actor, input: { journeyId: number; name: string }) {
  mustConfigure(actor);
  return withUniqueNames(stageNameTaken(input.name), () =>
    db.$transaction(async (tx) => {
      const journey = await tx.journey.findUnique({ where: { id: input.journeyId }, select: { id: true } });
      if (!journey) throw notFound("That journey does not exist.");
      const last = await tx.stage.findFirst({ where: { journeyId: input.journeyId }, orderBy: { position: "desc" }, select: { position: true } });
      const stage = await tx.stage.create({ data: { journeyId: input.journeyId, name: input.name, position: (last?.position ?? -1) + 1 }, select: { id: true, name: true, position: true, journeyId: true } });
      await recordAudit(tx, actor, { action: "stage.create", entity: "Stage", entityId: stage.id, after: stage });
      return stage;
    }),
  );
}

export async function renameStage(actor: Actor, input: { id: number; name: string }) {
  mustConfigure(actor);
  return withUniqueNames(stageNameTaken(input.name), () =>
    db.$transaction(async (tx) => {
      const before = await tx.stage.findUnique({ where: { id: input.id }, select: { id: true, name: true } });
      if (!before) throw notFound("That stage does not exist.");
      const after = await tx.stage.update({ where: { id: input.id }, data: { name: input.name }, select: { id: true, name: true } });
      await recordAudit(tx, actor, { action: "stage.update", entity: "Stage", entityId: input.id, before, after });
      return after;
    }),
  );
}

/** Swaps the stage with its nearest active neighbour upstream or downstream; at the end, nothing moves. */
export async function moveStage(actor: Actor, input: { id: number; direction: "up" | "down" }) {
  mustConfigure(actor);
  return db.$transaction(async (tx) => {
    const stage = await tx.stage.findUnique({ where: { id: input.id }, select: { id: true, journeyId: true, position: true, name: true } });
    if (!stage) throw notFound("That stage does not exist.");
    const up = input.direction === "up";
    const neighbour = await tx.stage.findFirst({
      where: { journeyId: stage.journeyId, archivedAt: null, position: up ? { lt: stage.position } : { gt: stage.position } },
      orderBy: { position: up ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (!neighbour) return { id: stage.id, moved: false };
    await tx.stage.update({ where: { id: stage.id }, data: { position: neighbour.position } });
    await tx.stage.update({ where: { id: neighbour.id }, data: { position: stage.position } });
    await recordAudit(tx, actor, { action: "stage.move", entity: "Stage", entityId: stage.id, before: { position: stage.position }, after: { position: neighbour.position } });
    return { id: stage.id, moved: true };
  });
}

/** Archiving a stage is refused while it holds active touchpoints: move or archive them first. */
export async function setStageArchived(actor: Actor, { id }: { id: number }, archived: boolean, now = new Date()) {
  mustConfigure(actor);
  return db.$transaction(async (tx) => {
    const stage = await tx.stage.findUnique({ where: { id }, select: { name: true, archivedAt: true, _count: { select: { touchpoints: { where: { archivedAt: null } } } } } });
    if (!stage) throw notFound("That stage does not exist.");
    if ((stage.archivedAt !== null) === archived) return { id, name: stage.name };
    const held = stage._count.touchpoints;
    if (archived && held > 0) {
      throw conflict(`${stage.name} still holds ${held} active touchpoint${held === 1 ? "" : "s"}. Move ${held === 1 ? "it" : "them"} to another stage or archive ${held === 1 ? "it" : "them"} first.`);
    }
    const archivedAt = archived ? now : null;
    await tx.stage.update({ where: { id }, data: { archivedAt } });
    await recordAudit(tx, actor, {
      action: archived ? "stage.archive" : "stage.restore",
      entity: "Stage",
      entityId: id,
      before: { archivedAt: stage.archivedAt?.toISOString() ?? null },
      after: { archivedAt: archivedAt?.toISOString() ?? null },
    });
    return { id, name: stage.name };
  });
}
