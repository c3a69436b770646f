import { describe, expect, it } from "vitest";
import type { EntrySheetRow } from "@/lib/data/entry-sheet";
import { checkDraft, initialDraft, isDirty, type Draft } from "./draft";

/** Average handling time, in minutes, with no figure yet and no history. */
function makeRow(overrides: Partial<EntrySheetRow> = {}): EntrySheetRow {
  return {
    metricId: 11,
    touchpointId: 3,
    touchpointName: "Phone support",
    metricName: "Average handling time",
    kind: "DURATION",
    unit: "min",
    direction: "LOWER_IS_BETTER",
    scaleBest: 0,
    scaleWorst: 30,
    target: 8,
    warningThreshold: 12,
    current: null,
    previous: null,
    history: null,
    ...overrides,
  };
}

const saved = { value: 9.5, sampleSize: 120, source: "OPERATIONAL", note: "Queue outage on Tuesday", version: 4 } as const;
const lastPeriod = { value: 8.25, sampleSize: 100, source: "SURVEY" } as const;

/** A row with this period's figure (9.5 min, n = 120, operational, with a note). */
const withFigure = makeRow({ current: saved, previous: lastPeriod });
/** A row with no figure this period; last period's came from a survey. */
const withoutFigure = makeRow({ previous: lastPeriod });

function draft(overrides: Partial<Draft> = {}): Draft {
  return { value: "", sampleSize: "", source: "OTHER", note: "", confirmUnusual: false, ...overrides };
}

describe("initialDraft", () => {
  it("shows this period's figure", () => {
    expect(initialDraft(withFigure)).toEqual({
      value: "9.5",
      sampleSize: "120",
      source: "OPERATIONAL",
      note: "Queue outage on Tuesday",
      confirmUnusual: false,
    });
  });

  it("shows blanks for a figure without sample size or note", () => {
    const row = makeRow({ current: { value: 12, sampleSize: null, source: "REVIEW", note: null, version: 1 } });
    expect(initialDraft(row)).toEqual({ value: "12", sampleSize: "", source: "REVIEW", note: "", confirmUnusual: false });
  });

  it("shows a tiny saved value in plain digits, so the untouched row is valid", () => {
    const row = makeRow({ kind: "PERCENT", unit: "%", scaleBest: 100, scaleWorst: 0, current: { value: 1e-7, sampleSize: null, source: "OTHER", note: null, version: 1 } });
    expect(initialDraft(row).value).toBe("0.0000001");
    expect(checkDraft(row, initialDraft(row)).fields).toEqual({});
  });

  it("shows a saved 0 as \"0\", not as a blank", () => {
    const row = makeRow({ current: { value: 0, sampleSize: null, source: "OTHER", note: null, version: 1 } });
    expect(initialDraft(row).value).toBe("0");
  });

  it("without a figure: blanks, with last period's source", () => {
    expect(initialDraft(withoutFigure)).toEqual({ value: "", sampleSize: "", source: "SURVEY", note: "", confirmUnusual: false });
  });

  it("without a figure this period or last: blanks and source OTHER", () => {
    expect(initialDraft(makeRow())).toEqual({ value: "", sampleSize: "", source: "OTHER", note: "", confirmUnusual: false });
  });

  it("prefers this period's source to last period's", () => {
    expect(initialDraft(withFigure).source).toBe("OPERATIONAL");
  });
});

