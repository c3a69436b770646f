// Influence between departments: does one touchpoint's week-to-week change go with another's, the
// same period or one period later (the upstream touchpoint leading)? Pure. The method, and why
// each step is there, is in docs/scoring.md ("Influence between departments"):
//
//   1. changes, not levels: Δs_t = s_{t+1} − s_t per touchpoint (removes shared trends);
//   2. one test per touchpoint pair of different departments and lag: Pearson r of the paired
//      changes, its p-value from Student's t on Bartlett's effective number of pairs;
//   3. Benjamini–Hochberg across every test on the page, at FALSE_DISCOVERY_RATE;
//   4. a lead A → B only from A's touchpoint at or before B's stage, and only when A's changes
//      lead B's more strongly than B's lead A's, and B's lead of A would not pass the check;
//   5. effects stated for the swing actually seen, never beyond the changes actually seen.
import padjust from "@stdlib/stats-padjust";
import { roundHalfUp } from "../format";
import { linearRegression, median } from "simple-statistics";
import { autocorrelations, certainlyAbove, changes, correlationPValue, CORRELATION_TOLERANCE, effectivePairs, pairedCorrelation, SCORE_TOLERANCE, strongerCorrelationPValue } from "./stats";

/** Benjamini–Hochberg q: the expected share of chance findings among the links shown. */
export const FALSE_DISCOVERY_RATE = 0.1;
/** Paired period-to-period changes a pair of touchpoints needs before it is tested (a quarter of weeks). */
export const MIN_CHANGES = 12;
/** A lead's direction is claimed only when it is stronger than the other way round at this level (one-sided). */
export const DIRECTION_ALPHA = 0.05;

export type Lag = 0 | 1;

export type InfluenceTouchpoint = {
  id: number;
  name: string;
  department: { id: number; name: string };
  /** The touchpoint's stage position in the journey, upstream first. */
  stage: number;
  /** Score (points, 0–100) per period of the window, oldest first; null: no score that period. */
  scores: readonly (number | null)[];
};

export type LinkTest = {
  /** Touchpoint ids: with lag 1, `from`'s change in period t is paired with `to`'s in t + 1. */
  from: number;
  to: number;
  lag: Lag;
  /** tested; too-few: fewer than MIN_CHANGES paired changes; flat: one side's changes do not vary. */
  state: "tested" | "too-few" | "flat";
  /** Paired changes (N). */
  pairs: number;
  /** Periods in the window with a score on both touchpoints. */
  periods: number;
  /** Pearson correlation of the paired changes; null unless tested. */
  r: number | null;
  /** Bartlett's effective number of independent pairs N* ≤ N; null unless tested. */
  effectivePairs: number | null;
  /** Two-sided p-value; null unless tested, or when screened out as certainly above q. */
  p: number | null;
  /** Benjamini–Hochberg adjusted p-value; null when p is. */
  adjustedP: number | null;
  /** Survives the false-discovery control. */
  significant: boolean;
  /** Lag 1 and significant only: the correlation the other way round (`to`'s change leading `from`'s). */
  reverseR: number | null;
  /**
   * Worth a sentence: significant and, with lag 1, leading more strongly than the other way round,
   * which itself would not pass the check.
   */
  claimed: boolean;
  /** Claimed only: `from`'s typical change (median |Δ|, points) and `to`'s change that followed it (signed points, least squares, within the changes seen). */
  swing: number | null;
  effect: number | null;
  /** Claimed same-period links only: `to`'s own usual change (median |Δ|, points), so the sentence can name both sides' swings. */
  otherSwing?: number | null;
};

export type InfluenceAnalysis = {
  tests: LinkTest[];
  /** Tests actually run (m in Benjamini–Hochberg). */
  tested: number;
  q: number;
};

