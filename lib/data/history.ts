import { db } from "../db";

/** Periods shown on one history page, newest first. */
export const HISTORY_PAGE_PERIODS = 104;

/** A metric with its figures, who entered each, and every revision (old → new, who, when). */
export async function getMetricHistory(metricId: number) {
  return db.metric.findUnique({
    where: { id: metricId },
    select: {
      id: true,
      name: true,
      unit: true,
      kind: true,
      archivedAt: true,
      touchpoint: { select: { id: true, name: true, departmentId: true, department: { select: { name: true } } } },
      entries: {
        orderBy: { periodStart: "desc" },
        take: HISTORY_PAGE_PERIODS,
        select: {
          id: true,
          periodStart: true,
          value: true,
          sampleSize: true,
          source: true,
          note: true,
          version: true,
          updatedAt: true,
          enteredBy: { select: { name: true } },
          revisions: {
            orderBy: { id: "desc" },
            select: {
              id: true,
              changedAt: true,
              oldValue: true,
              newValue: true,
              oldSampleSize: true,
              newSampleSize: true,
              oldSource: true,
              newSource: true,
              oldNote: true,
              newNote: true,
              changedBy: { select: { name: true } },
              apiKey: { select: { name: true, prefix: true } },
            },
          },
        },
      },
    },
  });
}
export type MetricHistory = NonNullable<Awaited<ReturnType<typeof getMetricHistory>>>;
