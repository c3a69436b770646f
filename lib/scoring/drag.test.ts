// Department drag and what-if on a hand-computed journey (also in docs/scoring.md).
import { beforeEach, describe, expect, it } from "vitest";
import { SCORE_TOLERANCE } from "./index";
import { rollUp, whatIf, type JourneyScore, type RolledTouchpoint } from "./journey";

const KITCHEN = 1;
const FRONT_OF_HOUSE = 2;
const BAR = 3;
const tp = (id: number, departmentId: number, effectiveWeight: number, score: number | null, targetScore: number | null): RolledTouchpoint => ({
  id,
  stageId: 1,
  departmentId,
  effectiveWeight,
  score,
  targetScore,
  warningScore: null,
  coverage: score === null ? 0 : 1,
});

// Food: W = 1.5 × 2 (moment of truth) = 3, S 70, T 85 → 3 × 15 = 45 weighted points short.
// Waiter: W = 1 × 2 = 2, S 80, T 88 → 2 × 8 = 16.   Drinks: W = 1, S 90, T 85 → above target, 0.
// Σ W = 6. Journey 460 / 6 = 76.67, target 516 / 6 = 86, shortfall 61 / 6 = 10.17.
// Rolled up afresh for each test (not once at load), so each test is traced to the code it runs.
let journey: JourneyScore;
beforeEach(() => {
  journey = rollUp([tp(1, KITCHEN, 3, 70, 85), tp(2, FRONT_OF_HOUSE, 2, 80, 88), tp(3, BAR, 1, 90, 85)]);
});

describe("department drag", () => {
  it("scores the journey and measures its shortfall", () => {
    expect(journey.score).toBeCloseTo(460 / 6, 10);
    expect(journey.targetScore).toBeCloseTo(86, 10);
    expect(journey.shortfall).toBeCloseTo(61 / 6, 10);
    // Bar's 5 points above target do not cancel others' shortfall: target − score is 9.33, not 10.17.
    expect(journey.targetScore! - journey.score!).toBeCloseTo(56 / 6, 10);
  });

  it("gives each department its share of the points lost", () => {
    expect(journey.departments.get(KITCHEN)).toMatchObject({ score: 70, targetScore: 85, belowTarget: 1 });
    expect(journey.departments.get(KITCHEN)!.drag).toBeCloseTo(7.5, 10);
    expect(journey.departments.get(KITCHEN)!.shareOfShortfall).toBeCloseTo(45 / 61, 10);
    expect(journey.departments.get(FRONT_OF_HOUSE)!.drag).toBeCloseTo(16 / 6, 10);
    expect(journey.departments.get(BAR)).toMatchObject({ drag: 0, shareOfShortfall: 0, belowTarget: 0 });
  });

  it("counts a gap of rounding order (the last bit) as no gap: no drag, not below target", () => {
    const bits = rollUp([tp(1, KITCHEN, 1, 81.69166666666666, 81.69166666666668), tp(2, BAR, 1, 70, 80)]);
    expect(bits.touchpointDrags.get(1)).toBe(0);
    expect(bits.departments.get(KITCHEN)).toMatchObject({ drag: 0, belowTarget: 0, shareOfShortfall: 0 });
    expect(bits.shortfall).toBeCloseTo(5, 10);
  });

  it("gives each touchpoint the points it costs, adding up to its department's drag", () => {
    expect(journey.touchpointDrags.get(1)).toBeCloseTo(45 / 6, 10);
    expect(journey.touchpointDrags.get(2)).toBeCloseTo(16 / 6, 10);
    expect(journey.touchpointDrags.get(3)).toBe(0);
    const twoInKitchen = rollUp([tp(1, KITCHEN, 3, 70, 85), tp(4, KITCHEN, 1, 60, 65), tp(3, BAR, 1, 90, 85)]);
    // Σ W = 5: Food 3 × 15 / 5 = 9, the other 1 × 5 / 5 = 1.
    expect(twoInKitchen.touchpointDrags.get(1)).toBeCloseTo(9, 10);
    expect(twoInKitchen.touchpointDrags.get(4)).toBeCloseTo(1, 10);
    expect(twoInKitchen.departments.get(KITCHEN)!.drag).toBeCloseTo(10, 10);
  });

  it("leaves touchpoints without figures out of every denominator", () => {
    const withGap = rollUp([tp(1, KITCHEN, 3, 70, 85), tp(4, KITCHEN, 4, null, null)]);
    expect(withGap.score).toBe(70);
    expect(withGap.coverage).toBeCloseTo(3 / 7, 10);
    expect(withGap.departments.get(KITCHEN)!.drag).toBeCloseTo(15, 10);
  });
});

