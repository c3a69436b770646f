import { describe, expect, it } from "vitest";
import { createShareLink, listShareLinks, recordShareView, resolveShareToken, revokeShareLink } from "../../lib/data/share-links";
import { db } from "../../lib/db";
import { hashSecret } from "../../lib/secrets";
import { createShareLinkSchema } from "../../lib/validation/share-link";
import { actorFor, refusal } from "./helpers";

const DAY = 86_400_000;
const NOW = new Date("2026-11-23T10:00:00Z");

async function food() {
  return db.touchpoint.findFirstOrThrow({ where: { name: "Food" }, select: { id: true } });
}
const input = (touchpointId: number, extra: Record<string, unknown> = {}) =>
  createShareLinkSchema.parse({ touchpointId: String(touchpointId), label: "Kitchen briefing", expires: "30", range: "latest", ...extra });

describe("share links", () => {
  it("stores only the hash of a 256-bit token that is never repeated", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const { id: touchpointId } = await food();
    const links = await Promise.all([createShareLink(kai, input(touchpointId), NOW), createShareLink(kai, input(touchpointId), NOW)]);
    for (const { id, token } of links) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 43 × 6 bits ≥ 256 bits of randomBytes(32)
      const row = await db.shareLink.findUniqueOrThrow({ where: { id } });
      expect(row.tokenHash).toBe(hashSecret(token));
      // No column holds the token or any long piece of it.
      expect(JSON.stringify(row)).not.toContain(token.slice(0, 16));
      expect(row).toMatchObject({ label: "Kitchen briefing", createdById: kai.id, viewCount: 0, expiresAt: new Date(NOW.getTime() + 30 * DAY) });
    }
    expect(links[0]!.token).not.toBe(links[1]!.token);
    expect(await resolveShareToken(links[0]!.token, NOW)).toMatchObject({ touchpointId, range: null });
  });

  it("lets executives, admins and the owning department's head share; refuses others and writes nothing", async () => {
    const { id: touchpointId } = await food();
    for (const email of ["exec@touchline.demo", "admin@touchline.demo"]) {
      expect((await createShareLink(await actorFor(email), input(touchpointId), NOW)).token).toBeTruthy();
    }
    const before = await db.shareLink.count();
    for (const email of ["viewer@touchline.demo", "foh@touchline.demo"]) {
      const error = await refusal(createShareLink(await actorFor(email), input(touchpointId), NOW));
      expect(error.code).toBe("forbidden");
      expect(error.message).toBe("Only executives, admins and the heads of the touchpoint's department can create its share links.");
      expect((await refusal(listShareLinks(await actorFor(email), touchpointId))).code).toBe("forbidden");
    }
    expect(await db.shareLink.count()).toBe(before);
    expect((await refusal(createShareLink(await actorFor("exec@touchline.demo"), input(999_999), NOW))).code).toBe("not_found");
  });

  it("expires after the chosen days, or never", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const { id: touchpointId } = await food();
    const week = await createShareLink(kai, input(touchpointId, { expires: "7" }), NOW);
    expect(await resolveShareToken(week.token, new Date(NOW.getTime() + 7 * DAY - 1))).not.toBeNull();
    expect(await resolveShareToken(week.token, new Date(NOW.getTime() + 7 * DAY))).toBeNull();
    const forever = await createShareLink(kai, input(touchpointId, { expires: "never" }), NOW);
    expect(await db.shareLink.findUniqueOrThrow({ where: { id: forever.id }, select: { expiresAt: true } })).toEqual({ expiresAt: null });
    expect(await resolveShareToken(forever.token, new Date(NOW.getTime() + 3650 * DAY))).not.toBeNull();
    const listed = await listShareLinks(kai, touchpointId, new Date(NOW.getTime() + 8 * DAY));
    expect(listed.find((l) => l.id === week.id)!.status).toBe("expired");
    expect(listed.find((l) => l.id === forever.id)!.status).toBe("active");
  });

  it("revokes at once, only for those who may share, and counts views until then", async () => {
    const kai = await actorFor("kitchen@touchline.demo");
    const { id: touchpointId } = await food();
    const link = await createShareLink(kai, input(touchpointId), NOW);
    const live = (await resolveShareToken(link.token, NOW))!;
    await recordShareView(live.id, NOW);
    await recordShareView(live.id, new Date(NOW.getTime() + 1000));
    expect(await db.shareLink.findUniqueOrThrow({ where: { id: link.id }, select: { viewCount: true, lastViewedAt: true } })).toEqual({
      viewCount: 2,
      lastViewedAt: new Date(NOW.getTime() + 1000),
    });

    expect((await refusal(revokeShareLink(await actorFor("foh@touchline.demo"), { id: link.id }))).code).toBe("forbidden");
    expect(await resolveShareToken(link.token, NOW)).not.toBeNull();
    await revokeShareLink(kai, { id: link.id }, NOW);
    await revokeShareLink(kai, { id: link.id }, new Date(NOW.getTime() + DAY)); // again: no change
    expect(await resolveShareToken(link.token, NOW)).toBeNull();
    expect(await db.shareLink.findUniqueOrThrow({ where: { id: link.id }, select: { revokedAt: true } })).toEqual({ revokedAt: NOW });
    expect((await listShareLinks(kai, touchpointId)).find((l) => l.id === link.id)).toMatchObject({ status: "revoked", viewCount: 2 });
    expect((await refusal(revokeShareLink(kai, { id: 999_999 }))).code).toBe("not_found");
  });

  it("keeps a fixed range, which must be made of started periods", async () => {
    const exec = await actorFor("exec@touchline.demo");
    const { id: touchpointId } = await food();
    const fixed = await createShareLink(exec, input(touchpointId, { range: "fixed", from: "2026-05-04", to: "2026-06-29" }), NOW);
    expect((await resolveShareToken(fixed.token, NOW))!.range).toEqual({ from: "2026-05-04", to: "2026-06-29" });
    const notMonday = await refusal(createShareLink(exec, input(touchpointId, { range: "fixed", from: "2026-05-05", to: "2026-06-29" }), NOW));
    expect(notMonday).toMatchObject({ code: "invalid", message: "A fixed range must start and end on period starts." });
    const future = await refusal(createShareLink(exec, input(touchpointId, { range: "fixed", from: "2026-05-04", to: "2027-01-04" }), NOW));
    expect(future).toMatchObject({ code: "invalid", message: "A fixed range cannot end in the future." });
  });

  it("answers null alike for malformed, unknown and archived-touchpoint tokens", async () => {
    const exec = await actorFor("exec@touchline.demo");
    const { id: touchpointId } = await food();
    const link = await createShareLink(exec, input(touchpointId), NOW);
    expect(await resolveShareToken("not-a-token", NOW)).toBeNull();
    expect(await resolveShareToken("A".repeat(43), NOW)).toBeNull();
    await db.touchpoint.update({ where: { id: touchpointId }, data: { archivedAt: NOW } });
    expect(await resolveShareToken(link.token, NOW)).toBeNull();
  });
});
