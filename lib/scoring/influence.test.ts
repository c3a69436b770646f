import { linearRegression, sampleCorrelation } from "simple-statistics";
import { beforeEach, describe, expect, it } from "vitest";
import { createRandom } from "../../prisma/seed/demo-story";
import { changes, pairedCorrelation, SCORE_TOLERANCE } from "./stats";
import { analyseInfluence, describeLink, effectWithinSeen, FALSE_DISCOVERY_RATE, influenceCells, MIN_CHANGES, strengthOf, strongestLinks, type InfluenceAnalysis, type InfluenceTouchpoint, type LinkTest } from "./influence";

const tp = (id: number, name: string, department: [number, string], stage: number, scores: (number | null)[]): InfluenceTouchpoint => ({ id, name, department: { id: department[0], name: department[1] }, stage, scores });
const cumulative = (start: number, steps: readonly number[]) => steps.reduce((s, d) => [...s, s.at(-1)! + d], [start]);
/** The old rule's numbers on levels, for the reproductions: r and "points per 10 points" at lag 1. */
const levelsAtLag1 = (a: readonly number[], b: readonly number[]) => {
  const xs = a.slice(0, -1);
  const ys = b.slice(1);
  return { r: sampleCorrelation(xs, ys), per10: 10 * linearRegression(xs.map((x, i) => [x, ys[i]!])).m };
};

describe("the method's constants", () => {
  it("controls the false discovery rate at q = 0.1 and needs 12 paired changes", () => {
    expect(FALSE_DISCOVERY_RATE).toBe(0.1);
    expect(MIN_CHANGES).toBe(12);
  });
});

describe("analyseInfluence on a planted lead", () => {
  // Beta's change each week is exactly half of Alpha's change the week before.
  const steps = [3, -2, 4, -1, -3, 2, 1, -4, 2, -2, 3, -1, -2, 4];
  const alpha = cumulative(70, steps); // 15 weeks
  const beta = cumulative(60, [1, ...steps.slice(0, -1).map((d) => d / 2)]);
  const touchpoints = [tp(1, "Alpha", [1, "Bakers"], 0, alpha), tp(2, "Beta", [2, "Cooks"], 1, beta)];
  // Analysed afresh for each test (not once at load), so each test is traced to the code it runs.
  let analysis: InfluenceAnalysis;
  beforeEach(() => {
    analysis = analyseInfluence(touchpoints);
  });

  it("tests Alpha → Beta the next week (Alpha is upstream) and the pair the same week; not Beta → Alpha", () => {
    expect(analysis.tests.map((t) => [t.from, t.to, t.lag])).toEqual([[1, 2, 1], [1, 2, 0]]);
    expect(analysis.tested).toBe(2);
  });

  it("finds it with its numbers: 13 pairs of changes over 15 weeks, r = 1, the other way round near 0", () => {
    const lead = analysis.tests[0]!;
    expect(lead).toMatchObject({ state: "tested", pairs: 13, periods: 15, significant: true, claimed: true });
    expect(lead.r).toBeCloseTo(1, 12);
    expect(lead.p).toBeLessThan(1e-40);
    // Benjamini–Hochberg with m = 2 and this the only candidate: adjusted p = p · 2 / 1.
    expect(lead.adjustedP).toBeCloseTo(lead.p! * 2, 50);
    expect(Math.abs(lead.reverseR!)).toBeLessThan(0.2);
    expect(lead.reverseR).toBeCloseTo(pairedCorrelation(changes(beta), changes(alpha), 1).r!, 12);
  });

  it("states the effect for Alpha's usual swing: the median of |2, 3, 1, 4, 3, 2, 1, 4, 2, 2, 3, 1, 2| = 2, times 0.5 = 1", () => {
    expect(analysis.tests[0]).toMatchObject({ swing: 2, effect: 1 });
    expect(describeLink(analysis.tests[0]!, touchpoints, "week")).toBe(
      "Alpha (Bakers): its usual weekly swing of 2.0 points has been followed by 1.0 point the same way at Beta (Cooks) the next week (strong link, 15 weeks).",
    );
  });

  it("shows it in the lead cell, explains the same-week and not-compared cells", () => {
    const cells = influenceCells(touchpoints, analysis, [{ id: 1, name: "Bakers" }, { id: 2, name: "Cooks" }], "week");
    expect(cells.map((c) => [c.from, c.to, c.lag, c.state])).toEqual([
      [1, 2, 1, "lead"],
      [1, 2, 0, "none"],
      [2, 1, 1, "not-compared"],
    ]);
    expect(cells[0]).toMatchObject({ strength: "strong", sameWay: true });
    expect(cells[0]!.detail).toMatch(/^Alpha \(Bakers\) → Beta \(Cooks\), next week: strong link, r = 1\.00 over 13 week-to-week changes \(about \d+ independent\), p < 0\.0001, passes the false-discovery check across 2 tests \(adjusted p < 0\.0001\)\. The other way round, r = −?0\.\d\d\.$/);
    expect(cells[2]!.detail).toBe("Cooks → Bakers the next week: not compared — every touchpoint of Bakers comes earlier in the journey than those of Cooks.");
  });

  it("says not enough weeks with fewer than 12 paired changes", () => {
    const short = [tp(1, "Alpha", [1, "Bakers"], 0, alpha.slice(0, 13)), tp(2, "Beta", [2, "Cooks"], 1, beta.slice(0, 13))];
    const few = analyseInfluence(short);
    expect(few.tests.map((t) => [t.state, t.pairs])).toEqual([["too-few", 11], ["tested", 12]]);
    expect(few.tests[0]).toMatchObject({ r: null, effectivePairs: null, p: null, adjustedP: null, significant: false });
    const cells = influenceCells(short, few, [{ id: 1, name: "Bakers" }, { id: 2, name: "Cooks" }], "week");
    expect(cells[0]).toMatchObject({ state: "too-few", detail: "Bakers → Cooks the next week: not enough weeks yet — a link is looked for from 12 week-to-week changes in common (11 so far)." });
  });

  it("puts the opposite way and a falling effect in words", () => {
    const falling = [tp(1, "Alpha", [1, "Bakers"], 0, alpha), tp(2, "Beta", [2, "Cooks"], 1, beta.map((b) => 120 - b))];
    const link = strongestLinks(falling, analyseInfluence(falling))[0]!;
    expect(link.effect).toBeCloseTo(-1, 12);
    expect(describeLink(link, falling, "week")).toBe(
      "Alpha (Bakers): its usual weekly swing of 2.0 points has been followed by 1.0 point the opposite way at Beta (Cooks) the next week (strong link, 15 weeks).",
    );
  });
});

