import { expect } from "vitest";
import { authOptions } from "../../lib/auth/options";
import { db } from "../../lib/db";
import { getActiveUser, type CurrentUser } from "../../lib/data/users";
import { DomainError } from "../../lib/errors";

export async function actorFor(email: string): Promise<CurrentUser> {
  const found = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const user = await getActiveUser(found.id);
  if (!user) throw new Error(`${email} is not active`);
  return user;
}

export async function metricNamed(touchpoint: string, metric: string) {
  return db.metric.findFirstOrThrow({
    where: { name: metric, touchpoint: { name: touchpoint } },
    select: { id: true, touchpoint: { select: { departmentId: true } } },
  });
}

/** Row counts that a refused write must leave unchanged. */
export async function entryCounts() {
  const [entries, revisions] = await Promise.all([db.metricEntry.count(), db.entryRevision.count()]);
  return { entries, revisions };
}

/** The domain error a refused call threw (failing the test if it did not throw one). */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

type Authorize = (credentials: Record<string, string>, request?: { headers: Record<string, string> }) => Promise<Record<string, unknown> | null>;
/** The credentials provider's authorize(), as next-auth calls it at sign-in (it keeps it under `options`). */
export const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

/**
 * The rollup rule of docs/scoring.md in its defining form, to check the database's answers against:
 * the mean weighted by sample size, where a figure without one weighs as much as the mean sample
 * size of the bucket's figures that have one; the plain mean when none has one.
 */
export function rolledUp(figures: readonly { value: number; sampleSize: number | null }[]): number {
  const sizes = figures.flatMap((f) => (f.sampleSize !== null && f.sampleSize > 0 ? [f.sampleSize] : []));
  const meanSize = sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length : 1;
  const weight = (f: { sampleSize: number | null }) => (f.sampleSize !== null && f.sampleSize > 0 ? f.sampleSize : meanSize);
  return figures.reduce((sum, f) => sum + weight(f) * f.value, 0) / figures.reduce((sum, f) => sum + weight(f), 0);
}

/** A new session for a person, as signing in with their current password makes one (lib/data/sessions.ts startSession). */
export async function sessionFor(userId: number, client: { userAgent?: string | null; address?: string | null } = {}, now?: Date): Promise<string> {
  const { startSession } = await import("../../lib/data/sessions");
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  const id = await startSession(userId, passwordHash, client, now);
  if (id === null) throw new Error(`No session for user ${userId}: inactive`);
  return id;
}
