import { describe, expect, it } from "vitest";
import { dragSentence, journeyHeadline, journeyStatus, missingPointsNote, shownDrags, shownGap, type HeadlineDepartment } from "./headline";

const facilities: HeadlineDepartment = {
  name: "Facilities",
  drag: 1.92,
  touchpoints: [
    { name: "Dining room cleanliness", score: 61.4, targetScore: 88.8, drag: 1.6 },
    { name: "Entrance & parking", score: 80, targetScore: 82.5, drag: 0.32 },
  ],
};
const kitchen: HeadlineDepartment = { name: "Kitchen", drag: 1.04, touchpoints: [{ name: "Food", score: 70, targetScore: 84.4, drag: 1.04 }] };
const bar: HeadlineDepartment = { name: "Bar", drag: 0, touchpoints: [{ name: "Drinks", score: 84.1, targetScore: 81.4, drag: 0 }] };

describe("journeyStatus", () => {
  it.each([
    [null, 80, "no-figures"],
    [70, null, "no-target"],
    [78.9, 82.2, "under-target"],
    [82.2, 82.2, "on-target"],
    [83, 82.2, "on-target"],
    // 78.95 and 78.96 both show as 79.0: not "under target" on screen, so not in words either.
    [78.95, 78.96, "on-target"],
    [78.94, 78.96, "under-target"],
  ] as const)("score %s, target %s → %s", (score, target, status) => {
    expect(journeyStatus(score, target)).toBe(status);
  });
});

describe("journeyHeadline", () => {
  it("says how far under target the journey is and who costs the most (the issue's example)", () => {
    const headline = journeyHeadline({ journey: "Dine-in", score: 78.9, targetScore: 82.2, shortfall: 2.98, departments: [kitchen, facilities, bar] }, "the week of 16 Nov 2026");
    expect(headline).toEqual({
      status: "under-target",
      sentence: "Dine-in is 3.3 points under target (78.9 vs 82.2).",
      drag: "Facilities costs the most: 1.9 points, mostly Dining room cleanliness (61.4 vs 88.8).",
    });
  });

  it("takes the gap from the numbers shown, not the stored ones (84.75 shows as 84.8)", () => {
    expect(journeyHeadline({ journey: "J", score: 80.04, targetScore: 84.74999999999999, shortfall: 4.7, departments: [] }, "").sentence).toBe(
      "J is 4.8 points under target (80.0 vs 84.8).",
    );
  });

  it("says 1.0 point in the singular", () => {
    expect(journeyHeadline({ journey: "J", score: 79, targetScore: 80, shortfall: 1, departments: [] }, "").sentence).toBe("J is 1.0 point under target (79.0 vs 80.0).");
  });

  it("explains a journey above target that still loses points to touchpoints below theirs", () => {
    const headline = journeyHeadline({ journey: "Online order", score: 78.6, targetScore: 77.4, shortfall: 0.8, departments: [{ ...kitchen, drag: 0.8, touchpoints: [{ ...kitchen.touchpoints[0]!, drag: 0.8 }] }, bar] }, "");
    expect(headline).toEqual({
      status: "on-target",
      sentence: "Online order is 1.2 points above target (78.6 vs 77.4), yet touchpoints below their own targets cost it 0.8 points.",
      drag: "Kitchen costs all 0.8 points, all at Food (70.0 vs 84.4).",
    });
  });

  it("says so when the journey and every touchpoint meet their targets", () => {
    expect(journeyHeadline({ journey: "J", score: 82.2, targetScore: 82.2, shortfall: 0.04, departments: [bar] }, "")).toEqual({
      status: "on-target",
      sentence: "J is on target (82.2 vs 82.2), and every touchpoint with figures meets its own target.",
      drag: null,
    });
  });

  it("says there are no figures yet rather than anything about targets", () => {
    expect(journeyHeadline({ journey: "J", score: null, targetScore: null, shortfall: 0, departments: [bar] }, "the week of 23 Nov 2026")).toEqual({
      status: "no-figures",
      sentence: "J has no figures for the week of 23 Nov 2026 yet.",
      drag: null,
    });
  });

  it("says nothing is missing without targets", () => {
    expect(journeyHeadline({ journey: "J", score: 70.26, targetScore: null, shortfall: 0, departments: [] }, "").sentence).toBe(
      "J scores 70.3; its touchpoints have no targets yet, so nothing counts as missing.",
    );
  });
});

