// Writing metric entries: the one path for the entry grid (and later CSV import and the API).
// Every row is checked (role, metric, period, value for the metric's kind, unusual values,
// versions) before anything is written; then all rows are written in one transaction with a
// revision for every create and change. One bad row means nothing is written.
import { db } from "../db";
import { DomainError } from "../errors";
import { addPeriods, currentPeriod, formatPeriod, isPeriodStart, toPeriodKey } from "../periods";
import { canLockPeriods, canWriteEntries, type Actor } from "../permissions";
import type { EntryRowInput, SaveEntriesInput } from "../validation/entry";
import { parseMetricValue } from "../validation/metric-value";
import { isUnusual, usualRange } from "../validation/unusual";
import { HISTORY_PERIODS, getHistoryStats } from "./entry-stats";
import { getOrganisationSettings } from "./organisation";
import { getPeriodLocks } from "./period-locks";
import { isUniqueViolation } from "./prisma-errors";

export type RowProblemCode = "forbidden" | "not_found" | "invalid" | "unusual" | "conflict";

/** What is wrong with one row, keyed like the input so the UI can mark the cell. */
export type RowProblem = {
  index: number;
  metricId: number;
  code: RowProblemCode;
  fields: Record<string, string>;
  /** For "unusual": the range of usual values. */
  usual?: { low: number; high: number };
  /** For "conflict": the figure someone else saved. */
  current?: { value: number; version: number; enteredBy: string | null };
};

export type SavedEntry = { metricId: number; periodStart: string; value: number; version: number };
export type SaveEntriesResult = { saved: number; unchanged: number; entries: SavedEntry[] };

type Prepared = EntryRowInput & { index: number; value: number; key: string };

const entryKey = (metricId: number, periodStart: Date) => `${metricId}@${periodStart.getTime()}`;

function refuse(problems: RowProblem[]): never {
  const code = problems.some((p) => p.code === "forbidden")
    ? "forbidden"
    : problems.some((p) => p.code === "conflict")
      ? "conflict"
      : "invalid";
  const count = problems.length === 1 ? "1 row needs attention" : `${problems.length} rows need attention`;
  const first = Object.values(problems[0]!.fields)[0];
  throw new DomainError(code, `Nothing was saved: ${count}. ${first ?? ""}`.trim(), undefined, { rows: problems });
}

