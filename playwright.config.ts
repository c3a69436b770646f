import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;
/** A second server on a database with no organisation: first-run set-up (e2e/first-run.spec.ts). */
export const EMPTY_BASE_URL = `http://localhost:${PORT + 1}`;
/** A third, also empty, where first run loads the demo organisation instead. */
export const EMPTY_FOR_DEMO_BASE_URL = `http://localhost:${PORT + 2}`;

// Debian's Chromium (see ../shared/STACK.md); Playwright's own browser where that is installed instead.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = fs.existsSync(chromium) ? chromium : undefined;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  // One worker in CI: its machines have 2 cores, and 2 workers beside the 2 servers and their
  // browsers made every test ~3× slower (a fresh-clone run took 8.9 min with 2 timeouts, against
  // 6.8 min with none on 1 worker). Locally Playwright's default (half the cores) applies.
  workers: process.env.CI ? 1 : undefined,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // One production build serving the demo organisation (BASE_URL) and two empty databases;
    // the script starts them in turn, so the last one's URL means all are up.
    command: "npx tsx scripts/e2e-server.ts",
    url: `${EMPTY_FOR_DEMO_BASE_URL}/setup`,
    timeout: 600_000,
    reuseExistingServer: false,
    env: { E2E_PORT: String(PORT) },
    stdout: "pipe",
  },
});