describe("dragSentence", () => {
  it("names the touchpoint most of the drag comes from", () => {
    expect(dragSentence([facilities, kitchen])).toBe("Facilities costs the most: 1.9 points, mostly Dining room cleanliness (61.4 vs 88.8).");
  });

  it("says the drag is spread when no touchpoint has half of it", () => {
    const spread: HeadlineDepartment = {
      name: "Front of House",
      drag: 3,
      touchpoints: [
        { name: "Waiter service", score: 75, targetScore: 83.7, drag: 1.2 },
        { name: "Host stand welcome", score: 79.8, targetScore: 85.4, drag: 1 },
        { name: "Bill & payment", score: 70, targetScore: 78.6, drag: 0.8 },
      ],
    };
    expect(dragSentence([spread, kitchen])).toBe("Front of House costs the most: 3.0 points, across 3 touchpoints, most at Waiter service (75.0 vs 83.7).");
  });

  it("uses the same apportioned points as the chart, so the top department matches what is drawn", () => {
    // 0.15 + 0.15 + 0.15 = 0.45 → 0.5 shown: 0.2, 0.2, 0.1 (largest remainder, then order).
    const tiny = (name: string): HeadlineDepartment => ({ name, drag: 0.15, touchpoints: [] });
    expect(dragSentence([tiny("A"), tiny("B"), tiny("C")])).toBe("A costs the most: 0.2 points.");
  });

  it("is silent when nothing costs a shown 0.1 point", () => {
    expect(dragSentence([bar])).toBeNull();
    expect(dragSentence([{ ...kitchen, drag: 0.04 }])).toBeNull();
    expect(dragSentence([])).toBeNull();
  });
});

describe("journeyHeadline on an incomplete period", () => {
  const base = { journey: "Dine-in", score: 60, targetScore: 82.2, shortfall: 5, departments: [kitchen] };

  it("says there are no figures yet, with the touchpoint count, and claims nothing about targets", () => {
    expect(journeyHeadline({ ...base, score: null, completeness: { status: "partial", current: true, touchpoints: 0, of: 17 } }, "the week of 23 Nov 2026")).toEqual({
      status: "no-figures",
      sentence: "No figures yet for the week of 23 Nov 2026 (0 of 17 touchpoints).",
      drag: null,
    });
  });

  it("does not judge a period in progress with few figures, however they look", () => {
    expect(journeyHeadline({ ...base, completeness: { status: "partial", current: true, touchpoints: 1, of: 17 } }, "the week of 23 Nov 2026")).toEqual({
      status: "incomplete",
      sentence: "The week of 23 Nov 2026 is still in progress: figures so far from 1 of 17 touchpoints, so Dine-in is not judged against its target yet.",
      drag: null,
    });
  });

  it("does not judge a past period with too little reported", () => {
    expect(journeyHeadline({ ...base, completeness: { status: "partial", current: false, touchpoints: 4, of: 17 } }, "March 2026").sentence).toBe(
      "Only 4 of 17 touchpoints reported for March 2026, too few to judge Dine-in against its target.",
    );
  });

  it("judges a complete period as usual", () => {
    expect(journeyHeadline({ ...base, completeness: { status: "complete", current: false, touchpoints: 17, of: 17 } }, "").status).toBe("under-target");
  });

  it("judges a current period with enough figures in, saying it is so far", () => {
    expect(journeyHeadline({ ...base, score: 78.9, completeness: { status: "in-progress", current: true, touchpoints: 11, of: 11 } }, "November 2026")).toEqual({
      status: "under-target",
      sentence: "So far in November 2026, Dine-in is 3.3 points under target (78.9 vs 82.2).",
      drag: "Kitchen costs all 1.0 point, all at Food (70.0 vs 84.4).",
    });
  });
});

