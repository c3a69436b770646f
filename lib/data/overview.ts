// Everything the overview shows for one journey and one view (week, month or quarter; a range
// of periods): the headline, the journey map, department drag, trends, influence, at-risk and
// stale touchpoints. Plain data, so the server renders it first and the browser can fetch it again.
import { db } from "../db";
import type { PeriodGranularity } from "../domain";
import { formatDate } from "../format";
import {
  addPeriods,
  currentPeriod,
  formatPeriod,
  formatPeriodShort,
  periodNoun,
  parsePeriodKey,
  periodsBetween,
  resolveRange,
  startOfPeriod,
  toPeriodKey,
  viewGranularities,
  type ViewGranularity,
} from "../periods";
import { scoreBand, type ScoreBand } from "../scoring";
import { describeLink, influenceCells, strongestLinks, type InfluenceCell } from "../scoring/influence";
import { compareToPrevious, fullTargetScore, scoreJourney, type RolledTouchpoint } from "../scoring/journey";
import { FALLING_PERIODS, fallingStreak, targetStatus, type TargetStatus } from "../scoring/status";
import type { OverviewParams } from "../validation/overview";
import {
  departmentInfluence,
  getFiguresByPeriod,
  getJourneyStructures,
  getLastFigurePeriods,
  getSampleSizes,
  INFLUENCE_PERIODS,
  scoreOverPeriods,
  type JourneyStructure,
} from "./journey-scores";
import { getOrganisationSettings } from "./organisation";
import { getChangesAffecting } from "./process-changes";

/** Trend range shown when the link does not say, per view: half a year of weeks, a year of months, two years of quarters. */
export const DEFAULT_RANGE: Record<ViewGranularity, number> = { WEEK: 26, MONTH: 12, QUARTER: 8 };
/** The longest range a link may ask for, per view. */
export const MAX_RANGE: Record<ViewGranularity, number> = { WEEK: 104, MONTH: 36, QUARTER: 16 };
/** How far back the period picker reaches, per view. */
const PICKER_PERIODS: Record<ViewGranularity, number> = { WEEK: 78, MONTH: 24, QUARTER: 8 };
/** A period is reported once at least this share of active metrics has a figure for it. */
export const REPORTING_COVERAGE = 0.5;
/** Scores built on less than this share of their weight are marked as low coverage. */
export const LOW_COVERAGE = 0.5;
/** Scores built on fewer responses than this are marked as a small sample. */
export const SMALL_SAMPLE = 30;

type PeriodOption = { key: string; label: string };
type DepartmentRef = { id: number; name: string; colour: string };

export type OverviewTile = {
  id: number;
  name: string;
  momentOfTruth: boolean;
  department: DepartmentRef;
  score: number | null;
  targetScore: number | null;
  warningScore: number | null;
  status: TargetStatus | null;
  coverage: number;
  /** Responses behind the figures (sum of sample sizes); null when no figure gave one. */
  sampleSize: number | null;
  lowCoverage: boolean;
  smallSample: boolean;
};

export type OverviewDepartment = DepartmentRef & {
  score: number | null;
  targetScore: number | null;
  /** Journey points lost to this department's touchpoints below target (docs/scoring.md). */
  drag: number;
  shareOfShortfall: number;
  belowTarget: number;
  atRisk: number;
  change: number | null;
  /** Scores and target scores over the range, oldest first. */
  trend: (number | null)[];
  targetTrend: (number | null)[];
};

export type AtRiskTouchpoint = {
  id: number;
  name: string;
  stage: string;
  department: DepartmentRef;
  /** Department heads, who own the touchpoint's figures. */
  heads: string[];
  score: number | null;
  targetScore: number | null;
  warningScore: number | null;
  belowWarning: boolean;
  /** Periods in a row the score has fallen, ending with the chosen one. */
  fallingFor: number;
  lastFigure: PeriodOption | null;
};

/** A process change to one of the journey's touchpoints in the trend's range: a marker on the chart. */
export type OverviewChange = {
  id: number;
  /** 1, 2, … oldest first: the label on its marker. */
  number: number;
  title: string;
  date: PeriodOption;
  /** The view's period it took effect in (a week, month or quarter start): where the marker stands. */
  periodKey: string;
};

