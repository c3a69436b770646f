import path from "node:path";

/** Which database this process talks to, read from DATABASE_URL (SQLite file by default). */
export type DatabaseConfig =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

export const DEFAULT_SQLITE_URL = "file:./data/touchline.db";

export function resolveDatabaseConfig(url = process.env.DATABASE_URL): DatabaseConfig {
  const value = url?.trim() || DEFAULT_SQLITE_URL;
  if (/^postgres(ql)?:\/\//.test(value)) return { provider: "postgresql", url: value };
  if (!value.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// — got "${value.split(":")[0]}:…"`,
    );
  }
  const filePath = value.slice("file:".length);
  if (!filePath || filePath.includes("?")) {
    throw new Error(`DATABASE_URL must name a SQLite file without options, e.g. ${DEFAULT_SQLITE_URL}`);
  }
  // Relative SQLite paths are relative to the project root (where npm scripts run).
  const file = path.resolve(/* turbopackIgnore: true */ process.cwd(), filePath);
  return { provider: "sqlite", url: `file:${file}`, file };
}
