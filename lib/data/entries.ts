// Writing metric entries: the one path for the entry grid, CSV import and the ingest API.
// Every row is checked (role, metric, period, value for the metric's kind, unusual values,
// versions) before anything is written; then all rows are written in one transaction with a
// revision for every create and change. One bad row means nothing is written.
import { chunked, yieldEvery } from "../collections";
import { db } from "../db";
import { DomainError } from "../errors";
import { addPeriods, currentPeriod, dateRange, formatPeriod, isPeriodStart, toPeriodKey } from "../periods";
import { canLockPeriods, canWriteEntries, type Actor } from "../permissions";
import type { EntryRowInput, SaveEntriesInput } from "../validation/entry";
import { parseMetricValue } from "../validation/metric-value";
import { isUnusual, usualRange } from "../validation/unusual";
import { HISTORY_PERIODS, getHistoryStats } from "./entry-stats";
import { getOrganisationSettings } from "./organisation";
import { getPeriodLocks } from "./period-locks";
import { insertCreationRevisions, insertEntries, insertRevisions, lockMetricsForWriting, updateEntries, type NewRevision } from "./entry-bulk";
import { isUniqueViolation } from "./prisma-errors";
import { requestAlertCheck } from "../notifications/scheduler";

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

/** A row that passed every check: its value parsed for its metric. */
export type PreparedEntry = EntryRowInput & { index: number; value: number; key: string };

export type EntryOptions = {
  /** Ask people to confirm unusual values; imports and operational systems send raw figures. */
  checkUnusual?: boolean;
  /** Set when an operational system writes with an API key: the key, not a person, is the author. */
  apiKeyId?: number;
  /** How messages name another row ("row 3", or "line 4" for a CSV file). */
  rowLabel?: (index: number) => string;
};

type Existing = { id: number; value: number; sampleSize: number | null; source: EntryRowInput["source"]; note: string | null; version: number; periodStart: Date; enteredBy: { name: string } | null };

const sameFigures = (before: Existing, row: PreparedEntry) =>
  before.value === row.value && before.sampleSize === (row.sampleSize ?? null) && before.source === row.source && before.note === (row.note ?? null);

const entryKey = (metricId: number, periodStart: Date) => `${metricId}@${periodStart.getTime()}`;

export function refuse(problems: RowProblem[]): never {
  const code = problems.some((p) => p.code === "forbidden")
    ? "forbidden"
    : problems.some((p) => p.code === "conflict")
      ? "conflict"
      : "invalid";
  const count = problems.length === 1 ? "1 row needs attention" : `${problems.length} rows need attention`;
  const first = Object.values(problems[0]!.fields)[0];
  throw new DomainError(code, `Nothing was saved: ${count}. ${first ?? ""}`.trim(), undefined, { rows: problems });
}

/** Ids per query: Prisma cannot split a query with two IN lists to fit SQLite's parameter limit. */
const CHUNK = 500;
const chunks = <T>(items: T[]) => chunked(items, CHUNK);