describe("direction", () => {
  it("claims no lead when the other way round is as strong", () => {
    // Two touchpoints at the same stage with the same changes, each a sum of three weeks' noise:
    // each leads the other the next week equally (r = 2/3 in theory), and they move together.
    const { noise } = createRandom(7);
    const e = Array.from({ length: 42 }, () => noise(2));
    const steps = e.slice(2).map((x, t) => x + e[t]! + e[t + 1]!);
    const touchpoints = [tp(1, "A", [1, "One"], 2, cumulative(70, steps)), tp(2, "B", [2, "Two"], 2, cumulative(50, steps))];
    const analysis = analyseInfluence(touchpoints);
    const leads = analysis.tests.filter((t) => t.lag === 1);
    expect(leads.map((t) => [t.from, t.to, t.significant, t.claimed])).toEqual([[1, 2, true, false], [2, 1, true, false]]);
    expect(leads[0]!.r).toBeCloseTo(leads[1]!.r!, 12);
    const cells = influenceCells(touchpoints, analysis, [{ id: 1, name: "One" }, { id: 2, name: "Two" }], "week");
    expect(cells.map((c) => [c.from, c.to, c.lag, c.state])).toEqual([[1, 2, 1, "two-way"], [1, 2, 0, "together"], [2, 1, 1, "two-way"]]);
    expect(strongestLinks(touchpoints, analysis).map((l) => [l.from, l.to, l.lag])).toEqual([[1, 2, 0]]);
  });

  it("compares touchpoints by stage, not departments by their first and last stage", () => {
    // Marketing owns the first stage and the last; Kitchen the middle. Kitchen → Marketing is
    // tested only towards Marketing's last-stage touchpoint, Marketing → Kitchen only from its first.
    const flat = Array.from({ length: 14 }, (_, i) => 60 + (i % 3));
    const touchpoints = [tp(1, "Ads", [1, "Marketing"], 0, flat), tp(2, "Food", [2, "Kitchen"], 1, flat), tp(3, "Reviews", [1, "Marketing"], 2, flat)];
    const lag1 = analyseInfluence(touchpoints).tests.filter((t) => t.lag === 1).map((t) => [t.from, t.to]);
    expect(lag1).toEqual([[1, 2], [2, 3]]);
  });
});

