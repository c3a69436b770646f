// One touchpoint's report over a range of periods: its score against target, each metric's
// figures, its neighbours upstream and downstream, its department's drag on the journey, and the
// notes and changes behind the figures. Plain data: the internal page, the public page and the
// CSV export all render it; `publicReport` strips what a shared link must not show.
import { cache } from "react";
import { db } from "../db";
import type { EntrySource, MetricDirection, MetricKind, PeriodGranularity } from "../domain";
import { formatDate } from "../format";
import { addPeriods, currentPeriod, formatPeriod, formatPeriodShort, parsePeriodKey, periodsBetween, resolveRange, startOfPeriod, toPeriodKey, type RangeRequest } from "../periods";
import { scoreBand, type ScoreBand } from "../scoring";
import { touchpointChange } from "../scoring/journey";
import { targetStatus, type TargetStatus } from "../scoring/status";
import type { FiveHowAnswers } from "../validation/process-change";
import { getFiguresByPeriod, getJourneyStructures, getLastFigurePeriods, scoreOverPeriods } from "./journey-scores";
import { getOrganisationSettings } from "./organisation";
import { getChangesAffecting } from "./process-changes";

/** A report shows 12 periods unless the link says otherwise, and at most two years of weeks. */
export const REPORT_DEFAULT_PERIODS = 12;
export const REPORT_MAX_PERIODS = 104;

type PeriodOption = { key: string; label: string };

export type ReportMetric = {
  id: number;
  name: string;
  kind: MetricKind;
  unit: string;
  direction: MetricDirection;
  target: number | null;
  warningThreshold: number | null;
  /** One per period of the range, oldest first. */
  points: { value: number | null; sampleSize: number | null; source: EntrySource | null }[];
  latest: { period: PeriodOption; value: number; sampleSize: number | null; source: EntrySource; enteredBy: string | null } | null;
};

/** A process change to this touchpoint that took effect in the range, numbered oldest first (1, 2, …). */
export type ReportChange = {
  id: number;
  number: number;
  title: string;
  date: PeriodOption;
  /** The period it took effect in: where its marker stands on the charts. */
  periodKey: string;
  answers: FiveHowAnswers;
  author: string | null;
};

type Neighbour = { name: string; department: string; colour: string; scores: (number | null)[] };

export type TouchpointReportData = {
  organisation: string;
  touchpoint: {
    id: number;
    name: string;
    description: string;
    momentOfTruth: boolean;
    department: { id: number; name: string; colour: string };
    stage: string;
    journey: { id: number; name: string };
  };
  granularity: PeriodGranularity;
  range: { from: PeriodOption; to: PeriodOption; automatic: boolean };
  notices: string[];
  /** The range's periods, oldest first. */
  periods: (PeriodOption & { short: string })[];
  /** Periods the range pickers offer, newest first. */
  periodOptions: PeriodOption[];
  /** The touchpoint's score per period, and the last period's standing. */
  scores: { score: (number | null)[]; target: (number | null)[]; warning: (number | null)[] };
  current: {
    score: number | null;
    targetScore: number | null;
    status: TargetStatus | null;
    band: ScoreBand | null;
    change: number | null;
    coverage: number;
    sampleSize: number | null;
  };
  metrics: ReportMetric[];
  /** The nearest stage before and after this one on the journey, with their touchpoints' scores. */
  upstream: { stage: string; touchpoints: Neighbour[] } | null;
  downstream: { stage: string; touchpoints: Neighbour[] } | null;
  /** Points the journey loses in the last period: to this touchpoint, to its department, in all. */
  drag: { touchpoint: number; department: number; shortfall: number; departmentSeries: number[] };
  notes: { period: PeriodOption; metric: string; note: string; author: string | null }[];
  /** Changes to figures in the range after they were first entered. */
  revisions: number;
  /** Process changes to this touchpoint that took effect in the range. */
  changes: ReportChange[];
};

/**
 * The report for an active touchpoint, or null. `askedFrom`/`askedTo` ("YYYY-MM-DD") are the range
 * from the link; without them the report ends with the touchpoint's latest figure. Cached per
 * request, so metadata and page share one computation.
 */
