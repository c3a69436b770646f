import { describe, expect, it } from "vitest";
import { addPeriods, dateRange, formatPeriod, formatPeriodShort, isEnterablePeriod, isPeriodStart, parsePeriodKey, periodPhrase, periodsBetween, resolveRange, startOfPeriod, toPeriodKey, viewGranularities } from "./periods";

/** UTC instant; month is 1-based here to keep the tables readable. */
const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(Date.UTC(y, m - 1, d, h, min, s));

describe("startOfPeriod", () => {
  describe("WEEK → Monday 00:00 UTC", () => {
    it.each([
      ["Monday midnight stays put", utc(2026, 11, 16), utc(2026, 11, 16)],
      ["Monday afternoon", utc(2026, 11, 16, 15, 30), utc(2026, 11, 16)],
      ["Wednesday", utc(2026, 11, 18, 9), utc(2026, 11, 16)],
      ["Saturday", utc(2026, 11, 21, 12), utc(2026, 11, 16)],
      ["Sunday's last second maps to the previous Monday", utc(2026, 11, 22, 23, 59, 59), utc(2026, 11, 16)],
      ["the next Monday starts a new week", utc(2026, 11, 23), utc(2026, 11, 23)],
      ["Sunday 1 November goes back into October", utc(2026, 11, 1, 10), utc(2026, 10, 26)],
      ["Friday 1 January goes back into the previous year", utc(2027, 1, 1, 8), utc(2026, 12, 28)],
      ["Thursday 29 February of a leap year", utc(2024, 2, 29), utc(2024, 2, 26)],
    ])("%s", (_, date, expected) => {
      expect(startOfPeriod(date, "WEEK")).toEqual(expected);
    });

    it("uses the UTC day, not the local one: 23:30 on Sunday at UTC−5 is already Monday in UTC", () => {
      expect(startOfPeriod(new Date("2026-11-22T23:30:00-05:00"), "WEEK")).toEqual(utc(2026, 11, 23));
    });
  });

  describe("MONTH → the 1st 00:00 UTC", () => {
    it.each([
      ["the 1st stays put", utc(2026, 11, 1), utc(2026, 11, 1)],
      ["mid-month", utc(2026, 11, 18, 15, 30), utc(2026, 11, 1)],
      ["the last second of the month", utc(2026, 12, 31, 23, 59, 59), utc(2026, 12, 1)],
      ["29 February", utc(2024, 2, 29, 12), utc(2024, 2, 1)],
    ])("%s", (_, date, expected) => {
      expect(startOfPeriod(date, "MONTH")).toEqual(expected);
    });

    it("uses the UTC month: 30 Nov 23:30 at UTC−5 is already December", () => {
      expect(startOfPeriod(new Date("2026-11-30T23:30:00-05:00"), "MONTH")).toEqual(utc(2026, 12, 1));
    });
  });
});

describe("isPeriodStart", () => {
  it.each([
    [utc(2026, 11, 16), "WEEK", true],
    [utc(2026, 11, 16, 0, 0, 1), "WEEK", false],
    [utc(2026, 11, 17), "WEEK", false],
    [utc(2026, 11, 22), "WEEK", false],
    [utc(2026, 11, 1), "MONTH", true],
    [utc(2026, 11, 16), "MONTH", false],
    [utc(2026, 11, 1, 12), "MONTH", false],
    // 1 Nov 2026 is a Sunday: a month start, not a week start.
    [utc(2026, 11, 1), "WEEK", false],
    // 1 June 2026 is a Monday: both.
    [utc(2026, 6, 1), "WEEK", true],
    [utc(2026, 6, 1), "MONTH", true],
  ] as const)("%o as %s → %s", (date, granularity, expected) => {
    expect(isPeriodStart(date, granularity)).toBe(expected);
  });
});

describe("addPeriods", () => {
  describe("WEEK", () => {
    it.each([
      [1, utc(2026, 11, 23)],
      [0, utc(2026, 11, 16)],
      [-2, utc(2026, 11, 2)],
      [3, utc(2026, 12, 7)],
      // 49 days after 16 Nov: 14 to 30 Nov, 31 to 31 Dec, 4 more.
      [7, utc(2027, 1, 4)],
      // 322 days back: 320 to 31 Dec 2025, 2 more.
      [-46, utc(2025, 12, 29)],
    ])("16 Nov 2026 %+d weeks", (count, expected) => {
      expect(addPeriods(utc(2026, 11, 16), count, "WEEK")).toEqual(expected);
    });
  });

  describe("MONTH", () => {
    it.each([
      [utc(2026, 11, 1), 1, utc(2026, 12, 1)],
      [utc(2026, 11, 1), 2, utc(2027, 1, 1)],
      [utc(2026, 11, 1), 14, utc(2028, 1, 1)],
      [utc(2026, 11, 1), -11, utc(2025, 12, 1)],
      [utc(2026, 1, 1), -1, utc(2025, 12, 1)],
      [utc(2026, 1, 1), 0, utc(2026, 1, 1)],
    ])("%o %+d months", (start, count, expected) => {
      expect(addPeriods(start, count, "MONTH")).toEqual(expected);
    });

    it("from 31 January lands on 1 February, not in March", () => {
      expect(addPeriods(utc(2026, 1, 31), 1, "MONTH")).toEqual(utc(2026, 2, 1));
    });
  });
});

