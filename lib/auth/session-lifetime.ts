// When a session runs out: the pure rules of the session registry (lib/data/sessions.ts), with the
// clock passed in so they can be tested to the millisecond.

/** The organisation's session lifetimes (Organisation.sessionIdleMinutes / sessionMaxHours). */
export type SessionLimits = { idleMinutes: number; maxHours: number };

/** 8 hours without a request; 7 days from sign-in however active (the schema's defaults). */
export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMinutes: 480, maxHours: 168 };

/**
 * A live session's last-seen time is written at most this often (ms): a request within a minute of
 * the last write changes nothing, so a busy page costs no writes. The idle limit is therefore
 * honoured to within this much.
 */
export const TOUCH_EVERY_MS = 60_000;

/** Ended or long-unused sessions are deleted after this many days (kept that long for the account page's record). */
export const PRUNE_AFTER_DAYS = 30;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date };

/**
 * Whether a session is still within its lifetimes at `now`; if not, which limit it reached and
 * when (the earlier of last seen + idle and created + max).
 */
export function sessionExpiry(session: SessionTimes, limits: SessionLimits, now: Date): { reason: "idle" | "expired"; at: Date } | null {
  const idleEnds = session.lastSeenAt.getTime() + limits.idleMinutes * 60_000;
  const maxEnds = session.createdAt.getTime() + limits.maxHours * 3_600_000;
  const t = now.getTime();
  if (t < idleEnds && t < maxEnds) return null;
  return maxEnds <= idleEnds ? { reason: "expired", at: new Date(maxEnds) } : { reason: "idle", at: new Date(idleEnds) };
}

/** Whether a request at `now` should move the session's last-seen time on (at most once a TOUCH_EVERY_MS). */
export function isDueForTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_EVERY_MS;
}

const plural = (n: number, unit: string) => `${n.toLocaleString("en-GB")} ${unit}${n === 1 ? "" : "s"}`;

/** A lifetime in words, in the largest whole units: 480 → "8 hours", 10,080 → "7 days", 90 → "1 hour 30 minutes". */
export function lifetimeText(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return plural(minutes / 1440, "day");
  if (minutes >= 60 && minutes % 60 === 0) return plural(minutes / 60, "hour");
  if (minutes > 60) return `${plural(Math.floor(minutes / 60), "hour")} ${plural(minutes % 60, "minute")}`;
  return plural(minutes, "minute");
}