export const getTouchpointReport = cache(async (id: number, askedFrom?: string, askedTo?: string): Promise<TouchpointReportData | null> => {
  const touchpoint = await db.touchpoint.findFirst({
    where: { id, archivedAt: null, stage: { archivedAt: null, journey: { archivedAt: null } } },
    select: {
      id: true,
      name: true,
      description: true,
      momentOfTruth: true,
      department: { select: { id: true, name: true, colour: true } },
      stage: { select: { id: true, name: true, journey: { select: { id: true, name: true } } } },
      metrics: {
        where: { archivedAt: null },
        orderBy: { id: "asc" },
        select: { id: true, name: true, kind: true, unit: true, direction: true, target: true, warningThreshold: true },
      },
    },
  });
  if (!touchpoint) return null;
  const settings = await getOrganisationSettings();
  const native = settings.periodGranularity;
  const asked: RangeRequest = { from: (askedFrom && parsePeriodKey(askedFrom)) || undefined, to: (askedTo && parsePeriodKey(askedTo)) || undefined };
  const last = (await getLastFigurePeriods([id], addPeriods(currentPeriod(native), 1, native))).get(id);
  const range = resolveRange(asked, native, { fallbackTo: last ?? currentPeriod(native), defaultLength: REPORT_DEFAULT_PERIODS, maxLength: REPORT_MAX_PERIODS });
  const periods = periodsBetween(range.from, range.to, native);
  const end = addPeriods(range.to, 1, native);
  const metricIds = touchpoint.metrics.map((m) => m.id);

  // The period before the range too, for the change in the first period shown.
  const scored = [addPeriods(range.from, -1, native), ...periods];
  const [entries, revisions, structures, figures, changes] = await Promise.all([
    db.metricEntry.findMany({
      where: { metricId: { in: metricIds }, periodStart: { gte: range.from, lt: end } },
      orderBy: { periodStart: "asc" },
      select: { metricId: true, periodStart: true, value: true, sampleSize: true, source: true, note: true, enteredBy: { select: { name: true } } },
    }),
    db.entryRevision.count({ where: { oldSource: { not: null }, entry: { metricId: { in: metricIds }, periodStart: { gte: range.from, lt: end } } } }),
    getJourneyStructures(),
    getFiguresByPeriod(scored, native, native),
    getChangesAffecting([id], range.from, end),
  ]);

  const journey = structures.find((j) => j.id === touchpoint.stage.journey.id)!;
  const journeyScores = scoreOverPeriods(journey, scored, figures, settings.momentOfTruthMultiplier);
  const shown = journeyScores.slice(1);
  const own = (i: number) => shown[i]!.touchpoints.get(id);
  const now = shown.at(-1)!;
  const valuesOf = (p: Date) => figures.get(p.getTime()) ?? new Map<number, number>();
  const mine = now.touchpoints.get(id)!;
  const stageIndex = journey.stages.findIndex((s) => s.id === touchpoint.stage.id);
  const neighbours = (step: -1 | 1) => {
    for (let i = stageIndex + step; i >= 0 && i < journey.stages.length; i += step) {
      const stage = journey.stages[i]!;
      if (stage.touchpoints.length === 0) continue;
      return {
        stage: stage.name,
        touchpoints: stage.touchpoints.map((t) => ({
          name: t.name,
          department: t.department.name,
          colour: t.department.colour,
          scores: shown.map((s) => s.touchpoints.get(t.id)?.score ?? null),
        })),
      };
    }
    return null;
  };

  const keyOf = (d: Date) => toPeriodKey(d);
  const index = new Map(periods.map((p, i) => [keyOf(p), i]));
  const option = (p: Date): PeriodOption => ({ key: keyOf(p), label: formatPeriod(p, native) });
  const lastPeriodEntries = entries.filter((e) => e.periodStart.getTime() === range.to.getTime());
  const sampled = lastPeriodEntries.filter((e) => e.sampleSize !== null);
  const scoreSeries = periods.map((_, i) => own(i)?.score ?? null);
  const latestCurrent = currentPeriod(native);

  return {
    organisation: settings.name,
    touchpoint: {
      id: touchpoint.id,
      name: touchpoint.name,
      description: touchpoint.description,
      momentOfTruth: touchpoint.momentOfTruth,
      department: touchpoint.department,
      stage: touchpoint.stage.name,
      journey: touchpoint.stage.journey,
    },
    granularity: native,
    range: { from: option(range.from), to: option(range.to), automatic: range.automatic },
    notices: range.notices,
    periods: periods.map((p) => ({ ...option(p), short: formatPeriodShort(p, native) })),
    periodOptions: Array.from({ length: REPORT_MAX_PERIODS }, (_, i) => option(addPeriods(latestCurrent, -i, native))),
    scores: { score: scoreSeries, target: periods.map((_, i) => own(i)?.targetScore ?? null), warning: periods.map((_, i) => own(i)?.warningScore ?? null) },
    current: {
      score: mine.score,
      targetScore: mine.targetScore,
      status: targetStatus(mine.score, mine.targetScore, mine.warningScore),
      band: mine.score === null ? null : scoreBand(mine.score, settings),
      change: touchpointChange(journey.touchpoints.find((t) => t.id === id)!, valuesOf(scored.at(-1)!), valuesOf(scored.at(-2)!)),
      coverage: mine.coverage,
      sampleSize: sampled.length ? sampled.reduce((sum, e) => sum + e.sampleSize!, 0) : null,
    },
    metrics: touchpoint.metrics.map((m) => {
      const points: ReportMetric["points"] = periods.map(() => ({ value: null, sampleSize: null, source: null }));
      let latest: ReportMetric["latest"] = null;
      for (const e of entries) {
        if (e.metricId !== m.id) continue;
        points[index.get(keyOf(e.periodStart))!] = { value: e.value, sampleSize: e.sampleSize, source: e.source };
        latest = { period: option(e.periodStart), value: e.value, sampleSize: e.sampleSize, source: e.source, enteredBy: e.enteredBy?.name ?? null };
      }
      return { ...m, points, latest };
    }),
    upstream: neighbours(-1),
    downstream: neighbours(1),
    drag: {
      touchpoint: contribution(now, id),
      department: now.departments.get(touchpoint.department.id)?.drag ?? 0,
      shortfall: now.shortfall,
      departmentSeries: shown.map((s) => s.departments.get(touchpoint.department.id)?.drag ?? 0),
    },
    notes: entries
      .filter((e) => e.note)
      .map((e) => ({ period: option(e.periodStart), metric: touchpoint.metrics.find((m) => m.id === e.metricId)!.name, note: e.note!, author: e.enteredBy?.name ?? null }))
      .reverse(),
    revisions,
    changes: changes.map((c, i) => {
      const date = parsePeriodKey(c.effectiveDate)!;
      return { id: c.id, number: i + 1, title: c.title, date: { key: c.effectiveDate, label: formatDate(date) }, periodKey: keyOf(startOfPeriod(date, native)), answers: c.answers, author: c.author };
    }),
  };
});

