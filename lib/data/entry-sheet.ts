// What the entry page needs: the departments a user may write for, and one department's
// metrics with this period's and last period's figures.
import { db } from "../db";
import type { PeriodGranularity } from "../domain";
import { addPeriods } from "../periods";
import { canWriteEntries, type Actor } from "../permissions";

export async function getWritableDepartments(actor: Actor) {
  const departments = await db.department.findMany({
    where: { archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, colour: true },
  });
  return departments.filter((d) => canWriteEntries(actor, d.id));
}

export async function getEntrySheet(departmentId: number, period: Date, granularity: PeriodGranularity) {
  const previous = addPeriods(period, -1, granularity);
  const touchpoints = await db.touchpoint.findMany({
    where: { departmentId, archivedAt: null, stage: { archivedAt: null, journey: { archivedAt: null } } },
    orderBy: [{ stage: { journey: { position: "asc" } } }, { stage: { position: "asc" } }, { position: "asc" }],
    select: {
      id: true,
      name: true,
      stage: { select: { name: true, journey: { select: { name: true } } } },
      metrics: {
        where: { archivedAt: null },
        orderBy: { id: "asc" },
        select: {
          id: true,
          name: true,
          kind: true,
          unit: true,
          scaleBest: true,
          scaleWorst: true,
          target: true,
          entries: {
            where: { periodStart: { in: [period, previous] } },
            select: { periodStart: true, value: true, sampleSize: true, source: true, note: true, version: true },
          },
        },
      },
    },
  });
  return touchpoints.map((t) => ({
    ...t,
    metrics: t.metrics.map(({ entries, ...metric }) => {
      const last = entries.find((e) => e.periodStart.getTime() === previous.getTime());
      return {
        ...metric,
        current: entries.find((e) => e.periodStart.getTime() === period.getTime()) ?? null,
        previousValue: last?.value ?? null,
        /** A new figure most likely comes from where last period's did. */
        previousSource: last?.source ?? null,
      };
    }),
  }));
}
export type EntrySheet = Awaited<ReturnType<typeof getEntrySheet>>;
