import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
/** Unit tests: beside their modules. Shared with vitest.stryker.config.mts (mutation testing). */
export const unitTestFiles = ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"];
export const resolve = {
  alias: {
    "@": root,
    // Marks modules as server-only for Next.js; in tests everything runs on the server.
    "server-only": path.join(root, "tests/server-only.ts"),
  },
};
const integration = (name: "integration-sqlite" | "integration-postgres") => ({
  extends: true as const,
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/integration/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve,
  test: {
    environment: "node",
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
    projects: [
      { extends: true, test: { name: "unit", include: unitTestFiles } },
      integration("integration-sqlite"),
      integration("integration-postgres"),
    ],
  },
});
