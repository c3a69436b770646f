// Process changes and their "5 Hows": recorded by admins (any department) and department heads
// (their own departments' touchpoints), read by everyone who sees the overview. Each change is
// compared with its touchpoints' scores before and after it took effect (lib/scoring/before-after.ts).
import { db, type Tx } from "../db";
import { forbidden, invalid, notFound } from "../errors";
import { addPeriods, periodsBetween, toPeriodKey } from "../periods";
import { canRecordChange, canViewOverview, type Actor } from "../permissions";
import { beforeAfter, beforeAfterWindow, type BeforeAfter, type SideFigures } from "../scoring/before-after";
import { scoreTouchpoint, type ScoredMetric } from "../scoring/journey";
import { FIVE_HOWS, type ChangeFilters, type FiveHowAnswers, type RecordChangeInput, type UpdateChangeInput } from "../validation/process-change";
import { recordAudit } from "./audit";
import { getFiguresByBucket, getFiguresByPeriod, type Bucket } from "./journey-scores";
import { getOrganisationSettings, organisationToday } from "./organisation";

export const CHANGES_PAGE_SIZE = 20;

export type ChangeTouchpoint = {
  id: number;
  name: string;
  stage: string;
  journey: string;
  department: { id: number; name: string; colour: string };
  /** The touchpoint (or its stage or journey) was archived after the change was recorded. */
  archived: boolean;
  /** Its score before and after the change took effect. */
  comparison: BeforeAfter;
};

export type ProcessChangeView = {
  id: number;
  title: string;
  /** "YYYY-MM-DD", the day it took effect. */
  effectiveDate: string;
  answers: FiveHowAnswers;
  author: string | null;
  recordedAt: string;
  /** When it was last edited, if it was. */
  editedAt: string | null;
  touchpoints: ChangeTouchpoint[];
  /** Whether the viewer may edit it: they may record changes for every touchpoint it affects. */
  canEdit: boolean;
};

const touchpointSelect = {
  id: true,
  name: true,
  archivedAt: true,
  departmentId: true,
  department: { select: { name: true, colour: true } },
  stage: { select: { name: true, archivedAt: true, journey: { select: { name: true, archivedAt: true } } } },
} as const;

const changeSelect = {
  id: true,
  title: true,
  effectiveDate: true,
  impact: true,
  customerView: true,
  customerResponse: true,
  customerFindsOut: true,
  customerFeedback: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true } },
  touchpoints: { select: { touchpoint: { select: touchpointSelect } }, orderBy: { touchpoint: { name: "asc" } } },
} as const;

type TouchpointRow = { archivedAt: Date | null; stage: { archivedAt: Date | null; journey: { archivedAt: Date | null } } };
const isArchived = (t: TouchpointRow) => t.archivedAt !== null || t.stage.archivedAt !== null || t.stage.journey.archivedAt !== null;

const answersOf = (row: FiveHowAnswers): FiveHowAnswers => Object.fromEntries(FIVE_HOWS.map((h) => [h.key, row[h.key]])) as FiveHowAnswers;

function mustRead(actor: Actor) {
  if (!canViewOverview(actor)) throw forbidden("Your role cannot see process changes.");
}

/**
 * Each change's before/after per touchpoint. Each side is scored over its figures rolled up as one
 * bucket (by sample size, as a month is; docs/changes.md), and n counts the side's periods with a
 * score. Two grouped queries for all the changes on a page, whatever their number: the figures per
 * period (for n) and the figures per side.
 */
