// npm run bench — the overview's computation on a large organisation (20 departments, 300
// touchpoints, 600 metrics) at 10,000, 100,000 and 1,000,000 entries, next to one raw GROUP BY.
// Scratch SQLite database data/bench-overview.db, or DATABASE_URL's PostgreSQL.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { Prisma } from "../lib/db/generated/sqlite/client";
import { addPeriods, currentPeriod } from "../lib/periods";

const root = path.resolve(import.meta.dirname, "..");
const SIZES = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const RUNS = 11;
const DEPARTMENTS = 20;
const JOURNEYS = 3;
const STAGES_PER_JOURNEY = 5;
const TOUCHPOINTS = 300;
const METRICS_PER_TOUCHPOINT = 2;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median ms of each task, run in turns so that both see the same machine load. */
async function timeInTurns(tasks: (() => Promise<unknown>)[]): Promise<number[]> {
  for (const task of tasks) await task(); // warm-up
  const times = tasks.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) {
    for (const [n, task] of tasks.entries()) {
      const started = performance.now();
      await task();
      times[n]!.push(performance.now() - started);
    }
  }
  return times.map(median);
}

async function main() {
  const scratch = path.join(root, "data/bench-overview.db");
  const url = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : `file:${scratch}`;
  if (url.startsWith("file:")) for (const s of ["", "-journal", "-wal", "-shm"]) fs.rmSync(scratch + s, { force: true });
  process.env.DATABASE_URL = url;
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  const db = createPrismaClient(url);

  // The organisation: departments own touchpoints spread over every journey's stages.
  await db.organisation.create({ data: { id: 1, name: "Bench", periodGranularity: "WEEK" } });
  await db.department.createMany({ data: Array.from({ length: DEPARTMENTS }, (_, i) => ({ name: `Department ${i}`, slug: `d${i}`, colour: "#336699" })) });
  const departments = (await db.department.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((d) => d.id);
  const stageIds: number[] = [];
  for (let j = 0; j < JOURNEYS; j++) {
    const journey = await db.journey.create({ data: { name: `Journey ${j}`, slug: `j${j}`, position: j } });
    for (let s = 0; s < STAGES_PER_JOURNEY; s++) stageIds.push((await db.stage.create({ data: { journeyId: journey.id, name: `Stage ${s}`, position: s } })).id);
  }
  await db.touchpoint.createMany({
    data: Array.from({ length: TOUCHPOINTS }, (_, i) => ({ stageId: stageIds[i % stageIds.length]!, departmentId: departments[i % DEPARTMENTS]!, name: `Touchpoint ${i}`, momentOfTruth: i % 7 === 0 })),
  });
  const touchpoints = (await db.touchpoint.findMany({ select: { id: true } })).map((t) => t.id);
  await db.metric.createMany({
    data: touchpoints.flatMap((t, i) =>
      Array.from({ length: METRICS_PER_TOUCHPOINT }, (_, m) => ({ touchpointId: t, name: `Metric ${m}`, kind: "PERCENT" as const, unit: "%", scaleBest: 100, scaleWorst: 0, target: 70 + ((i + m) % 20) })),
    ),
  });
  const metrics = (await db.metric.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((m) => m.id);

  // lib/db reads DATABASE_URL when first imported: only now.
  const { getOverview } = await import("../lib/data/overview");
  const { db: appDb } = await import("../lib/db");
  const last = addPeriods(currentPeriod("WEEK"), -1, "WEEK");
  // The overview reads the 26 weeks shown plus the week before (for the change).
  const windowStart = addPeriods(last, -26, "WEEK");

  const provider = url.startsWith("file:") ? "SQLite" : "PostgreSQL";
  console.log(`Overview on ${provider}: ${DEPARTMENTS} departments, ${TOUCHPOINTS} touchpoints, ${metrics.length} metrics, ${JOURNEYS} journeys.`);
  console.log("Overview = getOverview(), the page's data: every journey scored for the week, the first one for 27 weeks");
  console.log("(trend, change, drag, at-risk and stale lists, lag-0/lag-1 influence for every touchpoint pair).");
  console.log(`Medians of ${RUNS} runs after a warm-up, the three measurements taking turns.\n`);
  console.log("   entries | overview | GROUP BY, same 27 weeks | overview ÷ GROUP BY | GROUP BY, whole table");

  let inserted = 0;
  for (const size of SIZES) {
    // Newest weeks first, every metric each week, so the 26-week window is full from 15,600 entries on.
    const rows: Prisma.Sql[] = [];
    for (let n = inserted; n < size; n++) {
      const week = Math.floor(n / metrics.length);
      const metricId = metrics[n % metrics.length]!;
      const value = 50 + ((n * 7919) % 50);
      rows.push(Prisma.sql`(${metricId}, ${addPeriods(last, -week, "WEEK")}, ${value}, 'SURVEY', 1, ${new Date()}, ${new Date()})`);
    }
    for (let i = 0; i < rows.length; i += 500) {
      await db.$executeRaw`INSERT INTO "MetricEntry" ("metricId", "periodStart", "value", "source", "version", "createdAt", "updatedAt") VALUES ${Prisma.join(rows.slice(i, i + 500))}`;
    }
    inserted = size;

    const [overview, window, whole] = (await timeInTurns([
      () => getOverview({ period: last }),
      () => appDb.$queryRaw`SELECT "metricId", "periodStart", AVG("value") FROM "MetricEntry" WHERE "periodStart" >= ${windowStart} AND "periodStart" <= ${last} GROUP BY "metricId", "periodStart"`,
      () => appDb.$queryRaw`SELECT "metricId", COUNT(*), AVG("value") FROM "MetricEntry" GROUP BY "metricId"`,
    ])) as [number, number, number];
    console.log(
      `${size.toLocaleString("en-GB").padStart(10)} | ${overview.toFixed(1).padStart(6)} ms | ${window.toFixed(1).padStart(20)} ms | ${(overview / window).toFixed(2).padStart(18)} | ${whole.toFixed(1).padStart(18)} ms`,
    );
  }
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
