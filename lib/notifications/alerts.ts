// Alerts: a touchpoint that falls below its warning line or falls three periods in a row, a
// journey whose missing points pass the organisation's alert line. Each rule's state per subject is
// an AlertState row; a change of state (clear → firing, firing → clear) is published once, in the
// transaction that makes it, to the people it concerns (publish.ts: bell, email, webhooks by their
// preferences). docs/notifications.md ("Alerts") has the rules, the period judged and who hears.
import { db, type Db, type Tx } from "../db";
import { bool, int, real, text, time } from "../data/sql-params";
import { getFiguresByPeriod, getJourneyStructures, scoreOverPeriods } from "../data/journey-scores";
import { REPORTING_COVERAGE } from "../data/overview";
import type { PeriodGranularity, Role } from "../domain";
import { addPeriods, currentPeriod, periodsBetween } from "../periods";
import { FALLING_PERIODS } from "../scoring/status";
import { alertEmail, composeAlert, type AlertChange, type AlertReason } from "./alert-messages";
import { ALERT_RULES, judgeJourney, stepFor, type AlertRule, type Judgement } from "./alert-rules";
import { publish, type PersonalMessage } from "./publish";

/** How many periods back, ending with the current one, a subject's newest judged period may lie. */
export const ALERT_LOOKBACK_PERIODS = 12;

export type AlertEvaluation = {
  /** Verdicts reached (rules × subjects judged). */
  judged: number;
  /** Crossings and recoveries this evaluation published (a racing evaluator's are not counted). */
  triggered: number;
  recovered: number;
  /** Rules evaluated for the first time: their states were recorded without messages. */
  baseline: AlertRule[];
};

type Person = { id: number; name: string; role: Role };

/**
 * Judges every alert rule on the current figures (alert-rules.ts judgeJourney) and applies each
 * verdict to its stored state (stepFor): a crossing counts itself and publishes "alert.triggered"
 * keyed `alert:<subjectKey>:<crossings>`, a recovery publishes "alert.recovered" keyed
 * `recovery:<subjectKey>:<crossings>`, each in one transaction with the state change. The change is
 * conditional on the state read (firing = false, or true) and on no newer period having been
 * judged, so evaluators racing in several processes publish each crossing once. `client` serves
 * the states and the transactions (the figures are read through the app's client). Returns counts.
 */
export async function evaluateAlerts({ now = new Date(), client = db }: { now?: Date; client?: Db } = {}): Promise<AlertEvaluation> {
  const result: AlertEvaluation = { judged: 0, triggered: 0, recovered: 0, baseline: [] };
  const settings = await client.organisation.findUnique({ where: { id: 1 }, select: { periodGranularity: true, momentOfTruthMultiplier: true, shortfallAlertPoints: true } });
  if (!settings) return result;
  const native = settings.periodGranularity;
  const current = currentPeriod(native, now);
  const periods = periodsBetween(addPeriods(current, -(ALERT_LOOKBACK_PERIODS - 1 + FALLING_PERIODS), native), current, native);
  const [structures, figures, states] = await Promise.all([
    getJourneyStructures(),
    getFiguresByPeriod(periods, native, native),
    client.alertState.findMany({ select: { subjectKey: true, rule: true, firing: true, period: true, value: true } }),
  ]);
  const verdicts = structures.flatMap((journey) =>
    judgeJourney(journey, periods, scoreOverPeriods(journey, periods, figures, settings.momentOfTruthMultiplier), REPORTING_COVERAGE, settings.shortfallAlertPoints),
  );
  result.judged = verdicts.length;
  result.baseline = ALERT_RULES.filter((rule) => !states.some((s) => s.rule === rule) && verdicts.some((v) => v.rule === rule));

  const stored = new Map(states.map((s) => [s.subjectKey, s]));
  const steps = verdicts.map((verdict) => ({ verdict, step: stepFor(stored.get(verdict.subjectKey), verdict, result.baseline.includes(verdict.rule)) }));

  const records = steps.filter((s) => s.step === "record").map((s) => s.verdict);
  if (records.length) await client.$transaction((tx) => recordStates(tx, records, stored, now));

  const changes = steps.filter((s) => s.step === "trigger" || s.step === "recover");
  if (changes.length === 0) return result;
  const audience = await audienceOf(client, changes.map((c) => c.verdict));
  for (const { verdict, step } of changes) {
    const change: AlertChange = step === "trigger" ? "triggered" : "recovered";
    if (await applyChange(client, verdict, change, audience(verdict), native, now)) result[change]++;
  }
  return result;
}

/** Stores verdicts that tell no one: a first sight (inserted unless a racing evaluator did), or newer figures in the same state. */
async function recordStates(tx: Tx, verdicts: Judgement[], stored: Map<string, { firing: boolean }>, now: Date) {
  for (const v of verdicts) {
    const state = stored.get(v.subjectKey);
    if (!state) await insertState(tx, v, v.firing, now);
    // Conditional on the state read: a racing evaluator's crossing is not undone here.
    else await tx.alertState.updateMany({ where: { subjectKey: v.subjectKey, firing: state.firing, ...notNewer(v) }, data: { period: v.period, value: v.value } });
  }
}

