// The weekly digest's words: what digest.ts gathered from the overview, as a title, a line for the
// bell, plain text and simple HTML for mail clients (one 600 px table, inline styles, no external
// CSS, images or scripts, every piece of data escaped). Pure.
import { formatScore, roundHalfUp } from "../format";
import { periodPhrase } from "../scoring/overview-headline";
import { escapeHtml } from "./html";

export type DigestTouchpoint = {
  id: number;
  name: string;
  department: string;
  score: number | null;
  warningScore: number | null;
  belowWarning: boolean;
  /** Periods in a row the score has fallen (3 or more makes it at risk). */
  fallingFor: number;
};

export type DigestJourney = {
  id: number;
  name: string;
  score: number | null;
  targetScore: number | null;
  /** Like-for-like change from the period before; null when not judged or not comparable. */
  change: number | null;
  /** Share of the period's scored weight the change compares (0–1). */
  changeCoverage: number;
  /** As the overview: partial (too few figures to judge), in-progress (the current period), complete. */
  periodStatus: "complete" | "in-progress" | "partial";
  /** The overview's headline sentence, and its drag sentence when it has one. */
  headline: string;
  drag: string | null;
  /** Why more points are missing than the headline's gap (missingPointsNote), or null. */
  missingNote: string | null;
  /** The overview's at-risk list, most urgent first, at most DIGEST_AT_RISK of them. */
  atRisk: DigestTouchpoint[];
  /** How many the overview lists in all. */
  atRiskCount: number;
  /** The newest complete period before this one, when this one is partial. */
  lastComplete: { key: string; label: string } | null;
  /** Process changes to the journey's touchpoints that took effect in the period, oldest first. */
  changes: { id: number; title: string; date: string }[];
  /** The overview at this journey and period, absolute. */
  url: string;
  /** The overview at the last complete period, when there is one and this period is partial. */
  lastCompleteUrl: string | null;
};

export type Digest = {
  organisation: string;
  period: { key: string; label: string };
  /** The organisation's period: "week" or "month". */
  noun: "week" | "month";
  journeys: DigestJourney[];
  /** Departments with metrics that have no figure for the period, by name. */
  missing: { department: string; count: number }[];
  /** The app's address, for links that are not about a journey. */
  baseUrl: string;
};

/** At-risk touchpoints a digest lists per journey. */
export const DIGEST_AT_RISK = 5;

export type DigestMessage = { title: string; summary: string; text: string; html: string };

/** "the week of 16 Nov 2026" or "November 2026": the period in a sentence. */
const phrase = (digest: Digest) => periodPhrase(digest.period.label);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The journey's change as the overview shows it: "▲ 1.2 vs previous week", "no change since the previous week". */
export function changeWords(journey: Pick<DigestJourney, "change" | "changeCoverage" | "periodStatus">, noun: string): string {
  if (journey.periodStatus === "partial") return "no change shown until more figures are in";
  if (journey.change === null) return `no change shown (no figures to compare with the previous ${noun})`;
  const rounded = roundHalfUp(journey.change, 1);
  const words = rounded === 0 ? `no change since the previous ${noun}` : `${rounded > 0 ? "▲" : "▼"} ${formatScore(Math.abs(rounded))} vs previous ${noun}`;
  const soFar = journey.periodStatus === "in-progress" ? " so far" : "";
  const partly = journey.changeCoverage < 0.995 ? ` (on the figures both ${noun}s have)` : "";
  return words + soFar + partly;
}

/** Why a touchpoint is at risk, as the overview's list says it. */
export function riskWords(t: DigestTouchpoint, noun: string): string {
  return [t.belowWarning && "below warning line", t.fallingFor >= 3 && `falling ${t.fallingFor} ${noun}s in a row`].filter(Boolean).join(" · ");
}

