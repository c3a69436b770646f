// Prisma CLI configuration (migrate, generate, studio). The CLI runs on Prisma's JS engine
// through a driver adapter, because these machines cannot download native engines —
// see ../shared/STACK.md and docs/database.md.
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveDatabaseConfig } from "./lib/db/config";

// Prisma 6.19 tries to download native engines at start-up unless these point at an
// existing file; in JS-engine mode the file is never executed. CLI only, never the app.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("package.json");
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= path.resolve("package.json");

const database = resolveDatabaseConfig();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  ...(database.provider === "postgresql"
    ? {
        schema: "prisma/postgres/schema.prisma",
        migrations: { path: "prisma/postgres/migrations" },
        adapter: async () => {
          const { migrationAdapter } = await import("./prisma/postgres/migration-adapter");
          return migrationAdapter(database.url);
        },
      }
    : {
        schema: "prisma/schema.prisma",
        migrations: { path: "prisma/migrations" },
        adapter: async () => {
          const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
          fs.mkdirSync(path.dirname(database.file), { recursive: true });
          return new PrismaBetterSQLite3({ url: database.url }, { timestampFormat: "unixepoch-ms" });
        },
      }),
});
