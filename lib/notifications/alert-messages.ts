// The words of alerts and "back on target" messages: plain sentences with the numbers as the pages
// show them (lib/format.ts), for the bell, the email and a webhook's one-line `text`. Pure.
import type { PeriodGranularity } from "../domain";
import { formatScore } from "../format";
import { formatPeriod, periodNoun, periodPhrase, toPeriodKey } from "../periods";
import { FALLING_PERIODS } from "../scoring/status";
import type { AlertFacts } from "./alert-rules";
import { escapeHtml } from "./html";
import { appUrl } from "./mail";

export type AlertChange = "triggered" | "recovered";

export type AlertMessage = {
  /** The bell's title and the email's subject. */
  title: string;
  /** One line under the title in the bell. */
  summary: string;
  /** The page it is about, at the period judged. */
  path: string;
  /** The webhook's `text` (one line) and `data`. */
  webhook: { text: string; data: Record<string, unknown> };
};

/** "Food (Kitchen)": a touchpoint named with the department that owns it, as the at-risk list does. */
const named = (facts: Extract<AlertFacts, { touchpoint: unknown }>) => `${facts.touchpoint.name} (${facts.department.name})`;
const points = (n: number) => `${n.toFixed(1)} point${n.toFixed(1) === "1.0" ? "" : "s"}`;

/**
 * The message for a crossing ("triggered") or a recovery of one rule on one subject, judged on
 * `period` (a period start of `granularity`). `crossing`: the subject's crossing count, in the data.
 */
export function composeAlert(facts: AlertFacts, change: AlertChange, period: Date, granularity: PeriodGranularity, crossing: number): AlertMessage {
  const when = periodPhrase(period, granularity);
  const key = toPeriodKey(period);
  const up = change === "recovered";
  let title: string;
  let summary: string;
  let line: string;
  let path: string;
  let data: Record<string, unknown>;
  switch (facts.rule) {
    case "below_warning": {
      summary = `${formatScore(facts.score)} in ${when} (warning ${formatScore(facts.warningScore)})`;
      title = up ? `${named(facts)} is back above its warning line: ${formatScore(facts.score)}` : `${named(facts)} fell below its warning line`;
      line = `${named(facts)} ${up ? "is back above" : "fell below"} its warning line: ${summary}`;
      path = `/touchpoints/${facts.touchpoint.id}?to=${key}`;
      data = { ...touchpointData(facts), value: rounded(facts.score), threshold: rounded(facts.warningScore) };
      break;
    }
    case "falling": {
      const noun = periodNoun(granularity);
      if (up) {
        const before = facts.previous === null ? `no score the ${noun} before` : `${formatScore(facts.previous)} the ${noun} before`;
        title = `${named(facts)} has stopped falling: ${formatScore(facts.score)}`;
        summary = `${formatScore(facts.score)} in ${when} (${before})`;
        line = `${named(facts)} has stopped falling: ${summary}`;
      } else {
        title = `${named(facts)} has fallen ${facts.fallingFor} ${noun}s in a row`;
        summary = `${formatScore(facts.score)} in ${when}, down each ${noun}: ${facts.run.map(formatScore).join(" → ")}`;
        line = `${title}: ${summary}`;
      }
      path = `/touchpoints/${facts.touchpoint.id}?to=${key}`;
      data = { ...touchpointData(facts), value: rounded(facts.score), threshold: FALLING_PERIODS, fallingFor: facts.fallingFor, scores: facts.run.map(rounded) };
      break;
    }
    case "shortfall": {
      const label = formatPeriod(period, granularity);
      if (up) {
        title = `${facts.journey.name} is back within its alert line: ${points(facts.missing)} missing`;
        summary = `${label}; the alert line is ${points(facts.threshold)}`;
      } else {
        title = `${facts.journey.name} is missing ${points(facts.missing)} against its targets`;
        summary = `${label}, past the alert line of ${points(facts.threshold)}${facts.drag ? `. ${facts.drag}` : ""}`;
      }
      line = `${title}: ${summary}`;
      path = `/overview?journey=${facts.journey.id}&period=${key}`;
      data = { journey: facts.journey, value: facts.missing, threshold: facts.threshold };
      break;
    }
  }
  return {
    title,
    summary,
    path,
    webhook: { text: line, data: { rule: facts.rule, change, crossing, period: key, ...data, url: appUrl() + path } },
  };
}

const rounded = (score: number) => Number(formatScore(score));
const touchpointData = (facts: Extract<AlertFacts, { touchpoint: unknown }>) => ({ touchpoint: facts.touchpoint, department: facts.department, journey: facts.journey });


/** Why a person gets the message: "you head Kitchen", "you follow Food". */
export type AlertReason = { heads: string } | { follows: string };

/** The email for one person: greeting, the message, a link, and why it came to them. Links absolute. */
export function alertEmail(message: AlertMessage, name: string, reason: AlertReason): { text: string; html: string } {
  const url = appUrl() + message.path;
  const why = "heads" in reason ? `you head ${reason.heads}` : `you follow ${reason.follows}`;
  const what = message.path.startsWith("/overview") ? "Open the overview at that period" : "Open the touchpoint's report at that period";
  return {
    text: [`Hello ${name},`, "", `${message.title}.`, message.summary.endsWith(".") ? message.summary : `${message.summary}.`, "", `${what}: ${url}`, "", `You get this because ${why}.`].join("\n"),
    html: [
      `<p>Hello ${escapeHtml(name)},</p>`,
      `<p><strong>${escapeHtml(message.title)}.</strong><br>${escapeHtml(message.summary)}</p>`,
      `<p><a href="${escapeHtml(url)}">${what}</a></p>`,
      `<p style="color:#555">You get this because ${escapeHtml(why)}.</p>`,
    ].join("\n"),
  };
}
