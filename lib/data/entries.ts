// Writing metric entries. Every change is checked against the caller's role, validated for the
// metric's kind and the organisation's period, and recorded as a revision in one transaction.
import { db } from "../db";
import { conflict, forbidden, invalid, notFound } from "../errors";
import { currentPeriod, formatPeriod, isPeriodStart } from "../periods";
import { canWriteEntries, type Actor } from "../permissions";
import type { SaveEntryInput } from "../validation/entry";
import { valueProblem } from "../validation/entry";
import { getOrganisationSettings } from "./organisation";
import { isUniqueViolation } from "./prisma-errors";

export type SavedEntry = { id: number; metricId: number; value: number; version: number };

export async function saveEntry(actor: Actor, input: SaveEntryInput): Promise<SavedEntry> {
  const metric = await db.metric.findUnique({
    where: { id: input.metricId },
    select: {
      kind: true,
      scaleBest: true,
      scaleWorst: true,
      archivedAt: true,
      touchpoint: { select: { departmentId: true, archivedAt: true } },
    },
  });
  if (!metric || metric.archivedAt || metric.touchpoint.archivedAt) {
    throw notFound("That metric does not exist or has been archived.");
  }
  if (!canWriteEntries(actor, metric.touchpoint.departmentId)) {
    throw forbidden("You can only enter figures for the departments you head.");
  }

  const { periodGranularity } = await getOrganisationSettings();
  if (!isPeriodStart(input.periodStart, periodGranularity)) {
    const message =
      periodGranularity === "WEEK" ? "Period must be a Monday (weeks start on Monday)" : "Period must be the 1st of a month";
    throw invalid(message, { periodStart: message });
  }
  if (input.periodStart > currentPeriod(periodGranularity)) {
    const message = "Period is in the future";
    throw invalid(message, { periodStart: message });
  }
  const problem = valueProblem(metric, input.value);
  if (problem) throw invalid(problem, { value: problem });

  const figures = {
    value: input.value,
    sampleSize: input.sampleSize ?? null,
    source: input.source,
    note: input.note ?? null,
  };

  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.metricEntry.findUnique({
        where: { metricId_periodStart: { metricId: input.metricId, periodStart: input.periodStart } },
        include: { enteredBy: { select: { name: true } } },
      });
      if (!existing) {
        return tx.metricEntry.create({
          data: {
            metricId: input.metricId,
            periodStart: input.periodStart,
            ...figures,
            enteredById: actor.id,
            revisions: {
              create: {
                changedById: actor.id,
                newValue: figures.value,
                newSampleSize: figures.sampleSize,
                newSource: figures.source,
                newNote: figures.note,
              },
            },
          },
          select: { id: true, metricId: true, value: true, version: true },
        });
      }
      // expectedVersion 0 means "I saw no figure"; undefined means last write wins (revision kept).
      if (input.expectedVersion !== undefined && input.expectedVersion !== existing.version) {
        throw conflict(
          `${existing.enteredBy?.name ?? "Someone"} saved ${existing.value} for ${formatPeriod(existing.periodStart, periodGranularity)} while you were editing. Nothing was overwritten; review their figure and save again.`,
          { currentValue: existing.value, currentVersion: existing.version },
        );
      }
      const unchanged =
        existing.value === figures.value &&
        existing.sampleSize === figures.sampleSize &&
        existing.source === figures.source &&
        existing.note === figures.note;
      if (unchanged) return { id: existing.id, metricId: existing.metricId, value: existing.value, version: existing.version };

      // The version condition makes the check-and-write atomic against a concurrent save.
      const { count } = await tx.metricEntry.updateMany({
        where: { id: existing.id, version: existing.version },
        data: { ...figures, enteredById: actor.id, version: { increment: 1 } },
      });
      if (count === 0) throw conflict("Someone else saved this figure at the same moment. Reload and try again.");
      await tx.entryRevision.create({
        data: {
          entryId: existing.id,
          changedById: actor.id,
          oldValue: existing.value,
          newValue: figures.value,
          oldSampleSize: existing.sampleSize,
          newSampleSize: figures.sampleSize,
          oldSource: existing.source,
          newSource: figures.source,
          oldNote: existing.note,
          newNote: figures.note,
        },
      });
      return { id: existing.id, metricId: existing.metricId, value: figures.value, version: existing.version + 1 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict("Someone else entered a figure for this period at the same moment. Reload and try again.");
    }
    throw error;
  }
}