async function compareChanges(changes: { effectiveDate: Date; touchpointIds: number[] }[], now: Date): Promise<Map<number, BeforeAfter>[]> {
  const [{ periodGranularity: granularity }, today] = await Promise.all([getOrganisationSettings(), organisationToday(now)]);
  // "Not in effect yet" and the current period are judged on the organisation's calendar.
  const windows = changes.map((c) => beforeAfterWindow(c.effectiveDate, granularity, today));
  const inEffect = windows.filter((w) => w.after.length > 0);
  const touchpointIds = [...new Set(changes.flatMap((c) => c.touchpointIds))];
  if (inEffect.length === 0 || touchpointIds.length === 0) return windows.map((w, i) => new Map(changes[i]!.touchpointIds.map((id) => [id, beforeAfter(w, new Set(), NO_FIGURES)])));

  // The sides as buckets, one per distinct [start, end): changes in the same period share theirs.
  const buckets: Bucket[] = [];
  const bucketIndex = new Map<string, number>();
  const bucketOf = (periods: readonly Date[]) => {
    const bucket = { start: periods[0]!, end: addPeriods(periods.at(-1)!, 1, granularity) };
    const key = `${bucket.start.getTime()}-${bucket.end.getTime()}`;
    if (!bucketIndex.has(key)) bucketIndex.set(key, buckets.push(bucket) - 1);
    return bucketIndex.get(key)!;
  };
  const sides = windows.map((w) => (w.after.length > 0 ? { before: bucketOf(w.before), after: bucketOf(w.after) } : null));

  const metrics = await db.metric.findMany({
    where: { touchpointId: { in: touchpointIds }, archivedAt: null },
    select: { id: true, touchpointId: true, weight: true, scaleBest: true, scaleWorst: true, target: true, warningThreshold: true },
  });
  const metricIds = metrics.map((m) => m.id);
  const first = new Date(Math.min(...inEffect.map((w) => w.before[0]!.getTime())));
  const last = new Date(Math.max(...inEffect.map((w) => w.after.at(-1)!.getTime())));
  const periods = periodsBetween(first, last, granularity);
  const [perPeriod, perSide] = await Promise.all([getFiguresByPeriod(periods, granularity, granularity, metricIds), getFiguresByBucket(buckets, metricIds)]);

  const byTouchpoint = new Map<number, ScoredMetric[]>();
  for (const m of metrics) byTouchpoint.set(m.touchpointId, [...(byTouchpoint.get(m.touchpointId) ?? []), m]);
  const none = new Map<number, number>();
  const scoredPeriods = new Map(
    touchpointIds.map((id) => {
      const own = { metrics: byTouchpoint.get(id) ?? [] };
      return [id, new Set(periods.filter((p) => scoreTouchpoint(own, perPeriod.get(p.getTime()) ?? none).score !== null).map((p) => p.getTime()))];
    }),
  );
  const sideFigures = (touchpointId: number, bucket: number): SideFigures => {
    const own = byTouchpoint.get(touchpointId) ?? [];
    const figures = perSide.get(bucket);
    const rolled = own.flatMap((m) => (figures?.has(m.id) ? [[m.id, figures.get(m.id)!] as const] : []));
    const sampled = rolled.filter(([, f]) => f.sampleSize !== null);
    return {
      score: scoreTouchpoint({ metrics: own }, new Map(rolled.map(([id, f]) => [id, f.value]))).score,
      responses: sampled.length ? sampled.reduce((sum, [, f]) => sum + f.sampleSize!, 0) : null,
    };
  };
  return changes.map((c, i) => {
    const side = sides[i];
    return new Map(
      c.touchpointIds.map((id) => {
        const figures = side ? { before: sideFigures(id, side.before), after: sideFigures(id, side.after) } : NO_FIGURES;
        return [id, beforeAfter(windows[i]!, scoredPeriods.get(id)!, figures)];
      }),
    );
  });
}

const NO_FIGURES = { before: { score: null, responses: null }, after: { score: null, responses: null } } satisfies Record<string, SideFigures>;

type ChangeRow = NonNullable<Awaited<ReturnType<typeof findChange>>>;
const findChange = (id: number) => db.processChange.findUnique({ where: { id }, select: changeSelect });

async function toViews(actor: Actor, rows: ChangeRow[], now: Date): Promise<ProcessChangeView[]> {
  const comparisons = await compareChanges(
    rows.map((r) => ({ effectiveDate: r.effectiveDate, touchpointIds: r.touchpoints.map((t) => t.touchpoint.id) })),
    now,
  );
  return rows.map((r, i) => ({
    id: r.id,
    title: r.title,
    effectiveDate: toPeriodKey(r.effectiveDate),
    answers: answersOf(r),
    author: r.author?.name ?? null,
    recordedAt: r.createdAt.toISOString(),
    // Saving in the same second as recording is not an edit anyone needs to hear about.
    editedAt: r.updatedAt.getTime() - r.createdAt.getTime() > 1000 ? r.updatedAt.toISOString() : null,
    touchpoints: r.touchpoints.map(({ touchpoint: t }) => ({
      id: t.id,
      name: t.name,
      stage: t.stage.name,
      journey: t.stage.journey.name,
      department: { id: t.departmentId, name: t.department.name, colour: t.department.colour },
      archived: isArchived(t),
      comparison: comparisons[i]!.get(t.id)!,
    })),
    canEdit: r.touchpoints.every(({ touchpoint: t }) => canRecordChange(actor, t.departmentId)),
  }));
}