describe("parsePeriodKey", () => {
  it.each([
    ["2026-11-16", utc(2026, 11, 16)],
    ["2024-02-29", utc(2024, 2, 29)],
    ["2000-02-29", utc(2000, 2, 29)],
    ["2026-12-31", utc(2026, 12, 31)],
    ["2026-01-01", utc(2026, 1, 1)],
  ])("%s is a date", (key, expected) => {
    expect(parsePeriodKey(key)).toEqual(expected);
  });

  it.each([
    ["29 Feb in a common year", "2026-02-29"],
    ["29 Feb in a century year that is not a leap year", "1900-02-29"],
    ["30 February", "2026-02-30"],
    ["31 April", "2026-04-31"],
    ["month 0", "2026-00-10"],
    ["month 13", "2026-13-01"],
    ["day 0", "2026-11-00"],
    ["day 32", "2026-01-32"],
    ["no zero padding", "2026-1-5"],
    ["two-digit year", "26-11-16"],
    ["slashes", "2026/11/16"],
    ["day first", "16-11-2026"],
    ["a timestamp", "2026-11-16T00:00:00Z"],
    ["leading space", " 2026-11-16"],
    ["trailing text", "2026-11-16x"],
    ["empty", ""],
  ])("%s (%j) is null", (_, key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });
});

describe("toPeriodKey", () => {
  it.each([
    [utc(2026, 11, 16), "2026-11-16"],
    [utc(2026, 1, 5), "2026-01-05"],
    [utc(2026, 11, 16, 23, 59, 59), "2026-11-16"],
  ])("%o → %s", (date, key) => {
    expect(toPeriodKey(date)).toBe(key);
  });

  it("round-trips with parsePeriodKey", () => {
    expect(toPeriodKey(parsePeriodKey("2024-02-29") as Date)).toBe("2024-02-29");
    expect(parsePeriodKey(toPeriodKey(utc(2026, 11, 16)))).toEqual(utc(2026, 11, 16));
  });
});

describe("formatPeriod", () => {
  it.each([
    [utc(2026, 11, 16), "WEEK", "Week of 16 Nov 2026"],
    [utc(2026, 1, 5), "WEEK", "Week of 5 Jan 2026"],
    [utc(2026, 12, 28), "WEEK", "Week of 28 Dec 2026"],
    [utc(2026, 11, 1), "MONTH", "November 2026"],
    [utc(2027, 1, 1), "MONTH", "January 2027"],
  ] as const)("%o as %s → %s", (date, granularity, label) => {
    expect(formatPeriod(date, granularity)).toBe(label);
  });
});

describe("quarters and coarser views", () => {
  it.each([
    ["1 January starts Q1", utc(2026, 1, 1), utc(2026, 1, 1)],
    ["mid-February is in Q1", utc(2026, 2, 14, 12), utc(2026, 1, 1)],
    ["30 June is the last day of Q2", utc(2026, 6, 30, 23, 59), utc(2026, 4, 1)],
    ["1 October starts Q4", utc(2026, 10, 1), utc(2026, 10, 1)],
    ["23 November is in Q4", utc(2026, 11, 23), utc(2026, 10, 1)],
  ])("%s", (_, date, expected) => {
    expect(startOfPeriod(date, "QUARTER")).toEqual(expected);
  });

  it("steps quarters across year ends both ways", () => {
    expect(addPeriods(utc(2026, 10, 1), 1, "QUARTER")).toEqual(utc(2027, 1, 1));
    expect(addPeriods(utc(2026, 1, 1), -1, "QUARTER")).toEqual(utc(2025, 10, 1));
    expect(addPeriods(utc(2026, 4, 1), -8, "QUARTER")).toEqual(utc(2024, 4, 1));
  });

  it("names quarters and short axis labels", () => {
    expect(formatPeriod(utc(2026, 10, 1), "QUARTER")).toBe("Q4 2026");
    expect(formatPeriodShort(utc(2026, 10, 1), "QUARTER")).toBe("Q4 26");
    expect(formatPeriodShort(utc(2026, 11, 1), "MONTH")).toBe("Nov 26");
    expect(formatPeriodShort(utc(2026, 11, 16), "WEEK")).toBe("16 Nov");
  });

  it("offers coarser views than the entry granularity, never finer", () => {
    expect(viewGranularities("WEEK")).toEqual(["WEEK", "MONTH", "QUARTER"]);
    expect(viewGranularities("MONTH")).toEqual(["MONTH", "QUARTER"]);
  });

  it("lists every period start between two, inclusive", () => {
    expect(periodsBetween(utc(2026, 9, 1), utc(2026, 11, 1), "MONTH")).toEqual([utc(2026, 9, 1), utc(2026, 10, 1), utc(2026, 11, 1)]);
    expect(periodsBetween(utc(2026, 11, 16), utc(2026, 11, 9), "WEEK")).toEqual([]);
  });
});

