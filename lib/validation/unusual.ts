// "Valid but unusual": a value more than 3 standard deviations from the metric's history asks
// for confirmation before it is saved. Pure, so the grid and the server agree.
import { mean, standardDeviation } from "simple-statistics";

export type HistoryStats = { n: number; mean: number; sd: number };

export const UNUSUAL_SIGMAS = 3;
/** Fewer periods than this and the history says too little to call anything unusual. */
export const MIN_HISTORY = 8;
/**
 * Relative tolerance: a spread below 1e-9 of the values' size is rounding (a double carries
 * about 16 digits), so such a history is flat; a value within it of the usual range's edge is
 * on the edge. Relative because metrics come in their own units (stars, minutes, NPS, counts).
 */
export const RELATIVE_TOLERANCE = 1e-9;

/**
 * Count, mean and (population) standard deviation of a metric's figures, centred in two passes
 * (simple-statistics), never as E[x²] − E[x]², which cancels to noise for large values. Empty: n 0.
 */
export function historyStats(values: readonly number[]): HistoryStats {
  if (values.length === 0) return { n: 0, mean: 0, sd: 0 };
  return { n: values.length, mean: mean([...values]), sd: standardDeviation([...values]) };
}

const tolerance = (stats: HistoryStats) => RELATIVE_TOLERANCE * Math.max(Math.abs(stats.mean), stats.sd);

/** The range of usual values, or null when the history is too short or flat to judge. */
export function usualRange(stats: HistoryStats | undefined): { low: number; high: number } | null {
  if (!stats || stats.n < MIN_HISTORY || !(stats.sd > RELATIVE_TOLERANCE * Math.abs(stats.mean))) return null;
  return { low: stats.mean - UNUSUAL_SIGMAS * stats.sd, high: stats.mean + UNUSUAL_SIGMAS * stats.sd };
}

/** Beyond the usual range by more than rounding. */
export function isUnusual(value: number, stats: HistoryStats | undefined): boolean {
  const range = usualRange(stats);
  return range !== null && (value < range.low - tolerance(stats!) || value > range.high + tolerance(stats!));
}
