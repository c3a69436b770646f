// The worked example in docs/scoring.md, computed by the scoring module.
import { beforeEach, describe, expect, it } from "vitest";
import { scoreJourney, type JourneyScore } from "./journey";

describe("docs/scoring.md worked example", () => {
  const food = {
    id: 1,
    stageId: 1,
    departmentId: 1, // Kitchen
    weight: 1.5,
    momentOfTruth: true,
    metrics: [
      { id: 11, weight: 1, scaleBest: 5, scaleWorst: 1, target: 4.4 }, // food rating
      { id: 12, weight: 1, scaleBest: 8, scaleWorst: 40, target: 15 }, // ticket time
      { id: 13, weight: 1, scaleBest: 0, scaleWorst: 30, target: 3 }, // complaints
    ],
  };
  const drinks = { id: 2, stageId: 1, departmentId: 2, weight: 1, momentOfTruth: false, metrics: [{ id: 21, weight: 1, scaleBest: 100, scaleWorst: 0, target: null }] };
  const values = new Map([[11, 4.2], [12, 15], [13, 6], [21, 70]]);
  let journey: JourneyScore;
  beforeEach(() => {
    journey = scoreJourney([food, drinks], values, 2);
  });

  it("gives Food 79.4 against a target of 84.4", () => {
    const s = journey.touchpoints.get(1)!;
    expect(s.score).toBeCloseTo((80 + 78.125 + 80) / 3, 10);
    expect(s.targetScore).toBeCloseTo((85 + 78.125 + 90) / 3, 10);
    expect(s.score!.toFixed(1)).toBe("79.4");
    expect(s.targetScore!.toFixed(1)).toBe("84.4");
  });

  it("gives the journey 77.0 with Food's moment-of-truth weight of 3", () => {
    expect(journey.score!.toFixed(1)).toBe("77.0");
    expect(journey.coverage).toBe(1);
  });
});
