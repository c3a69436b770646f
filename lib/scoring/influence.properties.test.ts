// Influence's error rates over many generated journeys (fast-check generates them, from a fixed
// seed so the figures are the same on every run):
// - journeys whose touchpoints are independent noise (white noise, random walks, AR(1), each
//   with its own trend, some with a trend shared by all): the page names a link in few of them;
// - the same journeys with one planted one-period lead between touchpoints of two departments:
//   the page names it, in the right direction, in nearly all of them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../prisma/seed/demo-story";
import { analyseInfluence, strongestLinks, type InfluenceTouchpoint } from "./influence";

const PERIODS = 26;

const kindArb = fc.constantFrom("white", "walk", "ar1", "tiny");
const touchpointArb = fc.record({
  department: fc.integer({ min: 1, max: 7 }),
  stage: fc.integer({ min: 0, max: 5 }),
  kind: kindArb,
  level: fc.double({ min: 45, max: 85, noNaN: true }),
  sd: fc.double({ min: 0.5, max: 5, noNaN: true }),
  phi: fc.double({ min: 0.3, max: 0.9, noNaN: true }),
  trend: fc.double({ min: -0.4, max: 0.4, noNaN: true }),
});

/** A journey of 4–14 touchpoints of up to 7 departments over 6 stages, each an independent noise series. */
export const noiseJourneyArb = fc
  .record({
    touchpoints: fc.array(touchpointArb, { minLength: 4, maxLength: 14 }),
    sharedTrend: fc.option(fc.double({ min: -0.5, max: 0.5, noNaN: true })),
    missing: fc.double({ min: 0, max: 0.05, noNaN: true }),
    seed: fc.integer(),
  })
  .map(({ touchpoints, sharedTrend, missing, seed }) => {
    const { noise, next: uniform } = createRandom(seed);
    return touchpoints.map((t, i): InfluenceTouchpoint => {
      const own: number[] = [];
      let state = 0;
      for (let w = 0; w < PERIODS; w++) {
        if (t.kind === "walk") state += noise(t.sd * 0.6);
        else if (t.kind === "ar1") state = t.phi * state + noise(t.sd);
        else state = noise(t.kind === "tiny" ? t.sd / 20 : t.sd); // "tiny": a drink rating of 4.5 ± 0.05 or so
        own.push(t.level + state + (t.trend + (sharedTrend ?? 0)) * w);
      }
      return {
        id: i + 1,
        name: `T${i + 1}`,
        department: { id: t.department, name: `D${t.department}` },
        stage: t.stage,
        scores: own.map((s) => (uniform() < missing ? null : Math.max(0, Math.min(100, s)))),
      };
    });
  });

/**
 * A noise journey plus one planted lead: touchpoint 101 (department 11, stage 1) is white noise, a
 * random walk or AR(1) (sd 3 points), and touchpoint 102 (department 12, stage 1–3, so level with
 * or downstream of 101) changes each period by β times 101's change the period before, plus its own
 * noise sized so that the two changes correlate at `strength` (0 < strength < 1):
 *
 *     Δto_{t+1} = β · Δfrom_t + ε_t,   sd(ε) = |β| · sd(Δfrom) · √(1 / strength² − 1)
 */
export const plantedJourneyArb = (strength: { min: number; max: number }) =>
  fc
    .record({
      journey: noiseJourneyArb,
      kind: fc.constantFrom("white", "walk", "ar1"),
      phi: fc.double({ min: 0.3, max: 0.9, noNaN: true }),
      beta: fc.double({ min: 0.3, max: 1.2, noNaN: true }).chain((b) => fc.constantFrom(b, -b)),
      rho: fc.double({ min: strength.min, max: strength.max, noNaN: true }),
      toStage: fc.integer({ min: 1, max: 3 }),
      seed: fc.integer(),
    })
    .map(({ journey, kind, phi, beta, rho, toStage, seed }) => {
      const { noise } = createRandom(seed);
      let state = 0;
      const driver = Array.from({ length: PERIODS }, () => {
        state = kind === "walk" ? state + noise(2) : kind === "ar1" ? phi * state + noise(3) : noise(3);
        return 70 + state;
      });
      const delta = driver.slice(1).map((x, t) => x - driver[t]!);
      const mean = delta.reduce((a, b) => a + b, 0) / delta.length;
      const sdDelta = Math.sqrt(delta.reduce((a, b) => a + (b - mean) ** 2, 0) / (delta.length - 1));
      const own = Math.abs(beta) * sdDelta * Math.sqrt(1 / rho ** 2 - 1);
      const follower = [65, 65 + noise(own)];
      for (let t = 1; t < delta.length; t++) follower.push(follower.at(-1)! + beta * delta[t - 1]! + noise(own));
      const clamp = (s: number) => Math.max(0, Math.min(100, s));
      const planted: InfluenceTouchpoint[] = [
        { id: 101, name: "Leader", department: { id: 11, name: "Leading" }, stage: 1, scores: driver.map(clamp) },
        { id: 102, name: "Follower", department: { id: 12, name: "Following" }, stage: toStage, scores: follower.map(clamp) },
      ];
      return [...journey, ...planted];
    });

/** Share of planted journeys in which the page names the planted lead, and in which it names it backwards. */
export function detection(strength: { min: number; max: number }, numRuns: number, seed: number) {
  let found = 0;
  let reversed = 0;
  for (const touchpoints of fc.sample(plantedJourneyArb(strength), { numRuns, seed })) {
    const links = strongestLinks(touchpoints, analyseInfluence(touchpoints), Infinity);
    if (links.some((l) => l.lag === 1 && l.from === 101 && l.to === 102)) found++;
    if (links.some((l) => l.lag === 1 && l.from === 102 && l.to === 101)) reversed++;
  }
  return { found: found / numRuns, reversed: reversed / numRuns };
}

const SAMPLES = { noise: 400, planted: 200 };

describe("influence over generated journeys", () => {
  it(`names a link in at most 10 % of ${SAMPLES.noise} journeys of independent noise`, () => {
    const journeys = fc.sample(noiseJourneyArb, { numRuns: SAMPLES.noise, seed: 20261201 });
    const withLinks = journeys.filter((touchpoints) => strongestLinks(touchpoints, analyseInfluence(touchpoints)).length > 0);
    console.info(`influence: a link named in ${withLinks.length} of ${journeys.length} noise journeys`);
    expect(withLinks.length / journeys.length).toBeLessThanOrEqual(0.1);
  });

  it(`finds a planted one-period lead, in its direction, in at least 90 % of ${SAMPLES.planted} journeys`, () => {
    const { found, reversed } = detection({ min: 0.8, max: 0.95 }, SAMPLES.planted, 20261202);
    console.info(`influence: planted lead (changes correlating 0.8–0.95) found in ${found * 100} %, reversed in ${reversed * 100} %`);
    expect(found).toBeGreaterThanOrEqual(0.9);
    expect(reversed).toBe(0);
  });
});