describe("resolveRange", () => {
  const now = utc(2026, 11, 23, 12);
  const options = { fallbackTo: utc(2026, 11, 16), defaultLength: 12, maxLength: 52, now };

  it("defaults to the fallback period and the default length before it", () => {
    expect(resolveRange({}, "WEEK", options)).toEqual({ from: utc(2026, 8, 31), to: utc(2026, 11, 16), automatic: true, notices: [] });
  });

  it("snaps what the link asked for to period starts", () => {
    const range = resolveRange({ from: utc(2026, 6, 3), to: utc(2026, 6, 19) }, "WEEK", options);
    expect(range).toEqual({ from: utc(2026, 6, 1), to: utc(2026, 6, 15), automatic: false, notices: [] });
  });

  it("replaces a future period, and a start after the end, saying so", () => {
    const range = resolveRange({ from: utc(2026, 12, 7), to: utc(2026, 12, 7) }, "WEEK", options);
    expect(range.to).toEqual(utc(2026, 11, 16));
    expect(range.from).toEqual(utc(2026, 8, 31));
    expect(range.notices).toEqual([
      "Week of 7 Dec 2026 has not started yet; showing the latest reported period instead.",
      "The range cannot start (Week of 7 Dec 2026) after the period shown (Week of 16 Nov 2026); showing the default range.",
    ]);
  });

  it("cuts a range longer than the maximum", () => {
    const range = resolveRange({ from: utc(2020, 1, 6), to: utc(2026, 11, 16) }, "WEEK", options);
    expect(range.from).toEqual(utc(2025, 11, 24));
    expect(range.notices).toEqual(["A range can cover at most 52 weeks; it now starts at Week of 24 Nov 2025."]);
  });
});

describe("parsePeriodKey: years before 100", () => {
  it("refuses a year Date.UTC would read as 19xx", () => {
    expect(parsePeriodKey("0050-01-01")).toBeNull();
  });
});

describe("isEnterablePeriod", () => {
  const now = utc(2026, 11, 25, 12); // a Wednesday; the current week starts Monday 23 Nov

  it("takes period starts up to the current period, not later ones or other days", () => {
    expect(isEnterablePeriod(utc(2026, 11, 23), "WEEK", now)).toBe(true);
    expect(isEnterablePeriod(utc(2026, 11, 16), "WEEK", now)).toBe(true);
    expect(isEnterablePeriod(utc(2026, 11, 30), "WEEK", now)).toBe(false);
    expect(isEnterablePeriod(utc(2026, 11, 24), "WEEK", now)).toBe(false);
    expect(isEnterablePeriod(utc(2026, 11, 1), "MONTH", now)).toBe(true);
    expect(isEnterablePeriod(utc(2026, 12, 1), "MONTH", now)).toBe(false);
  });
});

describe("dateRange", () => {
  it("is the earliest and the latest date, in any order", () => {
    expect(dateRange([utc(2026, 3, 2), utc(2026, 1, 5), utc(2026, 11, 16), utc(2026, 6, 1)])).toEqual({ gte: utc(2026, 1, 5), lte: utc(2026, 11, 16) });
    expect(dateRange([utc(2026, 3, 2)])).toEqual({ gte: utc(2026, 3, 2), lte: utc(2026, 3, 2) });
  });
});

describe("resolveRange at its edges", () => {
  const now = utc(2026, 11, 23, 12);
  const options = { fallbackTo: utc(2026, 11, 16), defaultLength: 12, maxLength: 3, now };

  it("keeps the current period, a one-period range and a range of exactly the maximum, saying nothing", () => {
    expect(resolveRange({ to: utc(2026, 11, 23) }, "WEEK", options)).toEqual({ from: utc(2026, 9, 7), to: utc(2026, 11, 23), automatic: false, notices: [] });
    expect(resolveRange({ from: utc(2026, 11, 9), to: utc(2026, 11, 9) }, "WEEK", options)).toEqual({ from: utc(2026, 11, 9), to: utc(2026, 11, 9), automatic: false, notices: [] });
    expect(resolveRange({ from: utc(2026, 11, 2), to: utc(2026, 11, 16) }, "WEEK", options)).toEqual({ from: utc(2026, 11, 2), to: utc(2026, 11, 16), automatic: false, notices: [] });
  });
});

describe("periodPhrase", () => {
  it("names a period for the middle of a sentence", () => {
    expect(periodPhrase(parsePeriodKey("2026-11-16")!, "WEEK")).toBe("the week of 16 Nov 2026");
    expect(periodPhrase(parsePeriodKey("2026-11-01")!, "MONTH")).toBe("November 2026");
  });
});
