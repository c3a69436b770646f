// Fails when the generated PostgreSQL schema or the migrations have drifted from
// prisma/schema.prisma. Run by `npm test` (and so by CI).
import fs from "node:fs";
import {
  POSTGRES_MIGRATIONS,
  POSTGRES_SCHEMA,
  SNAPSHOT,
  SQLITE_MIGRATIONS,
  SQLITE_SCHEMA,
  diffScript,
  migrationNames,
  read,
  toPostgresSchema,
} from "./schemas";

const problems: string[] = [];
const schema = read(SQLITE_SCHEMA);

if (!fs.existsSync(POSTGRES_SCHEMA) || read(POSTGRES_SCHEMA) !== toPostgresSchema(schema)) {
  problems.push("prisma/postgres/schema.prisma is out of date: run `npm run db:generate-postgres`.");
}
const sqliteNames = migrationNames(SQLITE_MIGRATIONS).join(", ");
const postgresNames = migrationNames(POSTGRES_MIGRATIONS).join(", ");
if (sqliteNames !== postgresNames) {
  problems.push(`Migration folders differ:\n  sqlite:   ${sqliteNames}\n  postgres: ${postgresNames}`);
}
if (!fs.existsSync(SNAPSHOT)) {
  problems.push("prisma/migrations/schema.snapshot.prisma is missing.");
} else if (diffScript(SNAPSHOT, SQLITE_SCHEMA).trim() !== "-- This is an empty migration.") {
  problems.push("prisma/schema.prisma changed without a migration: run `npm run db:migration -- <name>`.");
}

if (problems.length) {
  console.error(`Database schema drift:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`Database schema: PostgreSQL schema generated, ${migrationNames(SQLITE_MIGRATIONS).length} migration(s) in step.`);
