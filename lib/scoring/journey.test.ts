import { describe, expect, it } from "vitest";
import { compareToPrevious, fullTargetScore, scoreJourney, scoreTouchpoint, touchpointChange, type ScoredTouchpoint } from "./journey";

const values = (entries: Record<number, number>) => new Map(Object.entries(entries).map(([id, v]) => [Number(id), v]));

describe("scoreTouchpoint", () => {
  // Metric 10: % satisfied, 0 worst → 100 best, weight 2, target 90.
  // Metric 11: stars, 1 worst → 5 best, weight 1, no target.
  // Metric 12: complaints, 10 worst → 0 best (lower is better), weight 1, target 2.
  const support: ScoredTouchpoint = {
    id: 1,
    stageId: 1,
    departmentId: 1,
    weight: 1,
    momentOfTruth: false,
    metrics: [
      { id: 10, weight: 2, scaleBest: 100, scaleWorst: 0, target: 90 },
      { id: 11, weight: 1, scaleBest: 5, scaleWorst: 1, target: null },
      { id: 12, weight: 1, scaleBest: 0, scaleWorst: 10, target: 2 },
    ],
  };

  it("averages only the metrics with a value and reports the covered weight", () => {
    // 80% → 80; 4 stars → 75; complaints missing.
    // score = (2·80 + 1·75) / 3 = 235/3; coverage = (2 + 1) / (2 + 1 + 1) = 0.75
    const result = scoreTouchpoint(support, values({ 10: 80, 11: 4 }));
    expect(result.score).toBeCloseTo(235 / 3, 10);
    expect(result.coverage).toBeCloseTo(0.75, 10);
  });

  it("averages targets only over metrics that have both a value and a target", () => {
    // Metric 11 has a value but no target; metric 12 has a target but no value: only metric 10's target (90) counts.
    // Counting metric 12's target (2 complaints → 80) would give (2·90 + 1·80) / 3 ≈ 86.7 instead.
    expect(scoreTouchpoint(support, values({ 10: 80, 11: 4 })).targetScore).toBeCloseTo(90, 10);
  });

  it("weights targets like scores and scores lower-is-better targets the right way round", () => {
    // 80% → 80, target 90 → 90 (weight 2); 4 stars → 75, no target (weight 1); 3 complaints → 70, target 2 → 80 (weight 1).
    // score = (160 + 75 + 70) / 4 = 76.25; targetScore = (2·90 + 1·80) / 3 = 260/3
    const result = scoreTouchpoint(support, values({ 10: 80, 11: 4, 12: 3 }));
    expect(result.score).toBeCloseTo(76.25, 10);
    expect(result.targetScore).toBeCloseTo(260 / 3, 10);
    expect(result.coverage).toBe(1);
  });

  it("is null with no coverage when no metric has a value", () => {
    expect(scoreTouchpoint(support, values({ 99: 50 }))).toEqual({ score: null, targetScore: null, warningScore: null, coverage: 0 });
  });

  it("has no target score when none of the valued metrics has a target", () => {
    const result = scoreTouchpoint(support, values({ 11: 2 }));
    expect(result.score).toBeCloseTo(25, 10);
    expect(result.targetScore).toBeNull();
    expect(result.coverage).toBeCloseTo(0.25, 10);
  });

  it("averages warning lines like targets, over valued metrics that have one", () => {
    // Metric 10: warning 70% → 70 (weight 2); metric 12: warning 5 complaints → 50 (weight 1); 11 has none.
    const warned = { metrics: support.metrics.map((m) => ({ ...m, warningThreshold: m.id === 10 ? 70 : m.id === 12 ? 5 : null })) };
    expect(scoreTouchpoint(warned, values({ 10: 80, 11: 4, 12: 3 })).warningScore).toBeCloseTo((2 * 70 + 50) / 3, 10);
    expect(scoreTouchpoint(warned, values({ 11: 4 })).warningScore).toBeNull();
  });

  it("clamps values outside the scale before averaging", () => {
    // 7 stars → 100 (not 150); 12 complaints → 0 (not −20). (1·100 + 1·0) / 2 = 50
    expect(scoreTouchpoint(support, values({ 11: 7, 12: 12 })).score).toBeCloseTo(50, 10);
  });
});

