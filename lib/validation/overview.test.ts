import { describe, expect, it } from "vitest";
import { parsePeriodKey } from "../periods";
import { overviewSearch, parseOverviewParams } from "./overview";

describe("parseOverviewParams", () => {
  it("reads every parameter", () => {
    expect(parseOverviewParams({ journey: "3", view: "month", period: "2026-06-01", from: "2026-01-01" })).toEqual({
      params: { journeyId: 3, view: "MONTH", period: parsePeriodKey("2026-06-01"), from: parsePeriodKey("2026-01-01") },
      problems: [],
    });
  });

  it("leaves out what is absent or blank", () => {
    expect(parseOverviewParams({ journey: "", view: undefined })).toEqual({ params: {}, problems: [] });
  });

  it("drops each bad parameter with its own message and keeps the good ones", () => {
    const { params, problems } = parseOverviewParams({ journey: "abc", view: "fortnight", period: "2026-02-30", from: "2026-01-05" });
    expect(params).toEqual({ from: parsePeriodKey("2026-01-05") });
    expect(problems).toEqual([
      'Journey must be a number; ignored "abc".',
      'View must be week, month or quarter; ignored "fortnight".',
      'Period must be a date like 2026-11-16; ignored "2026-02-30".',
    ]);
  });

  it("takes the first of a repeated parameter and says so, from the page's record or the API's URLSearchParams alike", () => {
    const fromPage = parseOverviewParams({ view: ["quarter", "week"], journey: ["1", "2"] });
    const fromApi = parseOverviewParams(new URLSearchParams("view=quarter&view=week&journey=1&journey=2"));
    expect(fromPage).toEqual(fromApi);
    expect(fromApi.params).toEqual({ view: "QUARTER", journeyId: 1 });
    expect(fromApi.problems).toEqual(['Journey was given 2 times; the first, "1", was used.', 'View was given 2 times; the first, "quarter", was used.']);
  });

  it("says back only 40 characters of what it ignored, without control or direction-changing characters", () => {
    const { problems } = parseOverviewParams({ period: `2026-06-15\u202E${"x".repeat(400)}`, journey: "a\u0000b\u200Bc" });
    expect(problems).toEqual([`Journey must be a number; ignored "abc".`, `Period must be a date like 2026-11-16; ignored "2026-06-15${"x".repeat(30)}…".`]);
  });
});

describe("overviewSearch", () => {
  it("writes the parameters that are set, in a stable order", () => {
    expect(overviewSearch({ journeyId: 2, view: "QUARTER", period: "2026-10-01", from: "2025-01-01" })).toBe("?journey=2&view=quarter&period=2026-10-01&from=2025-01-01");
    expect(overviewSearch({ period: "2026-11-16" })).toBe("?period=2026-11-16");
    expect(overviewSearch({})).toBe("");
  });

  it("round-trips through the parser", () => {
    const search = overviewSearch({ journeyId: 7, view: "MONTH", period: "2026-05-01" });
    expect(parseOverviewParams(Object.fromEntries(new URLSearchParams(search))).params).toEqual({ journeyId: 7, view: "MONTH", period: parsePeriodKey("2026-05-01") });
  });
});
