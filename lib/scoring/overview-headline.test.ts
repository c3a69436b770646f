import { describe, expect, it } from "vitest";
import type { JourneyOverview } from "../data/overview";
import { overviewHeadline, periodPhrase } from "./overview-headline";
import type { JourneyScore } from "./journey";

const touchpoint = (id: number, name: string, department: number, score: number | null, targetScore: number | null) => ({ id, name, score, targetScore, department: { id: department } });

/** The parts of a journey's overview the headline reads. */
const journey = {
  name: "Dine-in",
  score: 78.9,
  targetScore: 82.2,
  shortfall: 2.64,
  periodStatus: "complete",
  currentPeriod: false,
  reported: { touchpoints: 3, of: 3 },
  departments: [
    { id: 1, name: "Kitchen", drag: 1.04 },
    { id: 2, name: "Facilities", drag: 1.6 },
    { id: 3, name: "Bar", drag: 0 },
  ],
  stages: [
    { touchpoints: [touchpoint(10, "Food", 1, 70, 84.4)] },
    { touchpoints: [touchpoint(20, "Dining room cleanliness", 2, 61.4, 88.8), touchpoint(30, "Drinks", 3, 84.1, 81.4)] },
  ],
  touchpoints: [],
} as unknown as JourneyOverview;

const base = { touchpointDrags: new Map([[10, 1.04], [20, 1.6]]) } as unknown as JourneyScore;

describe("overviewHeadline", () => {
  it("says the overview's sentence from its data: each department's touchpoints and their drags from the period's roll-up", () => {
    expect(overviewHeadline(journey, "the week of 16 Nov 2026", base)).toEqual({
      status: "under-target",
      sentence: "Dine-in is 3.3 points under target (78.9 vs 82.2).",
      drag: "Facilities costs the most: 1.6 points, all at Dining room cleanliness (61.4 vs 88.8).",
    });
  });

  it("does not judge a period with too few figures in, and names it", () => {
    const partial = { ...journey, periodStatus: "partial", currentPeriod: true, reported: { touchpoints: 1, of: 3 } } as unknown as JourneyOverview;
    const headline = overviewHeadline(partial, "the week of 30 Nov 2026", base);
    expect(headline.sentence).toBe("The week of 30 Nov 2026 is still in progress: figures so far from 1 of 3 touchpoints, so Dine-in is not judged against its target yet.");
    expect(headline.drag).toBeNull();
  });
});

describe("periodPhrase", () => {
  it("puts a week's label in the middle of a sentence and leaves months and quarters as they are", () => {
    expect(periodPhrase("Week of 16 Nov 2026")).toBe("the week of 16 Nov 2026");
    expect(periodPhrase("November 2026")).toBe("November 2026");
    expect(periodPhrase("Q4 2026")).toBe("Q4 2026");
  });
});
