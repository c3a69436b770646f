import { describe, expect, it } from "vitest";
import { POST } from "../../app/api/v1/entries/route";
import { createApiKey, listApiKeys, revokeApiKey } from "../../lib/data/api-keys";
import { db } from "../../lib/db";
import { DomainError } from "../../lib/errors";
import { parsePeriodKey } from "../../lib/periods";
import { actorFor, entryCounts, metricNamed } from "./helpers";

const OPEN_WEEK = "2026-11-23";

async function kitchenKey() {
  const kai = await actorFor("kitchen@touchline.demo");
  return createApiKey(kai, { departmentId: kai.departmentIds[0]!, name: "Kitchen display system" });
}

function post(body: unknown, { key, contentType = "application/json", raw }: { key?: string; contentType?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { "content-type": contentType };
  if (key) headers.authorization = `Bearer ${key}`;
  return POST(new Request("http://localhost/api/v1/entries", { method: "POST", headers, body: raw ?? JSON.stringify(body) }));
}

describe("POST /api/v1/entries", () => {
  it("saves a batch, idempotently, with the key as the author of every revision", async () => {
    const { key, id } = await kitchenKey();
    const ticket = await metricNamed("Food", "Ticket time");
    const complaints = await metricNamed("Food", "Food complaints");
    const body = {
      entries: [
        { metricId: ticket.id, periodStart: OPEN_WEEK, value: 14.5, sampleSize: 1800, source: "OPERATIONAL" },
        { metricId: complaints.id, periodStart: OPEN_WEEK, value: 3, source: "OPERATIONAL", note: "From the KDS" },
      ],
    };
    const first = await post(body, { key });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ saved: 2, unchanged: 0, received: 2 });

    const again = await post(body, { key });
    expect(await again.json()).toEqual({ saved: 0, unchanged: 2, received: 2 });

    const entry = await db.metricEntry.findUniqueOrThrow({
      where: { metricId_periodStart: { metricId: ticket.id, periodStart: parsePeriodKey(OPEN_WEEK)! } },
      include: { revisions: true },
    });
    expect(entry).toMatchObject({ value: 14.5, sampleSize: 1800, enteredById: null });
    expect(entry.revisions).toEqual([expect.objectContaining({ apiKeyId: id, changedById: null, newValue: 14.5 })]);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
  });

  it.each([
    ["no Authorization header", undefined, "Send your API key as: Authorization: Bearer <key>"],
    ["an unknown key", "tl_not-a-real-key", "This API key is not valid or has been revoked."],
    ["a value that is not a Touchline key", "abc", "This API key is not valid or has been revoked."],
  ])("answers 401 for %s", async (_case, key, message) => {
    const response = await post({ entries: [] }, { key });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="touchline"');
    expect(await response.json()).toEqual({ error: message });
  });

  it("answers 401 once a key is revoked", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const { key, id } = await kitchenKey();
    await revokeApiKey(kai, { id });
    expect((await post({ entries: [] }, { key })).status).toBe(401);
  });

  it.each([
    ["a form body", { contentType: "application/x-www-form-urlencoded", raw: "a=1" }, 415, "Send JSON with Content-Type: application/json."],
    ["malformed JSON", { raw: '{"entries": [' }, 400, "The body is not valid JSON."],
    ["JSON that is not an object", { raw: "[1,2]" }, 400, 'Send a JSON object: { "entries": [ … ] }'],
    ["entries that is not a list", { raw: '{"entries": 5}' }, 400, "entries must be a list"],
    ["an empty list", { raw: '{"entries": []}' }, 422, "entries is empty: nothing to save."],
    ["a number too large for JSON (1e999 reads as Infinity)", { raw: '{"entries": [{"metricId": 1, "periodStart": "2026-11-16", "value": 1e999}]}' }, 422, "Some entries are not valid; nothing was saved."],
    ["more than 10,000 entries", { raw: JSON.stringify({ entries: Array.from({ length: 10_001 }, () => ({})) }) }, 413, "At most 10,000 entries per request; this one has 10,001."],
    ["a body over 4 MB", { raw: JSON.stringify({ entries: [{ note: "x".repeat(4 * 1024 * 1024) }] }) }, 413, "The body is larger than 4 MB; send fewer entries per request."],
  ])("refuses %s and writes nothing", async (_case, options, status, message) => {
    const { key } = await kitchenKey();
    const before = await entryCounts();
    const response = await post(null, { key, ...options });
    expect(response.status).toBe(status);
    expect((await response.json()).error).toBe(message);
    expect(await entryCounts()).toEqual(before);
  });

  it("answers 422 with each bad entry's index and reason, and writes none of the batch", async () => {
    const { key } = await kitchenKey();
    const rating = await metricNamed("Food", "Food rating");
    const before = await entryCounts();
    const response = await post(
      {
        entries: [
          { metricId: rating.id, periodStart: OPEN_WEEK, value: 4.4 },
          { metricId: rating.id, periodStart: "2026-13-40", value: 4.4 },
          { metricId: "twelve", periodStart: OPEN_WEEK, value: 4.4 },
          { metricId: rating.id, periodStart: "2026-11-16", value: "lots" },
        ],
      },
      { key },
    );
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error).toBe("Some entries are not valid; nothing was saved.");
    expect(body.errors).toEqual([
      { index: 1, code: "invalid", field: "periodStart", message: "Period must be a date like 2026-11-16" },
      { index: 2, code: "invalid", field: "metricId", message: "Metric must be a number" },
    ]);
    expect(await entryCounts()).toEqual(before);

    // Shape is fine, but the value does not fit the metric: found when the metric is known.
    const second = await post({ entries: [{ metricId: rating.id, periodStart: OPEN_WEEK, value: 9 }, { metricId: rating.id, periodStart: "2026-11-16", value: "lots" }] }, { key });
    expect(second.status).toBe(422);
    expect((await second.json()).errors).toEqual([
      { index: 0, code: "invalid", field: "value", message: "Value must be between 1 and 5" },
      { index: 1, code: "invalid", field: "value", message: "Enter a number such as 4.5" },
    ]);
    expect(await entryCounts()).toEqual(before);
  });

  it("answers 403 for another department's metric, and writes none of the batch", async () => {
    const { key } = await kitchenKey();
    const own = await metricNamed("Food", "Food rating");
    const other = await metricNamed("Drinks", "Drink rating");
    const before = await entryCounts();
    const response = await post({ entries: [{ metricId: own.id, periodStart: OPEN_WEEK, value: 4.4 }, { metricId: other.id, periodStart: OPEN_WEEK, value: 4.4 }] }, { key });
    expect(response.status).toBe(403);
    expect((await response.json()).errors).toEqual([
      { index: 1, code: "forbidden", field: "metricId", message: "You can only enter figures for the departments you head (not Bar)" },
    ]);
    expect(await entryCounts()).toEqual(before);
  });
});

