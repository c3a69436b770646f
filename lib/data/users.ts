import { db } from "../db";
import type { Role } from "../domain";

export type CurrentUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  departmentIds: number[];
};

/** What a CurrentUser is read from (Prisma select), shared with the session registry's one-query lookup. */
export const CURRENT_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  memberships: { select: { departmentId: true }, orderBy: { departmentId: "asc" } },
} as const;

type CurrentUserRow = { id: number; email: string; name: string; role: Role; active: boolean; memberships: { departmentId: number }[] };

/** The row as a CurrentUser; null when the person is deactivated. */
export function toCurrentUser(user: CurrentUserRow | null): CurrentUser | null {
  if (!user?.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, departmentIds: user.memberships.map((m) => m.departmentId) };
}

/**
 * The user as the database knows them now; null when missing or deactivated. Whether a request may
 * act as them is the session registry's question (lib/data/sessions.ts resolveSession).
 */
export async function getActiveUser(id: number): Promise<CurrentUser | null> {
  return toCurrentUser(await db.user.findUnique({ where: { id }, select: CURRENT_USER_SELECT }));
}

export async function findUserCredentials(email: string) {
  return db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, name: true, email: true, passwordHash: true, active: true },
  });
}
