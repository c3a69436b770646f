// Prisma's errors, matched by code and driver-adapter error kind (never by message text).
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
