// The overview's headline: the journey against its target and which department costs it most, as
// one or two plain sentences. Every number in them is a number shown elsewhere on the page, rounded
// the same way (lib/format.ts), so the sentence and the chart never disagree. docs/scoring.md,
// "The headline", lists each case.
import { apportion, formatScore, roundHalfUp } from "../format";
import { SCORE_TOLERANCE } from "./index";

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
  /**
   * How much of the period is in. partial (under half the journey's metric weight reported): not
   * judged. in-progress (the current period, enough reported): judged "so far".
   */
  completeness?: { status: "complete" | "in-progress" | "partial"; current: boolean; touchpoints: number; of: number };
};

/** Where the journey stands against its target, by the numbers shown (one decimal). */
export type JourneyStatus = "no-figures" | "incomplete" | "no-target" | "under-target" | "on-target";

export type Headline = { status: JourneyStatus; sentence: string; drag: string | null };

export type ShownDrag = { index: number; points: number; share: number };

/**
 * Department drags as the page shows them, most first: points apportioned so they add up to the
 * shown missing points, shares (whole %) of the exact drags apportioned to 100 (all 0 when
 * nothing shows), ranked by shown points, then by the exact drag, then by input order. One source
 * for the headline, the drag chart and the departments table, so they never disagree.
 *
 * `before` (what-if): the drags the page showed before the scenario. A department whose drag the
 * scenario leaves unchanged keeps the points it showed, and the changed ones share the rest of
 * the new shown total; otherwise re-apportioning would move an untouched department by 0.1 as
 * another's slider moves. Falls back to plain apportioning when the kept points leave too little.
 */
export function shownDrags(drags: readonly number[], before?: readonly number[]): { rows: ShownDrag[]; total: number } {
  const points = shownPoints(drags, before);
  const total = roundHalfUp(points.reduce((a, b) => a + b, 0));
  // Shares of the exact drags, not of the rounded points: 0.2 of 3.7 shown is 5 %, but a drag of
  // 0.13 of 3.75 is 3.5 %, and two parts rounded to 0.1 each are not 50/50 when they are 0.09 and 0.04.
  const exact = drags.reduce((a, d) => a + Math.max(0, d), 0);
  const shares = total > 0 ? apportion(drags.map((d) => (100 * Math.max(0, d)) / exact), 0, 100) : points.map(() => 0);
  const rows = drags
    .map((_, index) => ({ index, points: points[index]!, share: shares[index]! }))
    // Array sort is stable: rows equal on both keys keep their input order.
    .sort((a, b) => b.points - a.points || drags[b.index]! - drags[a.index]!);
  return { rows, total };
}

function shownPoints(drags: readonly number[], before: readonly number[] | undefined): number[] {
  const plain = apportion(drags);
  if (!before) return plain;
  const kept = apportion(before);
  const unchanged = drags.map((d, i) => Math.abs(d - before[i]!) <= SCORE_TOLERANCE);
  if (unchanged.every(Boolean)) return kept;
  const keptSum = kept.reduce((sum, p, i) => (unchanged[i] ? sum + p : sum), 0);
  const rest = roundHalfUp(roundHalfUp(drags.reduce((a, b) => a + b, 0)) - keptSum);
  const changed = drags.filter((_, i) => !unchanged[i]);
  const shared = apportion(changed, 1, rest);
  // apportion hands out units, never takes them: when the changed parts' floors exceed `rest`
  // (the kept points alone pass the new total), keep nothing.
  if (Math.abs(shared.reduce((a, b) => a + b, 0) - rest) > SCORE_TOLERANCE) return plain;
  let next = 0;
  return drags.map((_, i) => (unchanged[i] ? kept[i]! : shared[next++]!));
}

const points = (shown: number) => `${shown.toFixed(1)} point${shown.toFixed(1) === "1.0" ? "" : "s"}`;
const versus = (score: number | null, target: number | null) => `${formatScore(score)} vs ${formatScore(target)}`;