/** Journey points lost to one touchpoint: Wₜ · max(0, Tₜ − Sₜ) / Σ Wₜ (docs/scoring.md). */
function contribution(journey: ReturnType<typeof scoreOverPeriods>[number], touchpointId: number): number {
  const t = journey.touchpoints.get(touchpointId)!;
  const scoredWeight = [...journey.touchpoints.values()].reduce((sum, x) => sum + (x.score === null ? 0 : x.effectiveWeight), 0);
  return scoredWeight === 0 || t.score === null || t.targetScore === null ? 0 : (t.effectiveWeight * Math.max(0, t.targetScore - t.score)) / scoredWeight;
}

export type PublicTouchpointReport = Omit<TouchpointReportData, "touchpoint" | "metrics" | "notes" | "periodOptions" | "changes"> & {
  touchpoint: Omit<TouchpointReportData["touchpoint"], "id" | "department" | "journey"> & { department: { name: string; colour: string }; journey: { name: string } };
  metrics: (Omit<ReportMetric, "id" | "latest"> & { latest: Omit<NonNullable<ReportMetric["latest"]>, "enteredBy"> | null })[];
  notes: Omit<TouchpointReportData["notes"][number], "author">[];
  changes: Omit<ReportChange, "id" | "author">[];
};

/**
 * What a share link shows: the same report without ids, people's names or the period pickers.
 * Built field by field (an allowlist), so a field added to the report stays private until added here.
 */
export function publicReport(report: TouchpointReportData): PublicTouchpointReport {
  const { touchpoint: t } = report;
  return {
    organisation: report.organisation,
    touchpoint: {
      name: t.name,
      description: t.description,
      momentOfTruth: t.momentOfTruth,
      stage: t.stage,
      department: { name: t.department.name, colour: t.department.colour },
      journey: { name: t.journey.name },
    },
    granularity: report.granularity,
    range: report.range,
    notices: [],
    periods: report.periods,
    scores: report.scores,
    current: report.current,
    metrics: report.metrics.map((m) => ({
      name: m.name,
      kind: m.kind,
      unit: m.unit,
      direction: m.direction,
      target: m.target,
      warningThreshold: m.warningThreshold,
      points: m.points,
      latest: m.latest && { period: m.latest.period, value: m.latest.value, sampleSize: m.latest.sampleSize, source: m.latest.source },
    })),
    upstream: report.upstream,
    downstream: report.downstream,
    drag: report.drag,
    notes: report.notes.map((n) => ({ period: n.period, metric: n.metric, note: n.note })),
    revisions: report.revisions,
    changes: report.changes.map((c) => ({ number: c.number, title: c.title, date: c.date, periodKey: c.periodKey, answers: c.answers })),
  };
}
