import { describe, expect, it } from "vitest";
import { listAuditEvents } from "../../lib/data/audit";
import { getJourneyStructures } from "../../lib/data/journey-scores";
import { getOverview } from "../../lib/data/overview";
import { createMetric, createTouchpoint, getTouchpointsForAdmin, setMetricArchived, setTouchpointArchived, updateMetric, updateTouchpoint } from "../../lib/data/touchpoints-admin";
import { db } from "../../lib/db";
import { createMetricSchema, createTouchpointSchema, updateMetricSchema } from "../../lib/validation/touchpoints";
import { actorFor, refusal } from "./helpers";

async function place() {
  const arrive = await db.stage.findFirstOrThrow({ where: { name: "Arrive", journey: { slug: "dine-in" } } });
  const dine = await db.stage.findFirstOrThrow({ where: { name: "Dine", journey: { slug: "dine-in" } } });
  const foh = await db.department.findUniqueOrThrow({ where: { slug: "front-of-house" } });
  return { arrive, dine, foh };
}

describe("touchpoints and metrics (admin set-up)", () => {
  it("adds a touchpoint with a metric that shows on the overview at once (as stale), moves it, and audits it", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const { arrive, dine, foh } = await place();
    const cloakroom = await createTouchpoint(admin, createTouchpointSchema.parse({ stageId: String(arrive.id), departmentId: String(foh.id), name: "Cloakroom", weight: "0.5", momentOfTruth: "on" }));
    const metric = await createMetric(admin, createMetricSchema.parse({ touchpointId: String(cloakroom.id), name: "Coat wait", kind: "DURATION", unit: "min", direction: "LOWER_IS_BETTER", scaleBest: "0", scaleWorst: "15", target: "2", warningThreshold: "5", weight: "1" }));
    expect(metric).toMatchObject({ target: 2, warningThreshold: 5, scaleBest: 0, scaleWorst: 15 });

    const structure = (await getJourneyStructures()).find((j) => j.name === "Dine-in")!;
    expect(structure.touchpoints.find((t) => t.id === cloakroom.id)).toMatchObject({ weight: 0.5, momentOfTruth: true, metrics: [{ id: metric.id }] });
    const overview = (await getOverview()).journey!;
    expect(overview.stale.map((t) => t.name)).toContain("Cloakroom");

    await updateTouchpoint(admin, { ...cloakroom, stageId: dine.id, description: "Coats in, coats out", weight: 1, momentOfTruth: false });
    const moved = (await getTouchpointsForAdmin(admin, structure.id))!.stages.find((s) => s.id === dine.id)!.touchpoints.find((t) => t.id === cloakroom.id);
    expect(moved).toMatchObject({ description: "Coats in, coats out", momentOfTruth: false });
    await updateMetric(admin, updateMetricSchema.parse({ id: String(metric.id), name: "Coat wait", unit: "min", direction: "LOWER_IS_BETTER", scaleBest: "0", scaleWorst: "20", target: "3", warningThreshold: "", weight: "2" }));
    expect(await db.metric.findUniqueOrThrow({ where: { id: metric.id }, select: { kind: true, scaleWorst: true, target: true, warningThreshold: true, weight: true } })).toEqual({ kind: "DURATION", scaleWorst: 20, target: 3, warningThreshold: null, weight: 2 });
    const actions = (await listAuditEvents(admin)).events.slice(0, 4).map((e) => e.action);
    expect(actions).toEqual(["metric.update", "touchpoint.move", "metric.create", "touchpoint.create"]);
  });

  it("archives and restores touchpoints and metrics, keeping their figures", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const food = await db.touchpoint.findFirstOrThrow({ where: { name: "Food" }, select: { id: true, metrics: { select: { id: true } } } });
    const entries = await db.metricEntry.count({ where: { metric: { touchpointId: food.id } } });
    await setMetricArchived(admin, { id: food.metrics[0]!.id }, true);
    expect((await getJourneyStructures()).flatMap((j) => j.touchpoints).find((t) => t.id === food.id)!.metrics).toHaveLength(food.metrics.length - 1);
    await setTouchpointArchived(admin, { id: food.id }, true);
    expect((await getJourneyStructures()).flatMap((j) => j.touchpoints).some((t) => t.id === food.id)).toBe(false);
    await setTouchpointArchived(admin, { id: food.id }, false);
    await setMetricArchived(admin, { id: food.metrics[0]!.id }, false);
    expect((await getJourneyStructures()).flatMap((j) => j.touchpoints).find((t) => t.id === food.id)!.metrics).toHaveLength(food.metrics.length);
    expect(await db.metricEntry.count({ where: { metric: { touchpointId: food.id } } })).toBe(entries);
  });

  it("refuses a taken name, an archived department, and every role but admin, writing nothing", async () => {
    const admin = await actorFor("admin@touchline.demo");
    const { arrive, foh } = await place();
    const before = [await db.touchpoint.count(), await db.metric.count(), await db.auditEvent.count()];
    const host = { stageId: arrive.id, departmentId: foh.id, name: "Host stand welcome", description: "", weight: 1, momentOfTruth: false };
    expect(await refusal(createTouchpoint(admin, host))).toMatchObject({ code: "conflict", message: "This stage already has a touchpoint called “Host stand welcome” (perhaps archived)." });
    const archived = await db.department.create({ data: { name: "Old team", slug: "old-team", colour: "#000000", archivedAt: new Date() } });
    expect(await refusal(createTouchpoint(admin, { ...host, name: "New", departmentId: archived.id }))).toMatchObject({ code: "invalid", fields: { departmentId: "Choose an active department" } });
    const food = await db.touchpoint.findFirstOrThrow({ where: { name: "Food" }, select: { id: true } });
    for (const email of ["exec@touchline.demo", "kitchen@touchline.demo", "viewer@touchline.demo"]) {
      const actor = await actorFor(email);
      for (const attempt of [
        getTouchpointsForAdmin(actor),
        createTouchpoint(actor, { ...host, name: "X" }),
        updateTouchpoint(actor, { ...host, id: food.id }),
        setTouchpointArchived(actor, { id: food.id }, true),
        createMetric(actor, { touchpointId: food.id, name: "X", kind: "PERCENT", unit: "%", direction: "HIGHER_IS_BETTER", scaleBest: 100, scaleWorst: 0, weight: 1 }),
        updateMetric(actor, { id: 1, name: "X", unit: "%", direction: "HIGHER_IS_BETTER", scaleBest: 100, scaleWorst: 0, weight: 1 }),
      ]) {
        expect((await refusal(attempt)).code).toBe("forbidden");
      }
    }
    expect([await db.touchpoint.count(), await db.metric.count(), await db.auditEvent.count()]).toEqual(before);
  });
});
