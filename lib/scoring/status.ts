// A touchpoint's standing against its own target and warning line, and how it has been moving.
// Pure; docs/scoring.md ("Tiles, at risk and stale") explains each rule.
import { SCORE_TOLERANCE } from "./index";

export type TargetStatus = "on-target" | "below-target" | "below-warning";

/**
 * On target when the score reaches the target score; below warning when it is under the warning
 * score; below target in between. Null without a score or a target to compare against.
 */
export function targetStatus(score: number | null, targetScore: number | null, warningScore: number | null): TargetStatus | null {
  if (score === null) return null;
  if (warningScore !== null && score < warningScore - SCORE_TOLERANCE) return "below-warning";
  if (targetScore === null) return null;
  return score >= targetScore - SCORE_TOLERANCE ? "on-target" : "below-target";
}


/**
 * How many periods in a row, ending with the latest, the score fell (a gap ends the run). A fall
 * is more than SCORE_TOLERANCE: a month's mean summed in another order is not a fall.
 */
export function fallingStreak(series: readonly (number | null)[]): number {
  let streak = 0;
  for (let i = series.length - 1; i > 0; i--) {
    const now = series[i];
    const before = series[i - 1];
    if (now == null || before == null || now >= before - SCORE_TOLERANCE) break;
    streak++;
  }
  return streak;
}

/** A touchpoint falling for this many periods in a row is at risk even above its warning line. */
export const FALLING_PERIODS = 3;