describe("effectWithinSeen", () => {
  it("is the slope times the usual swing, left out periods with no move", () => {
    // Swing: median |1, 2, 3| = 2 (the 0 is no move); slope of y = 2x is 2 → 4, within |y| ≤ 6.
    expect(effectWithinSeen([0, 1, -2, 3], [0, 2, -4, 6])).toEqual({ swing: 2, effect: 4 });
  });

  it("never states more than the other side ever moved", () => {
    // x̄ = 1.1, ȳ = 0.2: Σ dx·dy = 4·0.02 + 0.32 = 0.4, Σ dx² = 4·0.01 + 0.16 = 0.2, slope 2;
    // swing median(1, 1, 1, 1, 1.5) = 1 → 2, but y never moved more than 1.
    expect(effectWithinSeen([1, 1, 1, 1, 1.5], [0, 0, 0, 0, 1])).toEqual({ swing: 1, effect: 1 });
  });
});

describe("strengthOf", () => {
  it.each([[0.71, "strong"], [-0.7, "strong"], [0.6996, "strong"], [-0.6949, "moderate"], [0.5, "moderate"], [-0.4, "moderate"], [0.3951, "moderate"], [0.3949, "weak"], [0, "weak"]] as const)("calls r = %s %s (as shown to two decimals)", (r, label) => {
    expect(strengthOf(r)).toBe(label);
  });
});

describe("strongestLinks", () => {
  const departments = new Map([[1, 1], [2, 2], [3, 3], [4, 1]]);
  const touchpoints = [...departments].map(([id, d]) => tp(id, `T${id}`, [d, `D${d}`], 0, []));
  const link = (from: number, to: number, lag: 0 | 1, adjustedP: number, r = 0.8): LinkTest => ({ from, to, lag, state: "tested", pairs: 20, periods: 22, r, effectivePairs: 20, p: adjustedP / 2, adjustedP, significant: true, reverseR: 0, claimed: true, swing: 1, effect: 1, otherSwing: null });

  it("puts leads first, then same-week links, most certain first; one lead per ordered pair of departments", () => {
    const analysis = { q: 0.1, tested: 10, tests: [link(1, 3, 0, 0.001), link(1, 2, 1, 0.02), link(4, 2, 1, 0.01), link(2, 3, 1, 0.03), link(3, 1, 1, 0.05)] };
    expect(strongestLinks(touchpoints, analysis, Infinity).map((l) => [l.from, l.to, l.lag])).toEqual([[4, 2, 1], [2, 3, 1], [3, 1, 1]]);
  });

  it("keeps a same-week link for a pair without a lead, and stops at the count", () => {
    const analysis = { q: 0.1, tested: 10, tests: [link(1, 3, 0, 0.001), link(2, 3, 0, 0.002), link(1, 2, 1, 0.05)] };
    expect(strongestLinks(touchpoints, analysis).map((l) => [l.from, l.to, l.lag])).toEqual([[1, 2, 1], [1, 3, 0], [2, 3, 0]]);
    expect(strongestLinks(touchpoints, analysis, 2)).toHaveLength(2);
  });

  const pair = [tp(1, "Waiter service", [1, "Front of House"], 3, []), tp(2, "Drinks", [2, "Bar"], 3, [])];

  it("says less than 0.1 points for a tiny effect", () => {
    const t = { ...link(1, 2, 1, 0.01, 0.5), swing: 3.04, effect: -0.04 };
    expect(describeLink(t, pair, "month")).toBe(
      "Waiter service (Front of House): its usual monthly swing of 3.0 points has been followed by less than 0.1 points at Drinks (Bar) the next month (moderate link, 22 months).",
    );
  });

  it("puts a same-week link in words that lead neither way: both usual swings and the direction they share", () => {
    const t = { ...link(1, 2, 0, 0.01, -0.5), swing: 3.04, effect: -0.04, otherSwing: 0.04 };
    expect(describeLink(t, pair, "month")).toBe(
      "Waiter service (Front of House) and Drinks (Bar) move together in the same month, in opposite directions: their usual monthly swings are 3.0 points and less than 0.1 points (moderate link, 22 months).",
    );
    expect(describeLink({ ...t, r: 0.75, otherSwing: 6.26 }, pair, "week")).toBe(
      "Waiter service (Front of House) and Drinks (Bar) move together in the same week, in the same direction: their usual weekly swings are 3.0 points and 6.3 points (strong link, 22 weeks).",
    );
  });
});

