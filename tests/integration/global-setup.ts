// Once per integration run: migrate a template database with the real migrations and load
// the demo organisation into it. Each test file then works on its own copy (setup.ts).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "../../lib/db/client";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { adminQuery, postgresUrl, withDatabase } from "./postgres";
import { SEED_NOW } from "./seed-clock";

const root = path.resolve(import.meta.dirname, "../..");

function migrate(databaseUrl: string) {
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
}

async function seed(databaseUrl: string) {
  const db = createPrismaClient(databaseUrl);
  try {
    await seedDemo(db, { now: SEED_NOW });
  } finally {
    await db.$disconnect();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    provider: "sqlite" | "postgresql";
    templateUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (project.name === "integration-postgres") {
    const base = postgresUrl();
    const template = `touchline_template_${process.pid}`;
    await adminQuery(base, `DROP DATABASE IF EXISTS ${template}`);
    await adminQuery(base, `CREATE DATABASE ${template}`);
    const templateUrl = withDatabase(base, template);
    migrate(templateUrl);
    await seed(templateUrl);
    project.provide("provider", "postgresql");
    project.provide("templateUrl", templateUrl);
    return async () => {
      await adminQuery(base, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    };
  }

  // data/ is git-ignored: a fresh clone has none.
  fs.mkdirSync(path.join(root, "data"), { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, "data", "test-"));
  const templateUrl = `file:${path.join(dir, "template.db")}`;
  migrate(templateUrl);
  await seed(templateUrl);
  project.provide("provider", "sqlite");
  project.provide("templateUrl", templateUrl);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
