// Reads a CSV file in the browser in chunks, reporting progress, with the checks that need the
// whole header or the raw text: missing columns, wrong encoding, too many rows.
import Papa from "papaparse";
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS, linesSpanned, missingColumns, rowFromRecord } from "@/lib/import/csv-format";

export class CsvReadError extends Error {}

/** The data rows in IMPORT_COLUMNS order, and the file line each one starts on. */
export type CsvRows = { rows: string[][]; lines: number[] };

export function readCsv(file: File, onProgress: (share: number) => void): Promise<CsvRows> {
  if (file.size === 0) return Promise.reject(new CsvReadError("The file is empty."));
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return Promise.reject(new CsvReadError(`The file is ${(file.size / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB. Split it into smaller files.`));
  }
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    const lines: number[] = [];
    let nextLine = 2; // line 1 is the header
    let checkedHeader = false;
    let failure = null as CsvReadError | null; // set inside parser callbacks
    Papa.parse<Record<string, string>>(file, {
      header: true,
      skipEmptyLines: false, // keep blank lines so row i stays line i + 2 of the file
      chunkSize: 256 * 1024,
      chunk(results, parser) {
        if (!checkedHeader) {
          checkedHeader = true;
          const missing = missingColumns(results.meta.fields ?? []);
          if (missing) {
            failure = new CsvReadError(missing);
            return parser.abort();
          }
        }
        for (const record of results.data) {
          const line = nextLine;
          nextLine += linesSpanned(record);
          if ("__parsed_extra" in record) {
            failure = new CsvReadError(`Line ${line} has more values than the header has columns. A value that contains a comma must be in double quotes.`);
            return parser.abort();
          }
          const row = rowFromRecord(record);
          // The replacement character means bytes that are not UTF-8 (a legacy encoding, or not text at all).
          if (row.some((cell) => cell.includes("\uFFFD"))) {
            failure = new CsvReadError(`Line ${line} has characters that are not UTF-8. Save the file as "CSV UTF-8" and try again.`);
            return parser.abort();
          }
          rows.push(row);
          lines.push(line);
        }
        if (rows.length > MAX_IMPORT_ROWS) {
          failure = new CsvReadError(`The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} rows. Split it into smaller files.`);
          return parser.abort();
        }
        onProgress(Math.min(1, results.meta.cursor / file.size));
      },
      complete() {
        if (failure) reject(failure);
        else if (!checkedHeader || rows.every((r) => r.every((c) => c === ""))) reject(new CsvReadError("The file has a header but no data rows."));
        else resolve({ rows, lines });
      },
      error(error) {
        reject(new CsvReadError(`The file could not be read: ${error.message}`));
      },
    });
  });
}

/** POSTs JSON with upload progress (fetch cannot report it), resolving to the status and body. */
export function postJson<T>(url: string, body: unknown, onUpload: (share: number) => void): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("Content-Type", "application/json");
    request.upload.onprogress = (event) => event.lengthComputable && onUpload(event.loaded / event.total);
    request.onload = () => {
      try {
        resolve({ status: request.status, body: JSON.parse(request.responseText) as T });
      } catch {
        reject(new Error(`The server answered ${request.status} without a readable body.`));
      }
    };
    request.onerror = () => reject(new Error("Could not reach the server; nothing was imported."));
    request.send(JSON.stringify(body));
  });
}
