// Every CSV Touchline writes goes through here (report downloads, public and internal, and the
// import template), so the formula rule holds for every cell of every file.
import Papa from "papaparse";

/**
 * A text cell a spreadsheet would run as a formula (OWASP "CSV Injection": =, +, −, @, tab, carriage
 * return; line feed as well). Tested on the first character only: papaparse's own default,
 * /^[=+\-@\t\r].*$/, misses "=1+1" followed by a line break, since "." stops at line ends.
 */
export const FORMULA_TRIGGER = /^[=+\-@\t\r\n]/;

/** A leading apostrophe added by `toCsv`, for readers of our own files (the import) to take off again. */
export const unescapeFormula = (cell: string) => (cell.startsWith("'") && FORMULA_TRIGGER.test(cell.slice(1)) ? cell.slice(1) : cell);

export type CsvCell = string | number | null | undefined;

/**
 * A CSV file: a header line then one line per row, CRLF line ends, cells quoted where needed.
 * Text cells that start with a formula trigger get a leading apostrophe and are quoted; numbers
 * (a negative NPS) are written as they are. Null and undefined are empty cells.
 */
export function toCsv(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const data = rows.map((row) => row.map((cell) => cell ?? ""));
  return Papa.unparse({ fields: [...fields], data }, { escapeFormulae: FORMULA_TRIGGER, newline: "\r\n" });
}