function riskIntro(journey: DigestJourney, noun: string): string {
  if (journey.atRiskCount === 0) {
    return journey.periodStatus === "partial"
      ? `Not judged yet: too few figures are in for this ${noun}.${journey.lastComplete ? ` The last complete ${noun}, ${journey.lastComplete.label}, shows what was at risk then.` : ""}`
      : "Nothing is below its warning line or falling steadily.";
  }
  const shown = journey.atRisk.length < journey.atRiskCount ? `, the ${journey.atRisk.length} most urgent` : "";
  return `At risk (${journey.atRiskCount}${shown}):`;
}

const scoreLine = (j: DigestJourney, noun: string) => `Score ${formatScore(j.score)}, target ${formatScore(j.targetScore)}, ${changeWords(j, noun)}.`;

const touchpointLine = (t: DigestTouchpoint, noun: string) =>
  `${t.name} (${t.department}): ${formatScore(t.score)}${t.warningScore !== null ? `, warning ${formatScore(t.warningScore)}` : ""} — ${riskWords(t, noun)}`;

const missingSentence = (digest: Digest) => {
  const total = digest.missing.reduce((n, d) => n + d.count, 0);
  if (total === 0) return `Every figure for ${phrase(digest)} is in.`;
  return `${plural(total, "figure")} missing: ${digest.missing.map((d) => `${d.department} ${d.count}`).join(", ")}.`;
};

const changesIntro = (j: DigestJourney, noun: string) =>
  j.changes.length === 0 ? `No process changes took effect this ${noun}.` : `${j.changes.length === 1 ? "A process change" : "Process changes"} that took effect this ${noun}:`;

/** One line: each journey's score against its target ("Dine-in 78.9 vs 82.2 · Online order …"). */
export function digestSummary(digest: Digest): string {
  return digest.journeys.map((j) => `${j.name} ${formatScore(j.score)} vs ${formatScore(j.targetScore)}${j.periodStatus === "partial" ? " (not judged yet)" : ""}`).join(" · ") || "No journeys yet";
}

/**
 * The digest for one person: title (the bell's and the subject), one line for the bell, the email
 * as plain text and as HTML. Numbers are shown as the overview shows them (one decimal, half up).
 */
export function composeDigest(digest: Digest, name: string): DigestMessage {
  const { noun } = digest;
  const title = `Touchline digest for ${phrase(digest)}`;
  const summary = digestSummary(digest);

  const text = [
    `Hello ${name},`,
    "",
    `How ${digest.organisation}'s customer journeys did in ${phrase(digest)}.`,
    ...digest.journeys.flatMap((j) => [
      "",
      j.name.toUpperCase(),
      [j.headline, j.drag, j.missingNote].filter(Boolean).join(" "),
      scoreLine(j, noun),
      riskIntro(j, noun),
      ...j.atRisk.map((t) => `  • ${touchpointLine(t, noun)}`),
      changesIntro(j, noun),
      ...j.changes.map((c) => `  • ${c.title} (${c.date}): ${digest.baseUrl}/changes/${c.id}`),
      `Open the overview: ${j.url}`,
      ...(j.lastCompleteUrl ? [`Last complete ${noun}: ${j.lastCompleteUrl}`] : []),
    ]),
    "",
    "MISSING FIGURES",
    missingSentence(digest),
  ].join("\n");

  return { title, summary, text, html: digestHtml(digest, name, title) };
}

// Mail clients ignore <style> and external CSS (or strip them): every style is inline, the layout is
// tables, and the width is fixed at 600 px with max-width for phones.
const FONT = "font-family:Arial,Helvetica,sans-serif;color:#0f172a";
const P = `margin:0 0 8px;font-size:14px;line-height:20px;${FONT}`;
const SMALL = `margin:0 0 8px;font-size:13px;line-height:18px;color:#475569;font-family:Arial,Helvetica,sans-serif`;
const LINK = "color:#0f766e;text-decoration:underline";
const cell = (content: string, style = "") => `<td style="padding:4px 8px 4px 0;font-size:13px;line-height:18px;vertical-align:top;${FONT};${style}">${content}</td>`;

