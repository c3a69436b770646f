// Rate limits, all in one place: requests per address to the public pages (enough for people
// reading a report, not for someone trying tokens), and failed sign-ins per account and per
// address. In memory, per server process (rate-limiter-flexible); a deployment with several
// processes would swap in its Redis limiters with the same interface.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { UNKNOWN_ADDRESS } from "./client-address";

/** Requests per address per minute to /r/… (pages and CSV downloads). */
export const PUBLIC_REQUESTS_PER_MINUTE = Number(process.env.PUBLIC_RATE_LIMIT ?? 60);

const limiter = new RateLimiterMemory({ points: PUBLIC_REQUESTS_PER_MINUTE, duration: 60 });


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

/** Failed sign-ins allowed per account (email) in a 15-minute window before it is locked for the rest of it. */
export const SIGN_IN_FAILURES_PER_ACCOUNT = Number(process.env.SIGN_IN_FAILURES_PER_ACCOUNT ?? 5);
/** The same per address, across accounts: against one machine trying many emails. */
export const SIGN_IN_FAILURES_PER_ADDRESS = Number(process.env.SIGN_IN_FAILURES_PER_ADDRESS ?? 50);
const FIFTEEN_MINUTES = 15 * 60;

const failuresPerAccount = new RateLimiterMemory({ keyPrefix: "sign-in-account", points: SIGN_IN_FAILURES_PER_ACCOUNT, duration: FIFTEEN_MINUTES });
const failuresPerAddress = new RateLimiterMemory({ keyPrefix: "sign-in-address", points: SIGN_IN_FAILURES_PER_ADDRESS, duration: FIFTEEN_MINUTES });

/**
 * When the app was not started by server.mjs, every request is "unknown" (lib/client-address.ts):
 * one shared bucket would let anyone pause sign-in for everybody, so only the per-account limit applies.
 */
const addressKnown = (address: string) => address !== UNKNOWN_ADDRESS;

/**
 * Null when this email may try a password from this address; otherwise the seconds until it may.
 * Checked before the password, so a locked account refuses even the right one: otherwise the
 * lock would not stop guessing.
 */
export async function signInLockedFor(email: string, address: string): Promise<number | null> {
  const [account, machine] = await Promise.all([failuresPerAccount.get(email), addressKnown(address) ? failuresPerAddress.get(address) : null]);
  const waits = [
    account && account.consumedPoints >= SIGN_IN_FAILURES_PER_ACCOUNT ? account.msBeforeNext : 0,
    machine && machine.consumedPoints >= SIGN_IN_FAILURES_PER_ADDRESS ? machine.msBeforeNext : 0,
  ];
  const wait = Math.max(...waits);
  return wait > 0 ? Math.ceil(wait / 1000) : null;
}

export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  // consume() rejects once the points are spent; that rejection is the lock, already recorded.
  await Promise.allSettled([failuresPerAccount.consume(email), ...(addressKnown(address) ? [failuresPerAddress.consume(address)] : [])]);
}

/** A correct password clears the account's count (not the address's: other accounts' misses stand). */
export async function clearFailedSignIns(email: string): Promise<void> {
  await failuresPerAccount.delete(email);
}
