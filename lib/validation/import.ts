import { z } from "zod";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "../import/csv-format";

export const importRequestSchema = z.object({
  mode: z.enum(["preview", "all", "valid"], { error: "mode must be preview, all or valid" }),
  /** The file's data rows, each in IMPORT_COLUMNS order; row i is line i + 2 of the file. */
  rows: z
    .array(z.array(z.string().max(2000, "A cell is longer than 2,000 characters")).length(IMPORT_COLUMNS.length, "Each row must have every column"), {
      error: "rows must be a list",
    })
    .min(1, "The file has no data rows")
    .max(MAX_IMPORT_ROWS, `At most ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} rows per file`),
  /** The file line each row starts on (quoted cells may span lines); default: row i is line i + 2. */
  lines: z.array(z.number().int().min(2)).optional(),
}).refine((r) => !r.lines || r.lines.length === r.rows.length, { message: "lines must give one line number per row", path: ["lines"] });
export type ImportRequest = z.output<typeof importRequestSchema>;