describe("what-if", () => {
  it("closing half of Kitchen's gap lifts Food to 77.5 and the journey to 80.42", () => {
    const lifted = whatIf(journey, new Map([[KITCHEN, 0.5]]));
    expect(lifted.touchpoints.get(1)!.score).toBe(77.5);
    expect(lifted.score).toBeCloseTo(482.5 / 6, 10);
    expect(lifted.departments.get(KITCHEN)!.drag).toBeCloseTo(3.75, 10);
    expect(lifted.departments.get(FRONT_OF_HOUSE)!.drag).toBeCloseTo(16 / 6, 10);
  });

  it("never pushes a touchpoint past its target, and ignores lifts outside 0–100%", () => {
    const all = whatIf(journey, new Map([[KITCHEN, 1], [FRONT_OF_HOUSE, 7], [BAR, 1]]));
    expect(all.shortfall).toBe(0);
    expect(all.touchpoints.get(3)!.score).toBe(90);
    expect(whatIf(journey, new Map([[KITCHEN, -1]])).score).toBeCloseTo(journey.score!, 10);
  });
});

describe("rollUp at its edges", () => {
  it("leaves a touchpoint without a score out of the target and the drags, even with a target of its own", () => {
    const rolled = rollUp([tp(1, KITCHEN, 1, 70, 80), tp(2, BAR, 1, null, 90)]);
    expect(rolled.targetScore).toBe(80);
    expect(rolled.shortfall).toBe(10);
    expect(rolled.touchpointDrags.get(2)).toBe(0);
    expect(rolled.departments.get(BAR)).toMatchObject({ score: null, targetScore: null, drag: 0, belowTarget: 0 });
  });

  it("has no shortfall, and no NaN, when nothing has a score", () => {
    const rolled = rollUp([tp(1, KITCHEN, 1, null, null)]);
    expect(rolled).toMatchObject({ score: null, targetScore: null, coverage: 0, shortfall: 0 });
    expect(rolled.touchpointDrags.get(1)).toBe(0);
  });

  it("gives every department a share of 0 when nothing is short", () => {
    expect(rollUp([tp(1, KITCHEN, 1, 90, 80)]).departments.get(KITCHEN)).toMatchObject({ drag: 0, shareOfShortfall: 0, belowTarget: 0 });
  });

  it("counts a gap of exactly SCORE_TOLERANCE as none", () => {
    const rolled = rollUp([tp(1, KITCHEN, 1, 0, SCORE_TOLERANCE)]);
    expect(rolled.shortfall).toBe(0);
    expect(rolled.departments.get(KITCHEN)!.belowTarget).toBe(0);
  });

  it("scores each stage on its own touchpoints", () => {
    const rolled = rollUp([tp(1, KITCHEN, 3, 70, 85), { ...tp(2, BAR, 1, 90, null), stageId: 2 }, { ...tp(3, BAR, 1, null, null), stageId: 2 }]);
    expect([...rolled.stages.keys()]).toEqual([1, 2]);
    expect(rolled.stages.get(1)).toEqual({ score: 70, targetScore: 85, coverage: 1 });
    expect(rolled.stages.get(2)).toEqual({ score: 90, targetScore: null, coverage: 0.5 });
  });
});

describe("whatIf at its edges", () => {
  it("leaves a touchpoint without a score unscored, whatever the lift", () => {
    const lifted = whatIf(rollUp([tp(1, KITCHEN, 1, 70, 80), tp(2, KITCHEN, 1, null, null), tp(3, KITCHEN, 1, null, 90)]), new Map([[KITCHEN, 1]]));
    expect(lifted.score).toBe(80);
    expect(lifted.touchpoints.get(2)!.score).toBeNull();
    expect(lifted.touchpoints.get(3)!.score).toBeNull();
  });
});

