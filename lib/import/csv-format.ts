// The CSV import's file format, shared by the browser (reading the file) and the server
// (template, checks). One row per metric × period.
import { unescapeFormula } from "../csv";

/** Columns in the order the template writes them and the browser sends them. */
export const IMPORT_COLUMNS = ["department", "touchpoint", "metric", "metric_id", "period", "value", "sample_size", "source", "note"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Files larger than this are refused before reading (well above 100,000 rows). */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;

/** "Sample size", "sample-size" and "SAMPLE_SIZE" all name the sample_size column. */
export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** What is missing from a file's header row, as a sentence; null when it has what import needs. */
export function missingColumns(headers: string[]): string | null {
  const present = new Set(headers.map(normaliseHeader));
  const missing = (["period", "value"] as const).filter((c) => !present.has(c));
  const byId = present.has("metric_id");
  const byName = ["department", "touchpoint", "metric"].every((c) => present.has(c));
  if (!byId && !byName) missing.unshift("metric_id (or department, touchpoint and metric)" as never);
  return missing.length ? `The file has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}. Download the template to see the expected columns.` : null;
}

/**
 * One data row as an array in IMPORT_COLUMNS order ("" for absent cells; unknown columns ignored).
 * Cells are trimmed, and the apostrophe our own CSVs put before a formula trigger is taken off, so
 * a template row for a department named "=Bar" reads back as "=Bar".
 */
export function rowFromRecord(record: Record<string, unknown>): string[] {
  const byColumn = new Map(
    Object.entries(record)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([k, v]) => [normaliseHeader(k), unescapeFormula(v.trim())]),
  );
  return IMPORT_COLUMNS.map((c) => byColumn.get(c) ?? "");
}

/** How many lines of the file a record spans: 1, plus the line breaks inside its quoted cells. */
export function linesSpanned(record: Record<string, unknown>): number {
  let lines = 1;
  for (const value of Object.values(record)) if (typeof value === "string") lines += value.split("\n").length - 1;
  return lines;
}
