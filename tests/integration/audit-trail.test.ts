// Every state-changing act that is not a figure is audited (figures have revisions), once, even
// when the same act arrives many times at once: period locks, share links, API keys.
import { describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "../../lib/data/api-keys";
import { setPeriodLock } from "../../lib/data/period-locks";
import { createShareLink, revokeShareLink } from "../../lib/data/share-links";
import { db } from "../../lib/db";
import { parsePeriodKey } from "../../lib/periods";
import { actorFor } from "./helpers";

const PARALLEL = 50;
const audits = (action: string) => db.auditEvent.findMany({ where: { action }, select: { actorId: true, entityId: true, before: true, after: true } });

describe("the audit log", () => {
  it("records a period locked by 50 parallel requests once, and unlocked once", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const periodStart = parsePeriodKey("2026-10-05")!;
    const locks = await Promise.all(Array.from({ length: PARALLEL }, () => setPeriodLock(admin, { periodStart, locked: true })));
    expect(locks.every((l) => l.locked)).toBe(true);
    expect(await db.periodLock.count({ where: { periodStart } })).toBe(1);
    expect(await audits("period.lock")).toEqual([{ actorId: admin.id, entityId: null, before: null, after: JSON.stringify({ periodStart: "2026-10-05", locked: true }) }]);

    await Promise.all(Array.from({ length: PARALLEL }, () => setPeriodLock(admin, { periodStart, locked: false })));
    expect(await db.periodLock.count({ where: { periodStart } })).toBe(0);
    expect(await audits("period.unlock")).toHaveLength(1);
  });

  it("records a share link's creation without its token, and 50 parallel revokes once", async () => {
    const kitchen = await actorFor("kitchen@touchline.demo");
    const food = await db.touchpoint.findFirstOrThrow({ where: { name: "Food" }, select: { id: true } });
    const { id, token } = await createShareLink(kitchen, { touchpointId: food.id, label: "For the owners", expires: "7", range: "latest" });
    const [created] = await audits("share-link.create");
    expect(created).toMatchObject({ actorId: kitchen.id, entityId: id });
    expect(JSON.parse(created!.after!)).toMatchObject({ id, touchpointId: food.id, label: "For the owners", rangeFrom: null, rangeTo: null });
    expect(created!.after).not.toContain(token);

    await Promise.all(Array.from({ length: PARALLEL }, () => revokeShareLink(kitchen, { id })));
    expect(await audits("share-link.revoke")).toEqual([expect.objectContaining({ actorId: kitchen.id, entityId: id })]);
  });

  it("records an API key's creation with its prefix, never the key, and 50 parallel revokes once", async () => {
    const kitchen = await actorFor("kitchen@touchline.demo");
    const { id, key, prefix } = await createApiKey(kitchen, { departmentId: kitchen.departmentIds[0]!, name: "Kitchen display" });
    const [created] = await audits("api-key.create");
    expect(JSON.parse(created!.after!)).toEqual({ departmentId: kitchen.departmentIds[0], name: "Kitchen display", prefix });
    expect(created!.after).not.toContain(key);

    await Promise.all(Array.from({ length: PARALLEL }, () => revokeApiKey(kitchen, { id })));
    expect(await audits("api-key.revoke")).toEqual([expect.objectContaining({ actorId: kitchen.id, entityId: id })]);
  });
});
