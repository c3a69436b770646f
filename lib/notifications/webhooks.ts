// Webhook delivery: POST an outbox message's stored JSON to its endpoint, signed
// (webhook-signature.ts), to an address the rules allow (webhook-address.ts), with a timeout and
// no redirects followed; then settle the message — sent, pending again (backoff), failed or
// skipped — recording the HTTP status and a short reason. Which failures are retried, and why:
// docs/notifications.md, "Retries and timeouts".
import dns, { type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, fetch, type Response } from "undici";
import { db, type Db } from "../db";
import { complete, fail, skip } from "./outbox";
import { addressPolicyFromEnv, refusedAddress, refusedHost, type AddressPolicy } from "./webhook-address";
import { webhookHeaders } from "./webhook-signature";

/** How long an endpoint has to answer, headers and the start of its body: 10 s. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Characters of a failing answer's body kept in the delivery log, and read at most to find them. */
const SNIPPET_CHARACTERS = 200;
const SNIPPET_READ_CHARACTERS = 2_000;

export type WebhookSendOptions = {
  /** Default WEBHOOK_TIMEOUT_MS; tests shorten it. */
  timeoutMs?: number;
  /** Default from WEBHOOK_ALLOW_PRIVATE (addressPolicyFromEnv). */
  policy?: AddressPolicy;
};

/** One attempt's result. `status`: what the endpoint answered, null when it did not answer. */
export type WebhookAttempt =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: string; permanent: boolean };

/** Thrown from the connection's DNS lookup when every address the name resolves to is refused. */
class RefusedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefusedAddressError";
  }
}

/**
 * A DNS lookup that resolves as usual and then drops the refused addresses, so the connection is
 * made to an address that was checked — a name that answers differently the second time (DNS
 * rebinding) cannot slip past a check made earlier. Fails when nothing is left.
 */
function checkedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const allowed = addresses.filter((a) => !refusedAddress(a.address, policy));
      if (allowed.length === 0) {
        const reasons = [...new Set(addresses.map((a) => refusedAddress(a.address, policy)))].join("; ");
        return callback(new RefusedAddressError(`${hostname} resolves only to refused addresses (${reasons})`), "", 0);
      }
      if (options.all) callback(null, allowed);
      else callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

// One connection pool per policy, for the life of the process.
const agents = new Map<boolean, Agent>();
const agentFor = (policy: AddressPolicy) => {
  let agent = agents.get(policy.allowPrivate);
  if (!agent) agents.set(policy.allowPrivate, (agent = new Agent({ connect: { lookup: checkedLookup(policy) } })));
  return agent;
};

/**
 * The first SNIPPET_CHARACTERS of a response's body, on one line, an HTML error page's tags left
 * out (a log line, not a parser: "<h1>503 Service Unavailable</h1>" → "503 Service Unavailable").
 * Reads no more than it needs.
 */
async function snippet(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length <= SNIPPET_READ_CHARACTERS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // A body cut off or too slow: what arrived is enough for the log.
  } finally {
    void reader.cancel().catch(() => {});
  }
  const html = /html/i.test(response.headers.get("content-type") ?? "") || /^\s*<(!doctype|html)/i.test(text);
  const line = (html ? text.replace(/<[^>]*>?/g, " ") : text).replace(/\s+/g, " ").trim();
  return line.length > SNIPPET_CHARACTERS ? `${line.slice(0, SNIPPET_CHARACTERS)}…` : line;
}

/** The innermost cause of a fetch failure ("fetch failed" wraps the socket's or the lookup's error). */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && current.cause) current = current.cause;
  return current;
}

/**
 * POSTs `rawBody` with `headers` to `url`, once. Never throws. 2xx is success. A redirect is a
 * failure (it is not followed: a redirect could lead anywhere the address rules forbid). Failures
 * are `permanent` when no retry can change them — an address the rules refuse, 410 Gone; others
 * (timeouts, refused connections, 408, 429, 5xx, other 4xx and 3xx) are retried: the endpoint may
 * come back, and the admin may fix the URL or the receiver's secret meanwhile (each attempt is
 * made to the endpoint's URL and with its secret as they are then).
 */
