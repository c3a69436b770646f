import { describe, expect, it } from "vitest";
import { organisationSettingsSchema } from "./organisation";

const valid = { name: "Harbour & Vine", periodGranularity: "WEEK", momentOfTruthMultiplier: "2", bandGoodMin: "75", bandFairMin: "60" };

describe("organisation settings", () => {
  it("reads numbers from the form", () => {
    expect(organisationSettingsSchema.parse(valid)).toEqual({ name: "Harbour & Vine", periodGranularity: "WEEK", momentOfTruthMultiplier: 2, bandGoodMin: 75, bandFairMin: 60 });
  });
  it.each([
    [{ bandFairMin: "75" }, "bandFairMin", "Fair must start below Good"],
    [{ bandGoodMin: "101" }, "bandGoodMin", "Scores run from 0 to 100"],
    [{ momentOfTruthMultiplier: "0.5" }, "momentOfTruthMultiplier", "A moment of truth counts at least once (1)"],
    [{ periodGranularity: "DAY" }, "periodGranularity", "Figures are entered by week or by month"],
    [{ name: " " }, "name", "Give the organisation a name"],
  ])("refuses %o", (change, field, message) => {
    const result = organisationSettingsSchema.safeParse({ ...valid, ...change });
    expect(result.error?.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });
});