export type JourneyOverview = {
  id: number;
  name: string;
  description: string;
  score: number | null;
  targetScore: number | null;
  coverage: number;
  /** Points lost to touchpoints below target; the departments' drags add up to it. */
  shortfall: number;
  band: ScoreBand | null;
  previousScore: number | null;
  /** The target with every metric reported (fixed); targetScore is over the metrics that reported, like score. */
  fullTargetScore: number | null;
  /** Like-for-like change from the previous period: both scored on the metrics reported in both. */
  change: number | null;
  /** Share of this period's scored weight the change compares (0–1); below 1 when some figures are new. */
  changeCoverage: number;
  /**
   * partial: under REPORTING_COVERAGE of the journey's metric weight reported (not judged, no
   * changes); in-progress: the current period, enough reported (judged "so far"); complete: a past
   * period with enough reported.
   */
  periodStatus: "complete" | "in-progress" | "partial";
  /** The period shown is the current one (its figures are still coming in). */
  currentPeriod: boolean;
  /** Touchpoints (with metrics) that have a score this period, of all of them. */
  reported: { touchpoints: number; of: number };
  /** The newest period before this one in the range with enough figures, when this one is partial. */
  lastComplete: PeriodOption | null;
  trend: {
    periods: (PeriodOption & { short: string })[];
    score: (number | null)[];
    target: (number | null)[];
  };
  stages: { id: number; name: string; score: number | null; touchpoints: OverviewTile[] }[];
  /** Most drag first. */
  departments: OverviewDepartment[];
  /** The chosen period's scored touchpoints: what-if rolls these up again in the browser. */
  touchpoints: RolledTouchpoint[];
  influence: {
    /** The period influence is measured in: the organisation's own, whatever the view. */
    noun: "week" | "month";
    /** Periods in the window and its first and last. */
    periods: number;
    from: string;
    to: string;
    /** Touchpoint-pair tests run on this page (Benjamini–Hochberg's m). */
    tested: number;
    /** Departments upstream first (by their first stage). */
    departments: DepartmentRef[];
    /** Department × department, both lags; lag-0 cells once per pair. */
    cells: InfluenceCell[];
    /** Links that pass the false-discovery check, in plain words; at most three. */
    sentences: string[];
  };
  atRisk: AtRiskTouchpoint[];
  stale: AtRiskTouchpoint[];
  /** Process changes to the journey's touchpoints that took effect in the trend's range, oldest first. */
  changes: OverviewChange[];
};

export type Overview = {
  organisation: string;
  /** The organisation's entry granularity. */
  granularity: PeriodGranularity;
  view: ViewGranularity;
  views: ViewGranularity[];
  /** The chosen period (the range's last) and the range's first, as YYYY-MM-DD; null with no data at all. */
  period: PeriodOption | null;
  from: PeriodOption | null;
  /** The period was picked automatically: the newest with at least half the figures in. */
  automaticPeriod: boolean;
  periodOptions: PeriodOption[];
  /** Why parts of the link were not followed. */
  notices: string[];
  hasFigures: boolean;
  /** Every journey's score for the chosen period (the journey selector). */
  journeys: { id: number; name: string; score: number | null; band: ScoreBand | null }[];
  journey: JourneyOverview | null;
};

const LOOKBACK_PERIODS = 12;

/**
 * The newest period in which at least half the active metrics have figures: a week that has
 * only just begun (one or two figures in) would otherwise make every journey look empty.
 */
async function getReportingPeriod(granularity: PeriodGranularity): Promise<Date | null> {
  const since = addPeriods(currentPeriod(granularity), -LOOKBACK_PERIODS, granularity);
  // The same metrics on both sides of the comparison: active ones under active touchpoints.
  const activeMetric = { archivedAt: null, touchpoint: { archivedAt: null } };
  const [activeMetrics, perPeriod] = await Promise.all([
    db.metric.count({ where: activeMetric }),
    db.metricEntry.groupBy({
      by: ["periodStart"],
      where: { periodStart: { gte: since }, metric: activeMetric },
      _count: { _all: true },
      orderBy: { periodStart: "desc" },
    }),
  ]);
  const needed = Math.max(1, Math.ceil(activeMetrics * REPORTING_COVERAGE));
  const reported = perPeriod.find((p) => p._count._all >= needed) ?? perPeriod[0];
  if (reported) return reported.periodStart;
  // Nothing recent: the newest figures there are, however old.
  const newest = await db.metricEntry.findFirst({ orderBy: { periodStart: "desc" }, select: { periodStart: true } });
  return newest?.periodStart ?? null;
}

