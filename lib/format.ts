// Display formatting shared by pages and components.

/** Scores are shown to one decimal: enough to see movement, no false precision. */
export const formatScore = (score: number | null) => (score === null ? "—" : score.toFixed(1));

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