/** Checks every row without writing anything: the rows that may be written, and each problem. */
export async function checkEntries(
  actor: Actor,
  rows: EntryRowInput[],
  { checkUnusual = true, rowLabel = (i) => `row ${i + 1}` }: EntryOptions = {},
): Promise<{ prepared: PreparedEntry[]; problems: RowProblem[] }> {
  const { periodGranularity } = await getOrganisationSettings();
  const metrics = new Map(
    (
      await Promise.all(
        chunks([...new Set(rows.map((r) => r.metricId))]).map((ids) =>
          db.metric.findMany({
            where: { id: { in: ids } },
            select: {
              id: true,
              kind: true,
              unit: true,
              scaleBest: true,
              scaleWorst: true,
              archivedAt: true,
              touchpoint: { select: { departmentId: true, archivedAt: true, department: { select: { name: true } } } },
            },
          }),
        ),
      )
    )
      .flat()
      .map((m) => [m.id, m]),
  );

  const latest = currentPeriod(periodGranularity);
  const locks = canLockPeriods(actor) || rows.length === 0 ? new Map() : await getPeriodLocks(rows.map((r) => r.periodStart));
  const problems: RowProblem[] = [];
  const prepared: PreparedEntry[] = [];
  const firstIndexOf = new Map<string, number>();
  // A row's first problem as [code, field, message], or the row ready to write.
  const problemOf = (row: EntryRowInput, index: number): [RowProblemCode, string, string] | PreparedEntry => {
    const metric = metrics.get(row.metricId);
    if (!metric || metric.archivedAt || metric.touchpoint.archivedAt) return ["not_found", "metricId", "This metric does not exist or has been archived"];
    if (!canWriteEntries(actor, metric.touchpoint.departmentId)) {
      return ["forbidden", "metricId", `You can only enter figures for the departments you head (not ${metric.touchpoint.department.name})`];
    }
    if (!isPeriodStart(row.periodStart, periodGranularity)) {
      return ["invalid", "periodStart", periodGranularity === "WEEK" ? "Period must be a Monday (weeks start on Monday)" : "Period must be the 1st of a month"];
    }
    if (row.periodStart > latest) return ["invalid", "periodStart", "Period is in the future"];
    if (locks.has(row.periodStart.getTime())) {
      return ["forbidden", "periodStart", `${formatPeriod(row.periodStart, periodGranularity)} is locked; only an admin can change its figures`];
    }
    const parsed = parseMetricValue(metric, row.value);
    if (!parsed.ok) return ["invalid", "value", parsed.message];
    const key = entryKey(row.metricId, row.periodStart);
    const first = firstIndexOf.get(key);
    if (first !== undefined) return ["invalid", "row", `Same metric and period as ${rowLabel(first)}`];
    firstIndexOf.set(key, index);
    return { ...row, index, value: parsed.value, key };
  };
  for (const [index, row] of rows.entries()) {
    await yieldEvery(index);
    const checked = problemOf(row, index);
    if (Array.isArray(checked)) {
      const [code, field, message] = checked;
      problems.push({ index, metricId: row.metricId, code, fields: { [field]: message } });
    } else {
      prepared.push(checked);
    }
  }

  const unconfirmed = checkUnusual && problems.length === 0 ? prepared.filter((r) => !r.confirmUnusual) : [];
  if (unconfirmed.length) {
    // A value already saved (perhaps confirmed back then) is not judged again, as in the grid.
    const saved = await existingEntries(db, unconfirmed);
    const toJudge = unconfirmed.filter((r) => saved.get(r.key)?.value !== r.value);
    // One grouped query over the window before the earliest period; exact for the grid's single period.
    const earliest = toJudge.length ? dateRange(toJudge.map((r) => r.periodStart)).gte : null;
    const stats = earliest
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
  return { prepared, problems };
}

/** The entries already stored for these rows' metrics and periods, by entry key. */
async function existingEntries(client: Pick<typeof db, "metricEntry">, rows: PreparedEntry[]): Promise<Map<string, Existing>> {
  if (rows.length === 0) return new Map();
  // A date range rather than a list of periods: one index range scan per metric chunk.
  const periodStart = dateRange(rows.map((r) => r.periodStart));
  const wanted = new Set(rows.map((r) => r.key));
  const found = new Map<string, Existing>();
  for (const metricIds of chunks([...new Set(rows.map((r) => r.metricId))])) {
    const batch = await client.metricEntry.findMany({
      where: { metricId: { in: metricIds }, periodStart },
      select: { id: true, metricId: true, value: true, sampleSize: true, source: true, note: true, version: true, periodStart: true, enteredBy: { select: { name: true } } },
    });
    for (const e of batch) {
      const key = entryKey(e.metricId, e.periodStart);
      if (wanted.has(key)) found.set(key, e);
    }
  }
  return found;
}

/** How many rows would create, change or leave figures as they are (for an import's preview). */
export async function countChanges(rows: PreparedEntry[]): Promise<{ created: number; changed: number; unchanged: number }> {
  const existing = await existingEntries(db, rows);
  let created = 0;
  let changed = 0;
  for (const row of rows) {
    const before = existing.get(row.key);
    if (!before) created++;
    else if (!sameFigures(before, row)) changed++;
  }
  return { created, changed, unchanged: rows.length - created - changed };
}

/**
 * Writes checked rows in one transaction: inserts, updates and a revision for each. Rows whose
 * figures are unchanged are skipped. Writers of the same metrics take turns (lockMetricsForWriting),
 * so a row without expectedVersion always wins over what was there, and a row with one is refused
 * (DomainError "conflict", nothing written) only when another save really came between.
 */
export async function writeEntries(actor: Actor, prepared: PreparedEntry[], { apiKeyId }: Pick<EntryOptions, "apiKeyId"> = {}): Promise<SaveEntriesResult> {
  const author = apiKeyId === undefined ? { userId: actor.id, apiKeyId: null } : { userId: null, apiKeyId };
  const { periodGranularity } = await getOrganisationSettings();
  try {
    const result = await db.$transaction(
      async (tx) => {
        await lockMetricsForWriting(tx, prepared.map((row) => row.metricId));
        const existing = await existingEntries(tx, prepared);
        const conflicts: RowProblem[] = [];
        const creates: PreparedEntry[] = [];
        const updates: { row: PreparedEntry; before: Existing }[] = [];
        const results: SavedEntry[] = [];
        for (const row of prepared) {
          const before = existing.get(row.key);
          if (!before && row.expectedVersion !== undefined && row.expectedVersion > 0) {
            conflicts.push({ index: row.index, metricId: row.metricId, code: "conflict", fields: { value: `No figure with version ${row.expectedVersion} exists for this period; it may never have been saved` } });
          } else if (!before) {
            creates.push(row);
          } else if (row.expectedVersion !== undefined && row.expectedVersion !== before.version) {
            const who = before.enteredBy?.name ?? "Someone";
            conflicts.push({
              index: row.index,
              metricId: row.metricId,
              code: "conflict",
              fields: { value: `${who} saved ${before.value} for ${formatPeriod(before.periodStart, periodGranularity)} while you were editing` },
              current: { value: before.value, version: before.version, enteredBy: before.enteredBy?.name ?? null },
            });
          } else if (sameFigures(before, row)) {
            results.push({ metricId: row.metricId, periodStart: toPeriodKey(row.periodStart), value: before.value, version: before.version });
          } else {
            updates.push({ row, before });
          }
        }
        if (conflicts.length) refuse(conflicts);

        const figures = (row: PreparedEntry) => ({ value: row.value, sampleSize: row.sampleSize ?? null, source: row.source, note: row.note ?? null });
        const now = new Date();
        const changeRevisions: NewRevision[] = [];

        if (creates.length) {
          const created = await insertEntries(tx, creates.map((row) => ({ metricId: row.metricId, periodStart: row.periodStart, enteredById: author.userId, ...figures(row) })), now);
          await insertCreationRevisions(tx, created.map((e) => e.id), { changedById: author.userId, apiKeyId: author.apiKeyId }, now);
          for (const row of creates) results.push({ metricId: row.metricId, periodStart: toPeriodKey(row.periodStart), value: row.value, version: 1 });
        }

        if (updates.length) {
          // Conditional on the versions read above: a concurrent save makes a row match nothing.
          const updated = await updateEntries(tx, updates.map(({ row, before }) => ({ id: before.id, version: before.version, enteredById: author.userId, ...figures(row) })), now);
          if (updated !== updates.length) {
            throw new DomainError("conflict", "Someone else saved some of these figures at the same moment. Nothing was saved; reload and try again.");
          }
          for (const { row, before } of updates) {
            const f = figures(row);
            changeRevisions.push({
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
            });
            results.push({ metricId: row.metricId, periodStart: toPeriodKey(row.periodStart), value: row.value, version: before.version + 1 });
          }
        }
        await insertRevisions(tx, changeRevisions, now);
        if (apiKeyId !== undefined) await tx.apiKey.update({ where: { id: apiKeyId }, data: { lastUsedAt: now } });

        return { saved: creates.length + updates.length, unchanged: prepared.length - creates.length - updates.length, entries: results };
      },
      { timeout: 120_000 },
    );
    // Figures moved: alerts are judged again soon after the response, not only at the next tick.
    if (result.saved > 0) requestAlertCheck();
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("conflict", "Someone else entered figures for these periods at the same moment. Reload and try again.");
    }
    throw error;
  }
}

/** Checks and writes: all rows, or nothing with every row's problem. */
export async function saveEntries(actor: Actor, { rows }: SaveEntriesInput, options: EntryOptions = {}): Promise<SaveEntriesResult> {
  const { prepared, problems } = await checkEntries(actor, rows, options);
  if (problems.length) refuse(problems);
  return writeEntries(actor, prepared, options);
}

const round = (x: number) => Math.round(x * 100) / 100;
