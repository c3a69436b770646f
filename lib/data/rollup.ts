// How a bucket of figures (one metric's figures in a month, a quarter, or one side of a process
// change) becomes one value and one sample size, written once as SQL for every grouped query that
// rolls figures up. The rule and a worked example are in docs/scoring.md ("Weeks, months, quarters
// and ranges"). The fragments read the figures as `e`: use them in `FROM "MetricEntry" e … GROUP BY`.
import { Prisma } from "../db";

/** A figure's sample size when it has one (a positive number of responses), else NULL. */
const sampleSize = Prisma.sql`CASE WHEN e."sampleSize" > 0 THEN e."sampleSize" END`;
/** The same as a float, so that products and quotients never use integer arithmetic (SQLite reads DOUBLE PRECISION as REAL). */
const weight = Prisma.sql`CAST(${sampleSize} AS DOUBLE PRECISION)`;

/**
 * The bucket's value: the mean of its figures weighted by sample size, where a figure without a
 * sample size weighs as much as the mean sample size n̄ of those that have one; the plain mean when
 * none has one. With S the figures that have a sample size and U the rest (N in all):
 *
 *     (Σ_S n·v + n̄ · Σ_U v) / (Σ_S n + n̄ · |U|),  n̄ = Σ_S n / |S|
 *   = (|S| · Σ_S n·v + Σ_S n · Σ_U v) / (Σ_S n · N)      (multiplied through by |S|: no n̄ to divide out)
 */
export const rolledUpValue = Prisma.sql`CASE WHEN COUNT(${weight}) = 0 THEN AVG(e."value")
  ELSE (COUNT(${weight}) * SUM(${weight} * e."value") + SUM(${weight}) * SUM(CASE WHEN ${weight} IS NULL THEN e."value" ELSE 0 END))
       / (SUM(${weight}) * COUNT(*)) END`;

/** The bucket's sample size: the responses behind its figures (their sample sizes added up), NULL when none has one. */
export const rolledUpSampleSize = Prisma.sql`SUM(${sampleSize})`;
