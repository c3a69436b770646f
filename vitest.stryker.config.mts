// Unit tests for mutation testing (stryker.config.mjs): Stryker's test runner wants one plain
// project, not the `projects` of vitest.config.mts. Same files, aliases and environment, less the
// property tests: they feed hundreds of generated journeys through the code under every mutant
// (seconds each, most of a run's time), and lib/scoring/properties.test.ts draws a new random
// seed each run, which would make a mutant's fate depend on the draw. `npm test` runs them.
import { configDefaults, defineConfig } from "vitest/config";
import { resolve, unitTestFiles } from "./vitest.config.mts";

export default defineConfig({
  resolve,
  test: {
    environment: "node",
    include: unitTestFiles,
    exclude: [...configDefaults.exclude, "lib/**/*properties.test.ts"],
  },
});
