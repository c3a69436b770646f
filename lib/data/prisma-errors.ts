// Prisma's error codes, matched by code (never by message text).
// https://www.prisma.io/docs/orm/reference/error-reference
function prismaCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;
}

/** P2002: a unique constraint refused the write. */
export const isUniqueViolation = (error: unknown) => prismaCode(error) === "P2002";
