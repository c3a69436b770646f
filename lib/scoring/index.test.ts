import { describe, expect, it } from "vitest";
import { coverage, effectiveTouchpointWeight, metricScore, scoreBand, weightedMean } from "./index";

describe("metricScore", () => {
  describe("higher is better (1–5 stars)", () => {
    const stars = { scaleBest: 5, scaleWorst: 1 };
    it.each([
      [1, 0],
      [2, 25],
      [4, 75],
      [4.5, 87.5],
      [5, 100],
      // outside the scale: clamped
      [0, 0],
      [-3, 0],
      [6, 100],
    ])("%d stars → %d", (value, score) => {
      expect(metricScore(value, stars)).toBeCloseTo(score, 10);
    });
  });

  describe("lower is better (wait of 2–10 minutes)", () => {
    const wait = { scaleBest: 2, scaleWorst: 10 };
    it.each([
      [10, 0],
      [8, 25],
      [4, 75],
      [2, 100],
      // slower than the worst bound scores 0, faster than the best scores 100
      [12, 0],
      [1, 100],
      [0, 100],
    ])("%d minutes → %d", (value, score) => {
      expect(metricScore(value, wait)).toBeCloseTo(score, 10);
    });
  });

  describe("NPS on −100..100", () => {
    const nps = { scaleBest: 100, scaleWorst: -100 };
    it.each([
      [-100, 0],
      [-50, 25],
      [0, 50],
      [40, 70],
      [100, 100],
    ])("NPS %d → %d", (value, score) => {
      expect(metricScore(value, nps)).toBeCloseTo(score, 10);
    });
  });

  it("throws when best and worst are equal", () => {
    expect(() => metricScore(3, { scaleBest: 3, scaleWorst: 3 })).toThrow("A metric's best and worst bounds must differ");
  });
});

describe("weightedMean", () => {
  it("weights each score: (2·80 + 1·50) / 3 = 70", () => {
    expect(weightedMean([{ weight: 2, score: 80 }, { weight: 1, score: 50 }])).toBeCloseTo(70, 10);
  });

  it("skips null scores, weight included", () => {
    // (2·80 + 1·50) / 3; the weight-5 item without a score does not dilute the mean.
    expect(weightedMean([{ weight: 2, score: 80 }, { weight: 5, score: null }, { weight: 1, score: 50 }])).toBeCloseTo(70, 10);
  });

  it("counts a score of 0 as a score", () => {
    expect(weightedMean([{ weight: 1, score: 0 }, { weight: 3, score: 100 }])).toBeCloseTo(75, 10);
  });

  it("is null when no item has a score", () => {
    expect(weightedMean([{ weight: 2, score: null }, { weight: 1, score: null }])).toBeNull();
  });

  it("is null for no items", () => {
    expect(weightedMean([])).toBeNull();
  });

  it("is null when the scored items weigh nothing", () => {
    expect(weightedMean([{ weight: 0, score: 80 }])).toBeNull();
  });
});

describe("coverage", () => {
  it("is the share of weight that has a score", () => {
    expect(coverage([{ weight: 3, score: 60 }, { weight: 1, score: null }])).toBeCloseTo(0.75, 10);
  });

  it("counts a score of 0 as covered", () => {
    expect(coverage([{ weight: 1, score: 0 }, { weight: 1, score: null }])).toBeCloseTo(0.5, 10);
  });

  it("is 1 when everything has a score and 0 when nothing has", () => {
    expect(coverage([{ weight: 2, score: 10 }, { weight: 3, score: 90 }])).toBe(1);
    expect(coverage([{ weight: 2, score: null }, { weight: 3, score: null }])).toBe(0);
  });

  it("is 0 for no items or no weight", () => {
    expect(coverage([])).toBe(0);
    expect(coverage([{ weight: 0, score: 50 }])).toBe(0);
  });
});

describe("effectiveTouchpointWeight", () => {
  it("multiplies a moment of truth by k", () => {
    expect(effectiveTouchpointWeight({ weight: 2, momentOfTruth: true }, 1.5)).toBe(3);
    expect(effectiveTouchpointWeight({ weight: 1, momentOfTruth: true }, 3)).toBe(3);
  });

  it("leaves other touchpoints at their weight", () => {
    expect(effectiveTouchpointWeight({ weight: 2, momentOfTruth: false }, 1.5)).toBe(2);
    expect(effectiveTouchpointWeight({ weight: 2, momentOfTruth: false }, 10)).toBe(2);
  });
});

describe("scoreBand", () => {
  const bands = { bandGoodMin: 75, bandFairMin: 50 };
  it.each([
    [100, "good"],
    [75, "good"],
    [74.99, "fair"],
    [50, "fair"],
    [49.99, "poor"],
    [0, "poor"],
  ])("%d → %s", (score, band) => {
    expect(scoreBand(score, bands)).toBe(band);
  });
});
