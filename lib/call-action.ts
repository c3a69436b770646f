// Calling a server action from the browser. An action itself never throws (lib/actions.ts turns
// every failure into a result), but the request can fail before it runs: a body over the limit
// (server.mjs answers 413 with a plain-text message, which Next.js throws as an Error), or a lost
// connection. Those come back as a failed result too, so every form shows them like any other.
import { unstable_rethrow } from "next/navigation";
import type { ActionResult } from "./actions";

export const CONNECTION_LOST = "Touchline could not be reached. Check your connection and try again; nothing was saved.";

/** Runs `call` (a server action call) and returns its result, or a "request" failure with a message to show. Next.js's own redirects and interrupts are rethrown. */
export async function callAction<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch (error) {
    unstable_rethrow(error);
    const message = error instanceof Error && error.message && !/fetch|network|unexpected response/i.test(error.message) ? error.message : CONNECTION_LOST;
    return { ok: false, code: "request", message };
  }
}
