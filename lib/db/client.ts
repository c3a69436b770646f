import { PrismaPg } from "@prisma/adapter-pg";
import fs from "node:fs";
import path from "node:path";
import { resolveDatabaseConfig } from "./config";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { isolatingSqliteAdapter, SQLITE_WRITE_WAIT_MS } from "./sqlite-adapter";

/**
 * Both generated clients come from the same datamodel (prisma/postgres/schema.prisma is
 * generated from prisma/schema.prisma), so the SQLite client's type describes either.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** How long a PostgreSQL transaction waits for a connection from the pool (ms). */
export const POSTGRES_TRANSACTION_WAIT_MS = 10_000;

export function createPrismaClient(url?: string): Db {
  const config = resolveDatabaseConfig(url);
  if (config.provider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: config.url });
    // A burst of requests (50 people accepting one link at once) queues for the pool's connections:
    // wait for one up to 10 s rather than Prisma's default 2 s, then answer "busy, try again".
    return new PostgresClient({ adapter, transactionOptions: { maxWait: POSTGRES_TRANSACTION_WAIT_MS } }) as unknown as Db;
  }
  fs.mkdirSync(path.dirname(config.file), { recursive: true });
  // Writes queue behind the running one (sqlite-adapter.ts): a transaction may wait as long.
  return new SqliteClient({
    adapter: isolatingSqliteAdapter(config.file),
    transactionOptions: { maxWait: SQLITE_WRITE_WAIT_MS },
  });
}
