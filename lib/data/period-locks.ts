// Closed periods ("closed books"): figures in a locked period are read-only for everyone but admins.
import { db } from "../db";
import { forbidden, invalid } from "../errors";
import { dateRange, isEnterablePeriod } from "../periods";
import { canLockPeriods, type Actor } from "../permissions";
import { getOrganisationSettings } from "./organisation";

export type PeriodLockInfo = { lockedAt: string; lockedBy: string | null };

/** The locks on any of these periods, by period time. */
export async function getPeriodLocks(periods: Date[]): Promise<Map<number, PeriodLockInfo>> {
  if (periods.length === 0) return new Map();
  // Locks are few: read the ones in the range, not a parameter per period.
  const locks = await db.periodLock.findMany({
    where: { periodStart: dateRange(periods) },
    select: { periodStart: true, lockedAt: true, lockedBy: { select: { name: true } } },
  });
  return new Map(locks.map((l) => [l.periodStart.getTime(), { lockedAt: l.lockedAt.toISOString(), lockedBy: l.lockedBy?.name ?? null }]));
}

export async function setPeriodLock(actor: Actor, { periodStart, locked }: { periodStart: Date; locked: boolean }): Promise<{ locked: boolean }> {
  if (!canLockPeriods(actor)) throw forbidden("Only admins can lock or unlock a period.");
  const { periodGranularity } = await getOrganisationSettings();
  if (!isEnterablePeriod(periodStart, periodGranularity)) {
    throw invalid("That is not a period that can be locked.", { periodStart: "Choose a past or current period" });
  }
  if (locked) {
    await db.periodLock.upsert({ where: { periodStart }, create: { periodStart, lockedById: actor.id }, update: {} });
  } else {
    await db.periodLock.deleteMany({ where: { periodStart } });
  }
  return { locked };
}