/** The change log: newest effective date first, a page at a time, optionally for one department or touchpoint. */
export async function listProcessChanges(actor: Actor, filters: ChangeFilters, now = new Date()) {
  mustRead(actor);
  const conditions = [
    filters.departmentId !== undefined && { touchpoints: { some: { touchpoint: { departmentId: filters.departmentId } } } },
    filters.touchpointId !== undefined && { touchpoints: { some: { touchpointId: filters.touchpointId } } },
  ].filter((c) => c !== false);
  const where = { AND: conditions };
  const [rows, total] = await Promise.all([
    db.processChange.findMany({
      where,
      orderBy: [{ effectiveDate: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * CHANGES_PAGE_SIZE,
      take: CHANGES_PAGE_SIZE,
      select: changeSelect,
    }),
    db.processChange.count({ where }),
  ]);
  return { changes: await toViews(actor, rows, now), total, pages: Math.max(1, Math.ceil(total / CHANGES_PAGE_SIZE)) };
}

/** One change with its before/after, or null when there is no such change. */
export async function getProcessChange(actor: Actor, id: number, now = new Date()): Promise<ProcessChangeView | null> {
  mustRead(actor);
  const row = await findChange(id);
  return row && (await toViews(actor, [row], now))[0]!;
}

/** What the change log's filters offer: active departments and touchpoints (journey, then stage order). */
export async function getChangeFilterOptions() {
  const [departments, touchpoints] = await Promise.all([
    db.department.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.touchpoint.findMany({
      where: { archivedAt: null, stage: { archivedAt: null, journey: { archivedAt: null } } },
      orderBy: [{ stage: { journey: { position: "asc" } } }, { stage: { position: "asc" } }, { position: "asc" }, { id: "asc" }],
      select: { id: true, name: true, departmentId: true, stage: { select: { journey: { select: { name: true } } } } },
    }),
  ]);
  return { departments, touchpoints: touchpoints.map((t) => ({ id: t.id, name: t.name, departmentId: t.departmentId, journey: t.stage.journey.name })) };
}
export type ChangeFilterOptions = Awaited<ReturnType<typeof getChangeFilterOptions>>;

export type TouchpointChoices = { id: number; name: string; stages: { id: number; name: string; touchpoints: { id: number; name: string; department: string; colour: string }[] }[] }[];

/** The active touchpoints this user may record changes for, by journey and stage (upstream first). */
export async function getRecordableTouchpoints(actor: Actor): Promise<TouchpointChoices> {
  const journeys = await db.journey.findMany({
    where: { archivedAt: null },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      stages: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: {
          id: true,
          name: true,
          touchpoints: {
            where: { archivedAt: null },
            orderBy: [{ position: "asc" }, { id: "asc" }],
            select: { id: true, name: true, departmentId: true, department: { select: { name: true, colour: true } } },
          },
        },
      },
    },
  });
  return journeys
    .map((j) => ({
      id: j.id,
      name: j.name,
      stages: j.stages
        .map((s) => ({
          id: s.id,
          name: s.name,
          touchpoints: s.touchpoints.filter((t) => canRecordChange(actor, t.departmentId)).map((t) => ({ id: t.id, name: t.name, department: t.department.name, colour: t.department.colour })),
        }))
        .filter((s) => s.touchpoints.length > 0),
    }))
    .filter((j) => j.stages.length > 0);
}

/**
 * The touchpoints a change is to affect, once the server has checked each: it exists, the actor
 * may record changes for its department (else forbidden, naming it), and it is not archived.
 */
