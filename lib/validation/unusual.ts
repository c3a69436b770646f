// "Valid but unusual": a value more than 3 standard deviations from the metric's history asks
// for confirmation before it is saved. Pure, so the grid and the server agree.

export type HistoryStats = { n: number; mean: number; sd: number };

export const UNUSUAL_SIGMAS = 3;
/** Fewer periods than this and the history says too little to call anything unusual. */
export const MIN_HISTORY = 8;

/** The range of usual values, or null when the history is too short or flat to judge. */
export function usualRange(stats: HistoryStats | undefined): { low: number; high: number } | null {
  if (!stats || stats.n < MIN_HISTORY || !(stats.sd > 0)) return null;
  return { low: stats.mean - UNUSUAL_SIGMAS * stats.sd, high: stats.mean + UNUSUAL_SIGMAS * stats.sd };
}

export function isUnusual(value: number, stats: HistoryStats | undefined): boolean {
  const range = usualRange(stats);
  return range !== null && (value < range.low || value > range.high);
}