// The reproductions from issue 12 §3, each on the documented behaviour before this method.
describe("reproductions", () => {
  it("a department of pure noise no longer 'drives' the kitchen: levels r = −0.41 at lag 1 was reported, changes show nothing", () => {
    // Bar: a drink rating of 4.5 ± 0.05 (score 87.5 ± 1.25); Kitchen: the demo's slowdown. 20 weeks (seed 66).
    const bar = [88.2, 87.31, 85.05, 87.82, 87.7, 88.76, 86.46, 87.97, 86.45, 87.87, 88.94, 87.25, 87.04, 90.78, 88.08, 88.98, 88.72, 86.83, 89.77, 87.64];
    const kitchen = [87.1, 89.64, 88.2, 88.19, 85.09, 88.22, 88.14, 91.55, 89.37, 89.36, 85.63, 85.98, 79, 72.7, 66.69, 56.54, 48.98, 45.6, 45.48, 44.08];
    // Before: n = 19 ≥ 8 and |r| ≥ 0.4 → "When Bar drops 10 points, Kitchen tends to rise 56 the next week (r = −0.41, 19 weeks)".
    const before = levelsAtLag1(bar, kitchen);
    expect(before.r).toBeCloseTo(-0.411, 3);
    expect(before.per10).toBeCloseTo(-56.2, 1);
    const touchpoints = [tp(1, "Drinks", [1, "Bar"], 3, bar), tp(2, "Food", [2, "Kitchen"], 3, kitchen)];
    const analysis = analyseInfluence(touchpoints);
    expect(analysis.tests.every((t) => t.state === "tested" && !t.significant)).toBe(true);
    expect(Math.abs(analysis.tests.find((t) => t.from === 1 && t.to === 2 && t.lag === 1)!.r!)).toBeLessThan(0.1);
    // So weak a link is screened out before its exact p-value is worked out.
    expect(analysis.tests.find((t) => t.from === 1 && t.to === 2 && t.lag === 1)).toMatchObject({ p: null, adjustedP: null });
    expect(strongestLinks(touchpoints, analysis)).toEqual([]);
  });

  it("an effect is stated for the swing seen, not for 10 points Front of House never moved", () => {
    // Front of House ranged 76.5–84.9; Kitchen follows it a week later at 3 points per point.
    const foh = [80.2, 78.1, 82.5, 79.9, 84.9, 81.0, 77.3, 80.8, 83.6, 76.5, 79.4, 82.2, 80.0, 78.8, 83.1, 81.5, 77.9, 80.6, 84.1, 79.2];
    const kitchen = [70, ...foh.slice(0, -1).map((x) => 70 + 3 * (x - 80))];
    // Before: "When Front of House drops 10 points, Kitchen tends to drop 30" — a drop FOH never made.
    expect(levelsAtLag1(foh, kitchen).per10).toBeCloseTo(30, 9);
    const touchpoints = [tp(1, "Host stand welcome", [1, "Front of House"], 2, foh), tp(2, "Food", [2, "Kitchen"], 3, kitchen)];
    const [link] = strongestLinks(touchpoints, analyseInfluence(touchpoints));
    // Usual swing: median of FOH's 18 leading |changes| = (2.9 + 3.5) / 2 = 3.2; effect 3 × 3.2 = 9.6.
    expect(link!.swing).toBeCloseTo(3.2, 9);
    expect(link!.effect).toBeCloseTo(9.6, 9);
    expect(describeLink(link!, touchpoints, "week")).toBe(
      "Host stand welcome (Front of House): its usual weekly swing of 3.2 points has been followed by 9.6 points the same way at Food (Kitchen) the next week (strong link, 20 weeks).",
    );
    const fohMoves = foh.slice(1).map((x, i) => Math.abs(x - foh[i]!));
    const kitchenMoves = kitchen.slice(1).map((x, i) => Math.abs(x - kitchen[i]!));
    expect(link!.swing!).toBeLessThanOrEqual(Math.max(...fohMoves));
    expect(Math.abs(link!.effect!)).toBeLessThanOrEqual(Math.max(...kitchenMoves));
  });

  it("a score constant but for the last bit is flat: no r, no 'points per point'", () => {
    // Before: r = −0.59 (moderate), −23159563455477.83 points per point, from x !== v[0].
    const bar = Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? 81.69166666666668 : 81.69166666666666));
    const { noise } = createRandom(3);
    const kitchen = Array.from({ length: 20 }, () => 80 + noise(3));
    const touchpoints = [tp(1, "Drinks", [1, "Bar"], 3, bar), tp(2, "Food", [2, "Kitchen"], 3, kitchen)];
    const analysis = analyseInfluence(touchpoints);
    expect(analysis.tests.map((t) => [t.state, t.r, t.effectivePairs, t.p])).toEqual([["flat", null, null, null], ["flat", null, null, null], ["flat", null, null, null]]);
    expect(analysis.tested).toBe(0);
    const cells = influenceCells(touchpoints, analysis, [{ id: 1, name: "Bar" }, { id: 2, name: "Kitchen" }], "week");
    expect(cells.map((c) => c.state)).toEqual(["flat", "flat", "flat"]);
    expect(cells[0]!.detail).toBe("Bar → Kitchen the next week: nothing to compare — a score did not vary over the window.");
  });

  it("two departments trending the same way are not linked: levels correlate at 0.99, changes do not", () => {
    const { noise } = createRandom(12);
    const a = Array.from({ length: 26 }, (_, w) => 50 + 1.2 * w + noise(1.5));
    const b = Array.from({ length: 26 }, (_, w) => 40 + 1.0 * w + noise(1.5));
    expect(sampleCorrelation(a, b)).toBeGreaterThan(0.95);
    expect(levelsAtLag1(a, b).r).toBeGreaterThan(0.95);
    const touchpoints = [tp(1, "Ads", [1, "Marketing"], 0, a), tp(2, "Food", [2, "Kitchen"], 3, b)];
    const analysis = analyseInfluence(touchpoints);
    expect(analysis.tests.every((t) => t.state === "tested" && !t.significant)).toBe(true);
    expect(strongestLinks(touchpoints, analysis)).toEqual([]);
  });
});

