// Row locks for rules that read a person and write something that depends on them, racing a change
// to that person (a session started while the password changes, a share link made while its
// creator loses the department). PostgreSQL only: SQLite runs write transactions one at a time.
import { databaseProvider, type Tx } from "../db";

/**
 * Locks a person's row for the rest of the transaction: "share" where their current state decides
 * whether to write (several may hold it at once), "update" where the change itself is made, so
 * the two take turns and neither works from a state the other is replacing.
 */
export async function lockUser(tx: Tx, userId: number, mode: "share" | "update"): Promise<void> {
  if (databaseProvider !== "postgresql") return;
  if (mode === "share") await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR SHARE`;
  else await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
}
