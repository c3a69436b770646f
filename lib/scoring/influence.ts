// Influence between departments: does one department's score move with another's, at the same
// period (lag 0) or one period later (lag 1, the upstream department leading)? Correlation and the
// regression slope come from simple-statistics; below the evidence threshold we say so instead of
// showing a number.
import { linearRegression, sampleCorrelation } from "simple-statistics";

/** Periods of figures on both sides needed before a relationship is reported. */
export const MIN_PAIRED_PERIODS = 8;
/** |r| at which a relationship counts as evidence. */
export const MIN_EVIDENCE_R = 0.4;

export type Strength = "strong" | "moderate" | "weak" | "none";

export type Influence = {
  lag: 0 | 1;
  /** Periods with a score on both sides (after shifting by the lag). */
  n: number;
  /** Pearson correlation, or null with fewer than MIN_PAIRED_PERIODS pairs or no variation. */
  r: number | null;
  /** Points B moves per point A moves (least squares), or null as for r. */
  slope: number | null;
  strength: Strength;
  /** n ≥ MIN_PAIRED_PERIODS and |r| ≥ MIN_EVIDENCE_R: worth telling people about. */
  enough: boolean;
};

export function strengthOf(r: number | null): Strength {
  const a = Math.abs(r ?? 0);
  return a >= 0.7 ? "strong" : a >= MIN_EVIDENCE_R ? "moderate" : a >= 0.2 ? "weak" : "none";
}

/**
 * How `b` follows `a`. Both series are per period, oldest first, aligned (null: no score that
 * period). With lag 1, a's period t is paired with b's period t + 1.
 */
export function influence(a: readonly (number | null)[], b: readonly (number | null)[], lag: 0 | 1): Influence {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = lag; t < Math.min(a.length + lag, b.length); t++) {
    const x = a[t - lag];
    const y = b[t];
    if (x != null && y != null) {
      xs.push(x);
      ys.push(y);
    }
  }
  const n = xs.length;
  const varies = (v: number[]) => v.some((x) => x !== v[0]);
  if (n < MIN_PAIRED_PERIODS || !varies(xs) || !varies(ys)) return { lag, n, r: null, slope: null, strength: "none", enough: false };
  const r = sampleCorrelation(xs, ys);
  const { m } = linearRegression(xs.map((x, i) => [x, ys[i]!]));
  return { lag, n, r, slope: m, strength: strengthOf(r), enough: Math.abs(r) >= MIN_EVIDENCE_R };
}

/** "When Kitchen drops 10 points, Front of House tends to drop 4 the next week (r = 0.71, 40 weeks)." */
export function describeInfluence(from: string, to: string, found: Influence, period: "week" | "month" | "quarter"): string {
  if (!found.enough || found.r === null || found.slope === null) {
    return `${from} → ${to}: not enough evidence (${found.n} ${period}s with figures on both sides).`;
  }
  const move = Math.abs(found.slope * 10);
  const direction = found.slope >= 0 ? "drop" : "rise";
  const when = found.lag === 1 ? ` the next ${period}` : ` the same ${period}`;
  return `When ${from} drops 10 points, ${to} tends to ${direction} ${move.toFixed(move < 10 ? 1 : 0)}${when} (r = ${found.r.toFixed(2)}, ${found.n} ${period}s).`;
}

/**
 * The department pairs worth comparing: A upstream of or level with B, meaning A has a touchpoint
 * at the same stage as one of B's or earlier (A's first stage ≤ B's last stage). Departments that
 * share a stage are compared both ways; one wholly downstream of another is not compared as its cause.
 */
export function influencePairs(departments: readonly { id: number; firstStage: number; lastStage: number }[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (const a of departments) for (const b of departments) if (a.id !== b.id && a.firstStage <= b.lastStage) pairs.push([a.id, b.id]);
  return pairs;
}

export type InfluencePair = { from: number; to: number; lag0: Influence; lag1: Influence };

/**
 * The links worth a sentence: enough evidence, one per pair of departments (lag 0 is the same
 * correlation both ways), a leading department (lag 1) before a same-period one, then by |r|.
 */
export function strongestLinks<P extends InfluencePair>(pairs: readonly P[], count = 3): { pair: P; found: Influence }[] {
  const seen = new Set<string>();
  return pairs
    .flatMap((pair) => [pair.lag1, pair.lag0].filter((found) => found.enough).map((found) => ({ pair, found })))
    .sort((a, b) => b.found.lag - a.found.lag || Math.abs(b.found.r!) - Math.abs(a.found.r!))
    .filter(({ pair }) => {
      const key = [pair.from, pair.to].sort((x, y) => x - y).join("-");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, count);
}
