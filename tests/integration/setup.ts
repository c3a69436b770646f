// Before each test file: a private copy of the seeded template database, so files can run in
// parallel and change data freely. DATABASE_URL is set before lib/db is first imported.
import fs from "node:fs";
import { afterAll, inject } from "vitest";
import { adminQuery, postgresUrl, withDatabase } from "./postgres";

const provider = inject("provider");
// Signs unsubscribe links (lib/notifications/unsubscribe.ts), as next-auth's secret does in the app.
process.env.NEXTAUTH_SECRET ??= "integration-tests-only-secret";
const templateUrl = inject("templateUrl");
const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

if (provider === "postgresql") {
  const template = new URL(templateUrl).pathname.slice(1);
  const database = `touchline_test_${suffix}`;
  await adminQuery(postgresUrl(), `CREATE DATABASE ${database} TEMPLATE ${template}`);
  process.env.DATABASE_URL = withDatabase(postgresUrl(), database);
  afterAll(async () => {
    const { db } = await import("../../lib/db");
    await db.$disconnect();
    await adminQuery(postgresUrl(), `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });
} else {
  const source = templateUrl.slice("file:".length);
  const copy = source.replace(/template\.db$/, `${suffix}.db`);
  fs.copyFileSync(source, copy);
  process.env.DATABASE_URL = `file:${copy}`;
  afterAll(async () => {
    const { db } = await import("../../lib/db");
    await db.$disconnect();
    fs.rmSync(copy, { force: true });
  });
}
