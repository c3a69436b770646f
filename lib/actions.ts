// The one wrapper every server action goes through: authenticate → validate (zod) → run the
// data function (which checks permissions) → a typed result the UI can show.
import "server-only";
import type { z } from "zod";
import { getCurrentUser } from "./auth/session";
import type { SessionUser } from "./data/sessions";
import { asDomainError } from "./data/prisma-errors";
import { type DomainErrorCode } from "./errors";
import { fieldErrors, rowProblemsFrom } from "./validation/fields";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: DomainErrorCode | "unauthenticated";
      message: string;
      fields?: Record<string, string>;
      details?: Record<string, unknown>;
    };

export function authenticatedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (user: SessionUser, input: z.output<S>) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again." };
    return validateAndRun(schema, raw, (input) => handler(user, input));
  };
}

/**
 * For the few actions a signed-out visitor may take (accepting an invitation, first-run set-up):
 * the handler itself decides whether the visitor may act, from what the input proves.
 */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>) => Promise<T>) {
  return (raw: unknown): Promise<ActionResult<T>> => validateAndRun(schema, raw, handler);
}

async function validateAndRun<S extends z.ZodType, T>(schema: S, raw: unknown, run: (input: z.output<S>) => Promise<T>): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    // List inputs (a grid's rows) also get their problems per row, as data functions report them.
    const rows = rowProblemsFrom(parsed.error);
    return {
      ok: false,
      code: "invalid",
      message: Object.values(fields)[0] ?? "Check the form",
      fields,
      ...(rows.length ? { details: { rows } } : {}),
    };
  }
  try {
    return { ok: true, data: await run(parsed.data) };
  } catch (caught) {
    const error = asDomainError(caught);
    if (error) return { ok: false, code: error.code, message: error.message, fields: error.fields, details: error.details };
    throw caught;
  }
}