describe("analyseInfluence: which pairs, which weeks", () => {
  const steps = [3, -2, 4, -1, -3, 2, 1, -4, 2, -2, 3, -1, -2, 4];
  const alpha = cumulative(70, steps);
  const beta = cumulative(60, [1, ...steps.slice(0, -1).map((d) => d / 2)]);

  it("orders a same-week pair upstream first, whatever order the touchpoints come in", () => {
    const analysis = analyseInfluence([tp(2, "Beta", [2, "Cooks"], 1, beta), tp(1, "Alpha", [1, "Bakers"], 0, alpha)]);
    expect(analysis.tests.map((t) => [t.from, t.to, t.lag])).toEqual([[1, 2, 1], [1, 2, 0]]);
  });

  it("claims a lead at the same stage when the other way round does not pass", () => {
    const analysis = analyseInfluence([tp(1, "Alpha", [1, "Bakers"], 0, alpha), tp(2, "Beta", [2, "Cooks"], 0, beta)]);
    expect(analysis.tests.map((t) => [t.from, t.to, t.lag, t.significant, t.claimed])).toEqual([[1, 2, 1, true, true], [2, 1, 1, false, false], [1, 2, 0, false, false]]);
  });

  it("tests no pair within one department", () => {
    expect(analyseInfluence([tp(1, "Alpha", [1, "Bakers"], 0, alpha), tp(2, "Beta", [1, "Bakers"], 0, beta)]).tests).toEqual([]);
  });

  it("skips the weeks either touchpoint has no score, in the periods and in the effect", () => {
    // Alpha misses week 5 and Beta week 10: two changes gone on each side, 13 weeks with both scored.
    const a = alpha.map((x, i) => (i === 4 ? null : x));
    const b = beta.map((x, i) => (i === 9 ? null : x));
    const analysis = analyseInfluence([tp(1, "Alpha", [1, "Bakers"], 0, a), tp(2, "Beta", [2, "Cooks"], 1, b)], { minChanges: 8 });
    const lead = analysis.tests[0]!;
    expect(lead).toMatchObject({ lag: 1, pairs: 9, periods: 13, claimed: true, swing: 2 });
    // Beta's change is still exactly half of Alpha's the week before, on every pair present.
    expect(lead.effect).toBeCloseTo(1, 12);
  });
});

describe("analyseInfluence: the false-discovery check", () => {
  // A noisy lead (seed 3): Beta's change is half of Alpha's the week before, plus noise. Its p-value
  // is about 0.017; with m = 2 tests and one candidate, Benjamini–Hochberg adjusts it to 2p.
  const { noise } = createRandom(3);
  const a = Array.from({ length: 24 }, () => noise(2));
  const b = [noise(1), ...a.slice(0, -1).map((x) => 0.5 * x + noise(0.8))];
  const touchpoints = [tp(1, "A", [1, "One"], 0, cumulative(70, a)), tp(2, "B", [2, "Two"], 1, cumulative(60, b))];
  let p: number;
  beforeEach(() => {
    p = analyseInfluence(touchpoints).tests[0]!.p!;
  });

  it("adjusts a p-value equal to q but does not pass it when the adjusted one is above q", () => {
    expect(p).toBeGreaterThan(0.01);
    const lead = analyseInfluence(touchpoints, { q: p }).tests[0]!;
    expect(lead.adjustedP).toBeCloseTo(2 * p, 12);
    expect(lead).toMatchObject({ significant: false, claimed: false, swing: null });
  });

  it("passes an adjusted p-value equal to q", () => {
    const lead = analyseInfluence(touchpoints, { q: 2 * p }).tests[0]!;
    expect(lead.adjustedP).toBe(2 * p);
    // It passes the false-discovery check; whether a direction is claimed is the separate test of
    // forward against reverse (this noisy lead, r ≈ 0.5 on 22 changes, is not clearly the stronger).
    expect(lead).toMatchObject({ significant: true });
  });
});