/** `x[t]` with `y[t + lag]`, where both are present. */
function paired(x: readonly (number | null)[], y: readonly (number | null)[], lag: Lag): { xs: number[]; ys: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = 0; t + lag < y.length && t < x.length; t++) {
    const a = x[t];
    const b = y[t + lag];
    if (a != null && b != null) {
      xs.push(a);
      ys.push(b);
    }
  }
  return { xs, ys };
}

/**
 * Every test on a journey's page. Lag 1: each ordered pair of touchpoints of different
 * departments where `from` is at the same stage as `to` or earlier. Lag 0: each unordered pair of
 * touchpoints of different departments. `touchpoints`' score series must all cover the same periods.
 */
export function analyseInfluence(touchpoints: readonly InfluenceTouchpoint[], options: { q?: number; minChanges?: number } = {}): InfluenceAnalysis {
  const q = options.q ?? FALSE_DISCOVERY_RATE;
  const minChanges = options.minChanges ?? MIN_CHANGES;
  const series = touchpoints.map((t) => {
    const delta = changes(t.scores);
    return { t, delta, acf: autocorrelations(delta, Math.floor(delta.length / 5)) };
  });

  const tests: LinkTest[] = [];
  const test = (a: (typeof series)[number], b: (typeof series)[number], lag: Lag) => {
    const found = pairedCorrelation(a.delta, b.delta, lag);
    let periods = 0;
    for (let i = 0; i < a.t.scores.length; i++) if (a.t.scores[i] != null && b.t.scores[i] != null) periods++;
    const state = found.n < minChanges ? "too-few" : found.r === null ? "flat" : "tested";
    const nEff = state === "tested" ? effectivePairs(found.n, a.acf, b.acf) : null;
    const r = state === "tested" ? found.r : null;
    const p = r === null || nEff === null || certainlyAbove(r, nEff, q) ? null : correlationPValue(r, nEff);
    tests.push({ from: a.t.id, to: b.t.id, lag, state, pairs: found.n, periods, r, effectivePairs: nEff, p, adjustedP: null, significant: false, reverseR: null, claimed: false, swing: null, effect: null, otherSwing: null });
  };
  for (const a of series) {
    for (const b of series) {
      if (a.t.department.id === b.t.department.id) continue;
      if (a.t.stage <= b.t.stage) test(a, b, 1);
    }
  }
  for (let i = 0; i < series.length; i++) {
    for (let j = i + 1; j < series.length; j++) {
      const [a, b] = series[i]!.t.stage <= series[j]!.t.stage ? [series[i]!, series[j]!] : [series[j]!, series[i]!];
      if (a.t.department.id !== b.t.department.id) test(a, b, 0);
    }
  }

  // Benjamini–Hochberg over all m tests. A p-value above q can never pass, so only those at or
  // below it go to padjust, told m: the same decisions as adjusting all m (R's p.adjust(p, "BH", n)).
  const tested = tests.filter((t) => t.state === "tested").length;
  const candidates = tests.filter((t) => t.p !== null && t.p <= q);
  if (candidates.length) {
    const adjusted = padjust(candidates.map((t) => t.p!), "bh", tested);
    candidates.forEach((t, i) => {
      t.adjustedP = adjusted[i]!;
      t.significant = t.adjustedP <= q;
    });
  }

  // A lead is claimed only when the other way round is weaker and would not pass the same check:
  // its p-value is above the largest one that passed (the Benjamini–Hochberg cutoff).
  const cutoff = Math.max(-1, ...tests.filter((t) => t.significant).map((t) => t.p!));
  const byId = new Map(series.map((s) => [s.t.id, s]));
  const passed = new Set(tests.filter((t) => t.significant && t.lag === 1).map((t) => `${t.from}>${t.to}`));
  for (const t of tests) {
    if (!t.significant) continue;
    const from = byId.get(t.from)!;
    const to = byId.get(t.to)!;
    if (t.lag === 1) {
      // The other way round: `to`'s change in t with `from`'s in t + 1. At the same stage it is a
      // test of its own; from a later stage it is not tested, so it is checked against the cutoff.
      const reverse = pairedCorrelation(to.delta, from.delta, 1);
      t.reverseR = reverse.r ?? 0;
      // Used only when the reverse has an r, so at least 2 pairs.
      const reversePairs = effectivePairs(reverse.n, to.acf, from.acf);
      const reversePasses =
        from.t.stage === to.t.stage
          ? passed.has(`${t.to}>${t.from}`)
          : reverse.r !== null && reverse.n >= minChanges && correlationPValue(reverse.r, reversePairs) <= cutoff;
      // And the lead must be clearly stronger than its reverse, not merely larger: 0.69 against
      // 0.63 over 24 weeks is one shared slide and recovery, with no direction in it.
      const clearlyStronger = reverse.r === null || strongerCorrelationPValue(t.r!, t.effectivePairs!, t.reverseR, reversePairs) <= DIRECTION_ALPHA;
      t.claimed = Math.abs(t.r!) > Math.abs(t.reverseR) + CORRELATION_TOLERANCE && !reversePasses && clearlyStronger;
    } else {
      t.claimed = true;
    }
    if (!t.claimed) continue;
    const { xs, ys } = paired(from.delta, to.delta, t.lag);
    Object.assign(t, effectWithinSeen(xs, ys));
    if (t.lag === 0) t.otherSwing = usualSwing(ys);
  }
  return { tests, tested, q };
}