describe("isDirty", () => {
  it("is false without a draft", () => {
    expect(isDirty(withFigure, undefined)).toBe(false);
    expect(isDirty(withoutFigure, undefined)).toBe(false);
  });

  it("is false for the untouched draft", () => {
    expect(isDirty(withFigure, initialDraft(withFigure))).toBe(false);
    expect(isDirty(withoutFigure, initialDraft(withoutFigure))).toBe(false);
  });

  it("ignores spaces around the value, sample size and note", () => {
    const base = initialDraft(withFigure);
    expect(isDirty(withFigure, { ...base, value: " 9.5 ", sampleSize: "120  ", note: "  Queue outage on Tuesday " })).toBe(false);
  });

  it("treats spaces typed into an empty row as no change", () => {
    expect(isDirty(withoutFigure, draft({ value: "   ", sampleSize: " ", note: "  ", source: "SURVEY" }))).toBe(false);
  });

  it.each<[string, Partial<Draft>]>([
    ["the value", { value: "9.6" }],
    ["the value's spelling", { value: "9.50" }],
    ["the sample size", { sampleSize: "121" }],
    ["the sample size, cleared", { sampleSize: "" }],
    ["the source", { source: "SURVEY" }],
    ["the note", { note: "Queue outage on Wednesday" }],
    ["the note, cleared", { note: "" }],
  ])("is true when %s changes", (_, change) => {
    expect(isDirty(withFigure, { ...initialDraft(withFigure), ...change })).toBe(true);
  });

  it("is true when a value is typed into an empty row", () => {
    expect(isDirty(withoutFigure, draft({ value: "7", source: "SURVEY" }))).toBe(true);
  });

  it("is true when only the source of an empty row changes", () => {
    expect(isDirty(withoutFigure, draft({ source: "OTHER" }))).toBe(true);
  });

  it("does not count ticking the unusual-value confirmation as a change", () => {
    expect(isDirty(withFigure, { ...initialDraft(withFigure), confirmUnusual: true })).toBe(false);
  });
});