describe("scoreJourney", () => {
  // Checkout: a moment of truth, weight 1, one lower-is-better metric: wait in minutes, 20 worst → 0 best, target 4.
  // A 5-minute wait scores 100 · (5 − 20) / (0 − 20) = 75 (treated as higher-is-better it would be 25); target → 80.
  const checkout: ScoredTouchpoint = {
    id: 1,
    stageId: 2,
    departmentId: 7,
    weight: 1,
    momentOfTruth: true,
    metrics: [{ id: 11, weight: 1, scaleBest: 0, scaleWorst: 20, target: 4 }],
  };
  // Browse: weight 2, one % satisfied metric, target 50. 30% → 30.
  const browse: ScoredTouchpoint = {
    id: 2,
    stageId: 1,
    departmentId: 8,
    weight: 2,
    momentOfTruth: false,
    metrics: [{ id: 21, weight: 1, scaleBest: 100, scaleWorst: 0, target: 50 }],
  };
  // Delivery: weight 5, no figures this period.
  const delivery: ScoredTouchpoint = {
    id: 3,
    stageId: 3,
    departmentId: 9,
    weight: 5,
    momentOfTruth: false,
    metrics: [{ id: 31, weight: 1, scaleBest: 10, scaleWorst: 0, target: 8 }],
  };
  const period = values({ 11: 5, 21: 30 });

  it("with the moment-of-truth multiplier 3, checkout (75) outweighs browse (30)", () => {
    // W = 1·3 = 3 for checkout, 2 for browse: (3·75 + 2·30) / 5 = 57; targets (3·80 + 2·50) / 5 = 68.
    const journey = scoreJourney([checkout, browse], period, 3);
    expect(journey.score).toBeCloseTo(57, 10);
    expect(journey.targetScore).toBeCloseTo(68, 10);
    expect(journey.coverage).toBe(1);
    // Nearer checkout's 75 than browse's 30: the midpoint is 52.5.
    expect(journey.score).toBeGreaterThan(52.5);
  });

  it("without the multiplier, browse outweighs checkout", () => {
    // W = 1 for checkout, 2 for browse: (75 + 2·30) / 3 = 45; targets (80 + 2·50) / 3 = 60.
    const journey = scoreJourney([checkout, browse], period, 1);
    expect(journey.score).toBeCloseTo(45, 10);
    expect(journey.targetScore).toBeCloseTo(60, 10);
    expect(journey.score).toBeLessThan(52.5);
  });

  it("returns each touchpoint's own score", () => {
    const journey = scoreJourney([checkout, browse], period, 3);
    expect(journey.touchpoints.size).toBe(2);
    expect(journey.touchpoints.get(1)?.score).toBeCloseTo(75, 10);
    expect(journey.touchpoints.get(1)?.targetScore).toBeCloseTo(80, 10);
    expect(journey.touchpoints.get(2)?.score).toBeCloseTo(30, 10);
    expect(journey.touchpoints.get(2)?.targetScore).toBeCloseTo(50, 10);
  });

  it("leaves a touchpoint without figures out of the score and reports it in coverage", () => {
    // Delivery weighs 5 of 3 + 2 + 5 = 10 effective weight: coverage 0.5; score and target as before.
    const journey = scoreJourney([checkout, browse, delivery], period, 3);
    expect(journey.score).toBeCloseTo(57, 10);
    expect(journey.targetScore).toBeCloseTo(68, 10);
    expect(journey.coverage).toBeCloseTo(0.5, 10);
    expect(journey.touchpoints.get(3)).toMatchObject({ score: null, targetScore: null, coverage: 0 });
  });

  it("counts the multiplier in coverage too", () => {
    // Only browse has figures: 2 of 3 + 2 = 5 with k = 3, 2 of 1 + 2 = 3 with k = 1.
    const browseOnly = values({ 21: 30 });
    expect(scoreJourney([checkout, browse], browseOnly, 3).coverage).toBeCloseTo(0.4, 10);
    expect(scoreJourney([checkout, browse], browseOnly, 1).coverage).toBeCloseTo(2 / 3, 10);
  });

  it("averages targets over scored touchpoints that have one", () => {
    // Browse without a target: the journey target is checkout's alone.
    const browseNoTarget: ScoredTouchpoint = { ...browse, metrics: [{ ...browse.metrics[0]!, target: null }] };
    const journey = scoreJourney([checkout, browseNoTarget], period, 3);
    expect(journey.score).toBeCloseTo(57, 10);
    expect(journey.targetScore).toBeCloseTo(80, 10);
  });

  it("is null with no coverage when nothing has a figure", () => {
    const journey = scoreJourney([checkout, browse, delivery], values({}), 3);
    expect(journey.score).toBeNull();
    expect(journey.targetScore).toBeNull();
    expect(journey.coverage).toBe(0);
  });
});