async function touchpointsToRecord(tx: Tx, actor: Actor, ids: readonly number[]) {
  const found = await tx.touchpoint.findMany({ where: { id: { in: [...ids] } }, select: touchpointSelect, orderBy: { name: "asc" } });
  if (found.length < ids.length) {
    throw invalid("A chosen touchpoint no longer exists; reload the page and choose again.", { touchpointIds: "A chosen touchpoint no longer exists" });
  }
  const refused = found.find((t) => !canRecordChange(actor, t.departmentId));
  if (refused) throw forbidden(`You cannot record changes for ${refused.name}: it belongs to ${refused.department.name}, and only its heads and admins can.`);
  const archived = found.find(isArchived);
  if (archived) {
    const message = `${archived.name} is archived; changes can be recorded only for active touchpoints.`;
    throw invalid(message, { touchpointIds: message });
  }
  return found;
}

/** What the audit log keeps of a change: readable values, "No impact" spelt out. */
function auditRecord(change: { title: string; effectiveDate: Date } & FiveHowAnswers, touchpoints: { name: string }[]) {
  return {
    title: change.title,
    effectiveDate: toPeriodKey(change.effectiveDate),
    touchpoints: touchpoints.map((t) => t.name).join(", "),
    ...Object.fromEntries(FIVE_HOWS.map((h) => [h.key, change[h.key] ?? "No impact"])),
  };
}

/** Records a change with its five answers; returns its id. */
export async function recordProcessChange(actor: Actor, input: RecordChangeInput): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    const touchpoints = await touchpointsToRecord(tx, actor, input.touchpointIds);
    const { id } = await tx.processChange.create({
      data: {
        title: input.title,
        effectiveDate: input.effectiveDate,
        ...input.answers,
        authorId: actor.id,
        touchpoints: { create: input.touchpointIds.map((touchpointId) => ({ touchpointId })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "change.create", entity: "ProcessChange", entityId: id, after: auditRecord({ ...input, ...input.answers }, touchpoints) });
    return { id };
  });
}

/**
 * Edits a change. The actor needs the right to record changes for every touchpoint it affects now
 * and for every one it is to affect: a head cannot take over another department's change.
 */
export async function updateProcessChange(actor: Actor, input: UpdateChangeInput): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    const existing = await tx.processChange.findUnique({ where: { id: input.id }, select: changeSelect });
    if (!existing) throw notFound("That change does not exist.");
    const refused = existing.touchpoints.find(({ touchpoint: t }) => !canRecordChange(actor, t.departmentId));
    if (refused) {
      const t = refused.touchpoint;
      throw forbidden(`You cannot edit this change: it affects ${t.name}, which belongs to ${t.department.name}, and only its heads and admins can.`);
    }
    const touchpoints = await touchpointsToRecord(tx, actor, input.touchpointIds);
    await tx.processChangeTouchpoint.deleteMany({ where: { changeId: input.id } });
    await tx.processChange.update({
      where: { id: input.id },
      data: {
        title: input.title,
        effectiveDate: input.effectiveDate,
        ...input.answers,
        touchpoints: { create: input.touchpointIds.map((touchpointId) => ({ touchpointId })) },
      },
    });
    await recordAudit(tx, actor, {
      action: "change.update",
      entity: "ProcessChange",
      entityId: input.id,
      before: auditRecord(existing, existing.touchpoints.map((t) => t.touchpoint)),
      after: auditRecord({ ...input, ...input.answers }, touchpoints),
    });
    return { id: input.id };
  });
}

export type ChangeOnReport = { id: number; title: string; effectiveDate: string; answers: FiveHowAnswers; author: string | null; touchpointIds: number[] };

/**
 * Changes affecting any of `touchpointIds` that took effect in [from, end), oldest first: the
 * markers on the overview's trend and on touchpoint reports. Read-only, no actor: the page decides.
 */
export async function getChangesAffecting(touchpointIds: readonly number[], from: Date, end: Date): Promise<ChangeOnReport[]> {
  if (touchpointIds.length === 0) return [];
  const rows = await db.processChange.findMany({
    where: { effectiveDate: { gte: from, lt: end }, touchpoints: { some: { touchpointId: { in: [...touchpointIds] } } } },
    orderBy: [{ effectiveDate: "asc" }, { id: "asc" }],
    select: { ...changeSelect, touchpoints: { select: { touchpointId: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    effectiveDate: toPeriodKey(r.effectiveDate),
    answers: answersOf(r),
    author: r.author?.name ?? null,
    touchpointIds: r.touchpoints.map((t) => t.touchpointId),
  }));
}
