// How a webhook delivery is signed, and how a receiver checks it (docs/notifications.md,
// "Verifying a delivery"). Two signatures over the same bytes, with the endpoint's one secret:
//   Touchline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
// — Stripe's scheme (https://docs.stripe.com/webhooks#verify-manually), the secret string itself
// as the key; and the Standard Webhooks 1.0 headers (https://www.standardwebhooks.com/):
//   webhook-id, webhook-timestamp, webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<t>.<raw body>")>
// with the key the base64 after "whsec_", so any Standard Webhooks library verifies it too.
// Only node:crypto: receivers can copy verifyWebhookSignature as it is.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SECRET_PREFIX = "whsec_";

/**
 * A new signing secret: "whsec_" + 32 random bytes in base64 (256 bits; standard base64, as
 * Standard Webhooks libraries read it).
 */
export const newWebhookSecret = () => SECRET_PREFIX + randomBytes(32).toString("base64");

/** The Touchline-Signature header's value for `rawBody` sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, rawBody: string, timestamp: number): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
  return `t=${timestamp},v1=${digest}`;
}

/** The Standard Webhooks `webhook-signature` value ("v1,<base64>") for message `id` sent at `timestamp` (unix seconds). */
export function standardSignature(secret: string, id: string, rawBody: string, timestamp: number): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${rawBody}`).digest("base64")}`;
}

/**
 * Whether `header` (a Touchline-Signature value, "t=1700000000,v1=5f0c…") signs `rawBody` — the
 * request's body exactly as received, before any JSON parsing — with `secret`, at a time within
 * `toleranceSeconds` of `now` (either side; default 5 minutes, which turns away a replay of an
 * old delivery). Any one of several v1 signatures may match. Never throws: a malformed header is
 * false. Compare in constant time, as here, so the answer's timing gives nothing away.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string,
  { toleranceSeconds = 300, now = new Date() }: { toleranceSeconds?: number; now?: Date } = {},
): boolean {
  if (!header) return false;
  const parts = header.split(",").map((part) => part.trim().split("="));
  const timestamp = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest();
  return parts.some(([key, value]) => {
    if (key !== "v1" || !value || !/^[0-9a-f]{64}$/i.test(value)) return false;
    return timingSafeEqual(Buffer.from(value, "hex"), expected);
  });
}

/**
 * Every header a delivery carries but the ones HTTP itself sets: content type, user agent, the
 * event's id and type, and both signatures, for `rawBody` sent at `timestamp` (unix seconds).
 */
export function webhookHeaders({ secret, eventId, type, rawBody, timestamp }: { secret: string; eventId: string; type: string; rawBody: string; timestamp: number }): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "Touchline-Webhooks/1",
    "touchline-event-id": eventId,
    "touchline-event-type": type,
    "touchline-signature": signatureHeader(secret, rawBody, timestamp),
    "webhook-id": eventId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": standardSignature(secret, eventId, rawBody, timestamp),
  };
}
