// The touchpoint report as CSV: one line per period and metric (the figures, their sample sizes and
// sources). Same columns from the internal and the public page. Pure.
import { toCsv } from "./csv";
import type { PublicTouchpointReport } from "./data/touchpoint-report";
import { formatSource } from "./format";
import { slugify } from "./slugs";

export const REPORT_CSV_COLUMNS = ["period", "metric", "unit", "value", "target", "sample_size", "source"] as const;

export function reportCsv(report: PublicTouchpointReport): string {
  const rows = report.periods.flatMap((period, i) =>
    report.metrics.map((m) => {
      const point = m.points[i]!;
      return [period.key, m.name, m.unit, point.value ?? "", m.target ?? "", point.sampleSize ?? "", point.source ? formatSource(point.source) : ""];
    }),
  );
  return toCsv(REPORT_CSV_COLUMNS, rows);
}

/** "touchline-food-2026-06-01-to-2026-08-24.csv" */
export function reportCsvFilename(report: PublicTouchpointReport): string {
  return `touchline-${slugify(report.touchpoint.name, "touchpoint")}-${report.range.from.key}-to-${report.range.to.key}.csv`;
}

/** A CSV download response that no cache keeps. */
export function csvResponse(report: PublicTouchpointReport): Response {
  return new Response(`\uFEFF${reportCsv(report)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${reportCsvFilename(report)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
