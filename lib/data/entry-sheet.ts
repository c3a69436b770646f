// What the entry grid needs: the departments a user may write for, and one department's metrics
// with this period's figure, last period's, and the metric's recent history statistics.
import { db } from "../db";
import type { PeriodGranularity } from "../domain";
import { addPeriods, toPeriodKey } from "../periods";
import { canWriteEntries, type Actor } from "../permissions";
import type { HistoryStats } from "../validation/unusual";
import { HISTORY_PERIODS, getHistoryStats } from "./entry-stats";
import { getPeriodLocks, type PeriodLockInfo } from "./period-locks";

export async function getWritableDepartments(actor: Actor) {
  const departments = await db.department.findMany({
    where: { archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, colour: true },
  });
  return departments.filter((d) => canWriteEntries(actor, d.id));
}

export type EntrySheetRow = {
  metricId: number;
  touchpointId: number;
  touchpointName: string;
  metricName: string;
  kind: import("../domain").MetricKind;
  unit: string;
  direction: import("../domain").MetricDirection;
  scaleBest: number;
  scaleWorst: number;
  target: number | null;
  warningThreshold: number | null;
  current: { value: number; sampleSize: number | null; source: import("../domain").EntrySource; note: string | null; version: number } | null;
  previous: { value: number; sampleSize: number | null; source: import("../domain").EntrySource } | null;
  history: HistoryStats | null;
};
export type EntrySheet = { departmentId: number; periodStart: string; lock: PeriodLockInfo | null; rows: EntrySheetRow[] };

export async function getEntrySheet(departmentId: number, period: Date, granularity: PeriodGranularity): Promise<EntrySheet> {
  const previous = addPeriods(period, -1, granularity);
  const touchpoints = await db.touchpoint.findMany({
    where: { departmentId, archivedAt: null, stage: { archivedAt: null, journey: { archivedAt: null } } },
    orderBy: [{ stage: { journey: { position: "asc" } } }, { stage: { position: "asc" } }, { position: "asc" }],
    select: {
      id: true,
      name: true,
      metrics: {
        where: { archivedAt: null },
        orderBy: { id: "asc" },
        select: {
          id: true,
          name: true,
          kind: true,
          unit: true,
          direction: true,
          scaleBest: true,
          scaleWorst: true,
          target: true,
          warningThreshold: true,
          entries: {
            where: { periodStart: { in: [period, previous] } },
            select: { periodStart: true, value: true, sampleSize: true, source: true, note: true, version: true },
          },
        },
      },
    },
  });
  const metricIds = touchpoints.flatMap((t) => t.metrics.map((m) => m.id));
  const [history, locks] = await Promise.all([
    getHistoryStats(metricIds, addPeriods(period, -HISTORY_PERIODS, granularity), period),
    getPeriodLocks([period]),
  ]);

  const rows = touchpoints.flatMap((t) =>
    t.metrics.map(({ entries, id, name, ...metric }): EntrySheetRow => {
      const current = entries.find((e) => e.periodStart.getTime() === period.getTime());
      const last = entries.find((e) => e.periodStart.getTime() === previous.getTime());
      return {
        metricId: id,
        touchpointId: t.id,
        touchpointName: t.name,
        metricName: name,
        ...metric,
        current: current ? { value: current.value, sampleSize: current.sampleSize, source: current.source, note: current.note, version: current.version } : null,
        previous: last ? { value: last.value, sampleSize: last.sampleSize, source: last.source } : null,
        history: history.get(id) ?? null,
      };
    }),
  );
  return { departmentId, periodStart: toPeriodKey(period), lock: locks.get(period.getTime()) ?? null, rows };
}
