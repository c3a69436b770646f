// A touchpoint's score before and after a process change took effect: same-length windows of the
// organisation's own periods either side of the change. Pure; written out in docs/changes.md.
//
//   effective period  P₀ = the period containing the change's effective date
//   window length     w  = min(8, number of periods from P₀ to the current period, inclusive)
//   before            = the w periods P₋w … P₋₁        after = P₀ … P₍w−1₎
//   each side         = the mean of its periods' scores that exist, n = how many exist
//   difference        = after − before (null when either side has no score)
//
// A change dated after today (w = 0, or later in the current period) is "not in effect yet".
// The effective period counts as "after": it is the first period the change could show in.
import { addPeriods, currentPeriod, periodsBetween, startOfPeriod, type ViewGranularity } from "../periods";

/** The longest window either side, in periods: two months of weeks, or eight months. */
export const BEFORE_AFTER_MAX_PERIODS = 8;

export type PeriodScore = { score: number | null; /** Sum of the figures' sample sizes, when any gave one. */ responses: number | null };

export type BeforeAfterSide = {
  /** First and last period of the window (period starts). */
  from: Date;
  to: Date;
  /** Mean of the scored periods, or null when none has a score. */
  score: number | null;
  /** Periods in the window with a score. */
  n: number;
  /** Responses behind those scores (sum of sample sizes), or null when no figure gave one. */
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

function side(periods: readonly Date[], scores: ReadonlyMap<number, PeriodScore>): BeforeAfterSide {
  let sum = 0;
  let n = 0;
  let responses: number | null = null;
  for (const p of periods) {
    const s = scores.get(p.getTime());
    if (s?.score == null) continue;
    sum += s.score;
    n++;
    if (s.responses !== null) responses = (responses ?? 0) + s.responses;
  }
  return { from: periods[0]!, to: periods.at(-1)!, score: n ? sum / n : null, n, responses };
}

/** Compares a touchpoint's scores (per period start, ms) before and after a change. */
export function beforeAfter(effectiveDate: Date, scores: ReadonlyMap<number, PeriodScore>, granularity: ViewGranularity, now: Date): BeforeAfter {
  const window = beforeAfterWindow(effectiveDate, granularity, now);
  if (window.after.length === 0) return { inEffect: false, effectivePeriod: window.effectivePeriod };
  const before = side(window.before, scores);
  const after = side(window.after, scores);
  return {
    inEffect: true,
    effectivePeriod: window.effectivePeriod,
    windowLength: window.after.length,
    before,
    after,
    difference: before.score === null || after.score === null ? null : after.score - before.score,
  };
}