/**
 * The effect stated in a sentence, within what was seen: `swing` is the median size of the leading
 * side's changes (points; periods it did not move at all are left out), `effect` the least-squares slope of the other side's change on it
 * (centred, simple-statistics) times that swing, never larger in size than the largest change the
 * other side actually made in these pairs. Shapes: xs, ys paired changes of equal length ≥ 2.
 */
export function effectWithinSeen(xs: readonly number[], ys: readonly number[]): { swing: number; effect: number } {
  const swing = usualSwing(xs);
  const slope = linearRegression(xs.map((x, i) => [x, ys[i]!])).m;
  const seen = Math.max(...ys.map(Math.abs));
  return { swing, effect: Math.max(-seen, Math.min(seen, slope * swing)) };
}

/** The median size of the changes that happened (points; periods with no change at all left out), 0 when none did. */
export function usualSwing(changes: readonly number[]): number {
  const moves = changes.map(Math.abs).filter((x) => x > SCORE_TOLERANCE);
  return moves.length ? median(moves) : 0;
}

export type Strength = "strong" | "moderate" | "weak";

/**
 * |r| ≥ 0.7 strong, ≥ 0.4 moderate, otherwise weak, judged on r as the page shows it (two decimals,
 * half up), so "r = 0.70" is never called moderate because it was 0.6996.
 */
export function strengthOf(r: number): Strength {
  const a = roundHalfUp(Math.abs(r), 2);
  return a >= 0.7 ? "strong" : a >= 0.4 ? "moderate" : "weak";
}

/**
 * What a department × department cell shows. lead: a touchpoint of the row department leads one
 * of the column's; two-way: linked the next period, but the other way round is as strong or also
 * passes, so no direction is claimed; together:
 * linked the same period; none: tested, nothing passed; too-few: not enough periods yet; flat:
 * one side did not vary; not-compared (lag 1): every touchpoint of the column's comes earlier.
 */
export type CellState = "lead" | "two-way" | "together" | "none" | "too-few" | "flat" | "not-compared";

export type InfluenceCell = {
  /** Department ids; lag-0 cells are listed once per pair, upstream department first. */
  from: number;
  to: number;
  lag: Lag;
  state: CellState;
  /** lead, two-way and together only. */
  strength?: Strength;
  /** lead, two-way and together only: whether the two move the same way (r > 0). */
  sameWay?: boolean;
  /** The cell explained, with the numbers behind it. */
  detail: string;
};

