// npm run bench:import — CSV import throughput on a scratch SQLite database (data/bench-import.db)
// or on DATABASE_URL's PostgreSQL. Prints rows per second for 100,000 new lines, the same file
// again (idempotent: nothing changes), and 100,000 changed values; then the entry grid's save of a
// 40-metric department.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { addPeriods, parsePeriodKey, toPeriodKey } from "../lib/periods";

const root = path.resolve(import.meta.dirname, "..");
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const METRICS = 100;

async function main() {
  const scratch = path.join(root, "data/bench-import.db");
  const url = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : `file:${scratch}`;
  if (url.startsWith("file:")) for (const s of ["", "-journal", "-wal", "-shm"]) fs.rmSync(scratch + s, { force: true });
  process.env.DATABASE_URL = url;
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "ignore" });
  execFileSync(path.join(root, "node_modules/.bin/tsx"), ["prisma/seed/index.ts"], { cwd: root, env, stdio: "ignore" });

  // Imported only now, so lib/db picks up the scratch DATABASE_URL.
  const { runImport } = await import("../lib/data/import");
  const { getActiveUser } = await import("../lib/data/users");
  const db = createPrismaClient(url);
  const admin = await getActiveUser((await db.user.findUniqueOrThrow({ where: { email: "admin@touchline.demo" } })).id);
  const food = await db.touchpoint.findFirstOrThrow({ where: { name: "Food" } });
  await db.metric.createMany({
    data: Array.from({ length: METRICS }, (_, i) => ({ touchpointId: food.id, name: `Bench metric ${i}`, kind: "PERCENT" as const, unit: "%", scaleBest: 100, scaleWorst: 0 })),
  });
  const metrics = await db.metric.findMany({ where: { name: { startsWith: "Bench metric" } }, select: { id: true } });
  const weeks = Array.from({ length: Math.ceil(ROWS / METRICS) }, (_, w) => toPeriodKey(addPeriods(parsePeriodKey("2006-01-02")!, w, "WEEK")));
  const file = (shift: number) =>
    metrics.flatMap((m, i) => weeks.map((period, w) => ["", "", "", String(m.id), period, String(((i + w + shift) % 100) + 0.5), "50", "SURVEY", ""])).slice(0, ROWS);

  const provider = url.startsWith("file:") ? "SQLite" : "PostgreSQL";
  console.log(`CSV import on ${provider}, ${ROWS.toLocaleString("en-GB")} lines (${METRICS} metrics × ${weeks.length} weeks), one transaction each:`);
  for (const [label, rows] of [
    ["new figures", file(0)],
    ["same file again (no change)", file(0)],
    ["every value changed", file(1)],
  ] as const) {
    const started = performance.now();
    const result = await runImport(admin!, rows as string[][], "all");
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  ${label.padEnd(28)} ${seconds.toFixed(2).padStart(6)} s  ${Math.round(ROWS / seconds).toLocaleString("en-GB").padStart(8)} lines/s  (saved ${result.saved.toLocaleString("en-GB")}, unchanged ${result.unchanged.toLocaleString("en-GB")})`,
    );
  }

  // The entry grid's save: one department with 40 metrics, all changed at once, as the grid sends them.
  const { saveEntries } = await import("../lib/data/entries");
  const { saveEntriesSchema } = await import("../lib/validation/entry");
  const { currentPeriod } = await import("../lib/periods");
  const forty = metrics.slice(0, 40);
  const period = toPeriodKey(currentPeriod("WEEK"));
  const timings: number[] = [];
  for (let run = 0; run < 21; run++) {
    const rows = forty.map((m, i) => ({ metricId: m.id, periodStart: period, value: 40 + ((i + run) % 20), sampleSize: 100 + run, source: "SURVEY" }));
    const started = performance.now();
    await saveEntries(admin!, saveEntriesSchema.parse({ rows }), { checkUnusual: true });
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  console.log(`Entry grid save, 40 changed rows in one transaction (server side, 21 runs): median ${timings[10]!.toFixed(1)} ms, slowest ${timings[20]!.toFixed(1)} ms`);
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
