import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SQLITE_URL, resolveDatabaseConfig } from "./config";

const cwd = process.cwd();
const defaultFile = path.join(cwd, "data", "touchline.db");

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("resolveDatabaseConfig", () => {
  describe("SQLite default", () => {
    it("is data/touchline.db under the working directory", () => {
      expect(DEFAULT_SQLITE_URL).toBe("file:./data/touchline.db");
      expect(resolveDatabaseConfig("")).toEqual({ provider: "sqlite", url: `file:${defaultFile}`, file: defaultFile });
    });

    it("applies to a blank value", () => {
      expect(resolveDatabaseConfig("   ")).toEqual({ provider: "sqlite", url: `file:${defaultFile}`, file: defaultFile });
    });

    it("applies when DATABASE_URL is not set", () => {
      vi.stubEnv("DATABASE_URL", undefined);
      expect(resolveDatabaseConfig()).toEqual({ provider: "sqlite", url: `file:${defaultFile}`, file: defaultFile });
    });

    it("applies when DATABASE_URL is empty", () => {
      vi.stubEnv("DATABASE_URL", "");
      expect(resolveDatabaseConfig(undefined)).toEqual({ provider: "sqlite", url: `file:${defaultFile}`, file: defaultFile });
    });
  });

  describe("SQLite file: URLs", () => {
    it.each([
      ["file:./dev.db", path.join(cwd, "dev.db")],
      ["file:data/other.db", path.join(cwd, "data", "other.db")],
      ["file:../shared/touchline.db", path.join(path.dirname(cwd), "shared", "touchline.db")],
    ])("resolves the relative %s against the working directory", (url, file) => {
      expect(resolveDatabaseConfig(url)).toEqual({ provider: "sqlite", url: `file:${file}`, file });
    });

    it("keeps an absolute path", () => {
      expect(resolveDatabaseConfig("file:/var/lib/touchline/prod.db")).toEqual({
        provider: "sqlite",
        url: "file:/var/lib/touchline/prod.db",
        file: "/var/lib/touchline/prod.db",
      });
    });

    it("trims surrounding whitespace", () => {
      const file = path.join(cwd, "dev.db");
      expect(resolveDatabaseConfig("  file:./dev.db\n")).toEqual({ provider: "sqlite", url: `file:${file}`, file });
    });

    it("reads DATABASE_URL when called without an argument", () => {
      vi.stubEnv("DATABASE_URL", "file:/tmp/from-env.db");
      expect(resolveDatabaseConfig()).toEqual({ provider: "sqlite", url: "file:/tmp/from-env.db", file: "/tmp/from-env.db" });
    });
  });

  describe("PostgreSQL", () => {
    it.each([
      "postgres://touchline:secret@db.internal:5432/touchline",
      "postgresql://touchline:secret@db.internal:5432/touchline?schema=public",
      "postgresql://localhost/touchline",
    ])("%s → postgresql, URL unchanged", (url) => {
      expect(resolveDatabaseConfig(url)).toEqual({ provider: "postgresql", url });
    });

    it("trims a PostgreSQL URL", () => {
      expect(resolveDatabaseConfig(" postgres://localhost/touchline ")).toEqual({
        provider: "postgresql",
        url: "postgres://localhost/touchline",
      });
    });

    it("reads DATABASE_URL when called without an argument", () => {
      vi.stubEnv("DATABASE_URL", "postgresql://localhost/from-env");
      expect(resolveDatabaseConfig()).toEqual({ provider: "postgresql", url: "postgresql://localhost/from-env" });
    });
  });

  describe("anything else", () => {
    it.each(["mysql://x", "sqlserver://db:1433", "./data/touchline.db", "postgres:/localhost/db", "sqlite:./dev.db"])(
      "%s throws, naming the accepted prefixes",
      (url) => {
        expect(() => resolveDatabaseConfig(url)).toThrow(
          "DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql://",
        );
      },
    );

    it.each(["file:", "file:./dev.db?mode=ro"])("%s throws: a SQLite URL needs a plain file path", (url) => {
      expect(() => resolveDatabaseConfig(url)).toThrow("DATABASE_URL must name a SQLite file without options");
    });

    it("quotes only the scheme of the rejected URL, not its credentials", () => {
      let message = "";
      try {
        resolveDatabaseConfig("mysql://admin:hunter2@db/touchline");
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('got "mysql:…"');
      expect(message).not.toContain("hunter2");
    });
  });
});
