// Typed parameters for raw SQL that runs on both databases. PostgreSQL's driver sends parameters
// untyped, so they are cast there; SQLite takes them as they are.
import { databaseProvider, Prisma } from "../db";
import type { EntrySource } from "../domain";

const param = (value: unknown, pgType: string) =>
  databaseProvider === "postgresql" ? Prisma.sql`CAST(${value} AS ${Prisma.raw(pgType)})` : Prisma.sql`${value}`;

export const int = (v: number | null) => param(v, "INTEGER");
export const real = (v: number | null) => param(v, "DOUBLE PRECISION");
export const text = (v: string | null) => param(v, "TEXT");
export const source = (v: EntrySource | null) => param(v, '"EntrySource"');
export const time = (v: Date) => param(v, "TIMESTAMP(3)");
/** SQLite has no boolean: Prisma stores one as 1 or 0 there. */
export const bool = (v: boolean) => (databaseProvider === "postgresql" ? param(v, "BOOLEAN") : Prisma.sql`${v ? 1 : 0}`);

/** A timestamp column read back through raw SQL: a Date on PostgreSQL, epoch milliseconds on SQLite. */
export function readTime(value: Date | number | bigint | string): Date {
  return value instanceof Date ? value : new Date(typeof value === "string" && !/^\d+$/.test(value) ? value : Number(value));
}
