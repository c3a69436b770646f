// The limits under parallel requests, in memory and in a real Redis (127.0.0.1:6379, or
// TEST_REDIS_URL); the Redis half is skipped, visibly, when no server answers.
import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { UNKNOWN_ADDRESS } from "./client-address";
import { createRateLimits, rateLimitStoreFromEnv, type RateLimitStore } from "./rate-limit";

const SETTINGS = { publicPerMinute: 60, perAccount: 5, perAddress: 8 };
const fresh = (store: RateLimitStore) => createRateLimits(store, { ...SETTINGS, prefix: `test:${randomUUID()}` });
const allowed = (results: (number | null)[]) => results.filter((r) => r === null).length;

function behaves(makeStore: () => RateLimitStore) {
  it("lets exactly the allowance through when 100 requests to public pages arrive at once from one address", async () => {
    const limits = fresh(makeStore());
    const results = await Promise.all(Array.from({ length: 100 }, () => limits.takePublicRequest("203.0.113.7")));
    expect(allowed(results)).toBe(60);
    const waits = results.filter((r): r is number => r !== null);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...waits)).toBeLessThanOrEqual(60);
    // Another address has its own allowance.
    expect(await limits.takePublicRequest("203.0.113.8")).toBeNull();
  });

  it("lets only 5 of 20 parallel password attempts on one account be checked", async () => {
    const limits = fresh(makeStore());
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => limits.takeSignInAttempt("kim@example.com", `198.51.100.${i}`)));
    expect(allowed(results)).toBe(5);
    // Locked for the window: even the right password is not checked.
    expect(await limits.takeSignInAttempt("kim@example.com", "198.51.100.99")).toBeGreaterThan(800);
  });

  it("starts an account's count again after a right password, and a success does not count against the address", async () => {
    const limits = fresh(makeStore());
    for (let i = 0; i < 4; i++) expect(await limits.takeSignInAttempt("lee@example.com", "192.0.2.1")).toBeNull();
    expect(await limits.takeSignInAttempt("lee@example.com", "192.0.2.1")).toBeNull();
    await limits.signInSucceeded("lee@example.com", "192.0.2.1");
    const again = await Promise.all(Array.from({ length: 5 }, () => limits.takeSignInAttempt("lee@example.com", "192.0.2.1")));
    // The account may try 5 again; the address, with 4 failures counted (the success was given back), 4 more of its 8.
    expect(allowed(again)).toBe(4);
  });

  it("stops one address trying many accounts, without charging the accounts it was refused for", async () => {
    const limits = fresh(makeStore());
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => limits.takeSignInAttempt(`user${i}@example.com`, "192.0.2.50")));
    expect(allowed(results)).toBe(8);
    const refused = results.map((r, i) => (r === null ? null : i)).filter((i): i is number => i !== null);
    // An account refused because of the address still has its whole allowance from elsewhere.
    const elsewhere = await Promise.all(Array.from({ length: 5 }, () => limits.takeSignInAttempt(`user${refused[0]}@example.com`, "192.0.2.51")));
    expect(allowed(elsewhere)).toBe(5);
  });

  it("does not share one bucket among unknown addresses (the app not started by server.mjs)", async () => {
    const limits = fresh(makeStore());
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => limits.takeSignInAttempt(`u${i}@example.com`, UNKNOWN_ADDRESS)));
    expect(allowed(results)).toBe(12);
  });

  it("clears an account's count after a password reset", async () => {
    const limits = fresh(makeStore());
    await Promise.all(Array.from({ length: 6 }, () => limits.takeSignInAttempt("max@example.com", "192.0.2.9")));
    expect(await limits.takeSignInAttempt("max@example.com", "192.0.2.9")).not.toBeNull();
    await limits.clearFailedSignIns("max@example.com");
    expect(await limits.takeSignInAttempt("max@example.com", "192.0.2.10")).toBeNull();
  });
}

describe("rate limits in memory", () => behaves(() => ({ kind: "memory" })));

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const probe = new Redis(redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1_000, retryStrategy: () => null });
const redisUp = await probe.connect().then(
  () => true,
  () => false,
);
if (!redisUp) console.warn(`\u001b[33m⚠ SKIPPED: rate limits in Redis — no server at ${redisUrl}. Start one, or set TEST_REDIS_URL, to run them.\u001b[0m`);
const clients: Redis[] = [];
const client = () => {
  const c = new Redis(redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 1 });
  clients.push(c);
  return c;
};
afterAll(async () => {
  await Promise.all([...clients, ...(redisUp ? [probe] : [])].map((c) => c.quit().catch(() => undefined)));
});

describe.skipIf(!redisUp)("rate limits in Redis", () => {
  behaves(() => ({ kind: "redis", client: client() }));

  it("shares one count between two server processes", async () => {
    const prefix = `test:${randomUUID()}`;
    const [a, b] = [createRateLimits({ kind: "redis", client: client() }, { ...SETTINGS, prefix }), createRateLimits({ kind: "redis", client: client() }, { ...SETTINGS, prefix })];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).takeSignInAttempt("pat@example.com", `198.51.100.${i}`)));
    expect(allowed(results)).toBe(5);
  });

  it("falls back to per-process limits when Redis cannot be reached, neither refusing everyone nor no one", async () => {
    const unreachable = new Redis("redis://127.0.0.1:1", { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    unreachable.on("error", () => undefined);
    clients.push(unreachable);
    const limits = fresh({ kind: "redis", client: unreachable });
    const results = await Promise.all(Array.from({ length: 20 }, () => limits.takeSignInAttempt("ray@example.com", "192.0.2.77")));
    expect(allowed(results)).toBe(5);
  });
});

describe("rateLimitStoreFromEnv", () => {
  it("keeps counts in memory unless REDIS_URL is set", async () => {
    expect(rateLimitStoreFromEnv({})).toEqual({ kind: "memory" });
    expect(rateLimitStoreFromEnv({ REDIS_URL: "  " })).toEqual({ kind: "memory" });
    const store = rateLimitStoreFromEnv({ REDIS_URL: "redis://127.0.0.1:1" });
    expect(store.kind).toBe("redis");
    if (store.kind === "redis") store.client.disconnect();
  });
});
