// Display formatting shared by pages and components.

/**
 * `x` rounded to `digits` decimals, halves away from zero, judged on the decimal value the number
 * stands for: 84.75 stored as 84.74999999999999 rounds to 84.8, like 85.25 to 85.3 (toFixed and
 * Math.round work on the binary value and would give 84.7). Never returns −0.
 */
export function roundHalfUp(x: number, digits = 1): number {
  const factor = 10 ** digits;
  // 15 significant digits drop the binary representation error, keep every digit a user entered.
  const scaled = Number((Math.abs(x) * factor).toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Scores (points 0–100) are shown to one decimal, rounded half up: enough to see movement, no false precision. */
export const formatScore = (score: number | null) => (score === null ? "—" : roundHalfUp(score, 1).toFixed(1));

/**
 * Parts (≥ 0) rounded to `digits` decimals so that the shown parts add up to the shown total —
 * their sum rounded half up, or `total` when the total is itself a shown part of something larger
 * (a department's drag split over its touchpoints): largest-remainder (Hamilton) apportionment.
 * Used wherever parts and their total are on screen together.
 */
export function apportion(parts: readonly number[], digits = 1, total?: number): number[] {
  const factor = 10 ** digits;
  const units = parts.map((p) => Number((Math.max(0, p) * factor).toPrecision(15)));
  const sum = total ?? units.reduce((a, b) => a + b, 0) / factor;
  const target = Math.round(Number((sum * factor).toPrecision(15)));
  const floors = units.map(Math.floor);
  let left = target - floors.reduce((a, b) => a + b, 0);
  // Largest fractional parts first (compared to 9 places: 19.4 − 19 and 10.4 − 10 differ only in
  // binary noise); ties go to the larger part, then the earlier one.
  const remainder = units.map((u, i) => Math.round((u - floors[i]!) * 1e9));
  // Array sort is stable: parts equal on both keys keep their order.
  const order = units.map((u, i) => i).sort((a, b) => remainder[b]! - remainder[a]! || units[b]! - units[a]!);
  for (const i of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((f) => f / factor);
}

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** A metric value in its unit: "85.2%", "14.5 min", "4.38 stars". */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return "—";
  const n = numberFormat.format(value);
  if (!unit) return n;
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}

export const formatPercent = (share: number) => `${Math.round(share * 100)}%`;

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
export const formatDateTime = (date: Date) => `${dateTimeFormat.format(date)} UTC`;

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
/** A calendar day: "1 Jul 2026". */
export const formatDate = (date: Date) => dateFormat.format(date);

const SOURCE_LABELS: Record<string, string> = {
  SURVEY: "Survey",
  REVIEW: "Reviews",
  SOCIAL: "Social",
  OPERATIONAL: "Operational",
  EMPLOYEE: "Employee survey",
  OTHER: "Other",
};

/** Where a figure came from, in words ("Employee survey"). */
export const formatSource = (source: string | null) => (source ? (SOURCE_LABELS[source] ?? source) : "—");
