import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { PublicTouchpointReport } from "./data/touchpoint-report";
import { reportCsv, reportCsvFilename } from "./report-csv";

const report = {
  touchpoint: { name: "Food & Drinks / Bar" },
  range: { from: { key: "2026-06-01", label: "" }, to: { key: "2026-06-08", label: "" }, automatic: false },
  periods: [
    { key: "2026-06-01", label: "Week of 1 Jun 2026", short: "1 Jun" },
    { key: "2026-06-08", label: "Week of 8 Jun 2026", short: "8 Jun" },
  ],
  metrics: [
    { name: "NPS", unit: "points", target: 40, points: [{ value: -12, sampleSize: 210, source: "SURVEY" }, { value: null, sampleSize: null, source: null }] },
    { name: "=HYPERLINK(\"x\")", unit: "%", target: null, points: [{ value: 81.5, sampleSize: null, source: "OPERATIONAL" }, { value: 80, sampleSize: 12, source: "OTHER" }] },
  ],
} as unknown as PublicTouchpointReport;

describe("reportCsv", () => {
  it("writes one line per period and metric that parses back to the figures", () => {
    const parsed = Papa.parse<Record<string, string>>(reportCsv(report), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      { period: "2026-06-01", metric: "NPS", unit: "points", value: "-12", target: "40", sample_size: "210", source: "Survey" },
      { period: "2026-06-01", metric: "'=HYPERLINK(\"x\")", unit: "%", value: "81.5", target: "", sample_size: "", source: "Operational" },
      { period: "2026-06-08", metric: "NPS", unit: "points", value: "", target: "40", sample_size: "", source: "" },
      { period: "2026-06-08", metric: "'=HYPERLINK(\"x\")", unit: "%", value: "80", target: "", sample_size: "12", source: "Other" },
    ]);
  });
});

describe("reportCsvFilename", () => {
  it("names the touchpoint and the range in a safe file name", () => {
    expect(reportCsvFilename(report)).toBe("touchline-food-drinks-bar-2026-06-01-to-2026-06-08.csv");
  });
});