const option = (p: Date, view: ViewGranularity): PeriodOption => ({ key: toPeriodKey(p), label: formatPeriod(p, view) });

/** The overview for `params` (see lib/validation/overview.ts); `notices` carries the link's problems in. */
export async function getOverview(params: OverviewParams = {}, notices: string[] = []): Promise<Overview> {
  notices = [...notices];
  const settings = await getOrganisationSettings();
  const native = settings.periodGranularity;
  const views = viewGranularities(native);
  let view = params.view ?? native;
  if (!views.includes(view)) {
    notices.push(`Figures are entered by ${periodNoun(native)}, so they cannot be shown by ${periodNoun(view)}.`);
    view = native;
  }
  // The newest well-reported period is only needed when the link names no usable period.
  const asked = params.period && startOfPeriod(params.period, view) <= currentPeriod(view);
  const [structures, reporting, anyFigure] = await Promise.all([
    getJourneyStructures(),
    asked ? null : getReportingPeriod(native),
    asked ? db.metricEntry.findFirst({ select: { id: true } }) : null,
  ]);
  const range = resolveRange({ from: params.from, to: params.period }, view, {
    fallbackTo: reporting ?? currentPeriod(view),
    defaultLength: DEFAULT_RANGE[view],
    maxLength: MAX_RANGE[view],
  });
  notices.push(...range.notices);
  const { to: period, from, automatic } = range;

  const latest = currentPeriod(view);
  // The current period is marked: its figures are still coming in.
  const periodOptions = Array.from({ length: PICKER_PERIODS[view] }, (_, i) => {
    const p = option(addPeriods(latest, -i, view), view);
    return i === 0 ? { ...p, label: `${p.label} (in progress)` } : p;
  });
  if (!periodOptions.some((p) => p.key === toPeriodKey(period))) periodOptions.push(option(period, view));

  let selected = structures[0];
  if (params.journeyId !== undefined) {
    const asked = structures.find((j) => j.id === params.journeyId);
    if (asked) selected = asked;
    else notices.push(`There is no journey ${params.journeyId}; showing ${selected ? selected.name : "the overview"} instead.`);
  }

  // One period before the range (for the change) and enough for a falling run of FALLING_PERIODS.
  const shown = periodsBetween(from, period, view);
  const first = [addPeriods(from, -1, view), addPeriods(period, -FALLING_PERIODS, view)].reduce((a, b) => (a < b ? a : b));
  const computed = periodsBetween(first, period, view);
  const figures = await getFiguresByPeriod(computed, view, native);
  const band = (score: number | null) => (score === null ? null : scoreBand(score, settings));
  const chosen = figures.get(period.getTime());

  return {
    organisation: settings.name,
    granularity: native,
    view,
    views,
    period: option(period, view),
    from: option(from, view),
    automaticPeriod: automatic,
    periodOptions,
    notices,
    hasFigures: (asked ? anyFigure : reporting) !== null,
    journeys: structures.map((j) => {
      const score = scoreJourney(j.touchpoints, chosen ?? new Map(), settings.momentOfTruthMultiplier).score;
      return { id: j.id, name: j.name, score, band: band(score) };
    }),
    journey: selected
      ? await journeyOverview(selected, { view, native, period, shown, computed, figures, multiplier: settings.momentOfTruthMultiplier, band })
      : null,
  };
}

type Context = {
  view: ViewGranularity;
  native: PeriodGranularity;
  period: Date;
  shown: Date[];
  computed: Date[];
  figures: Awaited<ReturnType<typeof getFiguresByPeriod>>;
  multiplier: number;
  band: (score: number | null) => ScoreBand | null;
};

