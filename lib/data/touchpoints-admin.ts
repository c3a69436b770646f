// Touchpoints and their metrics, as admins set them up under a journey's stages. Archiving hides
// them from entry and the overview and keeps every figure; archived ones can be restored.
import { db } from "../db";
import type { MetricDirection, MetricKind } from "../domain";
import { conflict, forbidden, invalid, notFound } from "../errors";
import { canConfigureOrganisation, type Actor } from "../permissions";
import { recordAudit } from "./audit";
import { isUniqueViolation } from "./prisma-errors";
import { revokeShareLinksBeyondAccess } from "./share-links";

export type AdminMetric = {
  id: number;
  name: string;
  kind: MetricKind;
  unit: string;
  direction: MetricDirection;
  scaleBest: number;
  scaleWorst: number;
  target: number | null;
  warningThreshold: number | null;
  weight: number;
  archived: boolean;
};
export type AdminTouchpoint = { id: number; name: string; description: string; departmentId: number; weight: number; momentOfTruth: boolean; archived: boolean; metrics: AdminMetric[] };
export type AdminTouchpointsView = {
  journey: { id: number; name: string };
  journeys: { id: number; name: string }[];
  stages: { id: number; name: string; touchpoints: AdminTouchpoint[] }[];
  departments: { id: number; name: string; colour: string }[];
};

function mustConfigure(actor: Actor) {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can change touchpoints and metrics.");
}

/** A journey's active stages with all their touchpoints and metrics (archived ones too); null without journeys. */
export async function getTouchpointsForAdmin(actor: Actor, journeyId?: number): Promise<AdminTouchpointsView | null> {
  mustConfigure(actor);
  const journeys = await db.journey.findMany({ where: { archivedAt: null }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } });
  const journey = journeys.find((j) => j.id === journeyId) ?? journeys[0];
  if (!journey) return null;
  const [stages, departments] = await Promise.all([
    db.stage.findMany({
      where: { journeyId: journey.id, archivedAt: null },
      orderBy: { position: "asc" },
      select: {
        id: true,
        name: true,
        touchpoints: {
          orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { position: "asc" }, { id: "asc" }],
          select: {
            id: true, name: true, description: true, departmentId: true, weight: true, momentOfTruth: true, archivedAt: true,
            metrics: { orderBy: { id: "asc" }, select: { id: true, name: true, kind: true, unit: true, direction: true, scaleBest: true, scaleWorst: true, target: true, warningThreshold: true, weight: true, archivedAt: true } },
          },
        },
      },
    }),
    db.department.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, colour: true } }),
  ]);
  return {
    journey,
    journeys,
    departments,
    stages: stages.map((s) => ({
      id: s.id,
      name: s.name,
      touchpoints: s.touchpoints.map(({ archivedAt, metrics, ...t }) => ({
        ...t,
        archived: archivedAt !== null,
        metrics: metrics.map(({ archivedAt: metricArchivedAt, ...m }) => ({ ...m, archived: metricArchivedAt !== null })),
      })),
    })),
  };
}

type TouchpointInput = { stageId: number; departmentId: number; name: string; description: string; weight: number; momentOfTruth: boolean };

async function checkPlace(input: TouchpointInput) {
  const [stage, department] = await Promise.all([
    db.stage.findFirst({ where: { id: input.stageId, archivedAt: null, journey: { archivedAt: null } }, select: { id: true } }),
    db.department.findFirst({ where: { id: input.departmentId, archivedAt: null }, select: { id: true } }),
  ]);
  if (!stage) throw invalid("Choose an active stage.", { stageId: "Choose an active stage" });
  if (!department) throw invalid("Choose an active department to own it.", { departmentId: "Choose an active department" });
}

const touchpointNameTaken = (name: string) => conflict(`This stage already has a touchpoint called “${name}” (perhaps archived).`, { field: "name" });
const touchpointFields = { id: true, stageId: true, departmentId: true, name: true, description: true, weight: true, momentOfTruth: true } as const;

export async function createTouchpoint(actor: Actor, input: TouchpointInput) {
  mustConfigure(actor);
  await checkPlace(input);
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.touchpoint.findFirst({ where: { stageId: input.stageId }, orderBy: { position: "desc" }, select: { position: true } });
      const touchpoint = await tx.touchpoint.create({ data: { ...input, position: (last?.position ?? -1) + 1 }, select: touchpointFields });
      await recordAudit(tx, actor, { action: "touchpoint.create", entity: "Touchpoint", entityId: touchpoint.id, after: touchpoint });
      return touchpoint;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw touchpointNameTaken(input.name);
    throw error;
  }
}

