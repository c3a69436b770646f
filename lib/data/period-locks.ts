// Closed periods ("closed books"): figures in a locked period are read-only for everyone but admins.
import { db } from "../db";
import { forbidden, invalid } from "../errors";
import { dateRange, isEnterablePeriod, toPeriodKey } from "../periods";
import { canLockPeriods, type Actor } from "../permissions";
import { recordAudit } from "./audit";
import { getOrganisationSettings } from "./organisation";
import { int, time } from "./sql-params";

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

/** Locks or unlocks a period (admins only), audited as "period.lock" / "period.unlock" when it changes. */
export async function setPeriodLock(actor: Actor, { periodStart, locked }: { periodStart: Date; locked: boolean }, now = new Date()): Promise<{ locked: boolean }> {
  if (!canLockPeriods(actor)) throw forbidden("Only admins can lock or unlock a period.");
  const { periodGranularity } = await getOrganisationSettings();
  if (!isEnterablePeriod(periodStart, periodGranularity)) {
    throw invalid("That is not a period that can be locked.", { periodStart: "Choose a past or current period" });
  }
  // Audited only when the state changes: of two admins locking at once, one locks (and is audited),
  // the other finds it locked. The insert skips an existing lock on both databases.
  await db.$transaction(async (tx) => {
    const changed = locked
      ? await tx.$executeRaw`INSERT INTO "PeriodLock" ("periodStart", "lockedById", "lockedAt") VALUES (${time(periodStart)}, ${int(actor.id)}, ${time(now)}) ON CONFLICT ("periodStart") DO NOTHING`
      : (await tx.periodLock.deleteMany({ where: { periodStart } })).count;
    if (changed > 0) {
      await recordAudit(tx, actor, { action: locked ? "period.lock" : "period.unlock", entity: "PeriodLock", entityId: null, after: { periodStart: toPeriodKey(periodStart), locked } });
    }
  });
  return { locked };
}