// "Food (Kitchen)", not a possessive: "Facilities’s" and "Reservations’" both read badly.
const tpName = (t: InfluenceTouchpoint) => `${t.name} (${t.department.name})`;
const fixed = (x: number) => roundHalfUp(x, 2).toFixed(2).replace("-", "−");
const pText = (name: string, p: number) => (p < 0.0001 ? `${name} < 0.0001` : `${name} = ${p.toPrecision(2)}`);

/** The best test first: smallest adjusted p, then largest |r|. */
const byEvidence = (a: LinkTest, b: LinkTest) => (a.adjustedP ?? 1) - (b.adjustedP ?? 1) || Math.abs(b.r ?? 0) - Math.abs(a.r ?? 0);

/** Department × department cells for both lags (lag 0 once per pair), in the order of `departments`. */
export function influenceCells(touchpoints: readonly InfluenceTouchpoint[], analysis: InfluenceAnalysis, departments: readonly { id: number; name: string }[], noun: string): InfluenceCell[] {
  const tp = new Map(touchpoints.map((t) => [t.id, t]));
  const dept = (id: number) => tp.get(id)!.department.id;
  // Tests per department pair: lag 1 by ordered pair, lag 0 by unordered pair.
  const byPair = new Map<string, LinkTest[]>();
  for (const t of analysis.tests) {
    const [a, b] = [dept(t.from), dept(t.to)];
    const key = t.lag === 1 ? `${a}>${b}` : `${Math.min(a, b)}-${Math.max(a, b)}`;
    const list = byPair.get(key);
    if (list) list.push(t);
    else byPair.set(key, [t]);
  }
  const cells: InfluenceCell[] = [];
  for (const [i, a] of departments.entries()) {
    for (const [j, b] of departments.entries()) {
      if (a.id === b.id) continue;
      cells.push(cell(a, b, 1, byPair.get(`${a.id}>${b.id}`) ?? []));
      if (i < j) cells.push(cell(a, b, 0, byPair.get(`${Math.min(a.id, b.id)}-${Math.max(a.id, b.id)}`) ?? []));
    }
  }
  return cells;

  function cell(a: { id: number; name: string }, b: { id: number; name: string }, lag: Lag, tests: LinkTest[]): InfluenceCell {
    const pairName = lag === 1 ? `${a.name} → ${b.name} the next ${noun}` : `${a.name} and ${b.name}, the same ${noun}`;
    const base = { from: a.id, to: b.id, lag };
    if (tests.length === 0) return { ...base, state: "not-compared", detail: `${pairName}: not compared — every touchpoint of ${b.name} comes earlier in the journey than those of ${a.name}.` };
    const found = (state: CellState, t: LinkTest, extra: string): InfluenceCell => ({
      ...base,
      state,
      strength: strengthOf(t.r!),
      sameWay: t.r! > 0,
      detail:
        `${tpName(tp.get(t.from)!)} → ${tpName(tp.get(t.to)!)}, ${lag === 1 ? `next ${noun}` : `same ${noun}`}: ${strengthOf(t.r!)} link, ` +
        `r = ${fixed(t.r!)} over ${t.pairs} ${noun}-to-${noun} changes (about ${Math.round(t.effectivePairs!)} independent), ${pText("p", t.p!)}, ` +
        `passes the false-discovery check across ${analysis.tested} tests (${pText("adjusted p", t.adjustedP!)}).${extra}`,
    });
    const claimed = tests.filter((t) => t.claimed).sort(byEvidence);
    if (claimed[0]) return found(lag === 1 ? "lead" : "together", claimed[0], lag === 1 ? ` The other way round, r = ${fixed(claimed[0].reverseR!)}.` : "");
    const significant = tests.filter((t) => t.significant).sort(byEvidence);
    if (significant[0]) return found("two-way", significant[0], ` But the other way round is as strong or also stands out (r = ${fixed(significant[0].reverseR!)}): no direction claimed.`);
    const tested = tests.filter((t) => t.state === "tested");
    if (tested.length) {
      const closest = [...tested].sort((x, y) => Math.abs(y.r!) - Math.abs(x.r!))[0]!;
      return { ...base, state: "none", detail: `${pairName}: no link passes the false-discovery check (${tested.length} touchpoint ${tested.length === 1 ? "pair" : "pairs"} tested; the closest, ${tpName(tp.get(closest.from)!)} → ${tpName(tp.get(closest.to)!)}, r = ${fixed(closest.r!)}).` };
    }
    const few = tests.filter((t) => t.state === "too-few");
    if (few.length) {
      const most = Math.max(...few.map((t) => t.pairs));
      return { ...base, state: "too-few", detail: `${pairName}: not enough ${noun}s yet — a link is looked for from ${MIN_CHANGES} ${noun}-to-${noun} changes in common (${most} so far).` };
    }
    return { ...base, state: "flat", detail: `${pairName}: nothing to compare — a score did not vary over the window.` };
  }
}

