// The demo is seeded as of one fixed day, so its figures and periods are the same on every run.
// Tests of what depends on "now" (the current period, the overview's default week, lookbacks) run on
// that day's clock too, or they would change meaning each Monday.
import { afterAll, beforeAll, vi } from "vitest";

export const SEED_NOW = new Date("2026-11-25T12:00:00Z");

/** In a describe block or a file: Date reads SEED_NOW (advancing in real time) until the block ends. Timers stay real. */
export function onSeedClock(): void {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: SEED_NOW, shouldAdvanceTime: true });
  });
  afterAll(() => {
    vi.useRealTimers();
  });
}