export async function postWebhook(url: string, headers: Record<string, string>, rawBody: string, { timeoutMs = WEBHOOK_TIMEOUT_MS, policy = addressPolicyFromEnv() }: WebhookSendOptions = {}): Promise<WebhookAttempt> {
  const target = new URL(url);
  if (target.protocol !== "https:" && target.protocol !== "http:") return { ok: false, status: null, error: `Not sent: ${target.protocol} URLs are not allowed`, permanent: true };
  // IP literals never reach the lookup: check them (and metadata services' names) here.
  const refused = refusedHost(target.hostname, policy);
  if (refused) return { ok: false, status: null, error: `Not sent: ${refused}`, permanent: true };
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(target, { method: "POST", headers, body: rawBody, redirect: "manual", signal, dispatcher: agentFor(policy) });
    const { status } = response;
    if (status >= 200 && status < 300) {
      await response.body?.cancel().catch(() => {});
      return { ok: true, status };
    }
    if (status >= 300 && status < 400) {
      await response.body?.cancel().catch(() => {});
      const location = response.headers.get("location");
      return { ok: false, status, error: `HTTP ${status}: redirected to ${location ?? "(no Location)"}; webhooks do not follow redirects`, permanent: false };
    }
    const text = await snippet(response);
    return { ok: false, status, error: `HTTP ${status}${text ? `: ${text}` : ""}`, permanent: status === 410 };
  } catch (error) {
    if (signal.aborted) return { ok: false, status: null, error: `No answer within ${timeoutMs / 1000} s`, permanent: false };
    const cause = rootCause(error);
    if (cause instanceof RefusedAddressError) return { ok: false, status: null, error: `Not sent: ${cause.message}`, permanent: true };
    const message = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, status: null, error: `Could not connect: ${message}`, permanent: false };
  }
}

export type WebhookDelivery = "sent" | "pending" | "failed" | "skipped" | null;

/**
 * Sends one claimed webhook message (held by `workerId`) to its endpoint as it is now — its URL,
 * its secret — and settles it: sent; pending again or failed (outbox.fail's backoff and
 * MAX_ATTEMPTS); or skipped, with the reason, when the endpoint was turned off or deleted or no
 * longer takes this event type. Returns the message's new status, or null when this worker no
 * longer held it. Never throws for the endpoint's own failures.
 */
export async function deliverWebhook(workerId: string, message: { id: number; attempts: number }, options: WebhookSendOptions = {}, client: Db = db): Promise<WebhookDelivery> {
  const row = await client.outboxMessage.findUnique({
    where: { id: message.id },
    select: { kind: true, subject: true, body: true, eventId: true, endpoint: { select: { url: true, secret: true, active: true, events: true } } },
  });
  if (!row) return null;
  const skipWith = async (reason: string) => ((await skip(workerId, message.id, reason, client)) ? "skipped" : null);
  const { endpoint } = row;
  if (!endpoint) return skipWith("not sent: the webhook was deleted");
  if (!endpoint.active) return skipWith("not sent: the webhook is turned off");
  if (row.kind !== "test" && !endpoint.events.split(",").includes(row.subject)) return skipWith(`not sent: the webhook no longer receives ${row.subject}`);

  const headers = webhookHeaders({ secret: endpoint.secret, eventId: row.eventId ?? `msg_${message.id}`, type: row.subject, rawBody: row.body, timestamp: Math.floor(Date.now() / 1000) });
  const attempt = await postWebhook(endpoint.url, headers, row.body, options);
  // A crash between the endpoint's 2xx and this update is the one way a delivery goes twice; the
  // event id lets the receiver drop the second (docs/notifications.md).
  if (attempt.ok) return (await complete(workerId, message.id, new Date(), client, attempt.status)) ? "sent" : null;
  return fail(workerId, message, attempt.error, { permanent: attempt.permanent, responseStatus: attempt.status, now: new Date() }, client);
}
