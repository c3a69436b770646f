// Per-address rate limit for the public share pages: enough for people reading a report, not for
// someone trying tokens. In memory, per server process (rate-limiter-flexible); a deployment with
// several processes would swap in its Redis limiter with the same interface.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** Requests per address per minute to /r/… (pages and CSV downloads). */
export const PUBLIC_REQUESTS_PER_MINUTE = Number(process.env.PUBLIC_RATE_LIMIT ?? 60);

const limiter = new RateLimiterMemory({ points: PUBLIC_REQUESTS_PER_MINUTE, duration: 60 });

/** The client's address: the first X-Forwarded-For hop (set by the proxy in front), else X-Real-IP. */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}

/** Null when the request may go ahead; otherwise the seconds to wait. */
export async function takePublicRequest(address: string): Promise<number | null> {
  try {
    await limiter.consume(address);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