async function journeyOverview(journey: JourneyStructure, c: Context): Promise<JourneyOverview> {
  const scores = scoreOverPeriods(journey, c.computed, c.figures, c.multiplier);
  const now = scores.at(-1)!;
  const shownScores = scores.slice(scores.length - c.shown.length);
  const departmentOf = new Map(journey.stages.flatMap((s) => s.touchpoints.map((t) => [t.department.id, t.department])));
  const stageOf = new Map(journey.stages.flatMap((s) => s.touchpoints.map((t) => [t.id, s.name])));
  const touchpointSeries = (id: number) => scores.map((s) => s.touchpoints.get(id)?.score ?? null);
  const departmentSeries = (id: number) => scores.map((s) => s.departments.get(id)?.score ?? null);

  // At risk: below the warning line, or falling FALLING_PERIODS periods in a row. Stale: no figure this period.
  const flagged = journey.stages.flatMap((s) => s.touchpoints).map((t) => {
    const scored = now.touchpoints.get(t.id)!;
    const fallingFor = fallingStreak(touchpointSeries(t.id));
    const belowWarning = targetStatus(scored.score, scored.targetScore, scored.warningScore) === "below-warning";
    return { t, scored, fallingFor, belowWarning, atRisk: belowWarning || fallingFor >= FALLING_PERIODS, stale: scored.score === null && t.metrics.length > 0 };
  });
  const listed = flagged.filter((f) => f.atRisk || f.stale);

  // Like-for-like change, and whether this period is complete enough to judge (docs/scoring.md).
  const valuesOf = (p: Date | undefined) => (p ? c.figures.get(p.getTime()) : undefined) ?? new Map<number, number>();
  const comparison = compareToPrevious(journey.touchpoints, valuesOf(c.computed.at(-1)), valuesOf(c.computed.at(-2)), c.multiplier);
  const current = c.period.getTime() === currentPeriod(c.view).getTime();
  const periodStatus = now.coverage < REPORTING_COVERAGE ? "partial" : current ? "in-progress" : "complete";
  // Too little in to judge: no changes either (docs/scoring.md).
  if (periodStatus === "partial") {
    comparison.change = null;
    comparison.departments.clear();
  }
  const withMetrics = journey.touchpoints.filter((t) => t.metrics.length > 0);
  const completeIndex = scores.slice(0, -1).findLastIndex((s) => s.coverage >= REPORTING_COVERAGE);
  const lastComplete = completeIndex >= 0 ? option(c.computed[completeIndex]!, c.view) : null;
  const end = addPeriods(c.period, 1, c.view);
  const [samples, lastFigures, heads, changes] = await Promise.all([
    getSampleSizes(c.period, end),
    getLastFigurePeriods(listed.map((f) => f.t.id), end),
    getDepartmentHeads([...new Set(listed.map((f) => f.t.departmentId))]),
    getChangesAffecting(journey.touchpoints.map((t) => t.id), c.shown[0]!, end),
  ]);
  const toItem = (f: (typeof flagged)[number]): AtRiskTouchpoint => {
    const last = lastFigures.get(f.t.id);
    return {
      id: f.t.id,
      name: f.t.name,
      stage: stageOf.get(f.t.id)!,
      department: f.t.department,
      heads: heads.get(f.t.departmentId) ?? [],
      score: f.scored.score,
      targetScore: f.scored.targetScore,
      warningScore: f.scored.warningScore,
      belowWarning: f.belowWarning,
      fallingFor: f.fallingFor,
      lastFigure: last ? option(last, c.native) : null,
    };
  };
  const atRisk = flagged.filter((f) => f.atRisk).map(toItem).sort((a, b) => Number(b.belowWarning) - Number(a.belowWarning) || (a.score ?? 0) - (b.score ?? 0));
  const stale = flagged.filter((f) => f.stale).map(toItem);

  const departments = [...now.departments]
    .map(([id, d]): OverviewDepartment => ({
      ...departmentOf.get(id)!,
      score: d.score,
      targetScore: d.targetScore,
      drag: d.drag,
      shareOfShortfall: d.shareOfShortfall,
      belowTarget: d.belowTarget,
      atRisk: atRisk.filter((a) => a.department.id === id).length,
      change: comparison.departments.get(id) ?? null,
      trend: departmentSeries(id).slice(scores.length - c.shown.length),
      targetTrend: shownScores.map((s) => s.departments.get(id)?.targetScore ?? null),
    }))
    .sort((a, b) => b.drag - a.drag || a.name.localeCompare(b.name));

  return {
    id: journey.id,
    name: journey.name,
    description: journey.description,
    score: now.score,
    targetScore: now.targetScore,
    coverage: now.coverage,
    shortfall: now.shortfall,
    band: c.band(now.score),
    previousScore: scores.at(-2)?.score ?? null,
    fullTargetScore: fullTargetScore(journey.touchpoints, c.multiplier),
    change: comparison.change,
    changeCoverage: comparison.comparedCoverage,
    periodStatus,
    currentPeriod: current,
    reported: { touchpoints: withMetrics.filter((t) => now.touchpoints.get(t.id)?.score != null).length, of: withMetrics.length },
    lastComplete: periodStatus === "partial" ? lastComplete : null,
    trend: {
      periods: c.shown.map((p) => ({ ...option(p, c.view), short: formatPeriodShort(p, c.view) })),
      score: shownScores.map((s) => s.score),
      target: shownScores.map((s) => s.targetScore),
    },
    stages: journey.stages.map((stage) => ({
      id: stage.id,
      name: stage.name,
      score: now.stages.get(stage.id)?.score ?? null,
      touchpoints: stage.touchpoints.map((t) => {
        const s = now.touchpoints.get(t.id)!;
        const sampled = t.metrics.filter((m) => samples.has(m.id));
        const sampleSize = sampled.length ? sampled.reduce((sum, m) => sum + samples.get(m.id)!, 0) : null;
        return {
          id: t.id,
          name: t.name,
          momentOfTruth: t.momentOfTruth,
          department: t.department,
          score: s.score,
          targetScore: s.targetScore,
          warningScore: s.warningScore,
          status: targetStatus(s.score, s.targetScore, s.warningScore),
          coverage: s.coverage,
          sampleSize,
          lowCoverage: s.score !== null && s.coverage < LOW_COVERAGE,
          smallSample: sampleSize !== null && sampleSize < SMALL_SAMPLE,
        };
      }),
    })),
    departments,
    touchpoints: [...now.touchpoints.values()],
    influence: await journeyInfluence(journey, c, scores),
    atRisk,
    stale,
    changes: changes.map((change, i) => {
      const date = parsePeriodKey(change.effectiveDate)!;
      return { id: change.id, number: i + 1, title: change.title, date: { key: change.effectiveDate, label: formatDate(date) }, periodKey: toPeriodKey(startOfPeriod(date, c.view)) };
    }),
  };
}

