// Prisma's errors, matched by code and driver-adapter error kind (never by message text).
import { DomainError } from "../errors";
// https://www.prisma.io/docs/orm/reference/error-reference
type PrismaLikeError = { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };

/**
 * A unique constraint refused the write: P2002 from Prisma's own queries, or P2010 (raw query
 * failed) whose driver-adapter cause is a unique violation, as the bulk entry writes raise it.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as PrismaLikeError;
  return code === "P2002" || (code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation");
}

/**
 * The database stayed busy past the wait allowed: P1008 (operation timed out; the embedded
 * database's write lock, lib/db/sqlite-adapter.ts, or a PostgreSQL timeout) or P2028 (a
 * transaction could not start within maxWait). Nothing was written; trying again will do.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code } = error as PrismaLikeError;
  return code === "P1008" || code === "P2028";
}

/** The error as one a user can act on: a DomainError as it is, a busy database as "unavailable" (503); otherwise null. */
export function asDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (isDatabaseBusy(error)) {
    return new DomainError("unavailable", "Touchline is busy saving other figures and could not save yours in time. Nothing was saved; try again in a moment.");
  }
  return null;
}
