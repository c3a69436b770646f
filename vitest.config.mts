import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
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
  resolve: {
    alias: {
      "@": root,
      // Marks modules as server-only for Next.js; in tests everything runs on the server.
      "server-only": path.join(root, "tests/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"] } },
      integration("integration-sqlite"),
      integration("integration-postgres"),
    ],
  },
});
