// The alert rules, judged on the scores the overview shows (pure; the evaluation that reads the
// figures and keeps the state is alerts.ts). docs/notifications.md ("Alerts") defines each rule and
// which period it is judged on; the arithmetic is the scoring module's own (lib/scoring).
import { dragSentence, shownDrags, type HeadlineTouchpoint } from "../scoring/headline";
import type { JourneyScore, ScoredTouchpoint } from "../scoring/journey";
import { FALLING_PERIODS, fallingStreak, targetStatus } from "../scoring/status";

export const ALERT_RULES = ["below_warning", "falling", "shortfall"] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** "below_warning:touchpoint:12", "shortfall:journey:3": the AlertState row of one rule and subject. */
export const subjectKey = (rule: AlertRule, id: number) => `${rule}:${rule === "shortfall" ? "journey" : "touchpoint"}:${id}`;

type Ref = { id: number; name: string };

/** What a message about the subject says, beyond the rule's verdict. Scores are in points (0–100), unrounded. */
export type AlertFacts =
  | { rule: "below_warning"; touchpoint: Ref; department: Ref; journey: Ref; score: number; warningScore: number }
  | {
      rule: "falling";
      touchpoint: Ref;
      department: Ref;
      journey: Ref;
      /** The score, then the periods in a row it has fallen (0 once it stops). */
      score: number;
      fallingFor: number;
      /** The run's scores, oldest first, ending with this period's (at most FALLING_PERIODS + 1 when falling); the period before, when it stopped. */
      run: number[];
      previous: number | null;
    }
  | {
      rule: "shortfall";
      journey: Ref;
      /** The missing points as the overview shows them (one decimal, the drag chart's total). */
      missing: number;
      threshold: number;
      /** The drag headline ("Kitchen costs the most: 3.1 points, mostly Food (70.0 vs 85.0)."), or null. */
      drag: string | null;
    };

/** One rule's verdict on one subject in one period. `value`: the touchpoint's score, or the journey's missing points. */
export type Judgement = {
  subjectKey: string;
  rule: AlertRule;
  touchpointId: number | null;
  journeyId: number | null;
  firing: boolean;
  period: Date;
  value: number;
  facts: AlertFacts;
};

/** The journey as alerts need it: lib/data/journey-scores.ts getJourneyStructures gives this. */
export type AlertJourney = {
  id: number;
  name: string;
  touchpoints: readonly (ScoredTouchpoint & { name: string; department: Ref })[];
};

/**
 * Every rule's verdict on one journey and its touchpoints. `periods` (ascending) and `scores` (the
 * journey scored in each, scoreOverPeriods) form the window; a period is judged only when at least
 * `reportingCoverage` of the journey's metric weight reported (the overview judges no partial
 * period), and only from index FALLING_PERIODS on, so each judged period has the periods a falling
 * run needs before it.
 *
 * - shortfall (journey): in the newest judged period, the missing points as shown > `threshold`
 *   points; not judged when `threshold` is null (off) or the journey has no score.
 * - below_warning (touchpoint): in the newest judged period in which the touchpoint has a score,
 *   the overview's tile status is "below-warning" (score under its warning score); not judged
 *   without a warning score.
 * - falling (touchpoint): in that same period, the score fell in each of the last FALLING_PERIODS
 *   periods (fallingStreak).
 *
 * A touchpoint without a score in any judged period is not judged (a stale touchpoint is neither
 * alerting nor recovered).
 */