/**
 * The links worth a sentence, at most `count`: leads first, then same-period links, each by
 * evidence; one per ordered pair of departments for leads, and a same-period link only for a pair
 * with no lead either way.
 */
export function strongestLinks(touchpoints: readonly InfluenceTouchpoint[], analysis: InfluenceAnalysis, count = 3): LinkTest[] {
  const dept = new Map(touchpoints.map((t) => [t.id, t.department.id]));
  const claimed = analysis.tests.filter((t) => t.claimed).sort((a, b) => b.lag - a.lag || byEvidence(a, b));
  const leads = new Set<string>();
  const chosen: LinkTest[] = [];
  for (const t of claimed) {
    const [a, b] = [dept.get(t.from)!, dept.get(t.to)!];
    const key = t.lag === 1 ? `${a}>${b}` : `${Math.min(a, b)}-${Math.max(a, b)}`;
    if (leads.has(key) || (t.lag === 0 && (leads.has(`${a}>${b}`) || leads.has(`${b}>${a}`)))) continue;
    leads.add(key);
    chosen.push(t);
  }
  return chosen.slice(0, count);
}

const points = (x: number) => {
  const a = Math.abs(x);
  if (a < 0.05) return "less than 0.1 points";
  const text = a.toFixed(1);
  return `${text} ${text === "1.0" ? "point" : "points"}`;
};

/**
 * One link in plain words: no r, no lag. E.g. "Food (Kitchen): its usual weekly swing of 3.1
 * points has been followed by 1.2 points the same way at Waiter service (Front of House) the next
 * week (strong link, 26 weeks)."
 */
export function describeLink(test: LinkTest, touchpoints: readonly InfluenceTouchpoint[], noun: "week" | "month"): string {
  const tp = new Map(touchpoints.map((t) => [t.id, t]));
  const from = tp.get(test.from)!;
  const to = tp.get(test.to)!;
  const way = Math.abs(test.effect!) < 0.05 ? "" : test.effect! > 0 ? " the same way" : " the opposite way";
  const usual = `usual ${noun === "week" ? "weekly" : "monthly"} swing of ${points(test.swing!)}`;
  const tail = `(${strengthOf(test.r!)} link, ${test.periods} ${noun}s)`;
  if (test.lag === 1) return `${tpName(from)}: its ${usual} has been followed by ${points(test.effect!)}${way} at ${tpName(to)} the next ${noun} ${tail}.`;
  // Same period: neither side leads, so both usual swings are named, in stage order, and no slope.
  const direction = test.r! > 0 ? "in the same direction" : "in opposite directions";
  return `${tpName(from)} and ${tpName(to)} move together in the same ${noun}, ${direction}: their usual ${noun === "week" ? "weekly" : "monthly"} swings are ${points(test.swing!)} and ${points(test.otherSwing!)} ${tail}.`;
}
