import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "../../lib/data/users";

// The server actions run as they do in the app, with the signed-in user swapped for each test
// and Next's cache invalidation (which needs a request) stubbed.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("../../lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { recordChangeAction, updateChangeAction } = await import("../../app/(app)/changes/actions");
const { getProcessChange, listProcessChanges } = await import("../../lib/data/process-changes");
const { getOverview } = await import("../../lib/data/overview");
const { organisationToday } = await import("../../lib/data/organisation");
const { getTouchpointReport, publicReport } = await import("../../lib/data/touchpoint-report");
const { db } = await import("../../lib/db");
const { parsePeriodKey } = await import("../../lib/periods");
const { actorFor, rolledUp } = await import("./helpers");

/** The integration seed's "now" (global-setup.ts): the current week starts Monday 23 Nov 2026. */
const NOW = new Date("2026-11-25T12:00:00Z");

const touchpoint = (name: string) => db.touchpoint.findFirstOrThrow({ where: { name }, select: { id: true, departmentId: true } });
const answered = (text: string) => ({ noImpact: false, text });
const change = (touchpointIds: number[], extra: Record<string, unknown> = {}) => ({
  title: "Handheld card readers at every table",
  effectiveDate: "2026-11-04",
  touchpointIds,
  answers: {
    impact: answered("Guests pay at the table instead of queueing at the till."),
    customerView: answered("The waiter brings the reader with the bill."),
    customerResponse: answered("Fewer complaints about waiting to pay."),
    customerFindsOut: { noImpact: true, text: "" },
    customerFeedback: answered("The receipt links to the table survey."),
  },
  ...extra,
});

async function signIn(email: string) {
  session.user = await actorFor(email);
  return session.user;
}
afterEach(() => {
  session.user = null;
});

/** Everything a refused or invalid request must leave as it was. */
const counts = async () => ({ changes: await db.processChange.count(), links: await db.processChangeTouchpoint.count(), audit: await db.auditEvent.count() });

