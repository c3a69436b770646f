import { db } from "../db";
import type { PeriodGranularity } from "../domain";
import { forbidden, invalid } from "../errors";
import { canConfigureOrganisation, type Actor } from "../permissions";
import type { OrganisationSettingsInput } from "../validation/organisation";
import type { ScheduleSettingsInput } from "../validation/schedule";
import { localDay } from "../notifications/schedule";
import { skipOccurrencesDueAt } from "../notifications/scheduler";
import { recordAudit } from "./audit";

export type OrganisationSettings = {
  name: string;
  periodGranularity: PeriodGranularity;
  momentOfTruthMultiplier: number;
  bandGoodMin: number;
  bandFairMin: number;
};

/** Defaults for a database that has no organisation row yet (before first-run set-up). */
export const DEFAULT_SETTINGS: OrganisationSettings = {
  name: "Touchline",
  periodGranularity: "WEEK",
  momentOfTruthMultiplier: 2,
  bandGoodMin: 75,
  bandFairMin: 60,
};

export async function getOrganisationSettings(): Promise<OrganisationSettings> {
  const row = await db.organisation.findUnique({
    where: { id: 1 },
    select: { name: true, periodGranularity: true, momentOfTruthMultiplier: true, bandGoodMin: true, bandFairMin: true },
  });
  return row ?? DEFAULT_SETTINGS;
}

export type ScheduleSettings = {
  periodGranularity: PeriodGranularity;
  timeZone: string;
  reminderSchedule: string;
  reminderNudgeHours: number;
  digestSchedule: string;
  shortfallAlertPoints: number | null;
};

/** What the notification scheduler needs; null before first-run set-up (nothing to remind about). */
export async function getScheduleSettings(): Promise<ScheduleSettings | null> {
  return db.organisation.findUnique({ where: { id: 1 }, select: { periodGranularity: true, timeZone: true, reminderSchedule: true, reminderNudgeHours: true, digestSchedule: true, shortfallAlertPoints: true } });
}

/**
 * Today in the organisation's time zone, as a UTC-midnight date (how dates and periods are kept):
 * at 01:00 on Monday 30 Nov in Auckland it is 2026-11-30, though the server's UTC date is still
 * the 29th. Use it wherever a person means "today" (a change's date, whether it is in effect yet).
 * UTC before first-run set-up.
 */
export async function organisationToday(now = new Date()): Promise<Date> {
  const row = await db.organisation.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  return localDay(now, row?.timeZone ?? "UTC");
}

/**
 * Saves when notifications go out (validated by scheduleSettingsSchema), audited as
 * "organisation.schedule.update". The worker reads them on its next tick.
 */
export async function updateScheduleSettings(actor: Actor, input: ScheduleSettingsInput, now = new Date()): Promise<ScheduleSettingsInput> {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can change when notifications go out.");
  const select = { timeZone: true, reminderSchedule: true, reminderNudgeHours: true, digestSchedule: true, shortfallAlertPoints: true } as const;
  return db.$transaction(async (tx) => {
    const old = await tx.organisation.findUnique({ where: { id: 1 }, select: { ...select, periodGranularity: true } });
    if (!old) throw invalid("Set up the organisation first.");
    const updated = await tx.organisation.update({ where: { id: 1 }, data: input, select: { ...select, periodGranularity: true } });
    // What the new schedule would have sent earlier today is not sent now: it applies from the next occurrence.
    await skipOccurrencesDueAt(tx, old, updated, now);
    const withoutPeriod = ({ periodGranularity, ...rest }: typeof old) => (void periodGranularity, rest);
    const [before, after] = [withoutPeriod(old), withoutPeriod(updated)];
    await recordAudit(tx, actor, { action: "organisation.schedule.update", entity: "Organisation", entityId: 1, before, after });
    return after;
  });
}

/**
 * Saves the settings. The period granularity cannot change once figures exist: weekly figures
 * cannot become monthly ones (or the reverse) without inventing or losing data.
 */
export async function updateOrganisationSettings(actor: Actor, input: OrganisationSettingsInput): Promise<OrganisationSettings> {
  if (!canConfigureOrganisation(actor)) throw forbidden("Only admins can change the organisation's settings.");
  return db.$transaction(async (tx) => {
    const before = (await tx.organisation.findUnique({ where: { id: 1 }, select: { name: true, periodGranularity: true, momentOfTruthMultiplier: true, bandGoodMin: true, bandFairMin: true } })) ?? DEFAULT_SETTINGS;
    if (input.periodGranularity !== before.periodGranularity && (await tx.metricEntry.findFirst({ select: { id: true } }))) {
      const was = before.periodGranularity === "WEEK" ? "week" : "month";
      throw invalid(`Figures are already entered by ${was}. Changing the period would mean splitting or merging figures that were entered, so it can only be chosen before the first figure.`, {
        periodGranularity: `Fixed once figures exist (entered by ${was})`,
      });
    }
    const after = await tx.organisation.upsert({
      where: { id: 1 },
      create: { id: 1, ...input },
      update: input,
      select: { name: true, periodGranularity: true, momentOfTruthMultiplier: true, bandGoodMin: true, bandFairMin: true },
    });
    await recordAudit(tx, actor, { action: "organisation.update", entity: "Organisation", entityId: 1, before, after });
    return after;
  });
}

/** Whether any figure has been entered yet (the period granularity is fixed from then on). */
export async function hasAnyFigures(): Promise<boolean> {
  return (await db.metricEntry.findFirst({ select: { id: true } })) !== null;
}
