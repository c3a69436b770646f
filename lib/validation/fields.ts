// Reusable zod fields for form and JSON input: both arrive as strings or numbers.
import { z } from "zod";
import { parsePeriodKey } from "../periods";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * A plain decimal ("4.5", "-12", ".5") as a number; null for anything else. Stricter than
 * Number(): "4,5" is refused rather than read as 45, and "0x10" or "1e3" are not numbers a
 * person types. The entry form uses this too, so browser and server agree.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : null;
}

/** A finite number, from a number or a decimal string. */
export function numberField(label: string) {
  return z
    .union([z.number(), z.string()], { error: `${label} is required` })
    .transform((v, ctx) => {
      if (typeof v === "string" && v.trim() === "") {
        ctx.addIssue({ code: "custom", message: `${label} is required` });
        return z.NEVER;
      }
      const n = typeof v === "number" ? v : parseDecimal(v);
      if (n === null || !Number.isFinite(n)) {
        const hint = typeof v === "string" && v.includes(",") ? " (use a dot for decimals, no thousands separators)" : "";
        ctx.addIssue({ code: "custom", message: `${label} must be a number${hint}` });
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

/** First message per field of each row of a list input ("rows.3.value"), keyed by row index. */
export function rowFieldErrors(error: z.ZodError, list = "rows"): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  for (const issue of error.issues) {
    const [head, index, ...rest] = issue.path;
    if (head !== list || typeof index !== "number") continue;
    const fields = out.get(index) ?? {};
    fields[rest.join(".") || "row"] ??= issue.message;
    out.set(index, fields);
  }
  return out;
}

/** A row's problems from a zod error, in the shape the data functions report them. */
export function rowProblemsFrom(error: z.ZodError, list = "rows") {
  return [...rowFieldErrors(error, list)].map(([index, fields]) => ({ index, code: "invalid" as const, fields }));
}

/** Built once: parseIdParam runs per line of an import. */
const idParam = idField("id");

/** An id from a URL segment or query parameter ("12"); null for anything else. */
export function parseIdParam(raw: string | null | undefined): number | null {
  const text = (raw ?? "").trim();
  if (!/^\d+$/.test(text)) return null; // digits only: not "1e3", "0x10" or "12.0"
  const parsed = idParam.safeParse(text);
  return parsed.success ? parsed.data : null;
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

/** A link token's shape: lib/secrets.ts newSecret() makes 32 random bytes as 43 base64url characters. */
export const isTokenShape = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