export function judgeJourney(journey: AlertJourney, periods: readonly Date[], scores: readonly JourneyScore[], reportingCoverage: number, threshold: number | null): Judgement[] {
  const judged = periods.map((_, i) => i >= FALLING_PERIODS && scores[i]!.coverage >= reportingCoverage);
  const newest = judged.lastIndexOf(true);
  if (newest < 0) return [];
  const verdicts: Judgement[] = [];
  const journeyRef = { id: journey.id, name: journey.name };

  const now = scores[newest]!;
  if (threshold !== null && now.score !== null) {
    const { missing, drag } = shownShortfall(journey, now);
    verdicts.push({
      subjectKey: subjectKey("shortfall", journey.id),
      rule: "shortfall",
      touchpointId: null,
      journeyId: journey.id,
      firing: missing > threshold,
      period: periods[newest]!,
      value: missing,
      facts: { rule: "shortfall", journey: journeyRef, missing, threshold, drag },
    });
  }

  for (const t of journey.touchpoints) {
    const series = scores.map((s) => s.touchpoints.get(t.id)?.score ?? null);
    const at = judged.findLastIndex((ok, i) => ok && series[i] !== null);
    if (at < 0) continue;
    const scored = scores[at]!.touchpoints.get(t.id)!;
    const score = scored.score!;
    const period = periods[at]!;
    const refs = { touchpoint: { id: t.id, name: t.name }, department: { id: t.department.id, name: t.department.name }, journey: journeyRef };
    if (scored.warningScore !== null) {
      verdicts.push({
        subjectKey: subjectKey("below_warning", t.id),
        rule: "below_warning",
        touchpointId: t.id,
        journeyId: null,
        firing: targetStatus(score, scored.targetScore, scored.warningScore) === "below-warning",
        period,
        value: score,
        facts: { rule: "below_warning", ...refs, score, warningScore: scored.warningScore },
      });
    }
    const upTo = series.slice(0, at + 1);
    const fallingFor = fallingStreak(upTo);
    verdicts.push({
      subjectKey: subjectKey("falling", t.id),
      rule: "falling",
      touchpointId: t.id,
      journeyId: null,
      firing: fallingFor >= FALLING_PERIODS,
      period,
      value: score,
      facts: {
        rule: "falling",
        ...refs,
        score,
        fallingFor,
        run: upTo.slice(-(Math.min(fallingFor, FALLING_PERIODS) + 1)) as number[],
        previous: upTo.at(-2) ?? null,
      },
    });
  }
  return verdicts;
}

/** The journey's missing points and drag headline exactly as the overview's headline and drag chart show them. */
function shownShortfall(journey: AlertJourney, score: JourneyScore): { missing: number; drag: string | null } {
  const departments = new Map<number, { name: string; drag: number; touchpoints: HeadlineTouchpoint[] }>();
  for (const t of journey.touchpoints) {
    let d = departments.get(t.department.id);
    if (!d) departments.set(t.department.id, (d = { name: t.department.name, drag: score.departments.get(t.department.id)?.drag ?? 0, touchpoints: [] }));
    const s = score.touchpoints.get(t.id);
    d.touchpoints.push({ name: t.name, score: s?.score ?? null, targetScore: s?.targetScore ?? null, drag: score.touchpointDrags.get(t.id) ?? 0 });
  }
  // In the overview's order (most drag first, then by name), which breaks the headline's ties.
  const list = [...departments.values()].sort((a, b) => b.drag - a.drag || a.name.localeCompare(b.name));
  return { missing: shownDrags(list.map((d) => d.drag)).total, drag: dragSentence(list) };
}

/** What to do with one verdict given the stored state. */
export type Step =
  /** clear → firing: count the crossing and publish "alert.triggered". */
  | "trigger"
  /** firing → clear: publish "alert.recovered". */
  | "recover"
  /** Store the verdict without telling anyone: first sight, or the same state on newer figures. */
  | "record"
  | "none";

export type StoredState = { firing: boolean; period: Date | null; value: number | null };

/**
 * The step from the stored state to a verdict. `baseline`: this rule has never been evaluated (no
 * state for any subject), so what is already firing is recorded, not announced. Without a stored
 * state otherwise (a new touchpoint, a warning line just set), the subject counts as clear before. A
 * verdict on an older period than the one stored (figures of the newest period deleted) changes
 * nothing: no message about last week after one about this week.
 */
export function stepFor(state: StoredState | undefined, verdict: Pick<Judgement, "firing" | "period" | "value">, baseline: boolean): Step {
  if (!state) return baseline || !verdict.firing ? "record" : "trigger";
  if (state.period && verdict.period < state.period) return "none";
  if (state.firing !== verdict.firing) return verdict.firing ? "trigger" : "recover";
  return state.period?.getTime() !== verdict.period.getTime() || state.value !== verdict.value ? "record" : "none";
}