describe("process changes", () => {
  it("lets an admin record a change for any department, with its touchpoints, answers and an audit entry", async () => {
    const admin = await signIn("admin@touchline.demo");
    const [bill, checkout] = await Promise.all([touchpoint("Bill & payment"), touchpoint("Checkout")]);
    const result = await recordChangeAction(change([bill.id, checkout.id, bill.id], { title: "  Pay at the table  " }));
    expect(result).toMatchObject({ ok: true });
    const id = (result as { data: { id: number } }).data.id;

    const row = await db.processChange.findUniqueOrThrow({ where: { id }, include: { touchpoints: true } });
    expect(row).toMatchObject({
      title: "Pay at the table",
      effectiveDate: new Date("2026-11-04T00:00:00Z"),
      impact: "Guests pay at the table instead of queueing at the till.",
      customerFindsOut: null,
      authorId: admin.id,
    });
    expect(row.touchpoints.map((t) => t.touchpointId).sort()).toEqual([bill.id, checkout.id].sort());

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entity: "ProcessChange", entityId: id } });
    expect(audit).toMatchObject({ action: "change.create", actorId: admin.id, before: null });
    expect(JSON.parse(audit.after!)).toMatchObject({ title: "Pay at the table", effectiveDate: "2026-11-04", touchpoints: "Bill & payment, Checkout", customerFindsOut: "No impact" });
  });

  it("lets a head record for their own department's touchpoints and refuses another department's, writing nothing", async () => {
    await signIn("kitchen@touchline.demo");
    const [food, waiter] = await Promise.all([touchpoint("Food"), touchpoint("Waiter service")]);
    expect(await recordChangeAction(change([food.id], { title: "Second expediter on the pass" }))).toMatchObject({ ok: true });

    const before = await counts();
    expect(await recordChangeAction(change([food.id, waiter.id]))).toEqual({
      ok: false,
      code: "forbidden",
      message: "You cannot record changes for Waiter service: it belongs to Front of House, and only its heads and admins can.",
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses executives, viewers and the signed-out, writing nothing", async () => {
    const { id } = await touchpoint("Food");
    const before = await counts();
    for (const email of ["exec@touchline.demo", "viewer@touchline.demo"]) {
      await signIn(email);
      expect(await recordChangeAction(change([id]))).toMatchObject({ ok: false, code: "forbidden", message: "You cannot record changes for Food: it belongs to Kitchen, and only its heads and admins can." });
    }
    session.user = null;
    expect(await recordChangeAction(change([id]))).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await counts()).toEqual(before);
  });

  it("refuses archived and unknown touchpoints, writing nothing", async () => {
    await signIn("admin@touchline.demo");
    const entrance = await touchpoint("Entrance & parking");
    const before = await counts();
    await db.touchpoint.update({ where: { id: entrance.id }, data: { archivedAt: NOW } });
    try {
      expect(await recordChangeAction(change([entrance.id]))).toEqual({
        ok: false,
        code: "invalid",
        message: "Entrance & parking is archived; changes can be recorded only for active touchpoints.",
        fields: { touchpointIds: "Entrance & parking is archived; changes can be recorded only for active touchpoints." },
      });
    } finally {
      await db.touchpoint.update({ where: { id: entrance.id }, data: { archivedAt: null } });
    }
    expect(await recordChangeAction(change([999_999]))).toMatchObject({ ok: false, code: "invalid", fields: { touchpointIds: "A chosen touchpoint no longer exists" } });
    expect(await counts()).toEqual(before);
  });

  it("answers invalid input with a message per field and writes nothing", async () => {
    await signIn("kitchen@touchline.demo");
    const { id } = await touchpoint("Food");
    const before = await counts();
    const unanswered = change([id]);
    unanswered.answers.customerResponse = answered(" ");
    expect(await recordChangeAction(unanswered)).toEqual({
      ok: false,
      code: "invalid",
      message: "Answer “How will my customer respond?” or mark it “No impact”",
      fields: { "answers.customerResponse": "Answer “How will my customer respond?” or mark it “No impact”" },
    });
    const result = await recordChangeAction(change([], { title: "x", effectiveDate: "2026-02-30" }));
    expect(result).toMatchObject({
      ok: false,
      fields: { title: "A title needs at least 3 characters", effectiveDate: "The date must be a real date like 2026-11-16", touchpointIds: "Choose at least one touchpoint the change affects" },
    });
    expect(await recordChangeAction("not an object")).toMatchObject({ ok: false, code: "invalid" });
    expect(await counts()).toEqual(before);
  });

  it("lets those who may record for every touchpoint of a change edit it, and no one else", async () => {
    const [food, foodOnDelivery, waiter] = await Promise.all([touchpoint("Food"), touchpoint("Food on delivery"), touchpoint("Waiter service")]);
    const admin = await signIn("admin@touchline.demo");
    const shared = await recordChangeAction(change([food.id, waiter.id], { title: "Plates run by the waiters" }));
    const id = (shared as { data: { id: number } }).data.id;

    // Kai runs the kitchen, not front of house: he may read the change but not edit it.
    const kai = await signIn("kitchen@touchline.demo");
    expect((await getProcessChange(kai, id, NOW))!.canEdit).toBe(false);
    const before = await counts();
    expect(await updateChangeAction({ ...change([food.id]), id })).toMatchObject({ ok: false, code: "forbidden", message: "You cannot edit this change: it affects Waiter service, which belongs to Front of House, and only its heads and admins can." });
    expect(await counts()).toEqual(before);

    // His own change: he may edit it, but not widen it to another department.
    const own = await db.processChange.findFirstOrThrow({ where: { title: "Second expediter on the pass" }, select: { id: true } });
    expect((await getProcessChange(kai, own.id, NOW))!.canEdit).toBe(true);
    expect(await updateChangeAction({ ...change([food.id, waiter.id]), id: own.id })).toMatchObject({ ok: false, code: "forbidden" });
    const edited = await updateChangeAction({ ...change([food.id, foodOnDelivery.id], { title: "Second expediter on the pass at dinner" }), id: own.id });
    expect(edited).toEqual({ ok: true, data: { id: own.id } });
    const row = await db.processChange.findUniqueOrThrow({ where: { id: own.id }, include: { touchpoints: true } });
    expect(row.title).toBe("Second expediter on the pass at dinner");
    expect(row.touchpoints.map((t) => t.touchpointId).sort()).toEqual([food.id, foodOnDelivery.id].sort());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entity: "ProcessChange", entityId: own.id, action: "change.update" } });
    expect(JSON.parse(audit.before!)).toMatchObject({ title: "Second expediter on the pass", touchpoints: "Food" });
    expect(JSON.parse(audit.after!)).toMatchObject({ title: "Second expediter on the pass at dinner", touchpoints: "Food, Food on delivery" });

    // Executives and viewers read changes but edit none; an unknown change is not found.
    for (const email of ["exec@touchline.demo", "viewer@touchline.demo"]) {
      const reader = await signIn(email);
      expect((await getProcessChange(reader, own.id, NOW))!.canEdit).toBe(false);
      expect(await updateChangeAction({ ...change([food.id]), id: own.id })).toMatchObject({ ok: false, code: "forbidden" });
    }
    await signIn("admin@touchline.demo");
    expect((await getProcessChange(admin, id, NOW))!.canEdit).toBe(true);
    expect(await updateChangeAction({ ...change([food.id]), id: 999_999 })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("lists changes newest first, filtered by department and by touchpoint", async () => {
    const viewer = await actorFor("viewer@touchline.demo");
    const [food, bill] = await Promise.all([touchpoint("Food"), touchpoint("Bill & payment")]);
    const all = await listProcessChanges(viewer, { page: 1 }, NOW);
    const dates = all.changes.map((c) => c.effectiveDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(all.total).toBe(await db.processChange.count());

    const kitchen = await listProcessChanges(viewer, { departmentId: food.departmentId, page: 1 }, NOW);
    expect(kitchen.changes.map((c) => c.title)).toEqual(expect.arrayContaining(["Second expediter on the pass at dinner", "Plates run by the waiters"]));
    expect(kitchen.changes.every((c) => c.touchpoints.some((t) => t.department.id === food.departmentId))).toBe(true);
    expect(kitchen.changes.map((c) => c.title)).not.toContain("Pay at the table");

    const billChanges = await listProcessChanges(viewer, { touchpointId: bill.id, page: 1 }, NOW);
    expect(billChanges.changes.map((c) => c.title)).toEqual(["Pay at the table"]);
    const both = await listProcessChanges(viewer, { departmentId: food.departmentId, touchpointId: bill.id, page: 1 }, NOW);
    expect(both.total).toBe(0);
  });

  it("compares a touchpoint's score before and after a change, as worked out by hand from the seeded figures", async () => {
    const viewer = await actorFor("viewer@touchline.demo");
    const bill = await touchpoint("Bill & payment");
    const [pay] = (await listProcessChanges(viewer, { touchpointId: bill.id, page: 1 }, NOW)).changes;
    // Bill & payment has one metric, Time to pay (best 1 min, worst 15): score = 100 × (15 − v) / 14.
    // Effective Wed 4 Nov 2026 → week of 2 Nov; weeks from then to the current week (23 Nov): 4, so w = 4.
    const raw = await db.metricEntry.findMany({
      where: { metric: { touchpointId: bill.id }, periodStart: { gte: parsePeriodKey("2026-10-05")!, lt: parsePeriodKey("2026-11-30")! } },
      orderBy: { periodStart: "asc" },
      select: { value: true, sampleSize: true },
    });
    // The seeded figures: 5, 12, 19, 26 Oct | 2, 9, 16 Nov (23 Nov, the current week, has none).
    expect(raw.map((r) => r.value)).toEqual([4.3, 3.6, 3.7, 2.8, 4.4, 4.5, 5]);
    expect(raw.map((r) => r.sampleSize)).toEqual([1193, 1246, 1346, 1323, 1246, 1318, 1395]);
    // Each side's time to pay is its weeks' figures weighted by sample size (docs/scoring.md), then scored:
    // Before: (1193·4.3 + 1246·3.6 + 1346·3.7 + 1323·2.8) / 5,108 = 18,300.1 / 5,108 = 3.5826 min
    //         → 100 × (15 − 3.5826) / 14 = 81.55, n = 4, 5,108 responses.
    // After:  (1246·4.4 + 1318·4.5 + 1395·5.0) / 3,959 = 18,388.4 / 3,959 = 4.6447 min
    //         → 100 × (15 − 4.6447) / 14 = 73.97, n = 3, 3,959 responses.
    const comparison = pay!.touchpoints.find((t) => t.id === bill.id)!.comparison;
    expect(comparison).toMatchObject({
      inEffect: true,
      effectivePeriod: parsePeriodKey("2026-11-02"),
      windowLength: 4,
      before: { from: parsePeriodKey("2026-10-05"), to: parsePeriodKey("2026-10-26"), n: 4, responses: 5108 },
      after: { from: parsePeriodKey("2026-11-02"), to: parsePeriodKey("2026-11-23"), n: 3, responses: 3959 },
    });
    if (!comparison.inEffect) throw new Error("in effect");
    expect(comparison.before.score).toBeCloseTo(81.5526, 4);
    expect(comparison.after.score).toBeCloseTo(73.9664, 4);
    expect(comparison.difference).toBeCloseTo(-7.586, 3);

    // The same figures the touchpoint report shows for those weeks, pooled by their sample sizes.
    const report = (await getTouchpointReport(bill.id, "2026-10-05", "2026-11-16"))!;
    const pooled = rolledUp(report.metrics[0]!.points.slice(0, 4).map((p) => ({ value: p.value!, sampleSize: p.sampleSize })));
    expect(100 * (15 - pooled) / 14).toBeCloseTo(comparison.before.score!, 9);
  });

  it("says a planned change is not in effect yet", async () => {
    const dana = await signIn("digital@touchline.demo");
    const checkout = await touchpoint("Checkout");
    const planned = await recordChangeAction(change([checkout.id], { title: "Apple Pay at checkout", effectiveDate: "2026-12-07" }));
    const view = (await getProcessChange(dana, (planned as { data: { id: number } }).data.id, NOW))!;
    expect(view.touchpoints[0]!.comparison).toEqual({ inEffect: false, effectivePeriod: parsePeriodKey("2026-12-07") });
  });

  it("judges 'today' on the organisation's calendar: a change dated Monday is in effect at 01:00 Monday in Auckland, while UTC is still Sunday", async () => {
    const dana = await signIn("digital@touchline.demo");
    const checkout = await touchpoint("Checkout");
    const recorded = await recordChangeAction(change([checkout.id], { title: "Guest checkout", effectiveDate: "2026-11-30" }));
    const id = (recorded as { data: { id: number } }).data.id;
    const sundayUtc = new Date("2026-11-29T12:00:00Z");
    expect((await getProcessChange(dana, id, sundayUtc))!.touchpoints[0]!.comparison.inEffect).toBe(false);
    await db.organisation.update({ where: { id: 1 }, data: { timeZone: "Pacific/Auckland" } });
    try {
      expect(await organisationToday(sundayUtc)).toEqual(parsePeriodKey("2026-11-30"));
      expect((await getProcessChange(dana, id, sundayUtc))!.touchpoints[0]!.comparison).toMatchObject({ inEffect: true, effectivePeriod: parsePeriodKey("2026-11-30") });
    } finally {
      await db.organisation.update({ where: { id: 1 }, data: { timeZone: "UTC" } });
    }
  });

  it("marks changes on the overview's trend and the touchpoint report, in the view's periods", async () => {
    const food = await touchpoint("Food");
    const expediter = await db.processChange.findFirstOrThrow({ where: { title: "Second expediter on the pass at dinner" }, select: { id: true } });
    const week = (await getOverview({ period: parsePeriodKey("2026-11-16")! })).journey!;
    expect(week.changes).toContainEqual({ id: expediter.id, number: expect.any(Number), title: "Second expediter on the pass at dinner", date: { key: "2026-11-04", label: "4 Nov 2026" }, periodKey: "2026-11-02" });
    const month = (await getOverview({ view: "MONTH", period: parsePeriodKey("2026-11-01")! })).journey!;
    expect(month.changes.find((c) => c.id === expediter.id)!.periodKey).toBe("2026-11-01");
    // Pay at the table affects Bill & payment (Dine-in) and Checkout (Online order): on both journeys' trends.
    // Plates run by the waiters affects Dine-in touchpoints only.
    expect(week.changes.map((c) => c.title)).toEqual(expect.arrayContaining(["Pay at the table", "Plates run by the waiters"]));
    const online = (await getOverview({ journeyId: (await db.journey.findFirstOrThrow({ where: { name: "Online order" } })).id, period: parsePeriodKey("2026-11-16")! })).journey!;
    expect(online.changes.map((c) => c.title)).toEqual(expect.arrayContaining(["Pay at the table", "Second expediter on the pass at dinner"]));
    expect(online.changes.map((c) => c.title)).not.toContain("Plates run by the waiters");
    // A range that ends before the change carries no marker for it.
    const earlier = (await getOverview({ period: parsePeriodKey("2026-10-26")! })).journey!;
    expect(earlier.changes.map((c) => c.id)).not.toContain(expediter.id);

    const report = (await getTouchpointReport(food.id, "2026-09-07", "2026-11-16"))!;
    const onReport = report.changes.filter((c) => c.date.key === "2026-11-04");
    expect(onReport.map((c) => c.title).sort()).toEqual(["Plates run by the waiters", "Second expediter on the pass at dinner"]);
    expect(onReport[0]).toMatchObject({ periodKey: "2026-11-02", author: expect.any(String), answers: { customerFindsOut: null, impact: "Guests pay at the table instead of queueing at the till." } });
    expect(report.changes.map((c) => c.number)).toEqual(report.changes.map((_, i) => i + 1));
  });

  it("gives a shared report the changes' full records without authors or ids", async () => {
    const food = await touchpoint("Food");
    const report = (await getTouchpointReport(food.id, "2026-09-07", "2026-11-16"))!;
    expect(report.changes.some((c) => c.author === "Kai Chen")).toBe(true);
    const shared = publicReport(report);
    const text = JSON.stringify(shared);
    expect(text).not.toMatch(/"id":/);
    expect(text).not.toContain("Kai Chen");
    expect(text).not.toContain("Avery Admin");
    expect(text).not.toMatch(/author|@touchline\.demo/);
    expect(shared.changes).toEqual(
      report.changes.map((c) => ({ number: c.number, title: c.title, date: c.date, periodKey: c.periodKey, answers: c.answers })),
    );
    expect(shared.changes.find((c) => c.title === "Second expediter on the pass at dinner")!.answers).toEqual({
      impact: "Guests pay at the table instead of queueing at the till.",
      customerView: "The waiter brings the reader with the bill.",
      customerResponse: "Fewer complaints about waiting to pay.",
      customerFindsOut: null,
      customerFeedback: "The receipt links to the table survey.",
    });
  });
});