describe("API keys", () => {
  it("stores only a hash and a short prefix, and lists keys without either secret", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const { key, prefix } = await kitchenKey();
    expect(key).toMatch(/^tl_[A-Za-z0-9_-]{40}$/);
    const row = await db.apiKey.findFirstOrThrow({ where: { prefix } });
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key.slice(prefix.length));
    const listed = await listApiKeys(kai, kai.departmentIds[0]!);
    expect(listed[0]).toEqual(expect.objectContaining({ name: "Kitchen display system", prefix, createdBy: "Kai Chen", revokedAt: null }));
    expect(Object.keys(listed[0]!)).not.toContain("hash");
  });

  it.each([
    ["another department's head", "foh@touchline.demo"],
    ["an executive", "exec@touchline.demo"],
    ["a viewer", "viewer@touchline.demo"],
  ])("refuses %s creating, listing or revoking a kitchen key, and writes nothing", async (_who, email) => {
    const kitchen = (await db.department.findUniqueOrThrow({ where: { slug: "kitchen" } })).id;
    const { id } = await kitchenKey();
    const actor = await actorFor(email);
    const codes = await Promise.all([
      createApiKey(actor, { departmentId: kitchen, name: "Sneaky" }).catch((e: DomainError) => e.code),
      listApiKeys(actor, kitchen).catch((e: DomainError) => e.code),
      revokeApiKey(actor, { id }).catch((e: DomainError) => e.code),
    ]);
    expect(codes).toEqual(["forbidden", "forbidden", "forbidden"]);
    expect(await db.apiKey.count({ where: { name: "Sneaky" } })).toBe(0);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });

  it("lets an admin manage any department's keys", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const bar = (await db.department.findUniqueOrThrow({ where: { slug: "bar" } })).id;
    const { id } = await createApiKey(admin, { departmentId: bar, name: "Bar till" });
    await revokeApiKey(admin, { id });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).not.toBeNull();
  });
});