describe("department ranking by drag (hand-computed)", () => {
  // Host stand wait (Front of House, dept 1): a lower-is-better metric, minutes, best 0, worst 20,
  // target 4 → target score 80; 8 minutes → 100 · (8 − 20) / (0 − 20) = 60. A moment of truth.
  // Menu clarity (Marketing, dept 2): % agreeing, best 100, worst 0, target 80; 50% → 50.
  const wait: ScoredTouchpoint = { id: 1, stageId: 1, departmentId: 1, weight: 1, momentOfTruth: true, metrics: [{ id: 11, weight: 1, scaleBest: 0, scaleWorst: 20, target: 4 }] };
  const menu: ScoredTouchpoint = { id: 2, stageId: 1, departmentId: 2, weight: 1, momentOfTruth: false, metrics: [{ id: 21, weight: 1, scaleBest: 100, scaleWorst: 0, target: 80 }] };
  const period = values({ 11: 8, 21: 50 });
  const ranking = (k: number) =>
    [...scoreJourney([wait, menu], period, k).departments].sort((a, b) => b[1].drag - a[1].drag).map(([id, d]) => [id, Number(d.drag.toFixed(2))]);

  it("without the moment-of-truth weight, Marketing's 30-point gap drags most", () => {
    // ΣW = 2: Front of House 1 · 20 / 2 = 10, Marketing 1 · 30 / 2 = 15.
    expect(ranking(1)).toEqual([[2, 15], [1, 10]]);
  });

  it("counting the host stand double as a moment of truth puts Front of House first", () => {
    // ΣW = 3: Front of House 2 · 20 / 3 = 13.33, Marketing 1 · 30 / 3 = 10.
    expect(ranking(2)).toEqual([[1, 13.33], [2, 10]]);
  });
});