describe("analyseInfluence: a link both ways", () => {
  // Each touchpoint's change feeds the other's the next week: B ← 0.9 A, A ← 0.6 B (plus noise).
  const feedback = (seed: number, weeks = 30) => {
    const { noise } = createRandom(seed);
    const a = [noise(2)];
    const b = [noise(2)];
    for (let t = 1; t < weeks; t++) {
      a.push(0.6 * b[t - 1]! + noise(1.5));
      b.push(0.9 * a[t - 1]! + noise(1));
    }
    return { a, b, noise };
  };

  it("at the same stage: both leads pass, so neither is claimed, however much stronger one is", () => {
    const { a, b } = feedback(2);
    const touchpoints = [tp(1, "A", [1, "One"], 0, cumulative(70, a)), tp(2, "B", [2, "Two"], 0, cumulative(60, b))];
    const analysis = analyseInfluence(touchpoints);
    const leads = analysis.tests.filter((t) => t.lag === 1);
    expect(leads.map((t) => [t.from, t.to, t.significant, t.claimed, t.swing, t.effect])).toEqual([[1, 2, true, false, null, null], [2, 1, true, false, null, null]]);
    expect(leads[0]!.r).toBeCloseTo(0.906, 3);
    expect(leads[0]!.reverseR).toBeCloseTo(0.625, 3);
    const cells = influenceCells(touchpoints, analysis, [{ id: 1, name: "One" }, { id: 2, name: "Two" }], "week");
    expect(cells.map((c) => c.state)).toEqual(["two-way", "none", "two-way"]);
  });

  it("from an earlier stage: the other way round is checked against the largest p-value that passed", () => {
    // Seed 19, with a third touchpoint C that moves with A the same week (it passes, p 0.022, and sets
    // the cutoff). A → B passes; B → A is not a test of its own (B is later), but its r of 0.72 would
    // pass under that cutoff, so A → B is not claimed.
    const { a, b, noise } = feedback(19);
    const c = a.map((x) => 0.5 * x + noise(1.5));
    const touchpoints = [tp(1, "A", [1, "One"], 0, cumulative(70, a)), tp(2, "B", [2, "Two"], 1, cumulative(60, b)), tp(3, "C", [3, "Three"], 2, cumulative(50, c))];
    for (const minChanges of [MIN_CHANGES, 29]) {
      const analysis = analyseInfluence(touchpoints, { minChanges });
      const lead = analysis.tests.find((t) => t.from === 1 && t.to === 2 && t.lag === 1)!;
      expect(lead).toMatchObject({ pairs: 29, significant: true, claimed: false });
      expect(lead.r).toBeCloseTo(0.904, 3);
      expect(lead.reverseR).toBeCloseTo(0.722, 3);
      // The tests above q keep their p-value but are not adjusted.
      expect(analysis.tests.filter((t) => t.p !== null && t.p > FALSE_DISCOVERY_RATE).map((t) => [t.from, t.to, t.lag, t.adjustedP])).toEqual([[2, 3, 1, null], [1, 2, 0, null]]);
      expect(analysis.tests.find((t) => t.from === 1 && t.to === 3 && t.lag === 0)).toMatchObject({ significant: true, claimed: true });
    }
  });
});

describe("analyseInfluence: the cutoff for the other way round", () => {
  it("is the largest p-value that passed, not the largest worked out", () => {
    // Seed 10: B ← 0.9 A and A ← 0.35 B the next week, C moves with A. B → A's p (0.061) is above
    // every p that passed (at most 0.0001) but below one that was worked out and failed (0.089).
    const { noise } = createRandom(10);
    const a = [noise(2)];
    const b = [noise(2)];
    for (let t = 1; t < 30; t++) {
      a.push(0.35 * b[t - 1]! + noise(1.5));
      b.push(0.9 * a[t - 1]! + noise(1));
    }
    const c = a.map((x) => 0.4 * x + noise(1.5));
    const analysis = analyseInfluence([tp(1, "A", [1, "One"], 0, cumulative(70, a)), tp(2, "B", [2, "Two"], 1, cumulative(60, b)), tp(3, "C", [3, "Three"], 2, cumulative(50, c))]);
    expect(Math.max(...analysis.tests.filter((t) => t.significant).map((t) => t.p!))).toBeLessThan(1e-4);
    expect(Math.max(...analysis.tests.map((t) => t.p ?? 0))).toBeCloseTo(0.089, 3);
    expect(analysis.tests.find((t) => t.from === 1 && t.to === 2 && t.lag === 1)).toMatchObject({ significant: true, claimed: true });
  });
});

