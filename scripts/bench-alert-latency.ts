// npm run bench:alerts — how long from a figure that crosses a touchpoint's warning line (saved
// through the app's one write path) to the signed webhook arriving at a receiver on loopback, with
// the worker running in this process as it does in the app server. Alternates a crossing and its
// recovery ROUNDS times on the demo organisation: a scratch SQLite database (data/bench-alerts.db),
// or, with DATABASE_URL=postgresql://…, a scratch database `touchline_bench_alerts` on that server.
// Prints the median, 90th percentile and worst, in ms.
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const ROUNDS = Number(process.env.ROUNDS ?? 10);

async function scratchDatabase(): Promise<string> {
  const given = process.env.DATABASE_URL;
  if (given?.startsWith("postgres")) {
    const admin = new pg.Client({ connectionString: given });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS touchline_bench_alerts WITH (FORCE)");
    await admin.query("CREATE DATABASE touchline_bench_alerts");
    await admin.end();
    const url = new URL(given);
    url.pathname = "/touchline_bench_alerts";
    return url.toString();
  }
  const file = path.join(root, "data/bench-alerts.db");
  for (const s of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + s, { force: true });
  return `file:${file}`;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const url = await scratchDatabase();
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "ignore" });
  execFileSync(path.join(root, "node_modules/.bin/tsx"), ["prisma/seed/index.ts"], { cwd: root, env, stdio: "ignore" });
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= "bench-only-secret";

  // Imported only now, so lib/db picks up the scratch DATABASE_URL.
  const { db } = await import("../lib/db");
  const { saveEntries } = await import("../lib/data/entries");
  const { evaluateAlerts } = await import("../lib/notifications/alerts");
  const { startWorker } = await import("../lib/notifications/scheduler");
  const { addPeriods, currentPeriod } = await import("../lib/periods");

  // The receiver: resolves the waiter for each event type it is sent.
  const waiting = new Map<string, (at: number) => void>();
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const at = performance.now();
      res.writeHead(204).end();
      const type = (JSON.parse(body) as { type: string }).type;
      waiting.get(type)?.(at);
      waiting.delete(type);
    });
  });
  receiver.listen(0, "127.0.0.1");
  await once(receiver, "listening");
  await db.webhookEndpoint.create({
    data: { name: "Bench", url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, events: "alert.triggered,alert.recovered", secret: "whsec_YmVuY2hiZW5jaGJlbmNoYmVuY2hiZW5jaGJlbmNo" },
  });

  const head = await db.user.findUniqueOrThrow({ where: { email: "kitchen@touchline.demo" }, select: { id: true, role: true, memberships: { select: { departmentId: true } } } });
  const actor = { id: head.id, role: head.role, departmentIds: head.memberships.map((m) => m.departmentId) };
  const food = await db.touchpoint.findFirstOrThrow({ where: { name: "Food" }, select: { metrics: { select: { id: true, name: true } } } });
  const week = addPeriods(currentPeriod("WEEK"), -1, "WEEK");
  const figures = (values: Record<string, number>) =>
    Object.entries(values).map(([name, value]) => ({ metricId: food.metrics.find((m) => m.name === name)!.id, periodStart: week, value, source: "OTHER" as const, confirmUnusual: true }));
  const LOW = figures({ "Food rating": 3.2, "Ticket time": 30, "Food complaints": 20 });
  const BACK = figures({ "Food rating": 4.5, "Ticket time": 14, "Food complaints": 2 });

  await saveEntries(actor, { rows: BACK });
  await evaluateAlerts(); // the first evaluation records the state silently
  const worker = startWorker({ log: { info: () => {}, error: (m) => console.error(m) } });
  const latencies: number[] = [];
  const saves: number[] = [];
  try {
    for (let i = 0; i < ROUNDS * 2; i++) {
      const crossing = i % 2 === 0;
      const arrived = new Promise<number>((resolve) => waiting.set(crossing ? "alert.triggered" : "alert.recovered", resolve));
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${crossing ? "alert" : "recovery"} webhook within 30 s`)), 30_000).unref());
      const started = performance.now();
      await saveEntries(actor, { rows: crossing ? LOW : BACK });
      saves.push(performance.now() - started);
      latencies.push((await Promise.race([arrived, timeout])) - started);
    }
  } finally {
    await worker.stop();
    receiver.close();
    await db.$disconnect();
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const savesSorted = [...saves].sort((a, b) => a - b);
  const kind = url.startsWith("file:") ? "SQLite" : "PostgreSQL";
  console.log(
    `${kind}: figure saved → webhook received, ${sorted.length} crossings and recoveries: median ${percentile(sorted, 50).toFixed(0)} ms, p90 ${percentile(sorted, 90).toFixed(0)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms (the save itself: median ${percentile(savesSorted, 50).toFixed(0)} ms)`,
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
