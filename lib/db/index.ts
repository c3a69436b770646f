// The one Prisma client for the configured database. Nothing else imports a driver.
import "server-only";
import { createPrismaClient, type Db } from "./client";
import { resolveDatabaseConfig } from "./config";

const globalForDb = globalThis as unknown as { touchlineDb?: Db };

/** Reused across hot reloads in development so we do not open a connection per edit. */
export const db: Db = globalForDb.touchlineDb ?? createPrismaClient();
if (process.env.NODE_ENV === "development") globalForDb.touchlineDb = db;

/** For the few raw SQL statements whose syntax differs between the two databases. */
export const databaseProvider = resolveDatabaseConfig().provider;

export type { Db, Tx } from "./client";
/** SQL helpers (Prisma.sql, Prisma.join) for $queryRaw; the same runtime serves both databases. */
export { Prisma } from "./generated/sqlite/client";