describe("effectWithinSeen at its edge", () => {
  it("counts a change of exactly SCORE_TOLERANCE as no move", () => {
    // Swing: median |2, 4| = 3 (1e-9 is no move).
    expect(effectWithinSeen([SCORE_TOLERANCE, 2, 4], [0, 4, 8]).swing).toBe(3);
  });
});

describe("influenceCells on given tests", () => {
  // Bar: T1; Kitchen: T2 and T3; Hall: T4 (no tests at all).
  const touchpoints = [tp(1, "T1", [1, "Bar"], 0, []), tp(2, "T2", [2, "Kitchen"], 1, []), tp(3, "T3", [2, "Kitchen"], 1, []), tp(4, "T4", [3, "Hall"], 2, [])];
  const departments = [{ id: 1, name: "Bar" }, { id: 2, name: "Kitchen" }, { id: 3, name: "Hall" }];
  const test = (from: number, to: number, lag: 0 | 1, fields: Partial<LinkTest>): LinkTest => ({
    from, to, lag, state: "tested", pairs: 20, periods: 22, r: 0.5, effectivePairs: 17.6, p: 0.01, adjustedP: 0.02, significant: true, reverseR: 0.1, claimed: true, swing: 1, effect: 1, ...fields,
  });
  const cellsOf = (tests: LinkTest[]) => influenceCells(touchpoints, { tests, tested: 5, q: 0.1 }, departments, "week");
  const barKitchen = (tests: LinkTest[], lag: 0 | 1) => cellsOf(tests).find((c) => c.from === 1 && c.to === 2 && c.lag === lag)!;

  it("puts a same-week link in words, with a negative r and p-values to two figures", () => {
    const cells = cellsOf([test(1, 2, 0, { r: -0.55, p: 0.0123, adjustedP: 0.0246 })]);
    expect(cells.map((c) => [c.from, c.to, c.lag, c.state])).toEqual([
      [1, 2, 1, "not-compared"],
      [1, 2, 0, "together"],
      [1, 3, 1, "not-compared"],
      [1, 3, 0, "not-compared"],
      [2, 1, 1, "not-compared"],
      [2, 3, 1, "not-compared"],
      [2, 3, 0, "not-compared"],
      [3, 1, 1, "not-compared"],
      [3, 2, 1, "not-compared"],
    ]);
    expect(cells[1]).toEqual({
      from: 1,
      to: 2,
      lag: 0,
      state: "together",
      strength: "moderate",
      sameWay: false,
      detail: "T1 (Bar) → T2 (Kitchen), same week: moderate link, r = −0.55 over 20 week-to-week changes (about 18 independent), p = 0.012, passes the false-discovery check across 5 tests (adjusted p = 0.025).",
    });
  });

  it("writes p = 0.00010 at the edge, and p < 0.0001 below it", () => {
    expect(barKitchen([test(1, 2, 1, { p: 0.0001, adjustedP: 0.00009 })], 1).detail).toContain("p = 0.00010, passes the false-discovery check across 5 tests (adjusted p < 0.0001). The other way round, r = 0.10.");
  });

  it.each([
    ["weaker first", [test(1, 2, 1, { adjustedP: 0.03 }), test(1, 3, 1, { adjustedP: 0.01 })]],
    ["stronger first", [test(1, 3, 1, { adjustedP: 0.01 }), test(1, 2, 1, { adjustedP: 0.03 })]],
    ["equal p, weaker r first", [test(1, 2, 1, { adjustedP: 0.01, r: 0.5 }), test(1, 3, 1, { adjustedP: 0.01, r: -0.7 })]],
    ["equal p, stronger r first", [test(1, 3, 1, { adjustedP: 0.01, r: -0.7 }), test(1, 2, 1, { adjustedP: 0.01, r: 0.5 })]],
  ])("shows the best-evidenced lead of a department pair (%s)", (_, tests) => {
    const cell = barKitchen(tests, 1);
    expect(cell.state).toBe("lead");
    expect(cell.detail).toMatch(/^T1 \(Bar\) → T3 \(Kitchen\), next week:/);
  });

  it.each([
    ["weaker first", [test(1, 2, 1, { claimed: false, adjustedP: 0.03 }), test(1, 3, 1, { claimed: false, adjustedP: 0.01, reverseR: 0.4 })]],
    ["stronger first", [test(1, 3, 1, { claimed: false, adjustedP: 0.01, reverseR: 0.4 }), test(1, 2, 1, { claimed: false, adjustedP: 0.03 })]],
  ])("explains a link with no direction by its best-evidenced test (%s)", (_, tests) => {
    const cell = barKitchen(tests, 1);
    expect(cell.state).toBe("two-way");
    expect(cell.detail).toMatch(/^T1 \(Bar\) → T3 \(Kitchen\), next week: .* But the other way round is as strong or also stands out \(r = 0\.40\): no direction claimed\.$/);
  });

  it.each([
    ["weaker first", [test(1, 2, 1, { significant: false, claimed: false, r: 0.1 }), test(1, 3, 1, { significant: false, claimed: false, r: -0.3 })]],
    ["closer first", [test(1, 3, 1, { significant: false, claimed: false, r: -0.3 }), test(1, 2, 1, { significant: false, claimed: false, r: 0.1 })]],
  ])("names the closest of the pairs tested when none passes (%s)", (_, tests) => {
    expect(barKitchen(tests, 1)).toMatchObject({
      state: "none",
      detail: "Bar → Kitchen the next week: no link passes the false-discovery check (2 touchpoint pairs tested; the closest, T1 (Bar) → T3 (Kitchen), r = −0.30).",
    });
    expect(barKitchen(tests.slice(0, 1), 1).detail).toMatch(/\(1 touchpoint pair tested; the closest, /);
  });

  it("says how many changes the best-covered pair has so far", () => {
    const few = (to: number, pairs: number) => test(1, to, 0, { state: "too-few", pairs, r: null, significant: false, claimed: false });
    expect(barKitchen([few(2, 9), few(3, 5)], 0).detail).toBe("Bar and Kitchen, the same week: not enough weeks yet — a link is looked for from 12 week-to-week changes in common (9 so far).");
    expect(barKitchen([few(2, 5), few(3, 9)], 0).detail).toContain("(9 so far)");
  });
});

describe("strongestLinks: one per pair of departments", () => {
  const departments = new Map([[1, 1], [2, 2], [3, 3], [4, 1]]);
  const touchpoints = [...departments].map(([id, d]) => tp(id, `T${id}`, [d, `D${d}`], 0, []));
  const link = (from: number, to: number, lag: 0 | 1, adjustedP: number): LinkTest => ({ from, to, lag, state: "tested", pairs: 20, periods: 22, r: 0.8, effectivePairs: 20, p: adjustedP / 2, adjustedP, significant: true, reverseR: 0, claimed: true, swing: 1, effect: 1 });
  const chosen = (tests: LinkTest[]) => strongestLinks(touchpoints, { q: 0.1, tested: 10, tests }, Infinity).map((l) => [l.from, l.to, l.lag]);

  it("keeps a lead each way between two departments", () => {
    expect(chosen([link(1, 2, 1, 0.01), link(2, 1, 1, 0.02)])).toEqual([[1, 2, 1], [2, 1, 1]]);
  });

  it("keeps one same-week link per unordered pair of departments, whichever way its touchpoints run", () => {
    // T1 → T3 and T3 → T4 are both Department 1 with Department 3.
    expect(chosen([link(1, 3, 0, 0.01), link(3, 4, 0, 0.02)])).toEqual([[1, 3, 0]]);
    expect(chosen([link(1, 2, 0, 0.01), link(1, 3, 0, 0.02)])).toEqual([[1, 2, 0], [1, 3, 0]]);
  });

  it("drops a same-week link for a pair with a lead the same way", () => {
    expect(chosen([link(1, 2, 1, 0.05), link(1, 2, 0, 0.001)])).toEqual([[1, 2, 1]]);
  });
});

describe("describeLink at the edge of 0.1 points", () => {
  it("says 0.1 points, and which way, for an effect of 0.05", () => {
    const test: LinkTest = { from: 1, to: 2, lag: 1, state: "tested", pairs: 20, periods: 22, r: 0.5, effectivePairs: 20, p: 0.001, adjustedP: 0.002, significant: true, reverseR: 0, claimed: true, swing: 0.05, effect: 0.05 };
    expect(describeLink(test, [tp(1, "Food", [1, "Kitchen"], 0, []), tp(2, "Waiter service", [2, "Front of House"], 1, [])], "week")).toBe(
      "Food (Kitchen): its usual weekly swing of 0.1 points has been followed by 0.1 points the same way at Waiter service (Front of House) the next week (moderate link, 22 weeks).",
    );
  });
});