/** target − score as a reader sees it: the difference of the two numbers shown (one decimal), so it always matches them. */
export function shownGap(score: number, targetScore: number): number {
  return roundHalfUp(roundHalfUp(targetScore) - roundHalfUp(score));
}

/**
 * For a journey under target whose missing points (`missing`, as shown: the drags' shown total)
 * exceed the gap its headline names, the sentence that says why: "Touchpoints below their own
 * targets cost 2.8 points in all; those above theirs make up 1.1 of them." The overview says it in
 * its "Why 2.8 missing, not 1.7?" note; the weekly digest, which has no such note, says this.
 * Null otherwise (on target, no target, or no more missing than the gap). By shown (0.1) values.
 */
export function missingPointsNote(score: number | null, targetScore: number | null, missing: number): string | null {
  if (journeyStatus(score, targetScore) !== "under-target") return null;
  const tenths = (x: number) => Math.round(x * 10);
  const gap = shownGap(score!, targetScore!);
  const madeUp = tenths(missing) - tenths(gap);
  if (madeUp <= 0) return null;
  return `Touchpoints below their own targets cost ${(tenths(missing) / 10).toFixed(1)} points in all; those above theirs make up ${(madeUp / 10).toFixed(1)} of them.`;
}

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
  const { rows } = shownDrags(departments.map((d) => d.drag));
  const costing = rows.filter((r) => r.points >= 0.1);
  const first = costing[0];
  if (!first) return null;
  const top = departments[first.index]!;
  // "All" only when no other department costs anything, shown or not: 0.09 and 0.05 show as 0.1
  // and 0.0, but the second still costs a third of it.
  const alone = departments.every((d, i) => i === first.index || d.drag <= SCORE_TOLERANCE);
  const lead = alone ? `${top.name} costs all ${points(first.points)}` : `${top.name} costs the most: ${points(first.points)}`;
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
  if (completeness?.status === "partial") {
    const counted = `${completeness.touchpoints} of ${completeness.of} touchpoint${completeness.of === 1 ? "" : "s"}`;
    if (input.score === null) return { status: "no-figures", sentence: `No figures yet for ${periodLabel} (${counted}).`, drag: null };
    return {
      status: "incomplete",
      sentence: completeness.current
        ? `${capitalise(periodLabel)} is still in progress: figures so far from ${counted}, so ${input.journey} is not judged against its target yet.`
        : `Only ${counted} reported for ${periodLabel}, too few to judge ${input.journey} against its target.`,
      drag: null,
    };
  }
  const judged = judge(input, periodLabel);
  return completeness?.status === "in-progress" ? { ...judged, sentence: `So far in ${periodLabel}, ${judged.sentence}` } : judged;
}

const capitalise = (text: string) => `${text.slice(0, 1).toUpperCase()}${text.slice(1)}`;

function judge(input: HeadlineInput, periodLabel: string): Headline {
  const status = journeyStatus(input.score, input.targetScore);
  const drag = dragSentence(input.departments);
  const missing = roundHalfUp(input.shortfall);
  switch (status) {
    case "no-figures":
      return { status, sentence: `${input.journey} has no figures for ${periodLabel} yet.`, drag: null };
    case "no-target":
      return { status, sentence: `${input.journey} scores ${formatScore(input.score)}; its touchpoints have no targets yet, so nothing counts as missing.`, drag: null };
    case "under-target": {
      const gap = shownGap(input.score!, input.targetScore!);
      return { status, sentence: `${input.journey} is ${points(gap)} under target (${versus(input.score, input.targetScore)}).`, drag };
    }
    case "on-target": {
      const above = -shownGap(input.score!, input.targetScore!);
      const where = above > 0 ? `${points(above)} above target` : "on target";
      if (missing < 0.1 || drag === null) {
        return { status, sentence: `${input.journey} is ${where} (${versus(input.score, input.targetScore)}), and every touchpoint with figures meets its own target.`, drag: null };
      }
      return { status, sentence: `${input.journey} is ${where} (${versus(input.score, input.targetScore)}), yet touchpoints below their own targets cost it ${points(missing)}.`, drag };
    }
  }
}
