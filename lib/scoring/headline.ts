// The overview's headline: the journey against its target and which department costs it most, as
// one or two plain sentences. Every number in them is a number shown elsewhere on the page, rounded
// the same way (lib/format.ts), so the sentence and the chart never disagree. docs/scoring.md,
// "The headline", lists each case.
import { apportion, formatScore, roundHalfUp } from "../format";

export type HeadlineTouchpoint = { name: string; score: number | null; targetScore: number | null; drag: number };
export type HeadlineDepartment = { name: string; drag: number; touchpoints: readonly HeadlineTouchpoint[] };
export type HeadlineInput = {
  journey: string;
  /** Points 0–100, or null when the period has no figures. */
  score: number | null;
  targetScore: number | null;
  /** Points lost to touchpoints below their targets (Σ of the departments' drags). */
  shortfall: number;
  departments: readonly HeadlineDepartment[];
  /** How much of the period is in: a period in progress or only partly reported is not judged. */
  completeness?: { status: "complete" | "in-progress" | "partial"; touchpoints: number; of: number };
};

/** Where the journey stands against its target, by the numbers shown (one decimal). */
export type JourneyStatus = "no-figures" | "incomplete" | "no-target" | "under-target" | "on-target";

export type Headline = { status: JourneyStatus; sentence: string; drag: string | null };

const points = (shown: number) => `${shown.toFixed(1)} point${shown.toFixed(1) === "1.0" ? "" : "s"}`;
const versus = (score: number | null, target: number | null) => `${formatScore(score)} vs ${formatScore(target)}`;

/** The status by the rounded numbers a reader sees, so "78.95 vs 78.96" never reads "under target" as 79.0 vs 79.0. */
export function journeyStatus(score: number | null, targetScore: number | null): Exclude<JourneyStatus, "incomplete"> {
  if (score === null) return "no-figures";
  if (targetScore === null) return "no-target";
  return roundHalfUp(score) < roundHalfUp(targetScore) ? "under-target" : "on-target";
}

/**
 * Which department costs the most and where, e.g. "Facilities costs the most: 1.9 points, mostly
 * Dining room cleanliness (61.4 vs 88.8)." Null when no department costs a shown 0.1 point. The
 * department's points are its share of the shortfall as the drag chart shows it (apportioned).
 */
export function dragSentence(departments: readonly HeadlineDepartment[]): string | null {
  const shown = apportion(departments.map((d) => d.drag));
  const ranked = departments.map((d, i) => ({ ...d, shown: shown[i]! })).sort((a, b) => b.shown - a.shown || b.drag - a.drag);
  const top = ranked[0];
  if (!top || top.shown < 0.1) return null;
  const costing = ranked.filter((d) => d.shown >= 0.1).length;
  const lead = costing === 1 ? `${top.name} costs all ${points(top.shown)}` : `${top.name} costs the most: ${points(top.shown)}`;
  const below = top.touchpoints.filter((t) => t.drag > 0).sort((a, b) => b.drag - a.drag);
  const worst = below[0];
  if (!worst) return `${lead}.`;
  const where = `${worst.name} (${versus(worst.score, worst.targetScore)})`;
  if (below.length === 1) return `${lead}, all at ${where}.`;
  return worst.drag >= top.drag / 2 ? `${lead}, mostly ${where}.` : `${lead}, across ${below.length} touchpoints, most at ${where}.`;
}

/**
 * The headline for one journey in one period. Cases: a period in progress or partly reported (not
 * judged); no figures; no target; under target (by the shown numbers); on or above target, with or
 * without touchpoints below their own targets.
 */
export function journeyHeadline(input: HeadlineInput, periodLabel: string): Headline {
  const completeness = input.completeness;
  if (completeness && completeness.status !== "complete") {
    const counted = `${completeness.touchpoints} of ${completeness.of} touchpoint${completeness.of === 1 ? "" : "s"}`;
    if (input.score === null) return { status: "no-figures", sentence: `No figures yet for ${periodLabel} (${counted}).`, drag: null };
    return {
      status: "incomplete",
      sentence:
        completeness.status === "in-progress"
          ? `${periodLabel[0]!.toUpperCase()}${periodLabel.slice(1)} is still in progress: figures so far from ${counted}, so ${input.journey} is not judged against its target yet.`
          : `Only ${counted} reported for ${periodLabel}, too few to judge ${input.journey} against its target.`,
      drag: null,
    };
  }
  const status = journeyStatus(input.score, input.targetScore);
  const drag = dragSentence(input.departments);
  const missing = roundHalfUp(input.shortfall);
  switch (status) {
    case "no-figures":
      return { status, sentence: `${input.journey} has no figures for ${periodLabel} yet.`, drag: null };
    case "no-target":
      return { status, sentence: `${input.journey} scores ${formatScore(input.score)}; its touchpoints have no targets yet, so nothing counts as missing.`, drag: null };
    case "under-target": {
      const gap = roundHalfUp(roundHalfUp(input.targetScore!) - roundHalfUp(input.score!));
      return { status, sentence: `${input.journey} is ${points(gap)} under target (${versus(input.score, input.targetScore)}).`, drag };
    }
    case "on-target": {
      const above = roundHalfUp(roundHalfUp(input.score!) - roundHalfUp(input.targetScore!));
      const where = above > 0 ? `${points(above)} above target` : "on target";
      if (missing < 0.1 || drag === null) {
        return { status, sentence: `${input.journey} is ${where} (${versus(input.score, input.targetScore)}), and every touchpoint with figures meets its own target.`, drag: null };
      }
      return { status, sentence: `${input.journey} is ${where} (${versus(input.score, input.targetScore)}), yet touchpoints below their own targets cost it ${points(missing)}.`, drag };
    }
  }
}
