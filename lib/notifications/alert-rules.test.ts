import { describe, expect, it } from "vitest";
import { scoreJourney } from "../scoring/journey";
import { judgeJourney, stepFor, subjectKey, type AlertJourney, type Judgement } from "./alert-rules";

// Two touchpoints, one metric each on a 0–100 scale, so a value is its score. Food: target 80,
// warning 60, weight 3 (Kitchen). Drinks: target 80, warning 50, weight 1 (Bar).
const journey: AlertJourney = {
  id: 7,
  name: "Dine-in",
  touchpoints: [
    { id: 1, name: "Food", stageId: 1, departmentId: 10, department: { id: 10, name: "Kitchen" }, weight: 3, momentOfTruth: false, metrics: [{ id: 101, weight: 1, scaleBest: 100, scaleWorst: 0, target: 80, warningThreshold: 60 }] },
    { id: 2, name: "Drinks", stageId: 1, departmentId: 20, department: { id: 20, name: "Bar" }, weight: 1, momentOfTruth: false, metrics: [{ id: 102, weight: 1, scaleBest: 100, scaleWorst: 0, target: 80, warningThreshold: 50 }] },
  ],
};
const week = (i: number) => new Date(Date.UTC(2026, 9, 5 + 7 * i));

/** Judges the journey over weeks whose Food and Drinks values are given (null: no figure). */
function judge(food: (number | null)[], drinks: (number | null)[], threshold: number | null = null): Judgement[] {
  const periods = food.map((_, i) => week(i));
  const scores = periods.map((_, i) => {
    const values = new Map<number, number>();
    if (food[i] != null) values.set(101, food[i]!);
    if (drinks[i] != null) values.set(102, drinks[i]!);
    return scoreJourney(journey.touchpoints, values, 2);
  });
  return judgeJourney(journey, periods, scores, 0.5, threshold);
}
const verdict = (all: Judgement[], key: string) => all.find((j) => j.subjectKey === key);

