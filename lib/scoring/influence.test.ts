import { describe, expect, it } from "vitest";
import { describeInfluence, influence, influencePairs, strengthOf, strongestLinks, type Influence } from "./influence";

describe("influence", () => {
  // B follows A one period later at 0.4 points per point: b[t] = 50 + 0.4 · (a[t−1] − 70).
  const a = [70, 72, 68, 60, 55, 58, 66, 71, 73, 69, 62, 57];
  const b = [50, ...a.slice(0, -1).map((x) => 50 + 0.4 * (x - 70))];

  it("finds a perfect lag-1 relationship with its slope", () => {
    const found = influence(a, b, 1);
    expect(found).toMatchObject({ lag: 1, n: 11, strength: "strong", enough: true });
    expect(found.r).toBeCloseTo(1, 10);
    expect(found.slope).toBeCloseTo(0.4, 10);
  });

  it("pairs the same periods at lag 0 and skips periods missing on either side", () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const y = [2, 4, null, 8, 10, 12, 14, 16, 18, 20];
    const found = influence(x, y, 0);
    expect(found.n).toBe(9);
    expect(found.slope).toBeCloseTo(2, 10);
  });

  it("says there is not enough evidence with fewer than 8 paired periods", () => {
    const found = influence([1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7], 0);
    expect(found).toEqual({ lag: 0, n: 7, r: null, slope: null, strength: "none", enough: false });
  });

  it("says there is not enough evidence for a flat series, or a weak relationship", () => {
    expect(influence([5, 5, 5, 5, 5, 5, 5, 5, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9], 0).r).toBeNull();
    const weak = influence([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [5, 1, 4, 8, 2, 9, 3, 6, 10, 7], 0);
    expect(weak.enough).toBe(Math.abs(weak.r!) >= 0.4);
  });

  it.each([[0.71, "strong"], [-0.7, "strong"], [0.5, "moderate"], [0.25, "weak"], [0.1, "none"], [null, "none"]] as const)("labels r = %s as %s", (r, label) => {
    expect(strengthOf(r)).toBe(label);
  });
});

describe("describeInfluence", () => {
  it("puts a lag-1 finding in plain words", () => {
    expect(describeInfluence("Kitchen", "Front of House", { lag: 1, n: 40, r: 0.712, slope: 0.4, strength: "strong", enough: true }, "week")).toBe(
      "When Kitchen drops 10 points, Front of House tends to drop 4.0 the next week (r = 0.71, 40 weeks).",
    );
  });

  it("says so when the evidence is not enough", () => {
    expect(describeInfluence("Bar", "Kitchen", { lag: 0, n: 5, r: null, slope: null, strength: "none", enough: false }, "month")).toBe(
      "Bar → Kitchen: not enough evidence (5 months with figures on both sides).",
    );
  });
});

describe("influencePairs", () => {
  it("pairs each department with those it meets the customer before or alongside", () => {
    // 1 at stages 0–1; 2 at 2–4; 3 at 3 only.
    expect(influencePairs([{ id: 1, firstStage: 0, lastStage: 1 }, { id: 2, firstStage: 2, lastStage: 4 }, { id: 3, firstStage: 3, lastStage: 3 }])).toEqual([
      [1, 2], [1, 3], [2, 3], [3, 2],
    ]);
  });
});

describe("strongestLinks", () => {
  const found = (lag: 0 | 1, r: number | null, enough = r !== null && Math.abs(r) >= 0.4): Influence => ({ lag, n: 20, r, slope: r, strength: strengthOf(r), enough });
  const pair = (from: number, to: number, r0: number | null, r1: number | null) => ({ from, to, lag0: found(0, r0), lag1: found(1, r1) });

  it("puts leading (lag 1) links first, strongest first, and keeps one per pair of departments", () => {
    const pairs = [pair(1, 2, 0.95, 0.5), pair(2, 1, 0.95, null), pair(3, 4, 0.2, 0.8), pair(1, 3, -0.9, 0.1)];
    const links = strongestLinks(pairs).map(({ pair, found }) => [pair.from, pair.to, found.lag, found.r]);
    expect(links).toEqual([
      [3, 4, 1, 0.8],
      [1, 2, 1, 0.5],
      [1, 3, 0, -0.9],
    ]);
  });

  it("says nothing about links without enough evidence", () => {
    expect(strongestLinks([pair(1, 2, 0.3, null), pair(2, 3, null, 0.39)])).toEqual([]);
  });

  it("stops at the count asked for", () => {
    const pairs = Array.from({ length: 6 }, (_, i) => pair(i, i + 10, null, 0.5 + i / 100));
    expect(strongestLinks(pairs, 2).map((l) => l.pair.from)).toEqual([5, 4]);
  });
});
