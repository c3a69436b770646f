import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fieldErrors } from "./fields";
import { FIVE_HOWS, parseChangeFilters, recordChangeSchema, updateChangeSchema } from "./process-change";

const TODAY = new Date("2026-11-23T15:00:00Z");
const answered = (text: string) => ({ noImpact: false, text });
const valid = {
  title: "  Second expediter on the pass ",
  effectiveDate: "2026-06-29",
  touchpointIds: ["12", 12, "7"],
  answers: {
    impact: answered(" Plates reach the table sooner at peak. "),
    customerView: answered("Hot food, fewer apologies"),
    customerResponse: answered("Better food ratings"),
    customerFindsOut: { noImpact: true, text: "typed before ticking" },
    customerFeedback: answered("Table survey and reviews"),
  },
};

function errors(change: Record<string, unknown>) {
  const result = recordChangeSchema.safeParse({ ...valid, ...change });
  expect(result.success).toBe(false);
  return fieldErrors(result.error!);
}
const withAnswer = (key: string, value: unknown) => ({ answers: { ...valid.answers, [key]: value } });

beforeEach(() => vi.useFakeTimers({ now: TODAY, toFake: ["Date"] }));
afterEach(() => vi.useRealTimers());

describe("recordChangeSchema", () => {
  it("trims, deduplicates the touchpoints and turns a “No impact” answer into null", () => {
    expect(recordChangeSchema.parse(valid)).toEqual({
      title: "Second expediter on the pass",
      effectiveDate: new Date("2026-06-29T00:00:00Z"),
      touchpointIds: [12, 7],
      answers: {
        impact: "Plates reach the table sooner at peak.",
        customerView: "Hot food, fewer apologies",
        customerResponse: "Better food ratings",
        customerFindsOut: null,
        customerFeedback: "Table survey and reviews",
      },
    });
  });

  it("accepts every answer marked “No impact”, the shortest answers and title, and the date limits", () => {
    const allNone = Object.fromEntries(FIVE_HOWS.map((h) => [h.key, { noImpact: true, text: "" }]));
    expect(recordChangeSchema.parse({ ...valid, answers: allNone }).answers).toEqual({ impact: null, customerView: null, customerResponse: null, customerFindsOut: null, customerFeedback: null });
    expect(recordChangeSchema.parse({ ...valid, title: "Tap", ...withAnswer("impact", answered("ok")) }).answers.impact).toBe("ok");
    expect(recordChangeSchema.parse({ ...valid, effectiveDate: "2000-01-01" }).effectiveDate.toISOString()).toBe("2000-01-01T00:00:00.000Z");
    // 366 days after 23 Nov 2026 (2027 is not a leap year): 24 Nov 2027.
    expect(recordChangeSchema.parse({ ...valid, effectiveDate: "2027-11-24" }).effectiveDate.toISOString()).toBe("2027-11-24T00:00:00.000Z");
    expect(recordChangeSchema.parse({ ...valid, touchpointIds: Array.from({ length: 50 }, (_, i) => i + 1) }).touchpointIds).toHaveLength(50);
    expect(recordChangeSchema.parse({ ...valid, ...withAnswer("impact", answered("x".repeat(2000))) }).answers.impact).toHaveLength(2000);
  });

  it.each([
    [{ title: "   " }, "title", "Give the change a title"],
    [{ title: "ab" }, "title", "A title needs at least 3 characters"],
    [{ title: "x".repeat(121) }, "title", "A title can be at most 120 characters"],
    [{ effectiveDate: "" }, "effectiveDate", "Give the date the change took effect"],
    [{ effectiveDate: "2026-02-30" }, "effectiveDate", "The date must be a real date like 2026-11-16"],
    [{ effectiveDate: "29/06/2026" }, "effectiveDate", "The date must be a real date like 2026-11-16"],
    [{ effectiveDate: "1999-12-31" }, "effectiveDate", "The date cannot be before 2000"],
    [{ effectiveDate: "2027-11-25" }, "effectiveDate", "A planned change can be recorded at most 366 days ahead"],
    [{ touchpointIds: [] }, "touchpointIds", "Choose at least one touchpoint the change affects"],
    [{ touchpointIds: undefined }, "touchpointIds", "Choose the touchpoints the change affects"],
    [{ touchpointIds: Array.from({ length: 51 }, (_, i) => i + 1) }, "touchpointIds", "A change can affect at most 50 touchpoints; record separate changes"],
    [{ touchpointIds: ["abc"] }, "touchpointIds.0", "Touchpoint must be a number"],
  ])("refuses %o with a message on %s", (change, field, message) => {
    expect(errors(change)[field]).toBe(message);
  });

  it.each([
    ["an empty answer", answered("")],
    ["a blank answer", answered("   \n ")],
    ["a one-character answer", answered(" x ")],
    ["no answer at all", undefined],
  ])("names the question when %s is given", (_, value) => {
    expect(errors(withAnswer("customerResponse", value))["answers.customerResponse"]).toBe("Answer “How will my customer respond?” or mark it “No impact”");
  });

  it("refuses an answer over 2,000 characters, naming the question, and reports every unanswered question", () => {
    expect(errors(withAnswer("impact", answered("x".repeat(2001))))["answers.impact"]).toBe("The answer to “How will this change impact my customer?” can be at most 2,000 characters");
    const none = errors({ answers: {} });
    expect(Object.keys(none)).toEqual(FIVE_HOWS.map((h) => `answers.${h.key}`));
    expect(none["answers.customerView"]).toBe("Answer “How will it look from the customer’s standpoint?” or mark it “No impact”");
  });
});

describe("updateChangeSchema", () => {
  it("needs the change's id as well", () => {
    expect(updateChangeSchema.parse({ ...valid, id: "4" }).id).toBe(4);
    expect(fieldErrors(updateChangeSchema.safeParse(valid).error!).id).toBe("Change is required");
  });
});

describe("parseChangeFilters", () => {
  it("reads ids and a page, and ignores anything else", () => {
    expect(parseChangeFilters({ department: "3", touchpoint: "12", page: "2" })).toEqual({ departmentId: 3, touchpointId: 12, page: 2 });
    expect(parseChangeFilters({ department: "kitchen", touchpoint: ["5", "6"], page: "0" })).toEqual({ departmentId: undefined, touchpointId: 5, page: 1 });
  });
});
