// Mutation testing of the analytic core: `npm run test:mutation` (slow; not part of `npm test`).
// Scope, scores and the equivalent mutants: docs/mutation-testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  testRunner_comment: "The unit tests only (vitest.stryker.config.mts): integration and end-to-end tests need databases and servers.",
  vitest: { configFile: "vitest.stryker.config.mts" },
  coverageAnalysis: "perTest",
  mutate: [
    "lib/scoring/**/*.ts",
    "!lib/scoring/**/*.test.ts",
    "lib/periods.ts",
    "lib/permissions.ts",
    "lib/format.ts",
    // Value validation: what a figure may be (entries, metric values and rules, unusual values).
    "lib/validation/entry.ts",
    "lib/validation/entry-sheet.ts",
    "lib/validation/fields.ts",
    "lib/validation/ingest.ts",
    "lib/validation/metric-value.ts",
    // Of the admin forms for touchpoints and metrics, only what checks a metric's numbers: the
    // checkbox and blank-number readers and the weight (10–12), metricRuleProblems (40–58) and the
    // refinement that raises its problems (72–75). The rest is labels and messages of form schemas.
    "lib/validation/touchpoints.ts:10-12",
    "lib/validation/touchpoints.ts:40-58",
    "lib/validation/touchpoints.ts:72-75",
    "lib/validation/unusual.ts",
  ],
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ["html", "clear-text", "progress"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  concurrency: 2,
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};

export default config;