describe("checkDraft", () => {
  describe("value", () => {
    it("a blank value on a row without a figure is not an error (nothing to save)", () => {
      const check = checkDraft(withoutFigure, draft({ value: "  ", note: "no data this week" }));
      expect(check.fields).toEqual({});
      expect(check.value).toBeUndefined();
      expect(check.unusual).toBeUndefined();
    });

    it("a blank value on a row with a saved figure is an error", () => {
      const check = checkDraft(withFigure, { ...initialDraft(withFigure), value: " " });
      expect(check.fields).toEqual({ value: "A saved figure cannot be blanked; enter the corrected value" });
      expect(check.value).toBeUndefined();
    });

    it("parses a valid value with the metric's rules (4m 30s in minutes is 4.5)", () => {
      expect(checkDraft(withoutFigure, draft({ value: "4m 30s" }))).toEqual({ fields: {}, value: 4.5, unusual: undefined });
    });

    it("accepts the unchanged saved figure", () => {
      expect(checkDraft(withFigure, initialDraft(withFigure))).toEqual({ fields: {}, value: 9.5, unusual: undefined });
    });

    it.each<[string, string]>([
      ["abc", "Enter a duration such as 12.5, 4m 30s or 4:30"],
      ["4m 30", "Enter a duration such as 12.5, 4m 30s or 4:30"],
      ["4,5", "Enter a duration such as 12.5, 4m 30s or 4:30 (use a dot for decimals, no thousands separators)"],
      ["-2", "Value must be 0 or more"],
    ])("refuses %j: %s", (value, message) => {
      const check = checkDraft(withoutFigure, draft({ value }));
      expect(check.fields).toEqual({ value: message });
      expect(check.value).toBeUndefined();
    });

    it("checks the range of the row's kind", () => {
      const csat = makeRow({ kind: "CSAT_PERCENT", unit: "%", direction: "HIGHER_IS_BETTER", scaleBest: 100, scaleWorst: 0 });
      expect(checkDraft(csat, draft({ value: "101" })).fields).toEqual({ value: "Value must be between 0 and 100" });
      expect(checkDraft(csat, draft({ value: "87%" })).value).toBe(87);
    });
  });

  describe("sample size", () => {
    // The server's own messages (entryRowSchema), so grid and server never disagree.
    it.each([
      ["0", "Sample size must be at least 1"],
      ["-3", "Sample size must be at least 1"],
      ["1.5", "Sample size must be a whole number"],
      ["10000001", "Sample size must be at most 10,000,000"],
      ["12a", "Sample size must be a number"],
      ["1,000", "Sample size must be a number (use a dot for decimals, no thousands separators)"],
    ])("refuses %j: %s", (sampleSize, message) => {
      expect(checkDraft(withoutFigure, draft({ value: "5", sampleSize })).fields).toEqual({ sampleSize: message });
    });

    it.each(["5.0", "+5"])("accepts %j, as the server does", (sampleSize) => {
      expect(checkDraft(withoutFigure, draft({ value: "5", sampleSize })).fields).toEqual({});
    });

    it.each(["", "   ", "1", " 250 ", "10000000"])("accepts %j", (sampleSize) => {
      expect(checkDraft(withoutFigure, draft({ value: "5", sampleSize })).fields).toEqual({});
    });
  });

  describe("note", () => {
    it("refuses a note over 1000 characters", () => {
      expect(checkDraft(withoutFigure, draft({ value: "5", note: "n".repeat(1001) })).fields).toEqual({
        note: "Note must be at most 1000 characters",
      });
    });

    it("measures the note after trimming, as the server does", () => {
      expect(checkDraft(withoutFigure, draft({ value: "5", note: ` ${"n".repeat(1000)} ` })).fields).toEqual({});
    });

    it("accepts a note of exactly 1000 characters", () => {
      expect(checkDraft(withoutFigure, draft({ value: "5", note: "n".repeat(1000) })).fields).toEqual({});
    });
  });

  it("reports every broken field at once", () => {
    expect(checkDraft(withFigure, { ...initialDraft(withFigure), value: "", sampleSize: "0", note: "n".repeat(1001) }).fields).toEqual({
      value: "A saved figure cannot be blanked; enter the corrected value",
      sampleSize: "Sample size must be at least 1",
      note: "Note must be at most 1000 characters",
    });
  });

  describe("unusual values (history: 26 periods, mean 10, sd 1 → usual 7 to 13)", () => {
    const history = { n: 26, mean: 10, sd: 1 };
    const fresh = makeRow({ history });

    it("flags 13.5 as unusual and gives the usual range", () => {
      expect(checkDraft(fresh, draft({ value: "13.5" }))).toEqual({ fields: {}, value: 13.5, unusual: { low: 7, high: 13 } });
    });

    it("flags a value typed in parts (13m 30s = 13.5 min)", () => {
      expect(checkDraft(fresh, draft({ value: "13m 30s" })).unusual).toEqual({ low: 7, high: 13 });
    });

    it("flags an unusually low value (6.5)", () => {
      expect(checkDraft(fresh, draft({ value: "6.5" })).unusual).toEqual({ low: 7, high: 13 });
    });

    it.each(["12.9", "13", "7", "10"])("does not flag %s", (value) => {
      const check = checkDraft(fresh, draft({ value }));
      expect(check.unusual).toBeUndefined();
      expect(check.fields).toEqual({});
    });

    it("passes a confirmed unusual value", () => {
      expect(checkDraft(fresh, draft({ value: "13.5", confirmUnusual: true }))).toEqual({ fields: {}, value: 13.5, unusual: undefined });
    });

    it("does not flag the saved value again", () => {
      const row = makeRow({ history, current: { ...saved, value: 13.5 } });
      expect(checkDraft(row, initialDraft(row)).unusual).toBeUndefined();
      expect(checkDraft(row, { ...initialDraft(row), value: "13.50" }).unusual).toBeUndefined();
    });

    it("flags a changed value on a row whose saved figure is also unusual", () => {
      const row = makeRow({ history, current: { ...saved, value: 13.5 } });
      expect(checkDraft(row, { ...initialDraft(row), value: "14" }).unusual).toEqual({ low: 7, high: 13 });
    });

    it("flags an unusual correction of a usual saved figure", () => {
      const row = makeRow({ history, current: saved });
      expect(checkDraft(row, { ...initialDraft(row), value: "20" }).unusual).toEqual({ low: 7, high: 13 });
    });

    it("does not flag an invalid value", () => {
      const check = checkDraft(fresh, draft({ value: "-13" }));
      expect(check.unusual).toBeUndefined();
      expect(check.fields).toEqual({ value: "Value must be 0 or more" });
    });

    it("flags nothing with 7 periods of history, or a flat one, or none", () => {
      expect(checkDraft(makeRow({ history: { n: 7, mean: 10, sd: 1 } }), draft({ value: "25" })).unusual).toBeUndefined();
      expect(checkDraft(makeRow({ history: { n: 26, mean: 10, sd: 0 } }), draft({ value: "25" })).unusual).toBeUndefined();
      expect(checkDraft(makeRow({ history: null }), draft({ value: "25" })).unusual).toBeUndefined();
    });

    it("flags with 8 periods of history", () => {
      expect(checkDraft(makeRow({ history: { n: 8, mean: 10, sd: 1 } }), draft({ value: "25" })).unusual).toEqual({ low: 7, high: 13 });
    });
  });
});
