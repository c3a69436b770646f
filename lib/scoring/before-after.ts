// A touchpoint's score before and after a process change took effect: same-length windows of the
// organisation's own periods either side of the change. Pure; written out in docs/changes.md.
//
//   effective period  P₀ = the period containing the change's effective date
//   window length     w  = min(8, number of periods from P₀ to the current period, inclusive)
//   before            = the w periods P₋w … P₋₁        after = P₀ … P₍w−1₎
//   each side         = the touchpoint's score over the side's figures rolled up as one bucket, like
//                       a month (each metric's figures weighted by sample size: docs/scoring.md);
//                       n = how many of its periods have a score, responses = their sample sizes
//   difference        = after − before (null when either side has no score)
//
// A change dated after today (w = 0, or later in the current period) is "not in effect yet".
// The effective period counts as "after": it is the first period the change could show in.
import { addPeriods, currentPeriod, periodsBetween, startOfPeriod, type ViewGranularity } from "../periods";

/** The longest window either side, in periods: two months of weeks, or eight months. */
export const BEFORE_AFTER_MAX_PERIODS = 8;

/** One side's figures rolled up (by the caller, in the database): the touchpoint's score and the responses behind it. */
export type SideFigures = { score: number | null; /** Sum of the figures' sample sizes, when any gave one. */ responses: number | null };

export type BeforeAfterSide = {
  /** First and last period of the window (period starts). */
  from: Date;
  to: Date;
  /** The touchpoint's score over the side's figures rolled up together, or null when it has none. */
  score: number | null;
  /** Periods in the window with a score. */
  n: number;
  /** Responses behind the side's figures (sum of sample sizes), or null when no figure gave one. */
  responses: number | null;
};

export type BeforeAfter =
  | { inEffect: false; effectivePeriod: Date }
  | { inEffect: true; effectivePeriod: Date; /** w, periods per side. */ windowLength: number; before: BeforeAfterSide; after: BeforeAfterSide; difference: number | null };

export type BeforeAfterWindow = { effectivePeriod: Date; before: Date[]; after: Date[] };

/** The periods either side of a change (both empty when it is not in effect yet). */
export function beforeAfterWindow(effectiveDate: Date, granularity: ViewGranularity, now: Date): BeforeAfterWindow {
  const effectivePeriod = startOfPeriod(effectiveDate, granularity);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (effectiveDate.getTime() > today) return { effectivePeriod, before: [], after: [] };
  const length = Math.min(BEFORE_AFTER_MAX_PERIODS, periodsBetween(effectivePeriod, currentPeriod(granularity, now), granularity).length);
  return {
    effectivePeriod,
    before: periodsBetween(addPeriods(effectivePeriod, -length, granularity), addPeriods(effectivePeriod, -1, granularity), granularity),
    after: periodsBetween(effectivePeriod, addPeriods(effectivePeriod, length - 1, granularity), granularity),
  };
}

function side(periods: readonly Date[], scored: ReadonlySet<number>, figures: SideFigures): BeforeAfterSide {
  return { from: periods[0]!, to: periods.at(-1)!, score: figures.score, n: periods.filter((p) => scored.has(p.getTime())).length, responses: figures.responses };
}

/**
 * Compares a touchpoint before and after a change, given its window (`beforeAfterWindow`), the
 * periods (start, ms) in which it has a score, and each side's rolled-up figures.
 */
export function beforeAfter(window: BeforeAfterWindow, scored: ReadonlySet<number>, figures: { before: SideFigures; after: SideFigures }): BeforeAfter {
  if (window.after.length === 0) return { inEffect: false, effectivePeriod: window.effectivePeriod };
  const before = side(window.before, scored, figures.before);
  const after = side(window.after, scored, figures.after);
  return {
    inEffect: true,
    effectivePeriod: window.effectivePeriod,
    windowLength: window.after.length,
    before,
    after,
    difference: before.score === null || after.score === null ? null : after.score - before.score,
  };
}
