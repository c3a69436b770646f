// A row's unsaved edits, and their validation with the same rules the server applies.
import type { EntrySheetRow } from "@/lib/data/entry-sheet";
import type { EntrySource } from "@/lib/domain";
import { entryRowSchema } from "@/lib/validation/entry";
import { parseMetricValue } from "@/lib/validation/metric-value";
import { isUnusual, usualRange } from "@/lib/validation/unusual";

export type Draft = { value: string; sampleSize: string; source: EntrySource; note: string; confirmUnusual: boolean };

/** A number as a person would type it: never exponent form (String(1e-7) is "1e-7"). */
const plain = (n: number) => n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });

/** What the row shows before any edit: this period's figure, or blanks with last period's source. */
export function initialDraft(row: EntrySheetRow): Draft {
  return {
    value: row.current ? plain(row.current.value) : "",
    sampleSize: row.current?.sampleSize != null ? String(row.current.sampleSize) : "",
    source: row.current?.source ?? row.previous?.source ?? "OTHER",
    note: row.current?.note ?? "",
    confirmUnusual: false,
  };
}

export function isDirty(row: EntrySheetRow, draft: Draft | undefined): boolean {
  if (!draft) return false;
  const base = initialDraft(row);
  return draft.value.trim() !== base.value || draft.sampleSize.trim() !== base.sampleSize || draft.source !== base.source || draft.note.trim() !== base.note;
}

export type DraftCheck = {
  fields: Partial<Record<"value" | "sampleSize" | "note", string>>;
  /** Parsed value, when valid. */
  value?: number;
  /** Valid but outside the metric's usual range, and not yet confirmed. */
  unusual?: { low: number; high: number };
};

export function checkDraft(row: EntrySheetRow, draft: Draft): DraftCheck {
  const fields: DraftCheck["fields"] = {};
  let value: number | undefined;
  if (draft.value.trim() === "") {
    if (row.current) fields.value = "A saved figure cannot be blanked; enter the corrected value";
  } else {
    const parsed = parseMetricValue(row, draft.value);
    if (parsed.ok) value = parsed.value;
    else fields.value = parsed.message;
  }
  // Sample size and note: the server's own field rules.
  const sample = entryRowSchema.shape.sampleSize.safeParse(draft.sampleSize);
  if (!sample.success) fields.sampleSize = sample.error.issues[0]?.message;
  const note = entryRowSchema.shape.note.safeParse(draft.note);
  if (!note.success) fields.note = note.error.issues[0]?.message;
  const history = row.history ?? undefined;
  const unusual = value !== undefined && !draft.confirmUnusual && value !== row.current?.value && isUnusual(value, history) ? usualRange(history)! : undefined;
  return { fields, value, unusual };
}
