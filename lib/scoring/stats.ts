// The statistics behind influence between departments, on series of scores (points, 0–100) per
// period. Numerically careful by construction: means, deviations and correlations are centred
// (two-pass) sums from simple-statistics; "does it vary" is a tolerance, never float equality; the
// t distribution's tail comes from @stdlib. Sources for every formula are in docs/scoring.md.
import cdf from "@stdlib/stats-base-dists-t-cdf";
import { errorFunction, mean, sampleStandardDeviation } from "simple-statistics";
import { SCORE_TOLERANCE } from "./index";

export { SCORE_TOLERANCE };

/** Two correlations closer than this are equally strong (correlations are within [−1, 1]). */
export const CORRELATION_TOLERANCE = 1e-9;

/**
 * Period-to-period changes of a series: `out[t] = s[t + 1] − s[t]`, null where either period has
 * no score. Shape: n periods in (oldest first) → n − 1 changes out; unit: that of the series.
 */
export function changes(series: readonly (number | null)[]): (number | null)[] {
  const out: (number | null)[] = [];
  for (let t = 0; t + 1 < series.length; t++) {
    const before = series[t];
    const after = series[t + 1];
    out.push(before == null || after == null ? null : after - before);
  }
  return out;
}

/**
 * Whether values vary: their sample standard deviation (two-pass, simple-statistics) is above
 * `tolerance`, in the values' own unit. Fewer than two values never vary.
 */
export function varies(values: readonly number[], tolerance = SCORE_TOLERANCE): boolean {
  return values.length >= 2 && sampleStandardDeviation([...values]) > tolerance;
}

/**
 * Sample autocorrelations r(1) … r(maxLag) of a series with gaps (null), as Pyper & Peterman
 * (1998, eq. 2) estimate them: r(j) = (N / (N − j)) · Σ (x_t − x̄)(x_{t+j} − x̄) / Σ (x_t − x̄)²,
 * where, with gaps, N / (N − j) becomes (values present) / (pairs j apart with both present).
 * Index 0 of the result is lag 1. A lag with no pair, or a series that does not vary, gives 0.
 */
export function autocorrelations(series: readonly (number | null)[], maxLag: number): number[] {
  const present = series.filter((x): x is number => x != null);
  const out: number[] = [];
  if (!varies(present)) return Array.from({ length: Math.max(0, maxLag) }, () => 0);
  const centre = mean(present);
  let squares = 0;
  for (const x of present) squares += (x - centre) * (x - centre);
  for (let lag = 1; lag <= maxLag; lag++) {
    let products = 0;
    let pairs = 0;
    for (let t = 0; t + lag < series.length; t++) {
      const a = series[t];
      const b = series[t + lag];
      if (a == null || b == null) continue;
      products += (a - centre) * (b - centre);
      pairs++;
    }
    out.push(pairs === 0 ? 0 : ((present.length / pairs) * products) / squares);
  }
  return out;
}

/**
 * Effective number of independent pairs behind a correlation of two autocorrelated series
 * (Bartlett 1935; the "modified Chelton" form of Pyper & Peterman 1998, eq. 1):
 *
 *     1 / N* = 1 / N + (2 / N) · Σ_{j=1}^{⌊N/5⌋} ((N − j) / N) · rx(j) · ry(j)
 *
 * `n`: pairs (N); `acfX`, `acfY`: each series' autocorrelations from lag 1 (autocorrelations()).
 * N* is at most N (as Pyper & Peterman bound it). Changes of a noisy score alternate (a high
 * week is followed by a fall: r(1) ≈ −0.5), so two unrelated series of changes have N* ≈ N / 1.5.
 */
export function effectivePairs(n: number, acfX: readonly number[], acfY: readonly number[]): number {
  let sum = 0;
  for (let j = 1; j <= Math.floor(n / 5); j++) sum += ((n - j) / n) * (acfX[j - 1] ?? 0) * (acfY[j - 1] ?? 0);
  const inverse = 1 / n + (2 / n) * sum;
  return inverse <= 1 / n ? n : 1 / inverse;
}

/**
 * Two-sided p-value of a Pearson correlation r on `pairs` effective pairs: Student's t with
 * ν = pairs − 2 degrees of freedom, t = |r| · √(ν / (1 − r²)) (Fisher 1915; any statistics text, e.g.
 * Zar, Biostatistical Analysis, §19.2), p = 2 · F_ν(−t) from @stdlib/stats-base-dists-t-cdf (ν
 * need not be whole). Fewer than 3 effective pairs (ν < 1) say nothing: p = 1. |r| ≥ 1: p = 0.
 */
