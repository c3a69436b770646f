// npm run demo — migrate the SQLite database, load the demo organisation if it is empty,
// build, and serve the production app on http://localhost:3000 (PORT to change it).
// npm run demo -- --empty — the same without the demo: an empty database opens first-run set-up.
import { execSync, spawn } from "node:child_process";
import path from "node:path";
import { ensureLocalEnv } from "./local-env";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };
const run = (command: string) => execSync(command, { cwd: root, env, stdio: "inherit" });

const started = performance.now();
ensureLocalEnv(root);
run("npx prisma migrate deploy");
if (!process.argv.includes("--empty")) run("npm run --silent db:seed -- --if-empty");
run("npx next build");
console.log(`\nReady to start after ${((performance.now() - started) / 1000).toFixed(0)}s. Sign in at http://localhost:${port} (demo users: README.md).\n`);
const server = spawn("node", ["server.mjs", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
