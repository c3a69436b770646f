import { db } from "../../lib/db";
import { getActiveUser, type CurrentUser } from "../../lib/data/users";

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