export function correlationPValue(r: number, pairs: number): number {
  const nu = pairs - 2;
  if (!(nu >= 1)) return 1;
  const rest = 1 - r * r;
  if (rest <= 0) return 0;
  return 2 * cdf(-Math.abs(r) * Math.sqrt(nu / rest), nu);
}

/**
 * Cheap screen before correlationPValue: true when the p-value is certainly above `alpha`, because
 * the normal distribution's two-sided tail at the same t already is (Student's t has heavier tails
 * than the normal for every ν, so its tail is larger still). simple-statistics' error function is
 * good to 1.2e-7, hence the margin. Saves the exact t tail (≈ 5 µs) for most tests of a large page.
 */
export function certainlyAbove(r: number, pairs: number, alpha: number): boolean {
  const nu = pairs - 2;
  if (!(nu >= 1)) return true;
  const rest = 1 - r * r;
  if (rest <= 0) return false;
  const t = Math.abs(r) * Math.sqrt(nu / rest);
  return 1 - errorFunction(t / Math.SQRT2) > alpha + 1e-6;
}

/**
 * One-sided p-value that a correlation of size |r1| on `n1` effective pairs is larger than one of
 * size |r2| on `n2`: Fisher's z for each, z = (atanh|r1| − atanh|r2|) / √(1/(n1 − 3) + 1/(n2 − 3)),
 * p = 1 − Φ(z) (Fisher 1921; Cohen, Cohen, West & Aiken, Applied Multiple Regression/Correlation
 * Analysis, 3rd ed., §2.8.2). It treats the two estimates as independent; a lead and its reverse
 * come from the same two series, and where both are high (a shared slide and recovery) their
 * estimates rise and fall together, which makes the true variance of the difference smaller and
 * this test conservative: it claims a direction less often, not more. Φ from simple-statistics'
 * error function. Fewer than 4 effective pairs on either side: p = 1.
 */
export function strongerCorrelationPValue(r1: number, n1: number, r2: number, n2: number): number {
  if (!(n1 > 3 && n2 > 3)) return 1;
  const z = (x: number) => Math.atanh(Math.min(Math.abs(x), 1 - 1e-12));
  const diff = (z(r1) - z(r2)) / Math.sqrt(1 / (n1 - 3) + 1 / (n2 - 3));
  return 0.5 * (1 - errorFunction(diff / Math.SQRT2));
}

export type PairedCorrelation = {
  /** Pairs with both values present. */
  n: number;
  /** Sample standard deviations of each side over those pairs (unit of the series). */
  sdX: number;
  sdY: number;
  /** Pearson r, or null with fewer than 2 pairs or a side that does not vary (sd ≤ tolerance). */
  r: number | null;
};

/**
 * Pearson correlation of `x[t]` with `y[t + lag]` over the periods where both are present, by the
 * textbook two-pass algorithm (means first, then centred sums — the same arithmetic as
 * simple-statistics' sampleCovariance and sampleStandardDeviation, which the tests compare it
 * with), without building the paired arrays: a journey of 100 touchpoints runs ~10,000 of these
 * per page. r is clamped to [−1, 1] against rounding.
 */
export function pairedCorrelation(x: readonly (number | null)[], y: readonly (number | null)[], lag: number, tolerance = SCORE_TOLERANCE): PairedCorrelation {
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  const end = Math.min(x.length, y.length - lag);
  for (let t = 0; t < end; t++) {
    const a = x[t];
    const b = y[t + lag];
    if (a == null || b == null) continue;
    n++;
    sumX += a;
    sumY += b;
  }
  if (n < 2) return { n, sdX: 0, sdY: 0, r: null };
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let t = 0; t < end; t++) {
    const a = x[t];
    const b = y[t + lag];
    if (a == null || b == null) continue;
    const dx = a - meanX;
    const dy = b - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const sdX = Math.sqrt(sxx / (n - 1));
  const sdY = Math.sqrt(syy / (n - 1));
  if (!(sdX > tolerance) || !(sdY > tolerance)) return { n, sdX, sdY, r: null };
  return { n, sdX, sdY, r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) };
}
