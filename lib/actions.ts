// The one wrapper every server action goes through: authenticate → validate (zod) → run the
// data function (which checks permissions) → a typed result the UI can show.
import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { clientAddress } from "./client-address";
import { getCurrentUser } from "./auth/session";
import type { SessionUser } from "./data/sessions";
import { asDomainError } from "./data/prisma-errors";
import { type DomainErrorCode } from "./errors";
import { logSecurityEvent } from "./security-log";
import { fieldErrors, rowProblemsFrom } from "./validation/fields";

/** The client's address for the security log; undefined outside a request (a script or a test calling an action). */
async function requestAddress(): Promise<string | undefined> {
  try {
    return clientAddress(await headers());
  } catch {
    return undefined;
  }
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** "request": the call never reached the action (too large, connection lost): lib/call-action.ts. */
      code: DomainErrorCode | "unauthenticated" | "request";
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
    if (!user) {
      logSecurityEvent("request_refused", { address: await requestAddress(), reason: "no live session" });
      return { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again." };
    }
    const result = await validateAndRun(schema, raw, (input) => handler(user, input));
    if (!result.ok && result.code === "forbidden") logSecurityEvent("request_refused", { address: await requestAddress(), userId: user.id, reason: result.message });
    return result;
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