/** Adds the subject's state unless one exists (the same portable insert as outbox.enqueue). */
async function insertState(tx: Tx, v: Judgement, firing: boolean, now: Date) {
  await tx.$executeRaw`
    INSERT INTO "AlertState" ("subjectKey", "rule", "touchpointId", "journeyId", "firing", "crossings", "period", "value", "changedAt")
    VALUES (${text(v.subjectKey)}, ${text(v.rule)}, ${int(v.touchpointId)}, ${int(v.journeyId)}, ${bool(firing)}, 0, ${time(v.period)}, ${real(v.value)}, ${time(now)})
    ON CONFLICT ("subjectKey") DO NOTHING`;
}

/** No evaluator has judged a newer period than `v`'s. */
const notNewer = (v: Judgement) => ({ OR: [{ period: null }, { period: { lte: v.period } }] });

/**
 * Moves the subject's state to firing ("triggered") or clear ("recovered") and publishes the change,
 * in one transaction; nothing when another evaluator moved it first. True when this call published.
 */
async function applyChange(client: Db, v: Judgement, change: AlertChange, people: Audience, granularity: PeriodGranularity, now: Date): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const firing = change === "triggered";
    // A subject first seen firing (after the rule's baseline) starts from clear.
    if (firing) await insertState(tx, v, false, now);
    const moved = await tx.alertState.updateMany({
      where: { subjectKey: v.subjectKey, firing: !firing, ...notNewer(v) },
      data: { firing, period: v.period, value: v.value, changedAt: now, ...(firing ? { crossings: { increment: 1 } } : {}) },
    });
    if (moved.count === 0) return false;
    const { crossings } = await tx.alertState.findUniqueOrThrow({ where: { subjectKey: v.subjectKey }, select: { crossings: true } });
    const message = composeAlert(v.facts, change, v.period, granularity, crossings);
    const messages: PersonalMessage[] = people.map(({ person, reason }) => ({
      userId: person.id,
      role: person.role,
      title: message.title,
      summary: message.summary,
      path: message.path,
      ...alertEmail(message, person.name, reason),
    }));
    await publish(
      tx,
      { type: firing ? "alert.triggered" : "alert.recovered", key: `${firing ? "alert" : "recovery"}:${v.subjectKey}:${crossings}`, messages, webhook: message.webhook },
      now,
    );
    return true;
  });
}

type Audience = { person: Person; reason: AlertReason }[];

/**
 * Who hears about each verdict: for a touchpoint, its department's active heads, then the active
 * people who follow it; for a journey's shortfall, the active people who follow the journey (a
 * journey has no owning department; its departments' heads hear about their own touchpoints). Each
 * person once, with the first reason that applies. Three queries for all the verdicts.
 */
async function audienceOf(client: Db, verdicts: Judgement[]): Promise<(v: Judgement) => Audience> {
  const touchpointIds = [...new Set(verdicts.flatMap((v) => (v.touchpointId === null ? [] : [v.touchpointId])))];
  const journeyIds = [...new Set(verdicts.flatMap((v) => (v.journeyId === null ? [] : [v.journeyId])))];
  const departmentIds = [...new Set(verdicts.flatMap((v) => ("department" in v.facts ? [v.facts.department.id] : [])))];
  const person = { select: { id: true, name: true, role: true } } as const;
  const [heads, touchpointFollowers, journeyFollowers] = await Promise.all([
    client.departmentMembership.findMany({ where: { departmentId: { in: departmentIds }, user: { role: "DEPARTMENT_HEAD", active: true } }, orderBy: { userId: "asc" }, select: { departmentId: true, user: person } }),
    client.touchpointFollower.findMany({ where: { touchpointId: { in: touchpointIds }, user: { active: true } }, orderBy: { userId: "asc" }, select: { touchpointId: true, user: person } }),
    client.journeyFollower.findMany({ where: { journeyId: { in: journeyIds }, user: { active: true } }, orderBy: { userId: "asc" }, select: { journeyId: true, user: person } }),
  ]);
  return (v) => {
    const audience = new Map<number, Audience[number]>();
    const add = (p: Person, reason: AlertReason) => {
      if (!audience.has(p.id)) audience.set(p.id, { person: p, reason });
    };
    if ("department" in v.facts) {
      const { department, touchpoint } = v.facts;
      for (const h of heads) if (h.departmentId === department.id) add(h.user, { heads: department.name });
      for (const f of touchpointFollowers) if (f.touchpointId === touchpoint.id) add(f.user, { follows: touchpoint.name });
    } else {
      for (const f of journeyFollowers) if (f.journeyId === v.journeyId) add(f.user, { follows: v.facts.journey.name });
    }
    return [...audience.values()];
  };
}
