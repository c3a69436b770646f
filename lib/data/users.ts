import { db } from "../db";
import type { Role } from "../domain";

export type CurrentUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  departmentIds: number[];
};

/**
 * The user as the database knows them now; null when missing or deactivated, or when
 * `signedInAt` (epoch ms) is given and falls before their sessions' cut-off (a password change).
 */
export async function getActiveUser(id: number, signedInAt?: number): Promise<CurrentUser | null> {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      sessionsValidFrom: true,
      memberships: { select: { departmentId: true }, orderBy: { departmentId: "asc" } },
    },
  });
  if (!user?.active) return null;
  if (signedInAt !== undefined && user.sessionsValidFrom && signedInAt < user.sessionsValidFrom.getTime()) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    departmentIds: user.memberships.map((m) => m.departmentId),
  };
}

export async function findUserCredentials(email: string) {
  return db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, name: true, email: true, passwordHash: true, active: true },
  });
}