describe("judgeJourney", () => {
  it("judges a touchpoint below its warning line in the newest period with enough figures, as the overview's tile does", () => {
    const all = judge([70, 70, 70, 70, 59.9], [60, 60, 60, 60, 60]);
    expect(verdict(all, "below_warning:touchpoint:1")).toMatchObject({ firing: true, period: week(4), value: 59.9, facts: { score: 59.9, warningScore: 60, department: { name: "Kitchen" } } });
    expect(verdict(all, "below_warning:touchpoint:2")).toMatchObject({ firing: false, value: 60 });
    // Exactly on the line is not below it.
    expect(verdict(judge([70, 70, 70, 70, 60], [60, 60, 60, 60, 60]), "below_warning:touchpoint:1")!.firing).toBe(false);
  });

  it("does not judge a partial period: under half the journey's metric weight reported", () => {
    // Week 4 has only Drinks (weight 1 of 4): the newest judged week is 3.
    const all = judge([70, 70, 70, 70, null], [60, 60, 60, 60, 10]);
    expect(verdict(all, "below_warning:touchpoint:2")).toMatchObject({ firing: false, period: week(3), value: 60 });
    expect(verdict(all, "below_warning:touchpoint:1")).toMatchObject({ period: week(3) });
  });

  it("judges a touchpoint with no figure in the newest judged period on its newest judged figure, and not at all without one", () => {
    const all = judge([55, 55, 55, 55, 70], [60, 60, 60, 60, null]);
    expect(verdict(all, "below_warning:touchpoint:2")).toMatchObject({ period: week(3) });
    expect(verdict(all, "below_warning:touchpoint:1")).toMatchObject({ period: week(4), firing: false });
    expect(verdict(judge([70, 70, 70, 70, 70], [null, null, null, null, null]), "below_warning:touchpoint:2")).toBeUndefined();
  });

  it("fires 'falling' after three falls in a row, not two, and a level period ends the run", () => {
    const three = judge([90, 80, 75, 70, 65], [60, 60, 60, 60, 60]);
    expect(verdict(three, "falling:touchpoint:1")).toMatchObject({ firing: true, facts: { fallingFor: 4, run: [80, 75, 70, 65] } });
    expect(verdict(judge([90, 90, 75, 70, 65], [60, 60, 60, 60, 60]), "falling:touchpoint:1")).toMatchObject({ firing: true, facts: { fallingFor: 3, run: [90, 75, 70, 65] } });
    expect(verdict(judge([90, 90, 90, 70, 65], [60, 60, 60, 60, 60]), "falling:touchpoint:1")!.firing).toBe(false);
    expect(verdict(judge([90, 80, 75, 70, 70], [60, 60, 60, 60, 60]), "falling:touchpoint:1")).toMatchObject({ firing: false, facts: { fallingFor: 0, previous: 70 } });
    // A gap ends the run.
    expect(verdict(judge([90, 80, null, 70, 65], [60, 60, 60, 60, 60]), "falling:touchpoint:1")!.firing).toBe(false);
  });

  it("leaves the first periods of the window unjudged: they are there for a falling run's history", () => {
    const all = judge([50, 50, 50, null], [50, 50, 50, null]);
    expect(all).toEqual([]);
  });

  it("judges the journey's missing points as the overview shows them against the alert line, and not at all when it is off", () => {
    // Food 3 × (80 − 70) and Drinks 1 × (80 − 60) over Σ W 4: 7.5 + 5.0 = 12.5 missing points.
    const all = judge([70, 70, 70, 70, 70], [60, 60, 60, 60, 60], 12.5);
    expect(verdict(all, "shortfall:journey:7")).toMatchObject({ firing: false, value: 12.5, facts: { missing: 12.5, threshold: 12.5, drag: "Kitchen costs the most: 7.5 points, all at Food (70.0 vs 80.0)." } });
    expect(verdict(judge([70, 70, 70, 70, 70], [60, 60, 60, 60, 60], 12.4), "shortfall:journey:7")!.firing).toBe(true);
    expect(verdict(judge([70, 70, 70, 70, 70], [60, 60, 60, 60, 60], null), "shortfall:journey:7")).toBeUndefined();
  });

  it("names subjects by rule and kind", () => {
    expect([subjectKey("below_warning", 3), subjectKey("falling", 3), subjectKey("shortfall", 3)]).toEqual(["below_warning:touchpoint:3", "falling:touchpoint:3", "shortfall:journey:3"]);
  });
});

describe("stepFor", () => {
  const at = (i: number, firing: boolean, value = 50) => ({ firing, period: week(i), value });

  it("records what it sees first without a message during a rule's first evaluation, and alerts on a new subject later", () => {
    expect(stepFor(undefined, at(1, true), true)).toBe("record");
    expect(stepFor(undefined, at(1, true), false)).toBe("trigger");
    expect(stepFor(undefined, at(1, false), false)).toBe("record");
  });

  it("triggers on clear → firing, recovers on firing → clear, and says nothing while the state holds", () => {
    expect(stepFor(at(1, false), at(2, true), false)).toBe("trigger");
    expect(stepFor(at(1, true), at(2, false), false)).toBe("recover");
    expect(stepFor(at(2, true), at(2, true), false)).toBe("none");
    expect(stepFor(at(2, false), at(2, false), false)).toBe("none");
  });

  it("stores newer figures in the same state silently", () => {
    expect(stepFor(at(1, true), at(2, true), false)).toBe("record");
    expect(stepFor(at(2, true), at(2, true, 40), false)).toBe("record");
  });

  it("changes nothing on a verdict about an older period than the one stored", () => {
    expect(stepFor(at(3, true), at(2, false), false)).toBe("none");
    expect(stepFor(at(3, false), at(2, true), false)).toBe("none");
  });
});
