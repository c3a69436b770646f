// Rate limits, all in one place: requests per address to the public pages (enough for people
// reading a report, not for someone trying tokens), and sign-in attempts per account and per
// address. rate-limiter-flexible counts them, in this process's memory by default, or in Redis
// when REDIS_URL is set, so that several server processes share one count (docs/security.md,
// "Rate limits"). Every count is taken atomically *before* the work it limits, so parallel
// requests cannot slip past a limit between a check and a record.
import Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { UNKNOWN_ADDRESS } from "./client-address";

/** Requests per address per minute to the public pages (/r/…, /invite/…, /reset/…, /setup, /unsubscribe/…). */
export const PUBLIC_REQUESTS_PER_MINUTE = Number(process.env.PUBLIC_RATE_LIMIT ?? 60);
/** Sign-in attempts allowed per account (email) in a 15-minute window; the next is refused for the rest of it. A success clears the count. */
export const SIGN_IN_FAILURES_PER_ACCOUNT = Number(process.env.SIGN_IN_FAILURES_PER_ACCOUNT ?? 5);
/** Failed sign-in attempts per address, across accounts, in 15 minutes: against one machine trying many emails. */
export const SIGN_IN_FAILURES_PER_ADDRESS = Number(process.env.SIGN_IN_FAILURES_PER_ADDRESS ?? 50);
const FIFTEEN_MINUTES = 15 * 60;

export type RateLimitStore = { kind: "memory" } | { kind: "redis"; client: Redis };

export type RateLimitSettings = { publicPerMinute: number; perAccount: number; perAddress: number; prefix: string };

const DEFAULT_SETTINGS: RateLimitSettings = {
  publicPerMinute: PUBLIC_REQUESTS_PER_MINUTE,
  perAccount: SIGN_IN_FAILURES_PER_ACCOUNT,
  perAddress: SIGN_IN_FAILURES_PER_ADDRESS,
  prefix: "touchline",
};

/** Seconds until a rejected key may try again (at least 1). */
const secondsOf = (rejection: RateLimiterRes) => Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));

/**
 * When the app was not started by server.mjs, every request is "unknown" (lib/client-address.ts):
 * one shared bucket would let anyone pause sign-in for everybody, so only the per-account limit applies.
 */
const addressKnown = (address: string) => address !== UNKNOWN_ADDRESS;

/**
 * The limits over one store. With Redis, a limiter whose Redis call fails (Redis down) answers
 * from an in-memory limiter with the same settings (rate-limiter-flexible's insurance limiter), so
 * an outage weakens the limits to per-process ones rather than refusing everyone or no one.
 */
export function createRateLimits(store: RateLimitStore, settings: RateLimitSettings = DEFAULT_SETTINGS) {
  const limiter = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const keyPrefix = `${settings.prefix}:${name}`;
    return store.kind === "redis"
      ? new RateLimiterRedis({ storeClient: store.client, keyPrefix, points, duration, insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }) })
      : new RateLimiterMemory({ keyPrefix, points, duration });
  };
  const publicPages = limiter("public", settings.publicPerMinute, 60);
  const perAccount = limiter("sign-in-account", settings.perAccount, FIFTEEN_MINUTES);
  const perAddress = limiter("sign-in-address", settings.perAddress, FIFTEEN_MINUTES);

  /** Takes one from `l`'s allowance for `key`: null when it was there, else the seconds to wait. */
  const take = async (l: RateLimiterAbstract, key: string): Promise<number | null> => {
    try {
      await l.consume(key);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return secondsOf(rejection);
      throw rejection;
    }
  };

  return {
    /** Counts a request to a public page from `address`: null when it may go ahead, else the seconds to wait. */
    takePublicRequest: (address: string) => take(publicPages, address),

    /**
     * Counts a password attempt for `email` from `address` *before* the password is checked: null
     * when it may be checked, else the seconds until the account (or the address) may try again.
     * A locked account refuses even the right password, or the lock would not stop guessing. Of N
     * parallel attempts only the allowance's worth get through.
     */
    async takeSignInAttempt(email: string, address: string): Promise<number | null> {
      const account = await take(perAccount, email);
      if (account !== null) return account;
      if (!addressKnown(address)) return null;
      const machine = await take(perAddress, address);
      // The address is out of attempts: this one is not made, so it does not count against the account.
      if (machine !== null) await perAccount.reward(email, 1);
      return machine;
    },

    /** A right password: the account's count starts again, and the attempt does not count against the address. */
    async signInSucceeded(email: string, address: string): Promise<void> {
      await Promise.all([perAccount.delete(email), addressKnown(address) ? perAddress.reward(address, 1) : null]);
    },

    /** Clears an account's count (a password reset: the person proved they own the email). */
    clearFailedSignIns: async (email: string): Promise<void> => void (await perAccount.delete(email)),
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;

/**
 * The store REDIS_URL names, or memory. ioredis with no offline queue, so a command fails at once
 * while Redis is unreachable (and the insurance limiter answers) instead of waiting for it.
 */
export function rateLimitStoreFromEnv(env: Record<string, string | undefined> = process.env): RateLimitStore {
  const url = env.REDIS_URL?.trim();
  if (!url) return { kind: "memory" };
  console.info(`[rate-limit] counts kept in Redis at ${redacted(url)}, shared by every server process`);
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  // Logged, not thrown: the insurance limiter keeps the limits while Redis is away.
  client.on("error", (error: Error) => console.error(`[rate-limit] Redis: ${error.message}`));
  return { kind: "redis", client };
}

/** A Redis URL without its password, for logs. */
const redacted = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");

// One set of limits per process (kept across hot reloads in development).
const globalForLimits = globalThis as unknown as { touchlineRateLimits?: RateLimits };
const limits = (globalForLimits.touchlineRateLimits ??= (() => {
  const store = rateLimitStoreFromEnv();
  if (store.kind === "memory" && !process.env.VITEST) console.info("[rate-limit] counts kept in this process's memory; with several server processes set REDIS_URL to share them (docs/security.md)");
  return createRateLimits(store);
})());

export const { takePublicRequest, takeSignInAttempt, signInSucceeded, clearFailedSignIns } = limits;
