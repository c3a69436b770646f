// Prints the test counts per layer from the JSON reports, and one closing line
// "Total: N passed, N failed, N skipped".
import fs from "node:fs";

type Counts = { passed: number; failed: number; skipped: number };
const layers: [string, string][] = [
  ["Unit", "reports/unit.json"],
  ["Integration (SQLite)", "reports/integration-sqlite.json"],
  ["Integration (PostgreSQL)", "reports/integration-postgres.json"],
  ["End-to-end (Chromium)", "reports/e2e.json"],
];

function read(file: string): Counts | string {
  if (!fs.existsSync(file)) return "did not run";
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  if (report.skippedLayer) return `skipped (${report.skippedLayer})`;
  if (report.stats) {
    // Playwright
    return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
  }
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
console.log("\nTest summary");
for (const [name, file] of layers) {
  const counts = read(file);
  if (typeof counts === "string") {
    console.log(`  ${name.padEnd(26)} ${counts}`);
    continue;
  }
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  console.log(`  ${name.padEnd(26)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}
console.log(`\nTotal: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