/**
 * Influence is measured on the organisation's own periods (weeks, or months), over the
 * INFLUENCE_PERIODS ending with the chosen period, whatever view the page shows: a month view's
 * twelve months would leave too few changes to test. The page says so.
 */
async function journeyInfluence(journey: JourneyStructure, c: Context, viewScores: ReturnType<typeof scoreOverPeriods>): Promise<JourneyOverview["influence"]> {
  const lastNative = [startOfPeriod(new Date(addPeriods(c.period, 1, c.view).getTime() - 1), c.native), currentPeriod(c.native)].reduce((a, b) => (a < b ? a : b));
  const firstNative = addPeriods(lastNative, -(INFLUENCE_PERIODS - 1), c.native);
  const periods = periodsBetween(firstNative, lastNative, c.native);
  const reuse = c.view === c.native && c.computed.length >= INFLUENCE_PERIODS && c.computed.at(-1)!.getTime() === lastNative.getTime();
  const scores = reuse ? viewScores.slice(-INFLUENCE_PERIODS) : scoreOverPeriods(journey, periods, await getFiguresByPeriod(periods, c.native, c.native), c.multiplier);
  const { touchpoints, analysis } = departmentInfluence(journey, scores);

  const firstStage = new Map<number, number>();
  for (const t of journey.touchpoints) {
    const position = journey.stagePosition.get(t.stageId)!;
    firstStage.set(t.departmentId, Math.min(position, firstStage.get(t.departmentId) ?? Infinity));
  }
  const departmentOf = new Map(journey.stages.flatMap((s) => s.touchpoints.map((t) => [t.department.id, t.department])));
  const departments = [...departmentOf.values()].sort((a, b) => firstStage.get(a.id)! - firstStage.get(b.id)! || a.name.localeCompare(b.name));
  const noun = periodNoun(c.native) as "week" | "month";
  return {
    noun,
    periods: periods.length,
    from: toPeriodKey(firstNative),
    to: toPeriodKey(lastNative),
    tested: analysis.tested,
    departments,
    cells: influenceCells(touchpoints, analysis, departments, noun),
    sentences: strongestLinks(touchpoints, analysis).map((link) => describeLink(link, touchpoints, noun)),
  };
}

/** Active department heads' names, per department. */
async function getDepartmentHeads(departmentIds: number[]): Promise<Map<number, string[]>> {
  if (departmentIds.length === 0) return new Map();
  const memberships = await db.departmentMembership.findMany({
    where: { departmentId: { in: departmentIds }, user: { role: "DEPARTMENT_HEAD", active: true } },
    select: { departmentId: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  const heads = new Map<number, string[]>();
  for (const m of memberships) heads.set(m.departmentId, [...(heads.get(m.departmentId) ?? []), m.user.name]);
  return heads;
}
