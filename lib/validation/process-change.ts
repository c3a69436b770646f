// A process change and its "5 Hows": what a head or admin records when they change how a
// touchpoint works. Every question must be answered, or explicitly marked "No impact".
import { z } from "zod";
import { parsePeriodKey } from "../periods";
import { idField, parseIdParam } from "./fields";

/** The five questions, in the order they are asked; the keys are the database columns. */
export const FIVE_HOWS = [
  { key: "impact", question: "How will this change impact my customer?" },
  { key: "customerView", question: "How will it look from the customer’s standpoint?" },
  { key: "customerResponse", question: "How will my customer respond?" },
  { key: "customerFindsOut", question: "How will my customer find out?" },
  { key: "customerFeedback", question: "How will my customer give feedback?" },
] as const;
export type FiveHowKey = (typeof FIVE_HOWS)[number]["key"];
/** Each answer's text, or null where the author marked the question "No impact". */
export type FiveHowAnswers = Record<FiveHowKey, string | null>;

export const TITLE_MIN = 3;
export const TITLE_MAX = 120;
export const ANSWER_MIN = 2;
export const ANSWER_MAX = 2000;
export const MAX_TOUCHPOINTS = 50;
/** Planned changes may be recorded ahead, up to a year (and a leap day). */
export const MAX_DAYS_AHEAD = 366;
const EARLIEST = "2000-01-01";
const DAY_MS = 86_400_000;

const todayUtc = () => {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
};

const effectiveDate = z.string({ error: "Give the date the change took effect" }).transform((v, ctx) => {
  const text = v.trim();
  if (text === "") {
    ctx.addIssue({ code: "custom", message: "Give the date the change took effect" });
    return z.NEVER;
  }
  const date = parsePeriodKey(text);
  if (!date) {
    ctx.addIssue({ code: "custom", message: "The date must be a real date like 2026-11-16" });
    return z.NEVER;
  }
  if (text < EARLIEST) {
    ctx.addIssue({ code: "custom", message: "The date cannot be before 2000" });
    return z.NEVER;
  }
  if (date.getTime() > todayUtc() + MAX_DAYS_AHEAD * DAY_MS) {
    ctx.addIssue({ code: "custom", message: `A planned change can be recorded at most ${MAX_DAYS_AHEAD} days ahead` });
    return z.NEVER;
  }
  return date;
});

const touchpointIds = z
  .array(idField("Touchpoint"), { error: "Choose the touchpoints the change affects" })
  .transform((ids) => [...new Set(ids)])
  .refine((ids) => ids.length >= 1, "Choose at least one touchpoint the change affects")
  .refine((ids) => ids.length <= MAX_TOUCHPOINTS, `A change can affect at most ${MAX_TOUCHPOINTS} touchpoints; record separate changes`);

/** One of the five answers: text, or "No impact" ticked (then any text is dropped). */
function answer(question: string) {
  return z
    .object({ noImpact: z.boolean().default(false), text: z.string().default("") }, { error: `Answer “${question}” or mark it “No impact”` })
    .transform((a, ctx) => {
      if (a.noImpact) return null;
      const text = a.text.trim();
      if (text.length < ANSWER_MIN) {
        ctx.addIssue({ code: "custom", message: `Answer “${question}” or mark it “No impact”` });
        return z.NEVER;
      }
      if (text.length > ANSWER_MAX) {
        ctx.addIssue({ code: "custom", message: `The answer to “${question}” can be at most ${ANSWER_MAX.toLocaleString("en-GB")} characters` });
        return z.NEVER;
      }
      return text;
    });
}

const answers = z.object(
  Object.fromEntries(FIVE_HOWS.map((h) => [h.key, answer(h.question)])) as Record<FiveHowKey, ReturnType<typeof answer>>,
  { error: "Answer the five questions" },
);

const fields = {
  title: z
    .string({ error: "Give the change a title" })
    .trim()
    .min(1, "Give the change a title")
    .min(TITLE_MIN, `A title needs at least ${TITLE_MIN} characters`)
    .max(TITLE_MAX, `A title can be at most ${TITLE_MAX} characters`),
  effectiveDate,
  touchpointIds,
  answers,
};

export const recordChangeSchema = z.object(fields);
export type RecordChangeInput = z.output<typeof recordChangeSchema>;

export const updateChangeSchema = z.object({ id: idField("Change"), ...fields });
export type UpdateChangeInput = z.output<typeof updateChangeSchema>;

/** The change log's filters in its URL (?department=&touchpoint=&page=); a bad value is ignored. */
export type ChangeFilters = { departmentId?: number; touchpointId?: number; page: number };

export function parseChangeFilters(raw: Record<string, string | string[] | undefined>): ChangeFilters {
  const read = (name: string) => parseIdParam(Array.isArray(raw[name]) ? raw[name][0] : raw[name]) ?? undefined;
  return { departmentId: read("department"), touchpointId: read("touchpoint"), page: read("page") ?? 1 };
}
