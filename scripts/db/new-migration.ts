// Creates a migration for both databases from the change to prisma/schema.prisma since the
// last migration:   npm run db:migration -- add_share_links
// `prisma migrate dev` cannot run on these machines (it needs a shadow database through the
// native engine), so we diff the datamodel snapshot against the current schema instead.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  POSTGRES_ENV,
  POSTGRES_MIGRATIONS,
  POSTGRES_SCHEMA,
  SNAPSHOT,
  SQLITE_MIGRATIONS,
  SQLITE_SCHEMA,
  diffScript,
  read,
  toPostgresSchema,
} from "./schemas";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <snake_case_name>");
  process.exit(1);
}

const schema = read(SQLITE_SCHEMA);
fs.writeFileSync(POSTGRES_SCHEMA, toPostgresSchema(schema));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "touchline-migration-"));
const previousSqlite = fs.existsSync(SNAPSHOT) ? SNAPSHOT : null;
let previousPostgres: string | null = null;
if (previousSqlite) {
  previousPostgres = path.join(tmp, "previous-postgres.prisma");
  fs.writeFileSync(previousPostgres, toPostgresSchema(read(previousSqlite)));
}

const sqliteSql = diffScript(previousSqlite, SQLITE_SCHEMA);
const postgresSql = diffScript(previousPostgres, POSTGRES_SCHEMA, POSTGRES_ENV);
if (sqliteSql.trim() === "-- This is an empty migration.") {
  console.log("prisma/schema.prisma has not changed since the last migration; nothing to do.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
for (const [dir, sql, provider] of [
  [SQLITE_MIGRATIONS, sqliteSql, "sqlite"],
  [POSTGRES_MIGRATIONS, postgresSql, "postgresql"],
] as const) {
  fs.mkdirSync(path.join(dir, folder), { recursive: true });
  fs.writeFileSync(path.join(dir, folder, "migration.sql"), sql);
  const lock = path.join(dir, "migration_lock.toml");
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, `provider = "${provider}"\n`);
}
fs.copyFileSync(SQLITE_SCHEMA, SNAPSHOT);
console.log(`Created ${folder} for SQLite and PostgreSQL. Review both migration.sql files.`);