function journeyHtml(j: DigestJourney, noun: string, baseUrl: string): string {
  const risks = j.atRisk.length
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%">${j.atRisk
        .map(
          (t) =>
            `<tr>${cell(`<a href="${escapeHtml(`${baseUrl}/touchpoints/${t.id}`)}" style="${LINK}">${escapeHtml(t.name)}</a><br><span style="color:#475569">${escapeHtml(t.department)}</span>`)}` +
            `${cell(`${formatScore(t.score)}${t.warningScore !== null ? ` <span style="color:#475569">(warning ${formatScore(t.warningScore)})</span>` : ""}`, "white-space:nowrap")}` +
            `${cell(escapeHtml(riskWords(t, noun)), "color:#a3380a")}</tr>`,
        )
        .join("")}</table>`
    : "";
  const changes = j.changes.length
    ? `<ul style="margin:0 0 8px;padding-left:20px">${j.changes.map((c) => `<li style="${P}"><a href="${escapeHtml(`${baseUrl}/changes/${c.id}`)}" style="${LINK}">${escapeHtml(c.title)}</a> (${escapeHtml(c.date)})</li>`).join("")}</ul>`
    : "";
  return [
    `<tr><td style="padding:16px 24px;border-top:1px solid #e2e8f0">`,
    `<h2 style="margin:0 0 8px;font-size:16px;line-height:22px;${FONT}">${escapeHtml(j.name)}</h2>`,
    `<p style="${P};font-weight:bold">${escapeHtml(j.headline)}${[j.drag, j.missingNote].filter(Boolean).map((s) => ` <span style="font-weight:normal">${escapeHtml(s!)}</span>`).join("")}</p>`,
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 8px"><tr>`,
    cell(`Score<br><strong style="font-size:18px">${formatScore(j.score)}</strong>`, "padding-right:24px"),
    cell(`Target<br><strong style="font-size:18px">${formatScore(j.targetScore)}</strong>`, "padding-right:24px"),
    cell(`Change<br>${escapeHtml(changeWords(j, noun))}`),
    `</tr></table>`,
    `<p style="${P}">${escapeHtml(riskIntro(j, noun))}</p>`,
    risks,
    `<p style="${P}">${escapeHtml(changesIntro(j, noun))}</p>`,
    changes,
    `<p style="${P}"><a href="${escapeHtml(j.url)}" style="${LINK};font-weight:bold">Open ${escapeHtml(j.name)} in the overview</a>` +
      (j.lastCompleteUrl && j.lastComplete ? ` · <a href="${escapeHtml(j.lastCompleteUrl)}" style="${LINK}">Last complete ${noun}: ${escapeHtml(j.lastComplete.label)}</a>` : "") +
      `</p>`,
    `</td></tr>`,
  ].join("");
}

function digestHtml(digest: Digest, name: string, title: string): string {
  return [
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="background:#f8fafc"><tr><td align="center" style="padding:16px 8px">`,
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="600" style="width:100%;max-width:600px;background:#ffffff;border:1px solid #e2e8f0">`,
    `<tr><td style="padding:20px 24px 8px">`,
    `<p style="${SMALL}">Touchline · ${escapeHtml(digest.organisation)}</p>`,
    `<h1 style="margin:0 0 12px;font-size:20px;line-height:26px;${FONT}">${escapeHtml(title)}</h1>`,
    `<p style="${P}">Hello ${escapeHtml(name)},</p>`,
    `<p style="${P}">How ${escapeHtml(digest.organisation)}'s customer journeys did in ${escapeHtml(phrase(digest))}.</p>`,
    `</td></tr>`,
    ...digest.journeys.map((j) => journeyHtml(j, digest.noun, digest.baseUrl)),
    `<tr><td style="padding:16px 24px 20px;border-top:1px solid #e2e8f0">`,
    `<h2 style="margin:0 0 8px;font-size:16px;line-height:22px;${FONT}">Missing figures</h2>`,
    `<p style="${P}">${escapeHtml(missingSentence(digest))}</p>`,
    `</td></tr>`,
    `</table></td></tr></table>`,
  ].join("\n");
}
