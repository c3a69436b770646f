// One-click unsubscribe: every email carries a link with a signed token naming the person and the
// kind of message, so it works without signing in (RFC 8058). The token is an HMAC, not a secret
// stored anywhere: it cannot be forged without NEXTAUTH_SECRET, and it only ever turns email off.
import { createHmac, timingSafeEqual } from "node:crypto";
import { appUrl } from "./mail";
import { PREFERENCE_EVENTS, type PreferenceEvent } from "./preferences";

const PURPOSE = "touchline:unsubscribe:v1";

function signingKey(env: Record<string, string | undefined> = process.env): string {
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: unsubscribe links cannot be signed.");
  return secret;
}

const mac = (payload: string, key: string) => createHmac("sha256", key).update(`${PURPOSE}:${payload}`).digest("base64url");

/** "<userId>.<event>.<HMAC-SHA256, base64url>": the token of the link that turns `event` emails off for the person. */
export function unsubscribeToken(userId: number, event: PreferenceEvent, key = signingKey()): string {
  const payload = `${userId}.${event}`;
  return `${payload}.${mac(payload, key)}`;
}

/** The person and event a token names, or null when it is malformed or its signature is wrong. */
export function readUnsubscribeToken(token: string, key = signingKey()): { userId: number; event: PreferenceEvent } | null {
  const match = /^([1-9]\d{0,9})\.([a-z]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, id, event, signature] = match as unknown as [string, string, string, string];
  if (!(PREFERENCE_EVENTS as readonly string[]).includes(event)) return null;
  const expected = Buffer.from(mac(`${id}.${event}`, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId: Number(id), event: event as PreferenceEvent };
}

/** The page that turns `event` emails off for the person: the footer's link and the List-Unsubscribe URL. */
export function unsubscribeUrl(userId: number, event: PreferenceEvent): string {
  return `${appUrl()}/unsubscribe/${unsubscribeToken(userId, event)}`;
}

/**
 * The headers that let a mail client offer "Unsubscribe" itself (RFC 2369) and do it in one click
 * with a POST to the same URL, body "List-Unsubscribe=One-Click" (RFC 8058).
 */
export function listUnsubscribeHeaders(userId: number, event: PreferenceEvent): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl(userId, event)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
