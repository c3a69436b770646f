// Loads the demo organisation into an empty (or emptied) database. Used by `npm run db:seed`,
// `npm run demo`, the tests, and first-run set-up's "explore with demo data" (lib/data/setup.ts).
import { hashPassword } from "../../lib/auth/password";
import type { Db, Tx } from "../../lib/db/client";
import { addPeriods, currentPeriod } from "../../lib/periods";
import { valueRange } from "../../lib/validation/entry";
import {
  DEMO_DEPARTMENTS,
  DEMO_JOURNEYS,
  DEMO_ORGANISATION_NAME,
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoMetric,
} from "./demo-organisation";
import { DEMO_CHANGES } from "./demo-changes";
import { DEMO_WEEKS, SERIES, createRandom } from "./demo-story";

export type SeedSummary = Record<"departments" | "users" | "journeys" | "stages" | "touchpoints" | "metrics" | "entries" | "changes", number>;

/** Deletes every row, children first. */
export async function wipeDatabase(db: Db): Promise<void> {
  await db.$transaction([
    db.auditEvent.deleteMany(),
    db.processChange.deleteMany(),
    db.invitation.deleteMany(),
    db.passwordReset.deleteMany(),
    db.entryRevision.deleteMany(),
    db.apiKey.deleteMany(),
    db.periodLock.deleteMany(),
    db.metricEntry.deleteMany(),
    db.metric.deleteMany(),
    db.shareLink.deleteMany(),
    db.touchpoint.deleteMany(),
    db.stage.deleteMany(),
    db.journey.deleteMany(),
    db.departmentMembership.deleteMany(),
    db.user.deleteMany(),
    db.department.deleteMany(),
    db.organisation.deleteMany(),
  ]);
}

const DAY_MS = 86_400_000;

function roundFor(metric: DemoMetric, raw: number): number {
  const range = valueRange({ kind: metric.kind, scaleBest: metric.best, scaleWorst: metric.worst });
  const clamped = Math.min(range.max, Math.max(range.min, raw));
  if (range.integer) return Math.round(clamped);
  const decimals = metric.kind === "RATING" || metric.kind === "CES" || metric.unit === "s" ? 2 : 1;
  return Number(clamped.toFixed(decimals));
}

/**
 * Weekly figures for the DEMO_WEEKS complete weeks before `now`'s week; the current week is left
 * for people to fill in.
 */
export async function seedDemo(db: Db | Tx, { now = new Date() } = {}): Promise<SeedSummary> {
  const random = createRandom(20261123);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const firstWeek = addPeriods(currentPeriod("WEEK", now), -DEMO_WEEKS, "WEEK");

  await db.organisation.create({ data: { id: 1, name: DEMO_ORGANISATION_NAME, periodGranularity: "WEEK" } });
  const departmentIds = new Map<string, number>();
  for (const d of DEMO_DEPARTMENTS) {
    const { id } = await db.department.create({ data: d, select: { id: true } });
    departmentIds.set(d.slug, id);
  }
  const headOf = new Map<number, number>();
  const userIds = new Map<string, number>();
  for (const u of DEMO_USERS) {
    const user = await db.user.create({
      data: {
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash,
        memberships: { create: u.departments.map((slug) => ({ departmentId: departmentIds.get(slug)! })) },
      },
      select: { id: true },
    });
    for (const slug of u.departments) headOf.set(departmentIds.get(slug)!, user.id);
    userIds.set(u.email, user.id);
  }

  const entries: { metricId: number; periodStart: Date; value: number; sampleSize: number | null; source: DemoMetric["source"]; enteredById: number | null; version: number }[] = [];
  const touchpointIds = new Map<string, number>();
  let stages = 0;
  let touchpoints = 0;
  let metrics = 0;
  for (const [journeyIndex, journey] of DEMO_JOURNEYS.entries()) {
    const { id: journeyId } = await db.journey.create({
      data: { name: journey.name, slug: journey.slug, description: journey.description, position: journeyIndex },
    });
    for (const [stageIndex, stage] of journey.stages.entries()) {
      stages++;
      const { id: stageId } = await db.stage.create({ data: { journeyId, name: stage.name, position: stageIndex } });
      for (const [tpIndex, tp] of stage.touchpoints.entries()) {
        touchpoints++;
        const departmentId = departmentIds.get(tp.department)!;
        const { id: touchpointId } = await db.touchpoint.create({
          data: {
            stageId,
            departmentId,
            name: tp.name,
            description: tp.description,
            weight: tp.weight ?? 1,
            momentOfTruth: tp.momentOfTruth ?? false,
            position: tpIndex,
          },
        });
        touchpointIds.set(tp.name, touchpointId);
        for (const m of tp.metrics) {
          metrics++;
          const series = SERIES[m.series];
          if (!series) throw new Error(`Unknown demo series ${m.series}`);
          const { id: metricId } = await db.metric.create({
            data: {
              touchpointId,
              name: m.name,
              kind: m.kind,
              unit: m.unit,
              direction: m.best >= m.worst ? "HIGHER_IS_BETTER" : "LOWER_IS_BETTER",
              scaleBest: m.best,
              scaleWorst: m.worst,
              target: m.target,
              warningThreshold: m.warning,
              weight: m.weight ?? 1,
            },
          });
          for (let w = 0; w < DEMO_WEEKS; w++) {
            const periodStart = addPeriods(firstWeek, w, "WEEK");
            entries.push({
              metricId,
              periodStart,
              value: roundFor(m, series({ w, period: periodStart, noise: random.noise })),
              sampleSize: m.sample ? Math.max(1, Math.round(m.sample * (1 + random.noise(0.12)))) : null,
              source: m.source,
              enteredById: headOf.get(departmentId) ?? null,
              version: 1,
            });
          }
        }
      }
    }
  }

  await db.metricEntry.createMany({ data: entries });
  // Every entry starts with its creating revision, as entries made in the app do.
  const created = await db.metricEntry.findMany({
    select: { id: true, value: true, sampleSize: true, source: true, enteredById: true, createdAt: true },
  });
  await db.entryRevision.createMany({
    data: created.map((e) => ({
      entryId: e.id,
      changedById: e.enteredById,
      changedAt: e.createdAt,
      newValue: e.value,
      newSampleSize: e.sampleSize,
      newSource: e.source,
    })),
  });

  for (const change of DEMO_CHANGES) {
    const effectiveDate = new Date(addPeriods(firstWeek, change.week, "WEEK").getTime() + change.day * DAY_MS);
    // Recorded the morning after it took effect.
    const recordedAt = new Date(effectiveDate.getTime() + DAY_MS + 9 * 3_600_000);
    await db.processChange.create({
      data: {
        title: change.title,
        effectiveDate,
        ...change.answers,
        authorId: userIds.get(change.author)!,
        createdAt: recordedAt,
        updatedAt: recordedAt,
        touchpoints: { create: change.touchpoints.map((name) => ({ touchpointId: touchpointIds.get(name)! })) },
      },
    });
  }

  return {
    departments: DEMO_DEPARTMENTS.length,
    users: DEMO_USERS.length,
    journeys: DEMO_JOURNEYS.length,
    stages,
    touchpoints,
    metrics,
    entries: entries.length,
    changes: DEMO_CHANGES.length,
  };
}
