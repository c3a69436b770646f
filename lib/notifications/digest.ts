// The weekly digest: for the period that has just ended, each journey as the overview shows it
// (score against target, change, the headline, at-risk touchpoints, process changes), and the
// figures still missing by department. Every number comes from the overview's own functions
// (getOverview, overviewHeadline) and "missing" is what the entry grid shows as empty
// (getEntrySheet), so the digest never disagrees with the pages it links to.
import { db } from "../db";
import type { PeriodGranularity } from "../domain";
import { getEntrySheet } from "../data/entry-sheet";
import { getOverview, type JourneyOverview } from "../data/overview";
import { periodNoun, toPeriodKey } from "../periods";
import { missingPointsNote, shownDrags } from "../scoring/headline";
import { overviewHeadline, periodPhrase } from "../scoring/overview-headline";
import { viewParam } from "../validation/overview";
import { composeDigest, digestSummary, DIGEST_AT_RISK, type Digest, type DigestJourney } from "./digest-message";
import { appUrl } from "./mail";
import { publish } from "./publish";

/** The key of a period's digest event: each person gets each period's digest once. */
export const digestEventKey = (period: Date) => `digest:${toPeriodKey(period)}`;

/** The overview at a journey and period, as a path. */
const overviewPath = (journeyId: number, granularity: PeriodGranularity, periodKey: string) => `/overview?journey=${journeyId}&view=${viewParam(granularity)}&period=${periodKey}`;

function digestJourney(journey: JourneyOverview, periodKey: string, periodLabel: string, granularity: PeriodGranularity): DigestJourney {
  const headline = overviewHeadline(journey, periodPhrase(periodLabel));
  const base = appUrl();
  return {
    id: journey.id,
    name: journey.name,
    score: journey.score,
    targetScore: journey.targetScore,
    change: journey.change,
    changeCoverage: journey.changeCoverage,
    periodStatus: journey.periodStatus,
    headline: headline.sentence,
    drag: headline.drag,
    // The overview explains this in a note the email does not have; a partial period is not judged.
    missingNote: journey.periodStatus === "partial" ? null : missingPointsNote(journey.score, journey.targetScore, shownDrags(journey.departments.map((d) => d.drag)).total),
    atRisk: journey.atRisk.slice(0, DIGEST_AT_RISK).map((t) => ({
      id: t.id,
      name: t.name,
      department: t.department.name,
      score: t.score,
      warningScore: t.warningScore,
      belowWarning: t.belowWarning,
      fallingFor: t.fallingFor,
    })),
    atRiskCount: journey.atRisk.length,
    lastComplete: journey.lastComplete,
    changes: journey.changes.filter((c) => c.periodKey === periodKey).map((c) => ({ id: c.id, title: c.title, date: c.date.label })),
    url: base + overviewPath(journey.id, granularity, periodKey),
    lastCompleteUrl: journey.lastComplete ? base + overviewPath(journey.id, granularity, journey.lastComplete.key) : null,
  };
}

/**
 * What the digest of `period` (a period start, in the organisation's granularity) says: each
 * active journey through getOverview at that period (in the organisation's own view), and the
 * count of metrics with no figure per active department (departments with none missing left out).
 */
export async function getDigest(period: Date, granularity: PeriodGranularity): Promise<Digest> {
  const first = await getOverview({ view: granularity, period });
  const overviews = [first, ...(await Promise.all(first.journeys.slice(1).map((j) => getOverview({ view: granularity, period, journeyId: j.id }))))];
  const periodKey = toPeriodKey(period);
  const label = first.period?.label ?? periodKey;
  const journeys = overviews.flatMap((o) => (o.journey && o.journey.touchpoints.length > 0 ? [digestJourney(o.journey, periodKey, label, granularity)] : []));

  const departments = await db.department.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const sheets = await Promise.all(departments.map((d) => getEntrySheet(d.id, period, granularity)));
  const missing = departments
    .map((d, i) => ({ department: d.name, count: sheets[i]!.rows.filter((r) => r.current === null).length }))
    .filter((d) => d.count > 0);

  return { organisation: first.organisation, period: { key: periodKey, label }, noun: periodNoun(granularity) as "week" | "month", journeys, missing, baseUrl: appUrl() };
}

/**
 * Publishes the digest of `period` to every active person: publish() keeps it to those who want it
 * (by default executives and admins, by email) and to webhooks subscribed to "digest.weekly", all
 * in one transaction under digestEventKey, so a second run for the period (a restart, a second
 * worker) adds nothing. Nothing is published while the organisation has no journey with
 * touchpoints. Returns how many people this call reached (not counting those reached before).
 */
export async function publishDigest(period: Date, granularity: PeriodGranularity, now = new Date()): Promise<{ recipients: number }> {
  const digest = await getDigest(period, granularity);
  if (digest.journeys.length === 0) return { recipients: 0 };
  const people = await db.user.findMany({ where: { active: true }, orderBy: { id: "asc" }, select: { id: true, name: true, role: true } });
  const path = overviewPath(digest.journeys[0]!.id, granularity, digest.period.key);
  const messages = people.map((person) => ({ userId: person.id, role: person.role, path, ...composeDigest(digest, person.name) }));
  const { people: reached } = await db.$transaction((tx) =>
    publish(
      tx,
      {
        type: "digest.weekly",
        key: digestEventKey(period),
        messages,
        webhook: {
          text: `Digest for ${periodPhrase(digest.period.label)}: ${digestSummary(digest)}`,
          data: {
            period: digest.period.key,
            journeys: digest.journeys.map((j) => ({
              id: j.id,
              name: j.name,
              score: j.score,
              targetScore: j.targetScore,
              change: j.change,
              status: j.periodStatus,
              headline: j.drag ? `${j.headline} ${j.drag}` : j.headline,
              atRisk: j.atRisk,
              atRiskCount: j.atRiskCount,
              changes: j.changes,
              url: j.url,
            })),
            missing: digest.missing,
          },
        },
      },
      now,
    ),
  );
  return { recipients: reached };
}
