import { describe, expect, it } from "vitest";
import { fieldErrors } from "./fields";
import { createMetricSchema, createTouchpointSchema, METRIC_KIND_DEFAULTS, metricRuleProblems } from "./touchpoints";

const metric = { touchpointId: "4", name: "Wait", kind: "DURATION", unit: "min", direction: "LOWER_IS_BETTER", scaleBest: "0", scaleWorst: "30", target: "5", warningThreshold: "10", weight: "1" };

describe("metric rules", () => {
  it("accepts a lower-is-better metric with its warning above the target", () => {
    expect(createMetricSchema.parse(metric)).toMatchObject({ scaleBest: 0, scaleWorst: 30, target: 5, warningThreshold: 10, weight: 1 });
  });

  it.each([
    [{ scaleBest: 5, scaleWorst: 5 }, { scaleBest: "Best and worst must differ" }],
    [{ direction: "HIGHER_IS_BETTER" as const, scaleBest: 0, scaleWorst: 10 }, { scaleBest: "For higher-is-better, best must be above worst" }],
    [{ direction: "LOWER_IS_BETTER" as const, scaleBest: 10, scaleWorst: 0 }, { scaleBest: "For lower-is-better, best must be below worst" }],
    [{ target: 12 }, { target: "The target must be on the scale, between 0 and 10" }],
    [{ target: 4, warningThreshold: 5 }, { warningThreshold: "The warning line must be below the target" }],
    [{ target: 4, warningThreshold: 4 }, { warningThreshold: "The warning line must be below the target" }],
    [{ warningThreshold: -1 }, { warningThreshold: "The warning line must be on the scale, between 0 and 10" }],
  ])("%o → %o", (change, problems) => {
    expect(metricRuleProblems({ direction: "HIGHER_IS_BETTER", scaleBest: 10, scaleWorst: 0, ...change })).toEqual(problems);
  });

  it("has no problem with the defaults of any kind", () => {
    for (const d of Object.values(METRIC_KIND_DEFAULTS)) expect(metricRuleProblems(d)).toEqual({});
  });

  it("puts each problem on its field through the schema", () => {
    const result = createMetricSchema.safeParse({ ...metric, warningThreshold: "3", weight: "0" });
    expect(result.error!.issues.map((i) => [i.path[0], i.message])).toEqual(
      expect.arrayContaining([["weight", "Weight must be more than 0"], ["warningThreshold", "The warning line must be above the target"]]),
    );
  });

  it("treats a blank target and warning as none", () => {
    expect(createMetricSchema.parse({ ...metric, target: "", warningThreshold: "" })).toMatchObject({ target: undefined, warningThreshold: undefined });
  });
});

describe("touchpoint input", () => {
  it("reads the checkbox and the weight", () => {
    expect(createTouchpointSchema.parse({ stageId: "1", departmentId: "2", name: " Cloakroom ", weight: "1.5", momentOfTruth: "on" })).toEqual({
      stageId: 1, departmentId: 2, name: "Cloakroom", description: "", weight: 1.5, momentOfTruth: true,
    });
    expect(createTouchpointSchema.parse({ stageId: "1", departmentId: "2", name: "Cloakroom", weight: "1" }).momentOfTruth).toBe(false);
  });
});

describe("metric rules at their edges", () => {
  const higher = { direction: "HIGHER_IS_BETTER" as const, scaleBest: 10, scaleWorst: 0 };
  const lower = { direction: "LOWER_IS_BETTER" as const, scaleBest: 0, scaleWorst: 10 };

  it("takes a target and a warning line on the ends of the scale", () => {
    expect(metricRuleProblems({ ...higher, target: 10, warningThreshold: 0 })).toEqual({});
    expect(metricRuleProblems({ ...lower, target: 0, warningThreshold: 10 })).toEqual({});
  });

  it("refuses a target below the scale and a warning line above it", () => {
    expect(metricRuleProblems({ ...higher, target: -1 })).toEqual({ target: "The target must be on the scale, between 0 and 10" });
    expect(metricRuleProblems({ ...higher, warningThreshold: 11 })).toEqual({ warningThreshold: "The warning line must be on the scale, between 0 and 10" });
  });

  it("takes a warning line on the worse side of the target, and refuses one on the target", () => {
    expect(metricRuleProblems({ ...higher, target: 8, warningThreshold: 6 })).toEqual({});
    expect(metricRuleProblems({ ...lower, target: 2, warningThreshold: 4 })).toEqual({});
    expect(metricRuleProblems({ ...lower, target: 2, warningThreshold: 2 })).toEqual({ warningThreshold: "The warning line must be above the target" });
  });

  it("raises each problem as a custom issue on its field", () => {
    const result = createMetricSchema.safeParse({ ...metric, target: "-1" });
    expect(result.error!.issues.map((i) => [i.code, i.path, i.message])).toEqual([["custom", ["target"], "The target must be on the scale, between 0 and 30"]]);
  });
});

describe("form values", () => {
  it("reads a ticked checkbox from a form or JSON", () => {
    const base = { stageId: "1", departmentId: "2", name: "Cloakroom", weight: "1" };
    for (const ticked of [true, "on", "true"]) expect(createTouchpointSchema.parse({ ...base, momentOfTruth: ticked }).momentOfTruth).toBe(true);
    for (const unticked of [false, "off", "false", undefined]) expect(createTouchpointSchema.parse({ ...base, momentOfTruth: unticked }).momentOfTruth).toBe(false);
  });

  it("names the weight in its problems", () => {
    const base = { stageId: "1", departmentId: "2", name: "Cloakroom" };
    expect(fieldErrors(createTouchpointSchema.safeParse({ ...base, weight: "x" }).error!).weight).toBe("Weight must be a number");
    expect(fieldErrors(createTouchpointSchema.safeParse({ ...base, weight: "101" }).error!).weight).toBe("Weight must be at most 100");
  });

  it("treats a null or missing target and warning as none", () => {
    expect(createMetricSchema.parse({ ...metric, target: null, warningThreshold: undefined })).toMatchObject({ target: undefined, warningThreshold: undefined });
  });
});
