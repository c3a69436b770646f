// The server Playwright tests run against: a fresh SQLite database (data/e2e.db) with the demo
// organisation, then `next build` and `next start`. SKIP_BUILD=1 reuses an existing build.
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.E2E_PORT ?? "3100";
const dbFile = path.join(root, "data/e2e.db");
const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production",
  NEXT_TELEMETRY_DISABLED: "1",
};
const run = (command: string) => execSync(command, { cwd: root, env, stdio: "inherit" });

for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
run("npx prisma migrate deploy");
run("npx tsx prisma/seed/index.ts");
if (!process.env.SKIP_BUILD) run("npx next build");
const server = spawn("npx", ["next", "start", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
