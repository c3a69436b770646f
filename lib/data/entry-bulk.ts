// Bulk writes of entries and revisions as multi-row SQL statements. Prisma's createMany and
// updateMany run row by row through the JS engine (about 2,700 rows/s on SQLite here); these
// statements write tens of thousands of rows per second (npm run bench:import). Parameterised
// throughout; casts are needed on PostgreSQL only (its driver sends untyped parameters).
import { chunked } from "../collections";
import { databaseProvider, Prisma, type Tx } from "../db";
import type { EntrySource } from "../domain";
import { int, real, source, text, time } from "./sql-params";

/** Rows per statement: 500 × 12 parameters stays under SQLite's 32,766 (3.32+) and PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 500;
const batches = <T>(rows: T[]) => chunked(rows, ROWS_PER_STATEMENT);

/**
 * Serialises writers of the same metrics' figures until this transaction ends, so what it reads
 * next is what it overwrites: "last write wins" without lost updates, duplicate inserts or 409s.
 * PostgreSQL: row locks on the metrics, taken in id order so two writers cannot deadlock
 * (FOR NO KEY UPDATE leaves foreign-key checks from other tables unblocked). SQLite: nothing to
 * do, the transaction began IMMEDIATE and holds the database's only write lock.
 */
export async function lockMetricsForWriting(tx: Tx, metricIds: number[]): Promise<void> {
  if (databaseProvider !== "postgresql") return;
  const sorted = [...new Set(metricIds)].sort((a, b) => a - b);
  for (const ids of batches(sorted)) {
    await tx.$queryRaw`SELECT "id" FROM "Metric" WHERE "id" IN (${Prisma.join(ids)}) ORDER BY "id" FOR NO KEY UPDATE`;
  }
}

export type NewEntry = { metricId: number; periodStart: Date; value: number; sampleSize: number | null; source: EntrySource; note: string | null; enteredById: number | null };

/** Inserts entries (version 1) and returns their ids. */
export async function insertEntries(tx: Tx, rows: NewEntry[], now: Date): Promise<{ id: number }[]> {
  const out: { id: number }[] = [];
  for (const batch of batches(rows)) {
    const values = batch.map(
      (r) => Prisma.sql`(${int(r.metricId)}, ${time(r.periodStart)}, ${real(r.value)}, ${int(r.sampleSize)}, ${source(r.source)}, ${text(r.note)}, ${int(r.enteredById)}, 1, ${time(now)}, ${time(now)})`,
    );
    const inserted = await tx.$queryRaw<{ id: number | bigint }[]>`
      INSERT INTO "MetricEntry" ("metricId", "periodStart", "value", "sampleSize", "source", "note", "enteredById", "version", "createdAt", "updatedAt")
      VALUES ${Prisma.join(values)}
      RETURNING "id"`;
    for (const r of inserted) out.push({ id: Number(r.id) });
  }
  return out;
}

export type NewRevision = {
  entryId: number;
  changedById: number | null;
  apiKeyId: number | null;
  oldValue: number | null;
  newValue: number;
  oldSampleSize: number | null;
  newSampleSize: number | null;
  oldSource: EntrySource | null;
  newSource: EntrySource;
  oldNote: string | null;
  newNote: string | null;
};

export async function insertRevisions(tx: Tx, rows: NewRevision[], now: Date): Promise<void> {
  for (const batch of batches(rows)) {
    const values = batch.map(
      (r) =>
        Prisma.sql`(${int(r.entryId)}, ${int(r.changedById)}, ${int(r.apiKeyId)}, ${time(now)}, ${real(r.oldValue)}, ${real(r.newValue)}, ${int(r.oldSampleSize)}, ${int(r.newSampleSize)}, ${source(r.oldSource)}, ${source(r.newSource)}, ${text(r.oldNote)}, ${text(r.newNote)})`,
    );
    await tx.$executeRaw`
      INSERT INTO "EntryRevision" ("entryId", "changedById", "apiKeyId", "changedAt", "oldValue", "newValue", "oldSampleSize", "newSampleSize", "oldSource", "newSource", "oldNote", "newNote")
      VALUES ${Prisma.join(values)}`;
  }
}

export type EntryUpdate = { id: number; version: number; value: number; sampleSize: number | null; source: EntrySource; note: string | null; enteredById: number | null };

/**
 * Updates entries whose version is still the one read, bumping it. Returns how many matched:
 * fewer than given means someone else saved one of them meanwhile.
 */
export async function updateEntries(tx: Tx, rows: EntryUpdate[], now: Date): Promise<number> {
  let updated = 0;
  for (const batch of batches(rows)) {
    // VALUES columns are column1, column2, … on both databases.
    const values = batch.map(
      (r) => Prisma.sql`(${int(r.id)}, ${int(r.version)}, ${real(r.value)}, ${int(r.sampleSize)}, ${source(r.source)}, ${text(r.note)}, ${int(r.enteredById)})`,
    );
    updated += await tx.$executeRaw`
      UPDATE "MetricEntry" SET
        "value" = v.column3, "sampleSize" = v.column4, "source" = v.column5, "note" = v.column6,
        "enteredById" = v.column7, "version" = "MetricEntry"."version" + 1, "updatedAt" = ${time(now)}
      FROM (VALUES ${Prisma.join(values)}) AS v
      WHERE "MetricEntry"."id" = v.column1 AND "MetricEntry"."version" = v.column2`;
  }
  return updated;
}

/** The creating revision of each new entry, copied from the entry itself: one parameter per row. */
export async function insertCreationRevisions(tx: Tx, entryIds: number[], author: { changedById: number | null; apiKeyId: number | null }, now: Date): Promise<void> {
  for (const ids of batches(entryIds)) {
    await tx.$executeRaw`
      INSERT INTO "EntryRevision" ("entryId", "changedById", "apiKeyId", "changedAt", "newValue", "newSampleSize", "newSource", "newNote")
      SELECT "id", ${int(author.changedById)}, ${int(author.apiKeyId)}, ${time(now)}, "value", "sampleSize", "source", "note"
      FROM "MetricEntry" WHERE "id" IN (${Prisma.join(ids)})`;
  }
}
