import { describe, expect, it } from "vitest";
import { listAuditEvents } from "../../lib/data/audit";
import { getJourneyStructures } from "../../lib/data/journey-scores";
import { addStage, createJourney, listJourneysForAdmin, moveStage, renameStage, setJourneyArchived, setStageArchived, updateJourney } from "../../lib/data/journeys-admin";
import { db } from "../../lib/db";
import { actorFor, refusal } from "./helpers";

const stageNames = async (journeyId: number) => (await listJourneysForAdmin(await actorFor("admin@touchline.demo"))).find((j) => j.id === journeyId)!.stages.filter((s) => !s.archived).map((s) => s.name);

describe("journeys and stages (admin set-up)", () => {
  it("builds a journey stage by stage, reorders it, and audits every step", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const events = await createJourney(admin, { name: "Private events", description: "From enquiry to thank-you" });
    for (const name of ["Enquire", "Plan", "Host"]) await addStage(admin, { journeyId: events.id, name });
    expect(await stageNames(events.id)).toEqual(["Enquire", "Plan", "Host"]);

    const host = (await db.stage.findFirstOrThrow({ where: { journeyId: events.id, name: "Host" } })).id;
    expect(await moveStage(admin, { id: host, direction: "up" })).toEqual({ id: host, moved: true });
    expect(await stageNames(events.id)).toEqual(["Enquire", "Host", "Plan"]);
    const enquire = (await db.stage.findFirstOrThrow({ where: { journeyId: events.id, name: "Enquire" } })).id;
    expect(await moveStage(admin, { id: enquire, direction: "up" })).toEqual({ id: enquire, moved: false });
    await renameStage(admin, { id: host, name: "Host the event" });
    await updateJourney(admin, { id: events.id, name: "Private events & parties", description: "" });

    const structure = (await getJourneyStructures()).find((j) => j.id === events.id)!;
    expect(structure.stages.map((s) => s.name)).toEqual(["Enquire", "Host the event", "Plan"]);
    const actions = (await listAuditEvents(admin)).events.slice(0, 8).map((e) => e.action);
    expect(actions).toEqual(["journey.update", "stage.update", "stage.move", "stage.create", "stage.create", "stage.create", "journey.create", ...actions.slice(7)]);
  });

  it("refuses duplicate names with a clear message and writes nothing", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const dineIn = await db.journey.findUniqueOrThrow({ where: { slug: "dine-in" } });
    const audit = await db.auditEvent.count();
    expect(await refusal(createJourney(admin, { name: "Dine-in", description: "" }))).toMatchObject({ code: "conflict", message: "There is already a journey called “Dine-in” (perhaps archived). Choose another name or restore that one." });
    expect(await refusal(addStage(admin, { journeyId: dineIn.id, name: "Dine" }))).toMatchObject({ code: "conflict", message: "This journey already has a stage called “Dine” (perhaps archived)." });
    expect(await db.auditEvent.count()).toBe(audit);
  });

  it("keeps stages with touchpoints, archives empty ones and journeys out of the overview, and restores them", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const dine = await db.stage.findFirstOrThrow({ where: { name: "Dine", journey: { slug: "dine-in" } } });
    expect((await refusal(setStageArchived(admin, { id: dine.id }, true))).message).toMatch(/^Dine still holds \d+ active touchpoints\. Move them to another stage or archive them first\.$/);

    const dineIn = await db.journey.findUniqueOrThrow({ where: { slug: "dine-in" } });
    const extra = await addStage(admin, { journeyId: dineIn.id, name: "Recommend" });
    await setStageArchived(admin, { id: extra.id }, true);
    expect((await getJourneyStructures()).find((j) => j.id === dineIn.id)!.stages.some((s) => s.id === extra.id)).toBe(false);
    await setStageArchived(admin, { id: extra.id }, false);
    expect((await getJourneyStructures()).find((j) => j.id === dineIn.id)!.stages.at(-1)!.name).toBe("Recommend");

    const entries = await db.metricEntry.count();
    await setJourneyArchived(admin, { id: dineIn.id }, true);
    expect((await getJourneyStructures()).map((j) => j.name)).not.toContain("Dine-in");
    await setJourneyArchived(admin, { id: dineIn.id }, false);
    expect((await getJourneyStructures()).map((j) => j.name).slice(0, 2)).toEqual(["Dine-in", "Online order"]);
    expect(await db.metricEntry.count()).toBe(entries);
  });

  it("refuses every role but admin and writes nothing", async () => {
    const dineIn = await db.journey.findUniqueOrThrow({ where: { slug: "dine-in" } });
    const stage = await db.stage.findFirstOrThrow({ where: { journeyId: dineIn.id } });
    const before = [await db.journey.count(), await db.stage.count(), await db.auditEvent.count()];
    for (const email of ["exec@touchline.demo", "kitchen@touchline.demo", "viewer@touchline.demo"]) {
      const actor = await actorFor(email);
      for (const attempt of [
        listJourneysForAdmin(actor),
        createJourney(actor, { name: "X", description: "" }),
        updateJourney(actor, { id: dineIn.id, name: "X", description: "" }),
        setJourneyArchived(actor, { id: dineIn.id }, true),
        addStage(actor, { journeyId: dineIn.id, name: "X" }),
        renameStage(actor, { id: stage.id, name: "X" }),
        moveStage(actor, { id: stage.id, direction: "down" }),
        setStageArchived(actor, { id: stage.id }, true),
      ]) {
        expect((await refusal(attempt)).code).toBe("forbidden");
      }
    }
    expect([await db.journey.count(), await db.stage.count(), await db.auditEvent.count()]).toEqual(before);
  });
});
