import { describe, expect, it } from "vitest";
import { SCORE_TOLERANCE } from "./index";
import { fallingStreak, targetStatus } from "./status";

describe("targetStatus", () => {
  it("judges a score equal to its target but for the last bit as on target, not below", () => {
    expect(targetStatus(81.69166666666666, 81.69166666666668, null)).toBe("on-target");
    expect(targetStatus(70 - 1e-12, 80, 70)).toBe("below-target");
    expect(targetStatus(69.9, 80, 70)).toBe("below-warning");
  });

  it.each([
    ["at the target", 80, 80, 70, "on-target"],
    ["above the target", 90, 80, 70, "on-target"],
    ["between warning and target", 75, 80, 70, "below-target"],
    ["exactly on the warning line is not below it", 70, 80, 70, "below-target"],
    ["under the warning line", 69.9, 80, 70, "below-warning"],
    ["under the warning line with no target", 50, null, 70, "below-warning"],
    ["no target and no warning", 50, null, null, null],
    ["no target, above warning", 90, null, 70, null],
  ] as const)("%s", (_, score, target, warning, expected) => {
    expect(targetStatus(score, target, warning)).toBe(expected);
  });

  it("draws both lines exactly SCORE_TOLERANCE below the warning and the target", () => {
    expect(targetStatus(70 - SCORE_TOLERANCE, 80, 70)).toBe("below-target");
    expect(targetStatus(80 - SCORE_TOLERANCE, 80, 70)).toBe("on-target");
  });

  it("has nothing to say without a score", () => {
    expect(targetStatus(null, 80, 70)).toBeNull();
  });
});


describe("fallingStreak", () => {
  it.each([
    ["three drops in a row", [80, 78, 75, 70], 3],
    ["a rise at the end ends the run", [80, 78, 75, 76], 0],
    ["a flat period ends the run", [80, 78, 78, 77], 1],
    ["a period flat but for the last bit ends the run", [80, 81.69166666666668, 81.69166666666666, 81], 1],
    ["a fall of a hundredth of a point counts", [80, 79.99, 79.98, 79.97], 3],
    ["a gap ends the run", [80, null, 75, 70], 1],
    ["only the run ending with the latest counts", [90, 80, 70, 75, 74], 1],
    ["a single period", [70], 0],
    ["no data", [], 0],
  ] as const)("%s", (_, series, expected) => {
    expect(fallingStreak(series)).toBe(expected);
  });
});

describe("fallingStreak at its edges", () => {
  it("has no run when the latest period has no score", () => {
    expect(fallingStreak([80, 70, null])).toBe(0);
  });

  it("does not count a fall of exactly SCORE_TOLERANCE", () => {
    expect(fallingStreak([80, 80 - SCORE_TOLERANCE])).toBe(0);
  });
});
