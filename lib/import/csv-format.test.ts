import { describe, expect, it } from "vitest";
import { linesSpanned, missingColumns, normaliseHeader, rowFromRecord } from "./csv-format";

describe("normaliseHeader", () => {
  it.each([["Sample size", "sample_size"], [" SAMPLE-SIZE ", "sample_size"], ["\uFEFFdepartment", "department"], ["metric_id", "metric_id"]])("%j → %s", (raw, expected) => {
    expect(normaliseHeader(raw)).toBe(expected);
  });
});

describe("missingColumns", () => {
  it("accepts metric_id, or department + touchpoint + metric, with period and value", () => {
    expect(missingColumns(["metric_id", "Period", "Value"])).toBeNull();
    expect(missingColumns(["Department", "Touchpoint", "Metric", "period", "value"])).toBeNull();
  });

  it("names what is missing", () => {
    expect(missingColumns(["department", "metric", "period"])).toBe(
      "The file has no metric_id (or department, touchpoint and metric), value columns. Download the template to see the expected columns.",
    );
    expect(missingColumns(["metric_id", "period"])).toBe("The file has no value column. Download the template to see the expected columns.");
  });
});

describe("rowFromRecord", () => {
  it("orders cells as the import expects, trims them, and ignores unknown columns and extra fields", () => {
    expect(rowFromRecord({ Value: " 4.5 ", "metric id": "x", metric_id: "12", Period: "2026-11-16", colour: "red", __parsed_extra: ["a", "b"] })).toEqual([
      "", "", "", "12", "2026-11-16", "4.5", "", "", "",
    ]);
  });
});

describe("linesSpanned", () => {
  it("counts the line breaks inside quoted cells", () => {
    expect(linesSpanned({ note: "one line" })).toBe(1);
    expect(linesSpanned({ note: "first\nsecond\nthird", value: "4" })).toBe(3);
  });
});