describe("shownDrags", () => {
  it("gives points that add up to the total and shares of the exact drags that add up to 100", () => {
    // 1.94 + 1.04 + 0.64 + 0.126 = 3.746 → 3.7 shown: 1.9, 1.0, 0.6, 0.2? No: largest remainders
    // of 19.4, 10.4, 6.4, 1.26 → floors 19, 10, 6, 1 = 36, one more unit to 0.4s (first: 1.94).
    const { rows, total } = shownDrags([1.94, 1.04, 0.64, 0.126]);
    expect(total).toBe(3.7);
    expect(rows.map((r) => [r.index, r.points])).toEqual([[0, 2], [1, 1], [2, 0.6], [3, 0.1]]);
    // Shares of the exact 3.746: 51.79, 27.76, 17.08, 3.36 → floors 98, the two units to .79 and
    // .76 → 52, 28, 17, 3 (sum 100). Of the shown points they would be 54, 27, 16, 3.
    expect(rows.map((r) => r.share)).toEqual([52, 28, 17, 3]);
  });

  it("ranks equal shown points by the exact drag, as the headline names the first", () => {
    const { rows } = shownDrags([0.891, 0.943]);
    expect(rows.map((r) => r.index)).toEqual([1, 0]);
    expect(dragSentence([{ name: "Facilities", drag: 0.891, touchpoints: [] }, { name: "Kitchen", drag: 0.943, touchpoints: [] }])).toBe("Kitchen costs the most: 0.9 points.");
  });

  it("gives two parts shown as 0.1 each their true shares, not 50/50 (issue 12 review)", () => {
    const { rows, total } = shownDrags([0.092, 0.049]);
    expect(total).toBe(0.1);
    expect(rows.map((r) => [r.points, r.share])).toEqual([[0.1, 65], [0, 35]]);
  });

  it("says 'costs all' only when no other department costs anything, shown or not", () => {
    const dept = (name: string, drag: number) => ({ name, drag, touchpoints: [] });
    expect(dragSentence([dept("Reservations", 0.092), dept("Front of House", 0.049)])).toBe("Reservations costs the most: 0.1 points.");
    expect(dragSentence([dept("Reservations", 0.092), dept("Front of House", 0)])).toBe("Reservations costs all 0.1 points.");
    expect(dragSentence([dept("Reservations", 0.092), dept("Front of House", 1e-12)])).toBe("Reservations costs all 0.1 points.");
  });

  it("shows no shares when nothing shows as missing", () => {
    expect(shownDrags([0.01, 0.02])).toEqual({ rows: [{ index: 1, points: 0, share: 0 }, { index: 0, points: 0, share: 0 }], total: 0 });
  });

  describe("in a what-if, against the drags shown before", () => {
    const before = [1.94, 1.04, 0.64, 0.126]; // shown 2.0, 1.0, 0.6, 0.1 (3.7)
    const byIndex = (rows: { index: number; points: number }[]) => rows.slice().sort((a, b) => a.index - b.index).map((r) => r.points);

    it("keeps an untouched department's points while another's slider moves", () => {
      // Lifting the first to 1.5: plain apportioning of 1.5, 1.04, 0.64, 0.126 (3.3) gives the
      // spare unit to 1.04 → 1.1, so an untouched department would move from 1.0 to 1.1.
      expect(byIndex(shownDrags([1.5, 1.04, 0.64, 0.126]).rows)).toEqual([1.5, 1.1, 0.6, 0.1]);
      const { rows, total } = shownDrags([1.5, 1.04, 0.64, 0.126], before);
      expect(total).toBe(3.3);
      expect(byIndex(rows)).toEqual([1.6, 1, 0.6, 0.1]);
    });

    it("shows the same as before when nothing changed, and shares the rest among the changed", () => {
      expect(shownDrags(before, before)).toEqual(shownDrags(before));
      const { rows, total } = shownDrags([0.97, 0.52, 0.64, 0.126], before);
      expect(total).toBe(2.3);
      expect(byIndex(rows)).toEqual([1, 0.6, 0.6, 0.1]);
      expect(rows.reduce((sum, r) => sum + r.points, 0)).toBeCloseTo(total, 9);
    });

    it("falls back to plain apportioning when the kept points are more than the new total", () => {
      // Before: 0.03, 1.47, 0.96, 0.81, 0.1 (3.37) showed 0, 1.5, 1.0, 0.8, 0.1. Lifting the first
      // to 0 leaves 3.34 → 3.3 shown, but the untouched four kept would show 3.4.
      const drags = [0, 1.47, 0.96, 0.81, 0.1];
      const { rows, total } = shownDrags(drags, [0.03, 1.47, 0.96, 0.81, 0.1]);
      expect(total).toBe(3.3);
      expect(byIndex(rows)).toEqual([0, 1.5, 0.9, 0.8, 0.1]);
      expect(rows).toEqual(shownDrags(drags).rows);
    });
  });
});

