// Properties the scoring model must keep for any journey (fast-check generates the journeys).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreJourney, whatIf, type ScoredTouchpoint } from "./journey";

const metricArb = fc
  .record({ best: fc.integer({ min: -100, max: 100 }), span: fc.integer({ min: 1, max: 100 }), flip: fc.boolean(), weight: fc.double({ min: 0.1, max: 5, noNaN: true }), targetAt: fc.option(fc.double({ min: 0, max: 1, noNaN: true })) })
  .map(({ best, span, flip, weight, targetAt }) => {
    const worst = flip ? best + span : best - span; // flip: lower is better
    return { scaleBest: best, scaleWorst: worst, weight, target: targetAt === null ? null : worst + targetAt * (best - worst) };
  });

const journeyArb = fc
  .array(
    fc.record({
      departmentId: fc.integer({ min: 1, max: 4 }),
      stageId: fc.integer({ min: 1, max: 3 }),
      weight: fc.double({ min: 0.1, max: 5, noNaN: true }),
      momentOfTruth: fc.boolean(),
      metrics: fc.array(fc.tuple(metricArb, fc.option(fc.double({ min: -0.5, max: 1.5, noNaN: true }))), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((raw) => {
    const values = new Map<number, number>();
    let nextMetric = 1;
    const touchpoints: ScoredTouchpoint[] = raw.map((t, i) => ({
      id: i + 1,
      departmentId: t.departmentId,
      stageId: t.stageId,
      weight: t.weight,
      momentOfTruth: t.momentOfTruth,
      metrics: t.metrics.map(([m, at]) => {
        const id = nextMetric++;
        // at: where the value sits between worst (0) and best (1); beyond both ends too.
        if (at !== null) values.set(id, m.scaleWorst + at * (m.scaleBest - m.scaleWorst));
        return { id, ...m };
      }),
    }));
    return { touchpoints, values };
  });

const k = fc.double({ min: 1, max: 3, noNaN: true });
const inRange = (s: number | null) => s === null || (s >= -1e-9 && s <= 100 + 1e-9);

describe("scoring properties", () => {
  it("keeps every score between 0 and 100", () => {
    fc.assert(
      fc.property(journeyArb, k, ({ touchpoints, values }, mot) => {
        const j = scoreJourney(touchpoints, values, mot);
        const all = [j, ...j.touchpoints.values(), ...j.stages.values(), ...j.departments.values()];
        expect(all.every((s) => inRange(s.score) && inRange(s.targetScore))).toBe(true);
      }),
    );
  });

  it("never lowers any score when a metric's value moves toward its best", () => {
    fc.assert(
      fc.property(journeyArb, k, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), ({ touchpoints, values }, mot, pick, step) => {
        const present = [...values.keys()];
        fc.pre(present.length > 0);
        const metricId = present[pick % present.length]!;
        const metric = touchpoints.flatMap((t) => t.metrics).find((m) => m.id === metricId)!;
        const better = new Map(values);
        better.set(metricId, values.get(metricId)! + step * (metric.scaleBest - metric.scaleWorst));
        const before = scoreJourney(touchpoints, values, mot);
        const after = scoreJourney(touchpoints, better, mot);
        const tp = touchpoints.find((t) => t.metrics.some((m) => m.id === metricId))!;
        const pairs = [
          [before.score, after.score],
          [before.touchpoints.get(tp.id)!.score, after.touchpoints.get(tp.id)!.score],
          [before.stages.get(tp.stageId)!.score, after.stages.get(tp.stageId)!.score],
          [before.departments.get(tp.departmentId)!.score, after.departments.get(tp.departmentId)!.score],
        ];
        for (const [b, a] of pairs) expect(a!).toBeGreaterThanOrEqual(b! - 1e-9);
      }),
    );
  });

  it("makes drags non-negative and add up to the journey's shortfall", () => {
    fc.assert(
      fc.property(journeyArb, k, ({ touchpoints, values }, mot) => {
        const j = scoreJourney(touchpoints, values, mot);
        const drags = [...j.departments.values()].map((d) => d.drag);
        expect(drags.every((d) => d >= 0)).toBe(true);
        expect(drags.reduce((a, b) => a + b, 0)).toBeCloseTo(j.shortfall, 9);
      }),
    );
  });

  it("gives no drag to a department whose touchpoints all meet their targets", () => {
    fc.assert(
      fc.property(journeyArb, k, ({ touchpoints, values }, mot) => {
        const j = scoreJourney(touchpoints, values, mot);
        for (const [departmentId, d] of j.departments) {
          const mine = [...j.touchpoints.values()].filter((t) => t.departmentId === departmentId);
          if (mine.every((t) => t.score === null || t.targetScore === null || t.score >= t.targetScore)) expect(d.drag).toBe(0);
        }
      }),
    );
  });

  it("closes every gap with a full what-if lift, and changes nothing with none", () => {
    fc.assert(
      fc.property(journeyArb, k, ({ touchpoints, values }, mot) => {
        const j = scoreJourney(touchpoints, values, mot);
        const everyone = new Map([...j.departments.keys()].map((id) => [id, 1]));
        expect(whatIf(j, everyone).shortfall).toBeCloseTo(0, 9);
        expect(whatIf(j, new Map()).score).toBe(j.score);
      }),
    );
  });
});
