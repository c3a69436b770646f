import { describe, expect, it } from "vitest";
import { parseReportRange } from "./report";

describe("parseReportRange", () => {
  it("keeps well-formed dates", () => {
    expect(parseReportRange({ from: "2026-06-01", to: "2026-08-31" })).toEqual({ from: "2026-06-01", to: "2026-08-31", problems: [] });
  });
  it("drops what is not a date, saying so", () => {
    expect(parseReportRange({ from: "June", to: ["2026-02-30"] })).toEqual({
      from: undefined,
      to: undefined,
      problems: ['Range start must be a date like 2026-11-16; ignored "June".', 'Range end must be a date like 2026-11-16; ignored "2026-02-30".'],
    });
  });
  it("is empty without parameters", () => {
    expect(parseReportRange({})).toEqual({ from: undefined, to: undefined, problems: [] });
  });
});
