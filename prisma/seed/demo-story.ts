// The story in the demo figures. Over 78 weeks:
// - a kitchen slowdown quarter (weeks 46–64): ticket times climb, then only partly recover;
//   a week later food ratings, waiter CSAT and complaints follow, and NPS two weeks later;
// - the kitchen also has good and bad weeks (a cook off sick, a late produce delivery): ticket
//   and delivery times feel them the same week, food ratings, waiters and support the next;
// - the December rush lengthens every wait;
// - in the last eight weeks facilities start missing restroom checks and cleanliness slips;
// - a website rebuild in the first five months speeds pages up and lifts checkout completion.
// Deterministic: the same seed gives the same figures.

export const DEMO_WEEKS = 78;
/** Index of the first week of the kitchen slowdown (0 = oldest week). */
export const SLOWDOWN_START = DEMO_WEEKS - 32;
export const SLOWDOWN_WEEKS = 13;

export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** Normally distributed noise with standard deviation sd (Box–Muller). */
  const noise = (sd: number) => sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, noise };
}

/** Kitchen stress, 0 (normal) to 1 (worst), at week w. */
export function kitchenStress(w: number): number {
  const t = w - SLOWDOWN_START;
  if (t < 0) return 0;
  if (t < 6) return t / 6;
  if (t < 11) return 1;
  if (t < 19) return 1 - (0.75 * (t - 11)) / 8;
  return Math.max(0.12, 0.25 - (0.1 * (t - 19)) / 13);
}

/** The kitchen's good and bad weeks: one shock per week (sd 1), from a stream of their own so the other figures keep theirs. */
const HICCUPS = (() => {
  const { noise } = createRandom(611);
  return Array.from({ length: DEMO_WEEKS }, () => noise(1));
})();

/** The kitchen's load at week w: the slowdown plus that week's hiccup (stress units; ~0.25 a bad week). */
export function kitchenLoad(w: number): number {
  return kitchenStress(w) + 0.25 * (HICCUPS[w] ?? 0);
}

/** The December rush, 0–1, from the period's month. */
function rush(period: Date): number {
  const month = period.getUTCMonth();
  return month === 11 ? 1 : month === 10 || month === 0 ? 0.35 : 0;
}

/** Facilities slipping over the last eight weeks, 0–1. */
const facilitiesSlip = (w: number) => Math.max(0, (w - (DEMO_WEEKS - 9)) / 8);
/** The website rebuild's progress, 0–1, over the first twenty weeks. */
const rebuild = (w: number) => Math.min(1, w / 20);

type Context = { w: number; period: Date; noise: (sd: number) => number };

export const SERIES: Record<string, (c: Context) => number> = {
  adCtr: ({ noise }) => 2.6 + noise(0.15),
  socialPositive: ({ w, noise }) => 72 - 7 * kitchenStress(w - 2) + noise(2),
  answerTime: ({ period, noise }) => 27 + 25 * rush(period) + noise(5),
  bookingCsat: ({ period, noise }) => 86.5 - 4 * rush(period) + noise(2),
  bookingCes: ({ noise }) => 6.1 + noise(0.15),
  seatWait: ({ w, period, noise }) => 4.6 + 6 * rush(period) + 3 * kitchenLoad(w) + noise(0.8),
  welcomeRating: ({ w, period, noise }) => 4.56 - 0.2 * rush(period) - 0.12 * kitchenLoad(w - 1) + noise(0.05),
  entranceRating: ({ noise }) => 4.36 + noise(0.07),
  waiterCsat: ({ w, period, noise }) => 89.5 - 14 * kitchenLoad(w - 1) - 2 * rush(period) + noise(1.3),
  fohEngagement: ({ w, noise }) => 77 - 10 * kitchenStress(w - 2) + noise(1.8),
  drinkWait: ({ period, noise }) => 5.4 + 3 * rush(period) + noise(0.5),
  drinkRating: ({ noise }) => 4.46 + noise(0.05),
  foodRating: ({ w, noise }) => 4.52 - 0.85 * kitchenLoad(w - 1) + noise(0.05),
  ticketTime: ({ w, period, noise }) => 13.2 + 15 * kitchenLoad(w) + 2 * rush(period) + noise(0.9),
  foodComplaints: ({ w, noise }) => 2 + 18 * kitchenLoad(w - 1) + noise(1.2),
  cleanRating: ({ w, noise }) => 4.56 - 0.45 * facilitiesSlip(w) + noise(0.05),
  restroomMissed: ({ w, noise }) => 1.4 + 9 * facilitiesSlip(w) + noise(0.8),
  payTime: ({ period, noise }) => 3.9 + 2 * rush(period) + noise(0.45),
  dineNps: ({ w, period, noise }) => 48 - 20 * kitchenStress(w - 2) - 3 * rush(period) + noise(2.5),
  reviewRating: ({ w, noise }) => 4.56 - 0.45 * kitchenStress(w - 2) + noise(0.07),
  deliveryAdCtr: ({ noise }) => 3.1 + noise(0.2),
  pageLoad: ({ w, noise }) => 3.4 - 1.1 * rebuild(w) + noise(0.15),
  menuCes: ({ w, noise }) => 5.5 + 0.5 * rebuild(w) + noise(0.12),
  checkoutCompletion: ({ w, noise }) => 76 + 7 * rebuild(w) + noise(1.1),
  orderCsat: ({ w, noise }) => 87 - 6 * kitchenLoad(w - 1) + noise(1.4),
  deliveryTime: ({ w, period, noise }) => 33 + 8 * rush(period) + 6 * kitchenLoad(w) + noise(1.8),
  arrivedHot: ({ w, noise }) => 92 - 7 * kitchenLoad(w) + noise(1.3),
  deliveredFoodRating: ({ w, noise }) => 4.38 - 0.6 * kitchenLoad(w - 1) + noise(0.05),
  firstResponse: ({ w, period, noise }) => 4.6 + 11 * kitchenLoad(w - 1) + 4 * rush(period) + noise(0.9),
  supportCsat: ({ w, noise }) => 86.5 - 9 * kitchenLoad(w - 1) + noise(1.8),
  orderComplaints: ({ w, period, noise }) => 11 + 42 * kitchenLoad(w - 1) + 8 * rush(period) + noise(2.5),
};