describe("shownGap", () => {
  it("is the difference of the two numbers as shown", () => {
    expect(shownGap(78.9, 82.2)).toBe(3.3);
    expect(shownGap(80.04, 84.74999999999999)).toBe(4.8);
    expect(shownGap(83.4, 82.2)).toBe(-1.2);
    expect(shownGap(78.95, 78.96)).toBe(0);
  });
});

describe("dragSentence: which touchpoints it names", () => {
  const department = (drag: number, drags: number[]): HeadlineDepartment => ({
    name: "Front of House",
    drag,
    touchpoints: drags.map((d, i) => ({ name: `T${i}`, score: 70, targetScore: 80, drag: d })),
  });

  it("leaves out touchpoints that cost nothing and names the costliest, wherever it is listed", () => {
    // T0 costs nothing; T1 0.4 and T2 0.5 of 1.5: the worst has under half, so "across 2".
    expect(dragSentence([department(1.5, [0, 0.4, 0.5])])).toBe("Front of House costs all 1.5 points, across 2 touchpoints, most at T2 (70.0 vs 80.0).");
    expect(dragSentence([department(0.5, [0, 0.5])])).toBe("Front of House costs all 0.5 points, all at T1 (70.0 vs 80.0).");
  });

  it("says mostly when the costliest touchpoint has exactly half the department's drag", () => {
    expect(dragSentence([department(1, [0.5, 0.3, 0.2])])).toBe("Front of House costs all 1.0 point, mostly T0 (70.0 vs 80.0).");
  });

  it("names a department that costs exactly the shown 0.1 point", () => {
    expect(dragSentence([{ name: "Bar", drag: 0.1, touchpoints: [] }])).toBe("Bar costs all 0.1 points.");
  });
});

describe("journeyHeadline at its edges", () => {
  it("counts one touchpoint in the singular", () => {
    expect(journeyHeadline({ journey: "J", score: null, targetScore: 80, shortfall: 0, departments: [], completeness: { status: "partial", current: true, touchpoints: 0, of: 1 } }, "March 2026").sentence).toBe(
      "No figures yet for March 2026 (0 of 1 touchpoint).",
    );
  });

  it("says every touchpoint meets its target when the points missing show but no department costs a shown 0.1", () => {
    // 0.3 points missing but no department to name: no drag sentence, so no claim of touchpoints below target.
    expect(journeyHeadline({ journey: "J", score: 82.2, targetScore: 82.2, shortfall: 0.3, departments: [] }, "")).toEqual({
      status: "on-target",
      sentence: "J is on target (82.2 vs 82.2), and every touchpoint with figures meets its own target.",
      drag: null,
    });
  });

  it("names the touchpoints below target from 0.1 points missing", () => {
    const kitchen: HeadlineDepartment = { name: "Kitchen", drag: 0.1, touchpoints: [{ name: "Food", score: 70, targetScore: 84.4, drag: 0.1 }] };
    expect(journeyHeadline({ journey: "J", score: 82.2, targetScore: 82.2, shortfall: 0.1, departments: [kitchen] }, "")).toEqual({
      status: "on-target",
      sentence: "J is on target (82.2 vs 82.2), yet touchpoints below their own targets cost it 0.1 points.",
      drag: "Kitchen costs all 0.1 points, all at Food (70.0 vs 84.4).",
    });
  });
});


describe("missingPointsNote", () => {
  it("says why more points are missing than the gap the headline names (the digest's week of 28 Sept)", () => {
    expect(missingPointsNote(80.5, 82.2, 2.8)).toBe("Touchpoints below their own targets cost 2.8 points in all; those above theirs make up 1.1 of them.");
  });

  it("says nothing when the missing points are the gap, or less, as shown", () => {
    expect(missingPointsNote(80.5, 82.2, 1.7)).toBeNull();
    expect(missingPointsNote(80.5, 82.2, 1.74)).toBeNull(); // shows as 1.7
    expect(missingPointsNote(80.5, 82.2, 1.75)).toBe("Touchpoints below their own targets cost 1.8 points in all; those above theirs make up 0.1 of them.");
    expect(missingPointsNote(80.5, 82.2, 1.2)).toBeNull();
  });

  it("says nothing on target, without a target or without figures (the headline speaks for those)", () => {
    expect(missingPointsNote(83, 82.2, 0.8)).toBeNull();
    expect(missingPointsNote(80, null, 3)).toBeNull();
    expect(missingPointsNote(null, 82.2, 3)).toBeNull();
  });
});
