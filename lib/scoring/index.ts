// Touchline's scoring model: pure functions, no I/O, used on the server and in the browser.
// The formulas are written out with a worked example in docs/scoring.md.

/**
 * Two scores closer than this (in points) are the same score. A score is a few dozen floating-point
 * operations on numbers up to 100, so its rounding error is around 1e-12 points: 1e-9 is a thousand
 * times that, and ten million times below the 0.01 points anyone reads. "81.69166666666666" and
 * "81.69166666666668" (the same mean summed in another order) are the same score.
 */
export const SCORE_TOLERANCE = 1e-9;

export type ScaleBounds = { scaleBest: number; scaleWorst: number };

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Metric score 0–100: 100 × clamp((value − worst) / (best − worst), 0, 1).
 * Because best may be below worst, lower-is-better metrics need no special case.
 */
export function metricScore(value: number, { scaleBest, scaleWorst }: ScaleBounds): number {
  if (scaleBest === scaleWorst) throw new Error("A metric's best and worst bounds must differ");
  return 100 * clamp01((value - scaleWorst) / (scaleBest - scaleWorst));
}

export type Weighted = { weight: number; score: number | null };

/** Σ wᵢ·sᵢ / Σ wᵢ over the items that have a score; null when none has. */
export function weightedMean(items: readonly Weighted[]): number | null {
  let weightSum = 0;
  let total = 0;
  for (const { weight, score } of items) {
    if (score === null) continue;
    weightSum += weight;
    total += weight * score;
  }
  return weightSum > 0 ? total / weightSum : null;
}

/** Share (0–1) of the total weight whose items have a score. */
export function coverage(items: readonly Weighted[]): number {
  const all = items.reduce((sum, i) => sum + i.weight, 0);
  const covered = items.reduce((sum, i) => sum + (i.score === null ? 0 : i.weight), 0);
  return all > 0 ? covered / all : 0;
}

/** Wₜ = weight × (moment of truth ? k : 1). */
export function effectiveTouchpointWeight(
  touchpoint: { weight: number; momentOfTruth: boolean },
  momentOfTruthMultiplier: number,
): number {
  return touchpoint.weight * (touchpoint.momentOfTruth ? momentOfTruthMultiplier : 1);
}

export type ScoreBand = "good" | "fair" | "poor";

export function scoreBand(score: number, bands: { bandGoodMin: number; bandFairMin: number }): ScoreBand {
  if (score >= bands.bandGoodMin) return "good";
  if (score >= bands.bandFairMin) return "fair";
  return "poor";
}
