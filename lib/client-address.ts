// The address of the client a request came from, for the rate limits: one function, one explicit
// trust setting. The TCP peer's address comes from server.mjs (x-touchline-peer, with a token only
// this process knows); X-Forwarded-For is believed only for as many hops as TRUST_PROXY says
// there are proxies of our own in front. docs/security.md, "Client address".
import { z } from "zod";

export const UNKNOWN_ADDRESS = "unknown";

/**
 * TRUST_PROXY: how many proxies of our own stand in front of Touchline, each appending the address
 * it saw to X-Forwarded-For (0, the default: none, use the socket's address).
 * @throws Error at start-up when the setting is not a whole number 0–10.
 */
export function trustedHops(raw = process.env.TRUST_PROXY): number {
  const parsed = z.coerce.number().int().min(0).max(10).safeParse(raw === undefined || raw.trim() === "" ? 0 : raw);
  if (!parsed.success) throw new Error(`TRUST_PROXY must be the number of proxies in front of Touchline (0–10), not "${raw}".`);
  return parsed.data;
}

const TRUSTED_HOPS = trustedHops();

/** The socket address server.mjs saw, or null when the header is missing or forged. */
function peerAddress(headers: Headers, token: string | undefined): string | null {
  const value = headers.get("x-touchline-peer");
  if (!value || !token) return null;
  const [given, address] = value.split(" ");
  return given === token && address ? address : null;
}

let warned = false;

/**
 * The client's address: the socket's peer, or with `hops` trusted proxies, the address the
 * outermost of them saw (X-Forwarded-For read from the right, past our own proxies; whatever the
 * client wrote further left is ignored). "unknown" when the app was not started by server.mjs.
 */
export function clientAddress(headers: Headers, hops = TRUSTED_HOPS, token = process.env.TOUCHLINE_PEER_TOKEN): string {
  const peer = peerAddress(headers, token);
  if (peer === null) {
    if (!warned) console.warn("Touchline: the client address is unknown (start the app with `npm start`, server.mjs); per-address limits are off.");
    warned = true;
    return UNKNOWN_ADDRESS;
  }
  if (hops === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}
