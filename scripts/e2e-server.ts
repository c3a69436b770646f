// The servers Playwright tests run against, from one production build (`next build`; SKIP_BUILD=1
// reuses an existing one):
//   E2E_PORT (3100)      a fresh SQLite database with the demo organisation (data/e2e.db), a
//                        reminder to every head of this week's figures, run as if behind one proxy
//                        of our own (TRUST_PROXY=1), so a test can speak for an address;
//   E2E_PORT + 1 (3101)  a database with no organisation at all, for first-run set-up (data/e2e-empty.db);
//   E2E_PORT + 2 (3102)  another empty one, where first run loads the demo instead.
// Each starts only once the one before answers, so Playwright, which waits for the last one's
// URL, finds them all up.
import { execSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3100);
const servers = [
  { port, dbFile: path.join(root, "data/e2e.db"), demo: true, trustProxy: "1" },
  { port: port + 1, dbFile: path.join(root, "data/e2e-empty.db"), demo: false, trustProxy: "0" },
  { port: port + 2, dbFile: path.join(root, "data/e2e-empty-for-demo.db"), demo: false, trustProxy: "0" },
];
const envFor = (server: (typeof servers)[number]) => ({
  ...process.env,
  DATABASE_URL: `file:${server.dbFile}`,
  NEXTAUTH_URL: `http://localhost:${server.port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production",
  NEXT_TELEMETRY_DISABLED: "1",
  TRUST_PROXY: server.trustProxy,
});
/** This week's Monday, UTC midnight (epoch ms), as lib/periods.ts counts weeks. */
const currentWeek = () => {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - ((now.getUTCDay() + 6) % 7) * 86_400_000;
};
const run = (command: string, env = envFor(servers[0]!)) => execSync(command, { cwd: root, env, stdio: "inherit" });

for (const server of servers) {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(server.dbFile + suffix, { force: true });
  run("npx prisma migrate deploy", envFor(server));
  if (server.demo) {
    run("npx tsx prisma/seed/index.ts", envFor(server));
    // The seed leaves this week's figures to be entered: remind every head of them, through the
    // worker's own command, before any test has filled some (e2e/notifications.spec.ts).
    run(`npm run --silent worker -- --remind ${new Date(currentWeek()).toISOString().slice(0, 10)}`, envFor(server));
  }
}
if (!process.env.SKIP_BUILD) run("npx next build");

const children: ChildProcess[] = [];
function start(server: (typeof servers)[number]) {
  const child = spawn("node", ["server.mjs", "-p", String(server.port)], { cwd: root, env: envFor(server), stdio: "inherit" });
  child.on("exit", (code) => shutDown(code ?? 0));
  children.push(child);
}
function shutDown(code: number) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => shutDown(0));

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { redirect: "manual" })).status < 500;
  } catch {
    return false;
  }
}

async function main() {
  for (const [i, server] of servers.entries()) {
    start(server);
    if (i < servers.length - 1) while (!(await answers(`http://localhost:${server.port}/signin`))) await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
void main();
