// npm run bench:concurrency — the overview's read latency and a settings save's latency while a
// 50,000-figure import is being written (its transaction: lib/data/entries.ts writeEntries), on the embedded SQLite database, with Prisma's own single-connection
// better-sqlite3 adapter (how Touchline ran before issue 11) next to lib/db/sqlite-adapter.ts.
// Each adapter runs in its own process on a fresh copy of one seeded scratch database, in turns
// (ROUNDS each), so both see the same machine. Also counts what the readers saw: figures from an
// import still in progress ("partial reads") are what the isolating adapter exists to prevent.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const ROWS = 50_000;
const METRICS = 50;
const READ_EVERY_MS = 25;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const ADAPTERS = ["single connection (before)", "isolating (now)"] as const;
type Result = { idle: number[]; during: number[]; saves: number[]; importSeconds: number; partialReads: number; reads: number };

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function child(adapter: number, file: string): Promise<Result> {
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  if (adapter === 0) {
    // Before: Prisma's adapter, every query on one connection. lib/db takes a client put here.
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    const { PrismaClient } = await import("../lib/db/generated/sqlite/client");
    (globalThis as { touchlineDb?: unknown }).touchlineDb = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }, { timestampFormat: "unixepoch-ms" }) });
  }
  const { db } = await import("../lib/db");
  const { getOverview } = await import("../lib/data/overview");
  const { checkEntries, writeEntries } = await import("../lib/data/entries");
  const { getActiveUser } = await import("../lib/data/users");
  const { getOrganisationSettings, updateOrganisationSettings } = await import("../lib/data/organisation");
  const { addPeriods, toPeriodKey } = await import("../lib/periods");

  const admin = (await getActiveUser((await db.user.findUniqueOrThrow({ where: { email: "admin@touchline.demo" } })).id))!;
  const food = await db.touchpoint.findFirstOrThrow({ where: { name: "Food" } });
  await db.metric.createMany({
    data: Array.from({ length: METRICS }, (_, i) => ({ touchpointId: food.id, name: `Bench metric ${i}`, kind: "PERCENT" as const, unit: "%", scaleBest: 100, scaleWorst: 0 })),
  });
  const metrics = await db.metric.findMany({ where: { name: { startsWith: "Bench metric" } }, select: { id: true } });
  const period = (await getOverview()).period!;
  const periodStart = new Date(`${period.key}T00:00:00Z`);
  const weeks = Array.from({ length: ROWS / METRICS }, (_, w) => toPeriodKey(addPeriods(periodStart, -w, "WEEK")));
  const rows = metrics.flatMap((m) => weeks.map((week) => ({ metricId: m.id, periodStart: new Date(`${week}T00:00:00Z`), value: "55.5", sampleSize: 40, source: "SURVEY" as const })));
  const { prepared, problems } = await checkEntries(admin, rows, { checkUnusual: false });
  if (problems.length) throw new Error(`bench rows refused: ${JSON.stringify(problems[0])}`);

  const read = async () => {
    const started = performance.now();
    const overview = await getOverview({ period: periodStart });
    return { ms: performance.now() - started, shown: JSON.stringify(overview.journey) };
  };
  const idle: number[] = [];
  let before = "";
  for (let i = 0; i < 12; i++) {
    const r = await read();
    if (i > 1) idle.push(r.ms);
    before = r.shown;
  }

  // Reads are due every READ_EVERY_MS from the write's start, and each is timed from when it was
  // due, not from when the event loop got round to it: a read held up by the write counts as slow.
  let done = false;
  const started = performance.now();
  const importing = writeEntries(admin, prepared).finally(() => (done = true));
  const during: number[] = [];
  const shown: string[] = [];
  const saves: Promise<number>[] = [];
  for (let k = 0; !done; k++) {
    const due = started + k * READ_EVERY_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (done) break;
    saves.push(
      getOrganisationSettings()
        .then((s) => updateOrganisationSettings(admin, { ...s, name: `Bench ${k}` }))
        .then(() => performance.now() - due),
    );
    const r = await read();
    during.push(performance.now() - due);
    shown.push(r.shown);
  }
  await importing;
  const importSeconds = (performance.now() - started) / 1000;
  const after = (await read()).shown;
  const partialReads = shown.filter((s) => s !== before && s !== after).length;
  return { idle, during, saves: await Promise.all(saves), importSeconds, partialReads, reads: shown.length };
}

async function main() {
  const [, , mode, adapter, file] = process.argv;
  if (mode === "--child") {
    const result = await child(Number(adapter), file!);
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(root, "data", "bench-concurrency-"));
  try {
    const template = path.join(dir, "template.db");
    const env = { ...process.env, DATABASE_URL: `file:${template}`, NODE_ENV: "production" as const };
    execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "ignore" });
    execFileSync(path.join(root, "node_modules/.bin/tsx"), ["prisma/seed/index.ts"], { cwd: root, env, stdio: "ignore" });
    // A template in rollback-journal mode, so "before" copies start as they did before WAL.
    execFileSync("node", ["-e", `new (require("better-sqlite3"))(process.argv[1]).pragma("journal_mode = DELETE")`, template], { cwd: root });

    const results: Result[][] = ADAPTERS.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const n of ADAPTERS.keys()) {
        const copy = path.join(dir, `run-${round}-${n}.db`);
        fs.copyFileSync(template, copy);
        const out = execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", import.meta.filename, "--child", String(n), copy], { cwd: root, env, encoding: "utf8" });
        results[n]!.push(JSON.parse(/^RESULT (.*)$/m.exec(out)![1]!) as Result);
      }
    }

    console.log(`Overview reads and settings saves while ${ROWS.toLocaleString("en-GB")} imported figures are written (SQLite, ${ROUNDS} rounds per adapter, in turns):\n`);
    console.log("adapter                      | read idle p50 | read during write p50 / p95 | save during write p50 / max | write    | partial reads");
    const medians: number[] = [];
    for (const [n, name] of ADAPTERS.entries()) {
      const all = (k: "idle" | "during" | "saves") => results[n]!.flatMap((r) => r[k]);
      const p50 = quantile(all("during"), 0.5);
      medians.push(p50);
      const partial = results[n]!.reduce((a, r) => a + r.partialReads, 0);
      const reads = results[n]!.reduce((a, r) => a + r.reads, 0);
      const imp = results[n]!.map((r) => r.importSeconds);
      console.log(
        `${name.padEnd(28)} | ${quantile(all("idle"), 0.5).toFixed(1).padStart(10)} ms | ${p50.toFixed(1).padStart(12)} / ${quantile(all("during"), 0.95).toFixed(1).padStart(7)} ms | ${quantile(all("saves"), 0.5).toFixed(0).padStart(11)} / ${Math.max(...all("saves")).toFixed(0).padStart(6)} ms | ${quantile(imp, 0.5).toFixed(2)} s | ${partial} of ${reads}`,
      );
    }
    console.log(`\nread during the write, now ÷ before: ${(medians[1]! / medians[0]!).toFixed(2)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