export async function saveEntries(
  actor: Actor,
  { rows }: SaveEntriesInput,
  {
    checkUnusual = true,
    apiKeyId,
  }: {
    /** Ask people to confirm unusual values; operational systems send raw figures. */
    checkUnusual?: boolean;
    /** Set when an operational system writes with an API key: the key, not a person, is the author. */
    apiKeyId?: number;
  } = {},
): Promise<SaveEntriesResult> {
  const author = apiKeyId === undefined ? { userId: actor.id, apiKeyId: null } : { userId: null, apiKeyId };
  const { periodGranularity } = await getOrganisationSettings();
  const metricIds = [...new Set(rows.map((r) => r.metricId))];
  const metrics = new Map(
    (
      await db.metric.findMany({
        where: { id: { in: metricIds } },
        select: {
          id: true,
          kind: true,
          unit: true,
          scaleBest: true,
          scaleWorst: true,
          archivedAt: true,
          touchpoint: { select: { departmentId: true, archivedAt: true, department: { select: { name: true } } } },
        },
      })
    ).map((m) => [m.id, m]),
  );

  const latest = currentPeriod(periodGranularity);
  const locks = canLockPeriods(actor)
    ? new Map()
    : await getPeriodLocks([...new Set(rows.map((r) => r.periodStart.getTime()))].map((t) => new Date(t)));
  const problems: RowProblem[] = [];
  const prepared: Prepared[] = [];
  const firstIndexOf = new Map<string, number>();
  rows.forEach((row, index) => {
    const problem = (code: RowProblemCode, field: string, message: string) =>
      problems.push({ index, metricId: row.metricId, code, fields: { [field]: message } });
    const metric = metrics.get(row.metricId);
    if (!metric || metric.archivedAt || metric.touchpoint.archivedAt) {
      return problem("not_found", "metricId", "This metric does not exist or has been archived");
    }
    if (!canWriteEntries(actor, metric.touchpoint.departmentId)) {
      return problem("forbidden", "metricId", `You can only enter figures for the departments you head (not ${metric.touchpoint.department.name})`);
    }
    if (!isPeriodStart(row.periodStart, periodGranularity)) {
      return problem("invalid", "periodStart", periodGranularity === "WEEK" ? "Period must be a Monday (weeks start on Monday)" : "Period must be the 1st of a month");
    }
    if (row.periodStart > latest) return problem("invalid", "periodStart", "Period is in the future");
    if (locks.has(row.periodStart.getTime())) {
      return problem("forbidden", "periodStart", `${formatPeriod(row.periodStart, periodGranularity)} is locked; only an admin can change its figures`);
    }
    const parsed = parseMetricValue(metric, row.value);
    if (!parsed.ok) return problem("invalid", "value", parsed.message);
    const key = entryKey(row.metricId, row.periodStart);
    const first = firstIndexOf.get(key);
    if (first !== undefined) return problem("invalid", "row", `Same metric and period as row ${first + 1}`);
    firstIndexOf.set(key, index);
    prepared.push({ ...row, index, value: parsed.value, key });
  });

  if (checkUnusual && problems.length === 0) {
    const toJudge = prepared.filter((r) => !r.confirmUnusual);
    const earliest = new Date(Math.min(...toJudge.map((r) => r.periodStart.getTime())));
    // One grouped query over the window before the earliest period; exact for the grid's single period.
    const stats = toJudge.length
      ? await getHistoryStats([...new Set(toJudge.map((r) => r.metricId))], addPeriods(earliest, -HISTORY_PERIODS, periodGranularity), earliest)
      : new Map();
    for (const row of toJudge) {
      const history = stats.get(row.metricId);
      if (isUnusual(row.value, history)) {
        const usual = usualRange(history)!;
        problems.push({
          index: row.index,
          metricId: row.metricId,
          code: "unusual",
          fields: { value: `Unusual for this metric (usually ${round(usual.low)} to ${round(usual.high)}). Check it, then confirm.` },
          usual,
        });
      }
    }
  }
  if (problems.length) refuse(problems);

  try {
    return await db.$transaction(
      async (tx) => {
        const periods = [...new Set(prepared.map((r) => r.periodStart.getTime()))].map((t) => new Date(t));
        const existing = new Map(
          (
            await tx.metricEntry.findMany({
              where: { metricId: { in: [...new Set(prepared.map((r) => r.metricId))] }, periodStart: { in: periods } },
              include: { enteredBy: { select: { name: true } } },
            })
          ).map((e) => [entryKey(e.metricId, e.periodStart), e]),
        );

        const conflicts: RowProblem[] = [];
        const creates: Prepared[] = [];
        const updates: { row: Prepared; before: NonNullable<ReturnType<typeof existing.get>> }[] = [];
        const results: SavedEntry[] = [];
        for (const row of prepared) {
          const before = existing.get(row.key);
          if (!before) {
            creates.push(row);
            continue;
          }
          if (row.expectedVersion !== undefined && row.expectedVersion !== before.version) {
            const who = before.enteredBy?.name ?? "Someone";
            conflicts.push({
              index: row.index,
              metricId: row.metricId,
              code: "conflict",
              fields: { value: `${who} saved ${before.value} for ${formatPeriod(before.periodStart, periodGranularity)} while you were editing` },
              current: { value: before.value, version: before.version, enteredBy: before.enteredBy?.name ?? null },
            });
            continue;
          }
          const unchanged =
            before.value === row.value &&
            before.sampleSize === (row.sampleSize ?? null) &&
            before.source === row.source &&
            before.note === (row.note ?? null);
          if (unchanged) {
            results.push({ metricId: row.metricId, periodStart: toPeriodKey(row.periodStart), value: before.value, version: before.version });
          } else {
            updates.push({ row, before });
          }
        }
        if (conflicts.length) refuse(conflicts);

        const figures = (row: Prepared) => ({
          value: row.value,
          sampleSize: row.sampleSize ?? null,
          source: row.source,
          note: row.note ?? null,
        });

        if (creates.length) {
          await tx.metricEntry.createMany({
            data: creates.map((row) => ({ metricId: row.metricId, periodStart: row.periodStart, enteredById: author.userId, ...figures(row) })),
          });
          const created = await tx.metricEntry.findMany({
            where: { metricId: { in: creates.map((r) => r.metricId) }, periodStart: { in: periods } },
            select: { id: true, metricId: true, periodStart: true },
          });
          const idOf = new Map(created.map((e) => [entryKey(e.metricId, e.periodStart), e.id]));
          await tx.entryRevision.createMany({
            data: creates.map((row) => {
              const f = figures(row);
              return { entryId: idOf.get(row.key)!, changedById: author.userId, apiKeyId: author.apiKeyId, newValue: f.value, newSampleSize: f.sampleSize, newSource: f.source, newNote: f.note };
            }),
          });
          results.push(...creates.map((row) => ({ metricId: row.metricId, periodStart: toPeriodKey(row.periodStart), value: row.value, version: 1 })));
        }

        for (const { row, before } of updates) {
          const f = figures(row);
          // Conditional on the version read above: a concurrent save makes this match nothing.
          const { count } = await tx.metricEntry.updateMany({
            where: { id: before.id, version: before.version },
            data: { ...f, enteredById: author.userId, version: { increment: 1 } },
          });
          if (count === 0) {
            refuse([{ index: row.index, metricId: row.metricId, code: "conflict", fields: { value: "Someone else saved this figure at the same moment. Reload and try again." } }]);
          }
        }
        if (updates.length) {
          await tx.entryRevision.createMany({
            data: updates.map(({ row, before }) => {
              const f = figures(row);
              return {
                entryId: before.id,
                changedById: author.userId,
                apiKeyId: author.apiKeyId,
                oldValue: before.value,
                newValue: f.value,
                oldSampleSize: before.sampleSize,
                newSampleSize: f.sampleSize,
                oldSource: before.source,
                newSource: f.source,
                oldNote: before.note,
                newNote: f.note,
              };
            }),
          });
          results.push(...updates.map(({ row, before }) => ({ metricId: row.metricId, periodStart: toPeriodKey(row.periodStart), value: row.value, version: before.version + 1 })));
        }

        return { saved: creates.length + updates.length, unchanged: prepared.length - creates.length - updates.length, entries: results };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("conflict", "Someone else entered figures for this period at the same moment. Reload and try again.");
    }
    throw error;
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
