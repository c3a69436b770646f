// CSV import: resolve each line's metric (by id or by names), then the same checks and the same
// transactional write as the entry grid (lib/data/entries.ts). Unusual values are not held for
// confirmation here: imports carry history, which is what "usual" is measured against.
import { yieldEvery } from "../collections";
import { db } from "../db";
import { DomainError } from "../errors";
import { IMPORT_COLUMNS } from "../import/csv-format";
import type { Actor } from "../permissions";
import { entryRowSchema, type EntryRowInput } from "../validation/entry";
import { parseIdParam } from "../validation/fields";
import { checkEntries, countChanges, writeEntries, type PreparedEntry, type SaveEntriesResult } from "./entries";

/** Without line numbers from the browser, data row i is line i + 2 of the file (line 1 is the header). */
export const lineOf = (index: number) => index + 2;
/** Problems returned in full; the rest are only counted. */
export const MAX_LISTED_PROBLEMS = 500;

export type ImportProblem = { line: number; message: string };
export type ImportPreview = {
  total: number;
  valid: number;
  problemCount: number;
  problems: ImportProblem[];
  changes: { created: number; changed: number; unchanged: number };
};
export type ImportResult = SaveEntriesResult & { total: number; skipped: number };

const nameKey = (...parts: string[]) => parts.map((p) => p.trim().toLowerCase()).join("\u0000");

/** Each active metric under "department / touchpoint / metric" (case-insensitive); a name may match several. */
async function metricsByName(): Promise<Map<string, number[]>> {
  const metrics = await db.metric.findMany({
    where: { archivedAt: null, touchpoint: { archivedAt: null } },
    select: { id: true, name: true, touchpoint: { select: { name: true, department: { select: { name: true } } } } },
  });
  const byName = new Map<string, number[]>();
  for (const m of metrics) {
    const key = nameKey(m.touchpoint.department.name, m.touchpoint.name, m.name);
    byName.set(key, [...(byName.get(key) ?? []), m.id]);
  }
  return byName;
}

type Checked = { prepared: PreparedEntry[]; problems: ImportProblem[]; total: number };

async function checkImport(actor: Actor, rows: string[][], fileLines?: number[]): Promise<Checked> {
  const byName = await metricsByName();
  const problems: ImportProblem[] = [];
  const inputs: EntryRowInput[] = [];
  const lines: number[] = [];
  let total = 0;
  for (const [index, cells] of rows.entries()) {
    await yieldEvery(index);
    if (cells.every((c) => c.trim() === "")) continue; // blank line
    total++;
    const line = fileLines?.[index] ?? lineOf(index);
    const cell = Object.fromEntries(IMPORT_COLUMNS.map((c, i) => [c, (cells[i] ?? "").trim()])) as Record<(typeof IMPORT_COLUMNS)[number], string>;
    let metricId: number;
    if (cell.metric_id) {
      const id = parseIdParam(cell.metric_id);
      if (id === null) {
        problems.push({ line, message: `metric_id "${cell.metric_id}" is not a number` });
        continue;
      }
      metricId = id;
    } else {
      const ids = byName.get(nameKey(cell.department, cell.touchpoint, cell.metric)) ?? [];
      if (ids.length !== 1) {
        const what = `"${cell.metric}" on touchpoint "${cell.touchpoint}" in department "${cell.department}"`;
        problems.push({ line, message: ids.length ? `${what} matches ${ids.length} metrics; give its metric_id` : `Unknown metric ${what}` });
        continue;
      }
      metricId = ids[0]!;
    }
    const parsed = entryRowSchema.safeParse({
      metricId,
      periodStart: cell.period,
      value: cell.value,
      sampleSize: cell.sample_size,
      source: cell.source ? cell.source.toUpperCase() : undefined,
      note: cell.note,
    });
    if (!parsed.success) {
      problems.push({ line, message: parsed.error.issues[0]!.message });
      continue;
    }
    inputs.push(parsed.data);
    lines.push(line);
  }

  const checked = await checkEntries(actor, inputs, { checkUnusual: false, rowLabel: (i) => `line ${lines[i]}` });
  for (const p of checked.problems) problems.push({ line: lines[p.index]!, message: Object.values(p.fields)[0] ?? "Not valid" });
  problems.sort((a, b) => a.line - b.line);
  return { prepared: checked.prepared, problems, total };
}

export async function previewImport(actor: Actor, rows: string[][], fileLines?: number[]): Promise<ImportPreview> {
  const { prepared, problems, total } = await checkImport(actor, rows, fileLines);
  return {
    total,
    valid: prepared.length,
    problemCount: problems.length,
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    changes: await countChanges(prepared),
  };
}

/**
 * Imports the file: `all` writes everything or, if any line has a problem, nothing;
 * `valid` writes the lines without problems and skips the rest.
 */
export async function runImport(actor: Actor, rows: string[][], mode: "all" | "valid", fileLines?: number[]): Promise<ImportResult> {
  const { prepared, problems, total } = await checkImport(actor, rows, fileLines);
  if (mode === "all" && problems.length) {
    throw new DomainError(
      "invalid",
      `Nothing was imported: ${problems.length === 1 ? "1 line has" : `${problems.length} lines have`} a problem.`,
      undefined,
      { problems: problems.slice(0, MAX_LISTED_PROBLEMS), problemCount: problems.length },
    );
  }
  const written = await writeEntries(actor, prepared);
  return { ...written, total, skipped: total - prepared.length };
}
