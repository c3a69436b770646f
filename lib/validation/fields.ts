// Reusable zod fields for form and JSON input: both arrive as strings or numbers.
import { z } from "zod";
import { parsePeriodKey } from "../periods";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A finite number, from a number or a numeric string. */
export function numberField(label: string) {
  return z
    .union([z.number(), z.string()], { error: `${label} is required` })
    .transform((v, ctx) => {
      const n = typeof v === "number" ? v : Number(v.trim().replace(/,/g, ""));
      if (typeof v === "string" && v.trim() === "") {
        ctx.addIssue({ code: "custom", message: `${label} is required` });
        return z.NEVER;
      }
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: "custom", message: `${label} must be a number` });
        return z.NEVER;
      }
      return n;
    });
}

/** A positive database id. */
export function idField(label: string) {
  return numberField(label).pipe(
    z.number().int(`${label} is not valid`).positive(`${label} is not valid`).max(2 ** 31 - 1, `${label} is not valid`),
  );
}

/** An optional whole number within bounds; blank means absent. */
export function optionalIntField(label: string, min: number, max: number) {
  return z.preprocess(
    blankToUndefined,
    numberField(label)
      .pipe(
        z
          .number()
          .int(`${label} must be a whole number`)
          .min(min, `${label} must be at least ${min}`)
          .max(max, `${label} must be at most ${max.toLocaleString("en-GB")}`),
      )
      .optional(),
  );
}

/** Optional free text, trimmed; blank means absent. */
export function optionalTextField(label: string, maxLength: number) {
  return z.preprocess(
    blankToUndefined,
    z.string().trim().max(maxLength, `${label} must be at most ${maxLength} characters`).optional(),
  );
}

/** A "YYYY-MM-DD" calendar date, parsed as UTC midnight. */
export function dateKeyField(label: string) {
  return z.string({ error: `${label} is required` }).transform((v, ctx) => {
    const date = parsePeriodKey(v.trim());
    if (!date) {
      ctx.addIssue({ code: "custom", message: `${label} must be a date like 2026-11-16` });
      return z.NEVER;
    }
    return date;
  });
}

/** First message per field, for showing next to inputs. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}
