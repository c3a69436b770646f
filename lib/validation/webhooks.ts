import { z } from "zod";
import { addressPolicyFromEnv, refusedHost } from "../notifications/webhook-address";
import { WEBHOOK_EVENT_TYPES } from "../notifications/webhook-events";
import type { EventType } from "../notifications/publish";
import { idField } from "./fields";

export const MAX_WEBHOOK_NAME = 80;
export const MAX_WEBHOOK_URL = 2000;

const name = z
  .string({ error: "Give the webhook a name" })
  .trim()
  .min(1, "Give the webhook a name")
  .max(MAX_WEBHOOK_NAME, `A name can be at most ${MAX_WEBHOOK_NAME} characters`);

/**
 * An http(s) URL without credentials, whose host is not refused as written (metadata services,
 * link-local and other refused IP literals; docs/security.md). Stored as the parser writes it
 * back ("HTTPS://Example.com" → "https://example.com/"). Names are resolved and checked when sending.
 */
const url = z
  .string({ error: "Give the URL to send events to" })
  .trim()
  .min(1, "Give the URL to send events to")
  .max(MAX_WEBHOOK_URL, `A URL can be at most ${MAX_WEBHOOK_URL} characters`)
  .transform((value, ctx) => {
    const fail = (message: string) => (ctx.addIssue({ code: "custom", message }), z.NEVER);
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return fail("Not a URL: give the whole address, starting with https://");
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return fail(`Webhooks are sent over HTTP: use an https:// (or http://) URL, not ${parsed.protocol}`);
    if (parsed.username || parsed.password) return fail("Leave the user name and password out of the URL: deliveries are signed with the webhook's secret instead");
    const refused = refusedHost(parsed.hostname, addressPolicyFromEnv());
    if (refused) return fail(`Webhooks cannot be sent there: ${refused}`);
    return parsed.href;
  });

/** Event types from checkboxes: one value, several, or none; each must be one Touchline publishes. */
const events = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(WEBHOOK_EVENT_TYPES as [EventType, ...EventType[]], { error: "Choose events from the list" }))
    .min(1, "Choose at least one event to send")
    .transform((types) => WEBHOOK_EVENT_TYPES.filter((t) => types.includes(t))),
);

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const createWebhookSchema = z.object({ name, url, events });
export type CreateWebhookInput = z.output<typeof createWebhookSchema>;

export const updateWebhookSchema = z.object({ id: idField("Webhook"), name, url, events, active: checkbox });
export type UpdateWebhookInput = z.output<typeof updateWebhookSchema>;

/** Turn an endpoint on or off without touching the rest. */
export const setWebhookActiveSchema = z.object({ id: idField("Webhook"), active: z.boolean({ error: "Say whether the webhook is on" }) });

/** Rotate, delete, send a test event. */
export const webhookIdSchema = z.object({ id: idField("Webhook") });
