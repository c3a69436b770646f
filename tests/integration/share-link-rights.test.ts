import { describe, expect, it } from "vitest";
import { setPersonActive, updatePerson } from "../../lib/data/people";
import { CREATOR_CANNOT_SHARE, createShareLink, listShareLinks, resolveShareToken } from "../../lib/data/share-links";
import { updateTouchpoint } from "../../lib/data/touchpoints-admin";
import { db } from "../../lib/db";
import { createShareLinkSchema } from "../../lib/validation/share-link";
import { actorFor } from "./helpers";

const link = (touchpointId: number, label = "Team briefing") => createShareLinkSchema.parse({ touchpointId: String(touchpointId), label, expires: "30", range: "latest" });
const touchpointOf = async (department: string) => db.touchpoint.findFirstOrThrow({ where: { department: { slug: department }, archivedAt: null }, select: { id: true, stageId: true, departmentId: true, name: true, description: true, weight: true, momentOfTruth: true } });
const reasonOf = async (id: number) => (await db.shareLink.findUniqueOrThrow({ where: { id } })).revokedReason;

describe("share links follow their creator's right to share", () => {
  it("deactivating a head revokes their links, not others' to the same touchpoint, and reactivating revives none", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const kai = await actorFor("kitchen@touchline.demo");
    const morgan = await actorFor("exec@touchline.demo");
    const food = await touchpointOf("kitchen");
    const kais = await createShareLink(kai, link(food.id, "Kai's"));
    const morgans = await createShareLink(morgan, link(food.id, "Morgan's"));
    expect(await resolveShareToken(kais.token)).not.toBeNull();

    const result = await setPersonActive(admin, { id: kai.id }, false);
    expect(result.revokedShareLinks).toBe(1);
    expect(await resolveShareToken(kais.token)).toBeNull();
    expect(await reasonOf(kais.id)).toBe(CREATOR_CANNOT_SHARE);
    expect(await resolveShareToken(morgans.token)).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "person.deactivate", entityId: kai.id } });
    expect(JSON.parse(audit.after!)).toMatchObject({ revokedShareLinks: 1 });

    await setPersonActive(admin, { id: kai.id }, true);
    expect(await resolveShareToken(kais.token)).toBeNull();
    // The share list says why.
    const listed = (await listShareLinks(morgan, food.id)).find((l) => l.id === kais.id);
    expect(listed).toMatchObject({ status: "revoked", revokedReason: "its creator can no longer share this touchpoint" });
  });

  it("leaving the department revokes the links to its touchpoints only; a role that shares everything keeps them", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const fran = await actorFor("foh@touchline.demo");
    const [frontOfHouse, bar] = await Promise.all([touchpointOf("front-of-house"), touchpointOf("bar")]);
    const fohLink = await createShareLink(fran, link(frontOfHouse.id));
    const barLink = await createShareLink(fran, link(bar.id));
    const barId = (await db.department.findUniqueOrThrow({ where: { slug: "bar" } })).id;

    expect((await updatePerson(admin, { id: fran.id, role: "DEPARTMENT_HEAD", departmentIds: [barId] })).revokedShareLinks).toBe(1);
    expect(await resolveShareToken(fohLink.token)).toBeNull();
    expect(await reasonOf(fohLink.id)).toBe(CREATOR_CANNOT_SHARE);
    expect(await resolveShareToken(barLink.token)).not.toBeNull();

    // An executive may share any touchpoint: the bar link stays; a viewer may share none.
    expect((await updatePerson(admin, { id: fran.id, role: "EXECUTIVE", departmentIds: [] })).revokedShareLinks).toBe(0);
    expect(await resolveShareToken(barLink.token)).not.toBeNull();
    expect((await updatePerson(admin, { id: fran.id, role: "VIEWER", departmentIds: [] })).revokedShareLinks).toBe(1);
    expect(await resolveShareToken(barLink.token)).toBeNull();
  });

  it("moving a touchpoint to another department revokes its old heads' links", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const cleo = await actorFor("care@touchline.demo");
    const morgan = await actorFor("exec@touchline.demo");
    const care = await touchpointOf("customer-care");
    const cleos = await createShareLink(cleo, link(care.id));
    const morgans = await createShareLink(morgan, link(care.id));
    const facilities = await db.department.findUniqueOrThrow({ where: { slug: "facilities" } });
    const { id, ...fields } = care;
    await updateTouchpoint(admin, { id, ...fields, departmentId: facilities.id });
    expect(await resolveShareToken(cleos.token)).toBeNull();
    expect(await reasonOf(cleos.id)).toBe(CREATOR_CANNOT_SHARE);
    expect(await resolveShareToken(morgans.token)).not.toBeNull();
  });

  it("a link made while its maker is removed from the department never outlives the removal (20 at once)", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const maya = await actorFor("marketing@touchline.demo");
    const ad = await touchpointOf("marketing");
    const digital = (await db.department.findUniqueOrThrow({ where: { slug: "digital" } })).id;
    const made = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, i) => createShareLink(maya, link(ad.id, `Race ${i}`))),
      updatePerson(admin, { id: maya.id, role: "DEPARTMENT_HEAD", departmentIds: [digital] }),
    ]);
    expect(made.at(-1)!.status).toBe("fulfilled");
    const live = await db.shareLink.count({ where: { createdById: maya.id, touchpointId: ad.id, revokedAt: null } });
    expect(live).toBe(0);
    // Every link made went live before the removal (and was revoked with it) or was refused after it.
    for (const outcome of made.slice(0, 20)) {
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "forbidden" });
    }
  });
});