/** Edits a touchpoint; a new stageId moves it (to the end of that stage). */
export async function updateTouchpoint(actor: Actor, input: TouchpointInput & { id: number }) {
  mustConfigure(actor);
  await checkPlace(input);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.touchpoint.findUnique({ where: { id: input.id }, select: touchpointFields });
      if (!before) throw notFound("That touchpoint does not exist.");
      const { id, ...data } = input;
      const moved = before.stageId !== input.stageId;
      const position = moved ? ((await tx.touchpoint.findFirst({ where: { stageId: input.stageId }, orderBy: { position: "desc" }, select: { position: true } }))?.position ?? -1) + 1 : undefined;
      const after = await tx.touchpoint.update({ where: { id }, data: { ...data, ...(position === undefined ? {} : { position }) }, select: touchpointFields });
      // A new owner: heads of the old department can no longer share it, so their links go.
      const revokedShareLinks = before.departmentId !== after.departmentId ? await revokeShareLinksBeyondAccess(tx, { touchpointId: id }, new Date()) : 0;
      await recordAudit(tx, actor, { action: moved ? "touchpoint.move" : "touchpoint.update", entity: "Touchpoint", entityId: id, before, after: revokedShareLinks ? { ...after, revokedShareLinks } : after });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw touchpointNameTaken(input.name);
    throw error;
  }
}

export async function setTouchpointArchived(actor: Actor, { id }: { id: number }, archived: boolean, now = new Date()) {
  mustConfigure(actor);
  return db.$transaction(async (tx) => {
    const touchpoint = await tx.touchpoint.findUnique({ where: { id }, select: { name: true, archivedAt: true, department: { select: { archivedAt: true, name: true } } } });
    if (!touchpoint) throw notFound("That touchpoint does not exist.");
    if ((touchpoint.archivedAt !== null) === archived) return { id, name: touchpoint.name };
    if (!archived && touchpoint.department.archivedAt) throw conflict(`Restore ${touchpoint.department.name} first: it owns this touchpoint.`);
    const archivedAt = archived ? now : null;
    await tx.touchpoint.update({ where: { id }, data: { archivedAt } });
    await recordAudit(tx, actor, { action: archived ? "touchpoint.archive" : "touchpoint.restore", entity: "Touchpoint", entityId: id, before: { archivedAt: touchpoint.archivedAt?.toISOString() ?? null }, after: { archivedAt: archivedAt?.toISOString() ?? null } });
    return { id, name: touchpoint.name };
  });
}

type MetricInput = { touchpointId: number; name: string; kind: MetricKind; unit: string; direction: MetricDirection; scaleBest: number; scaleWorst: number; target?: number; warningThreshold?: number; weight: number };

export async function createMetric(actor: Actor, input: MetricInput) {
  mustConfigure(actor);
  const touchpoint = await db.touchpoint.findFirst({ where: { id: input.touchpointId, archivedAt: null }, select: { id: true } });
  if (!touchpoint) throw notFound("That touchpoint does not exist or has been archived.");
  try {
    return await db.$transaction(async (tx) => {
      const metric = await tx.metric.create({
        data: { ...input, target: input.target ?? null, warningThreshold: input.warningThreshold ?? null },
        select: metricFields,
      });
      await recordAudit(tx, actor, { action: "metric.create", entity: "Metric", entityId: metric.id, after: metric });
      return metric;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`This touchpoint already has a metric called “${input.name}” (perhaps archived).`, { field: "name" });
    throw error;
  }
}

const metricFields = { id: true, touchpointId: true, name: true, kind: true, unit: true, direction: true, scaleBest: true, scaleWorst: true, target: true, warningThreshold: true, weight: true } as const;

/** Edits a metric's name, unit, scale, target, warning line and weight; its kind stays. */
export async function updateMetric(actor: Actor, input: Omit<MetricInput, "touchpointId" | "kind"> & { id: number }) {
  mustConfigure(actor);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.metric.findUnique({ where: { id: input.id }, select: metricFields });
      if (!before) throw notFound("That metric does not exist.");
      const { id, ...data } = input;
      const after = await tx.metric.update({ where: { id }, data: { ...data, target: data.target ?? null, warningThreshold: data.warningThreshold ?? null }, select: metricFields });
      await recordAudit(tx, actor, { action: "metric.update", entity: "Metric", entityId: id, before, after });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`This touchpoint already has a metric called “${input.name}” (perhaps archived).`, { field: "name" });
    throw error;
  }
}

export async function setMetricArchived(actor: Actor, { id }: { id: number }, archived: boolean, now = new Date()) {
  mustConfigure(actor);
  return db.$transaction(async (tx) => {
    const metric = await tx.metric.findUnique({ where: { id }, select: { name: true, archivedAt: true } });
    if (!metric) throw notFound("That metric does not exist.");
    if ((metric.archivedAt !== null) === archived) return { id, name: metric.name };
    const archivedAt = archived ? now : null;
    await tx.metric.update({ where: { id }, data: { archivedAt } });
    await recordAudit(tx, actor, { action: archived ? "metric.archive" : "metric.restore", entity: "Metric", entityId: id, before: { archivedAt: metric.archivedAt?.toISOString() ?? null }, after: { archivedAt: archivedAt?.toISOString() ?? null } });
    return { id, name: metric.name };
  });
}