describe("like-for-like periods", () => {
  // Food: a moment of truth (k = 2, weight 1 → W 2) with three metrics of weight 1 on 0–100
  // (targets 90, 80, none). Drinks: W 1, one metric, target 70.
  const food: ScoredTouchpoint = {
    id: 1,
    stageId: 1,
    departmentId: 1,
    weight: 1,
    momentOfTruth: true,
    metrics: [
      { id: 1, weight: 1, scaleBest: 100, scaleWorst: 0, target: 90 },
      { id: 2, weight: 1, scaleBest: 100, scaleWorst: 0, target: 80 },
      { id: 3, weight: 1, scaleBest: 100, scaleWorst: 0, target: null },
    ],
  };
  const drinks: ScoredTouchpoint = { id: 2, stageId: 1, departmentId: 2, weight: 1, momentOfTruth: false, metrics: [{ id: 4, weight: 1, scaleBest: 100, scaleWorst: 0, target: 70 }] };
  const lastWeek = values({ 1: 60, 2: 90, 3: 75, 4: 80 });

  it("a figure that was not reported moves nothing: the change is 0, not the level difference", () => {
    // This week metric 2 (90) is missing, everything else equal. Levels: last week Food 75, journey
    // (2·75 + 80) / 3 = 76.67; this week Food (60 + 75) / 2 = 67.5, journey (2·67.5 + 80) / 3 = 71.67:
    // a fall of 5.0 that nobody caused.
    const thisWeek = values({ 1: 60, 3: 75, 4: 80 });
    const level = scoreJourney([food, drinks], thisWeek, 2).score! - scoreJourney([food, drinks], lastWeek, 2).score!;
    expect(level).toBeCloseTo(-5, 10);
    const compared = compareToPrevious([food, drinks], thisWeek, lastWeek, 2);
    expect(compared.change).toBeCloseTo(0, 10);
    expect(compared.departments.get(1)).toBeCloseTo(0, 10);
    expect(compared.departments.get(2)).toBeCloseTo(0, 10);
    // Food reported 2 of its 3 metric weight: coverage (2·2/3 + 1·1) / 3 = 7/9, all of it compared.
    expect(scoreJourney([food, drinks], thisWeek, 2).coverage).toBeCloseTo(7 / 9, 10);
    expect(compared.comparedCoverage).toBeCloseTo(1, 10);
  });

  it("measures a real change on the figures both periods have, and says how much of this period it covers", () => {
    // Drinks not reported last week: compared on Food alone, (65 + 90 + 75) / 3 − 75 = 1.67.
    const compared = compareToPrevious([food, drinks], values({ 1: 65, 2: 90, 3: 75, 4: 50 }), values({ 1: 60, 2: 90, 3: 75 }), 2);
    expect(compared.change).toBeCloseTo(5 / 3, 10);
    expect(compared.departments.get(1)).toBeCloseTo(5 / 3, 10);
    expect(compared.departments.get(2)).toBeNull();
    // Food's W 2 of 3 is compared.
    expect(compared.comparedCoverage).toBeCloseTo(2 / 3, 10);
  });

  it("gives a touchpoint's change on its metrics reported in both periods", () => {
    // Food: metric 2 missing this week, metric 1 up 10: compared on 1 and 3, ((70 + 75) − (60 + 75)) / 2 = 5.
    expect(touchpointChange(food, values({ 1: 70, 3: 75 }), lastWeek)).toBeCloseTo(5, 10);
    expect(touchpointChange(food, values({ 4: 1 }), lastWeek)).toBeNull();
    expect(touchpointChange(drinks, values({ 4: 85 }), values({}))).toBeNull();
  });

  it("has no change when the periods share no figure", () => {
    expect(compareToPrevious([food, drinks], values({ 1: 60 }), values({ 4: 80 }), 2)).toMatchObject({ change: null, comparedCoverage: 0 });
    expect(compareToPrevious([food, drinks], values({}), lastWeek, 2)).toMatchObject({ change: null, comparedCoverage: 0 });
  });

  it("keeps the journey's full target fixed while the reported target moves with what reported", () => {
    // Food's targets 90 and 80 → 85; Drinks 70. Full target (2·85 + 70) / 3 = 80.
    expect(fullTargetScore([food, drinks], 2)).toBeCloseTo(80, 10);
    // With metric 2 missing, the reported target is (2·90 + 70) / 3 = 83.33: it moved; the full one did not.
    expect(scoreJourney([food, drinks], values({ 1: 60, 3: 75, 4: 80 }), 2).targetScore).toBeCloseTo(250 / 3, 10);
    expect(fullTargetScore([{ ...drinks, metrics: [{ ...drinks.metrics[0]!, target: null }] }], 2)).toBeNull();
  });
});
