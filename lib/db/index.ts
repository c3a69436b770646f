// The one Prisma client for the configured database. Nothing else imports a driver.
import "server-only";
import { createPrismaClient, type Db } from "./client";
import { resolveDatabaseConfig } from "./config";

const globalForDb = globalThis as unknown as { touchlineDb?: Db };

/**
 * One client per process, kept on globalThis: Next.js bundles route handlers and pages separately
 * and each bundle evaluates this module, and development reloads it on every edit. Two clients
 * would mean two connection pools (PostgreSQL) or two writers on one SQLite file.
 */
export const db: Db = (globalForDb.touchlineDb ??= createPrismaClient());

/** For the few raw SQL statements whose syntax differs between the two databases. */
export const databaseProvider = resolveDatabaseConfig().provider;

export type { Db, Tx } from "./client";
/** SQL helpers (Prisma.sql, Prisma.join) for $queryRaw; the same runtime serves both databases. */
export { Prisma } from "./generated/sqlite/client";
