// Alerts on the real database, with figures written through the app's own write path (saveEntries):
// once per crossing, recovery, falling runs, journey shortfall, first evaluation, racing
// evaluators, preferences, followers, archived touchpoints, and agreement with the overview.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../lib/db/client";
import { db } from "../../lib/db";
import { saveEntries } from "../../lib/data/entries";
import { setJourneyFollowing, setTouchpointFollowing } from "../../lib/data/follows";
import { getOverview } from "../../lib/data/overview";
import { shownDrags } from "../../lib/scoring/headline";
import { evaluateAlerts } from "../../lib/notifications/alerts";
import { appUrl, createMailer } from "../../lib/notifications/mail";
import { eventId, type WebhookPayload } from "../../lib/notifications/publish";
import { runWorkerOnce, startWorker } from "../../lib/notifications/scheduler";
import { actorFor, refusal } from "./helpers";
import { onSeedClock } from "./seed-clock";

// The demo as of Wednesday 25 Nov 2026: the week of 16 Nov is the newest with enough figures.
onSeedClock();
const WEEK = new Date("2026-11-16T00:00:00Z");
const KITCHEN = "kitchen@touchline.demo";
const EXEC = "exec@touchline.demo";
const VIEWER = "viewer@touchline.demo";

/** Figures the running test overwrote, put back after it. */
const overwritten = new Map<string, { id: number; value: number }>();

async function touchpoint(name: string) {
  return db.touchpoint.findFirstOrThrow({ where: { name }, select: { id: true, departmentId: true, stage: { select: { journeyId: true } }, metrics: { orderBy: { id: "asc" }, select: { id: true, name: true } } } });
}

/** Saves figures for one touchpoint's metrics (by name) in `period` through saveEntries, as the kitchen head. */
async function enter(touchpointName: string, values: Record<string, number>, period = WEEK, email = KITCHEN) {
  const t = await touchpoint(touchpointName);
  const rows = Object.entries(values).map(([metric, value]) => {
    const m = t.metrics.find((x) => x.name === metric);
    if (!m) throw new Error(`${touchpointName} has no metric ${metric}`);
    return { metricId: m.id, periodStart: period, value, source: "OTHER" as const, confirmUnusual: true };
  });
  const before = await db.metricEntry.findMany({ where: { metricId: { in: rows.map((r) => r.metricId) }, periodStart: period }, select: { id: true, metricId: true, value: true } });
  for (const b of before) if (!overwritten.has(`${b.id}`)) overwritten.set(`${b.id}`, { id: b.id, value: b.value });
  await saveEntries(await actorFor(email), { rows });
}

/** Food (Kitchen) well under its warning line (70.3) in the week of 16 Nov, and back where the demo has it (80.0). */
const FOOD_LOW = { "Food rating": 3.2, "Ticket time": 30, "Food complaints": 20 };
const FOOD_BACK = { "Food rating": 4.36, "Ticket time": 16.7, "Food complaints": 5 };

/** Every row the notifications wrote, keyed, for "nothing new" comparisons. */
async function published() {
  const [bell, outbox] = await Promise.all([
    db.notification.findMany({ orderBy: { id: "asc" }, select: { idempotencyKey: true, userId: true, kind: true, title: true, body: true, href: true } }),
    db.outboxMessage.findMany({ orderBy: { id: "asc" }, select: { idempotencyKey: true, channel: true, kind: true, recipientId: true, endpointId: true, eventId: true, subject: true, body: true, href: true } }),
  ]);
  return { bell, outbox };
}

const state = (subjectKey: string) => db.alertState.findUnique({ where: { subjectKey }, select: { firing: true, crossings: true, period: true, value: true } });

let endpointId = 0;

beforeEach(async () => {
  await db.alertState.deleteMany();
  await db.notification.deleteMany();
  await db.outboxMessage.deleteMany();
  await db.touchpointFollower.deleteMany();
  await db.journeyFollower.deleteMany();
  await db.notificationPreference.deleteMany();
  await db.webhookEndpoint.deleteMany();
  await db.organisation.update({ where: { id: 1 }, data: { shortfallAlertPoints: 5 } });
  // An endpoint for alerts, written directly (its admin page is not part of alerts).
  endpointId = (await db.webhookEndpoint.create({ data: { name: "Ops channel", url: "http://127.0.0.1:9/hook", events: "alert.triggered,alert.recovered", secret: "whsec_test" } })).id;
});

afterEach(async () => {
  for (const { id, value } of overwritten.values()) await db.metricEntry.update({ where: { id }, data: { value } });
  overwritten.clear();
  await db.touchpoint.updateMany({ where: { name: "Food" }, data: { archivedAt: null } });
});

describe("a touchpoint below its warning line", () => {
  it("alerts the owning department's head and a follower once, in the bell, by email and to the webhook; a second evaluation while still below sends nothing", async () => {
    expect((await evaluateAlerts()).baseline).toEqual(["below_warning", "falling", "shortfall"]);
    const food = await touchpoint("Food");
    const [kitchen, exec] = await Promise.all([actorFor(KITCHEN), actorFor(EXEC)]);
    await setTouchpointFollowing(exec, { touchpointId: food.id, following: true });
    expect(await published()).toEqual({ bell: [], outbox: [] });

    await enter("Food", FOOD_LOW);
    const result = await evaluateAlerts();
    expect(result.triggered).toBeGreaterThanOrEqual(1);

    const subject = `below_warning:touchpoint:${food.id}`;
    const key = `alert:${subject}:1`;
    expect(await state(subject)).toEqual({ firing: true, crossings: 1, period: WEEK, value: expect.closeTo(39.9, 1) });
    const { bell, outbox } = await published();
    const path = `/touchpoints/${food.id}?to=2026-11-16`;
    const title = "Food (Kitchen) fell below its warning line";
    const summary = "39.9 in the week of 16 Nov 2026 (warning 70.3)";
    // The department's heads first, then followers.
    expect(bell.filter((n) => n.idempotencyKey.startsWith(`${key}:`))).toEqual([
      { idempotencyKey: `${key}:${kitchen.id}`, userId: kitchen.id, kind: "alert", title, body: summary, href: path },
      { idempotencyKey: `${key}:${exec.id}`, userId: exec.id, kind: "alert", title, body: summary, href: path },
    ]);
    const emails = outbox.filter((m) => m.idempotencyKey.startsWith(`email:${key}:`));
    expect(emails.map((m) => m.recipientId).sort()).toEqual([kitchen.id, exec.id].sort());
    for (const email of emails) expect(email).toMatchObject({ channel: "email", kind: "alert", subject: title, eventId: eventId(key), href: appUrl() + path });
    expect(emails.find((m) => m.recipientId === kitchen.id)!.body).toContain("You get this because you head Kitchen.");
    expect(emails.find((m) => m.recipientId === exec.id)!.body).toContain("You get this because you follow Food.");

    const hooks = outbox.filter((m) => m.idempotencyKey === `webhook:${key}:${endpointId}`);
    expect(hooks).toHaveLength(1);
    const payload = JSON.parse(hooks[0]!.body) as WebhookPayload;
    expect(payload).toMatchObject({
      id: eventId(key),
      type: "alert.triggered",
      text: `${title}: ${summary}`,
      data: { rule: "below_warning", change: "triggered", crossing: 1, period: "2026-11-16", value: 39.9, threshold: 70.3, touchpoint: { id: food.id, name: "Food" }, department: { id: food.departmentId, name: "Kitchen" }, url: appUrl() + path },
    });

    const before = await published();
    expect(await evaluateAlerts()).toMatchObject({ triggered: 0, recovered: 0 });
    // Still below on newer figures of the same week: nothing either.
    await enter("Food", { ...FOOD_LOW, "Food rating": 3.1 });
    expect(await evaluateAlerts()).toMatchObject({ triggered: 0, recovered: 0 });
    expect(await published()).toEqual(before);
    expect(await state(subject)).toMatchObject({ firing: true, crossings: 1, value: expect.closeTo(39.03, 2) });
  });

  it("says 'back above' once when it recovers, and alerts again on the next crossing (crossing 2)", async () => {
    await evaluateAlerts();
    const food = await touchpoint("Food");
    const subject = `below_warning:touchpoint:${food.id}`;
    await enter("Food", FOOD_LOW);
    await evaluateAlerts();

    await enter("Food", FOOD_BACK);
    expect((await evaluateAlerts()).recovered).toBeGreaterThanOrEqual(1);
    expect(await evaluateAlerts()).toMatchObject({ triggered: 0, recovered: 0 });
    expect(await state(subject)).toMatchObject({ firing: false, crossings: 1 });
    const kitchen = await actorFor(KITCHEN);
    const back = await db.notification.findMany({ where: { idempotencyKey: { startsWith: `recovery:${subject}:` } }, select: { idempotencyKey: true, kind: true, title: true, body: true } });
    expect(back).toEqual([{ idempotencyKey: `recovery:${subject}:1:${kitchen.id}`, kind: "recovery", title: "Food (Kitchen) is back above its warning line: 80.0", body: "80.0 in the week of 16 Nov 2026 (warning 70.3)" }]);
    const hook = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `webhook:recovery:${subject}:1:${endpointId}` } });
    expect(JSON.parse(hook.body)).toMatchObject({ type: "alert.recovered", text: "Food (Kitchen) is back above its warning line: 80.0 in the week of 16 Nov 2026 (warning 70.3)" });

    await enter("Food", FOOD_LOW);
    await evaluateAlerts();
    expect(await state(subject)).toMatchObject({ firing: true, crossings: 2 });
    expect(await db.notification.count({ where: { idempotencyKey: `alert:${subject}:2:${kitchen.id}` } })).toBe(1);
    expect(await db.notification.count({ where: { userId: kitchen.id, idempotencyKey: { startsWith: `alert:${subject}:` } } })).toBe(2);
  });

  it("gives a head who turned alert email off the bell only", async () => {
    await evaluateAlerts();
    const kitchen = await actorFor(KITCHEN);
    await db.notificationPreference.create({ data: { userId: kitchen.id, event: "alert", channel: "email", enabled: false } });
    await enter("Food", FOOD_LOW);
    await evaluateAlerts();
    const food = await touchpoint("Food");
    const key = `alert:below_warning:touchpoint:${food.id}:1`;
    expect(await db.notification.count({ where: { idempotencyKey: `${key}:${kitchen.id}` } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { recipientId: kitchen.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { idempotencyKey: `webhook:${key}:${endpointId}` } })).toBe(1);
  });

  it("publishes a crossing once when two evaluators race, on two connections as two processes would", async () => {
    await evaluateAlerts();
    await enter("Food", FOOD_LOW);
    const other = createPrismaClient(process.env.DATABASE_URL);
    try {
      const results = await Promise.all([evaluateAlerts(), evaluateAlerts({ client: other }), evaluateAlerts(), evaluateAlerts({ client: other })]);
      const food = await touchpoint("Food");
      const subject = `below_warning:touchpoint:${food.id}`;
      expect(await state(subject)).toMatchObject({ firing: true, crossings: 1 });
      const kitchen = await actorFor(KITCHEN);
      expect(await db.notification.count({ where: { userId: kitchen.id, idempotencyKey: { startsWith: `alert:${subject}:` } } })).toBe(1);
      // Every crossing was published by exactly one of them.
      const states = await db.alertState.findMany({ where: { crossings: { gt: 0 } }, select: { subjectKey: true } });
      expect(results.reduce((n, r) => n + r.triggered, 0)).toBe(states.length);
      expect(await db.outboxMessage.count({ where: { channel: "webhook" } })).toBe(states.length);
    } finally {
      await other.$disconnect();
    }
  });

  it("ignores archived touchpoints", async () => {
    await evaluateAlerts();
    const food = await touchpoint("Food");
    await enter("Food", FOOD_LOW);
    await db.touchpoint.update({ where: { id: food.id }, data: { archivedAt: new Date() } });
    await evaluateAlerts();
    expect(await db.notification.count({ where: { idempotencyKey: { contains: `:touchpoint:${food.id}:` } } })).toBe(0);
    expect(await state(`below_warning:touchpoint:${food.id}`)).toMatchObject({ firing: false, crossings: 0 });
  });
});

describe("the first evaluation", () => {
  it("records what is already firing without a message; later its recovery is announced, and a subject first seen afterwards alerts", async () => {
    // The demo's Dining room cleanliness is under its warning line in the week of 16 Nov.
    const result = await evaluateAlerts();
    expect(result).toMatchObject({ triggered: 0, recovered: 0, baseline: ["below_warning", "falling", "shortfall"] });
    expect(await published()).toEqual({ bell: [], outbox: [] });
    const cleanliness = await touchpoint("Dining room cleanliness");
    const subject = `below_warning:touchpoint:${cleanliness.id}`;
    expect(await state(subject)).toMatchObject({ firing: true, crossings: 0, period: WEEK });
    expect((await evaluateAlerts()).baseline).toEqual([]);

    // A subject with no state after the baseline (say, a warning line just set) alerts when first seen firing.
    const food = await touchpoint("Food");
    await db.alertState.deleteMany({ where: { touchpointId: food.id } });
    await enter("Food", FOOD_LOW);
    await evaluateAlerts();
    expect(await state(`below_warning:touchpoint:${food.id}`)).toMatchObject({ firing: true, crossings: 1 });

    const metrics = Object.fromEntries(cleanliness.metrics.map((m) => [m.name, m.id]));
    const best = await db.metric.findMany({ where: { id: { in: Object.values(metrics) } }, select: { name: true, scaleBest: true } });
    const facilities = "facilities@touchline.demo";
    await enter("Dining room cleanliness", Object.fromEntries(best.map((m) => [m.name, m.scaleBest])), WEEK, facilities);
    await evaluateAlerts();
    const head = await actorFor(facilities);
    expect(await db.notification.findMany({ where: { idempotencyKey: { startsWith: `recovery:${subject}:` } }, select: { idempotencyKey: true, title: true } })).toEqual([
      { idempotencyKey: `recovery:${subject}:0:${head.id}`, title: "Dining room cleanliness (Facilities) is back above its warning line: 100.0" },
    ]);
  });

  it("judges what the overview judges: the same touchpoints below their warning lines or falling, the same missing points", async () => {
    await evaluateAlerts();
    const states = await db.alertState.findMany({ select: { rule: true, touchpointId: true, journeyId: true, firing: true, value: true, period: true } });
    for (const journey of await db.journey.findMany({ where: { archivedAt: null }, select: { id: true } })) {
      const overview = (await getOverview({ journeyId: journey.id })).journey!;
      expect(overview.periodStatus).not.toBe("partial");
      const ids = overview.stages.flatMap((s) => s.touchpoints.map((t) => t.id));
      const firing = (rule: string) => states.filter((s) => s.rule === rule && s.firing && ids.includes(s.touchpointId!)).map((s) => s.touchpointId).sort();
      expect(firing("below_warning")).toEqual(overview.atRisk.filter((a) => a.belowWarning).map((a) => a.id).sort());
      expect(firing("falling")).toEqual(overview.atRisk.filter((a) => a.fallingFor >= 3).map((a) => a.id).sort());
      const shortfall = states.find((s) => s.rule === "shortfall" && s.journeyId === journey.id)!;
      expect(shortfall.value).toBe(shownDrags(overview.departments.map((d) => d.drag)).total);
      expect(shortfall.firing).toBe(shortfall.value! > 5);
    }
  });
});

describe("falling three periods in a row", () => {
  it("alerts when the score falls for the third period running, above its warning line, and says when it stops", async () => {
    await evaluateAlerts();
    const food = await touchpoint("Food");
    const subject = `falling:touchpoint:${food.id}`;
    const week = (i: number) => new Date(WEEK.getTime() + i * 7 * 86_400_000);
    await enter("Food", { "Food rating": 4.5, "Ticket time": 15, "Food complaints": 3 }, week(-3));
    await enter("Food", { "Food rating": 4.45, "Ticket time": 15, "Food complaints": 3 }, week(-2));
    await enter("Food", { "Food rating": 4.4, "Ticket time": 15, "Food complaints": 3 }, week(-1));
    await enter("Food", { "Food rating": 4.5, "Ticket time": 15, "Food complaints": 3 });
    await evaluateAlerts();
    // Two falls, then a rise in the week of 16 Nov: no run.
    expect(await state(subject)).toMatchObject({ firing: false, crossings: 0 });

    await enter("Food", { "Food rating": 4.35, "Ticket time": 15, "Food complaints": 3 });
    await evaluateAlerts();
    expect(await state(subject)).toMatchObject({ firing: true, crossings: 1 });
    const kitchen = await actorFor(KITCHEN);
    const [alert] = await db.notification.findMany({ where: { idempotencyKey: `alert:${subject}:1:${kitchen.id}` }, select: { title: true, body: true } });
    expect(alert).toEqual({ title: "Food (Kitchen) has fallen 3 weeks in a row", body: "84.0 in the week of 16 Nov 2026, down each week: 85.2 → 84.8 → 84.4 → 84.0" });
    expect(await db.alertState.findUnique({ where: { subjectKey: `below_warning:touchpoint:${food.id}` }, select: { firing: true } })).toEqual({ firing: false });

    await enter("Food", { "Food rating": 4.4, "Ticket time": 15, "Food complaints": 3 });
    await evaluateAlerts();
    expect(await db.notification.findMany({ where: { idempotencyKey: `recovery:${subject}:1:${kitchen.id}` }, select: { title: true, body: true } })).toEqual([
      { title: "Food (Kitchen) has stopped falling: 84.4", body: "84.4 in the week of 16 Nov 2026 (84.4 the week before)" },
    ]);
  });
});

describe("a journey's shortfall", () => {
  it("alerts the journey's followers and webhooks when the missing points pass the admin's alert line, recovers when they fall back, and is silent when off", async () => {
    const dineIn = await db.journey.findFirstOrThrow({ where: { name: "Dine-in" }, select: { id: true } });
    const subject = `shortfall:journey:${dineIn.id}`;
    const [exec, viewer] = await Promise.all([actorFor(EXEC), actorFor(VIEWER)]);
    await setJourneyFollowing(exec, { journeyId: dineIn.id, following: true });
    await db.organisation.update({ where: { id: 1 }, data: { shortfallAlertPoints: 50 } });
    await evaluateAlerts();
    const missing = (await state(subject))!.value!;
    expect(await state(subject)).toMatchObject({ firing: false });

    // The alert line moves under the journey's missing points: a crossing on the next evaluation.
    await db.organisation.update({ where: { id: 1 }, data: { shortfallAlertPoints: missing - 0.1 } });
    await evaluateAlerts();
    expect(await state(subject)).toMatchObject({ firing: true, crossings: 1 });
    const notes = await db.notification.findMany({ where: { idempotencyKey: { startsWith: `alert:${subject}:` } }, select: { userId: true, title: true, body: true, href: true } });
    expect(notes).toEqual([
      { userId: exec.id, title: `Dine-in is missing ${missing.toFixed(1)} points against its targets`, body: expect.stringMatching(new RegExp(`^Week of 16 Nov 2026, past the alert line of ${(missing - 0.1).toFixed(1)} points\\. \\S.* costs the most: `)), href: `/overview?journey=${dineIn.id}&period=2026-11-16` },
    ]);
    expect(await db.outboxMessage.count({ where: { idempotencyKey: `webhook:alert:${subject}:1:${endpointId}` } })).toBe(1);
    // The viewer does not follow it; the heads of its departments hear of their own touchpoints instead.
    expect(await db.notification.count({ where: { userId: viewer.id } })).toBe(0);

    // Off: the journey is not judged, its state is left as it was and nobody hears anything.
    await db.organisation.update({ where: { id: 1 }, data: { shortfallAlertPoints: null } });
    const before = await published();
    await evaluateAlerts();
    expect(await published()).toEqual(before);
    expect(await state(subject)).toMatchObject({ firing: true, crossings: 1 });

    await db.organisation.update({ where: { id: 1 }, data: { shortfallAlertPoints: 50 } });
    await evaluateAlerts();
    expect(await db.notification.findMany({ where: { idempotencyKey: { startsWith: `recovery:${subject}:` } }, select: { userId: true, title: true } })).toEqual([
      { userId: exec.id, title: `Dine-in is back within its alert line: ${missing.toFixed(1)} points missing` },
    ]);
  });

  it("sends nothing at all with the alert line off from the start", async () => {
    await db.organisation.update({ where: { id: 1 }, data: { shortfallAlertPoints: null } });
    await evaluateAlerts();
    await enter("Food", FOOD_LOW);
    await evaluateAlerts();
    expect(await db.alertState.count({ where: { rule: "shortfall" } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { idempotencyKey: { contains: "shortfall" } } })).toBe(0);
  });
});

describe("quiet when nothing crosses", () => {
  it("sends nothing while random figures that only improve Food are saved and judged again and again", async () => {
    await db.organisation.update({ where: { id: 1 }, data: { shortfallAlertPoints: 50 } });
    await evaluateAlerts();
    // Food's metrics move only towards their best each round: no fall, no crossing.
    let rating = 4.36;
    let ticket = 16.7;
    let complaints = 5;
    for (let round = 0; round < 8; round++) {
      rating = Math.min(5, rating + Math.round(Math.random() * 10) / 100);
      ticket = Math.max(8, ticket - Math.round(Math.random() * 10) / 10);
      complaints = Math.max(0, complaints - Math.round(Math.random()));
      await enter("Food", { "Food rating": rating, "Ticket time": ticket, "Food complaints": complaints });
      expect(await evaluateAlerts()).toMatchObject({ triggered: 0, recovered: 0 });
    }
    expect(await published()).toEqual({ bell: [], outbox: [] });
  });
});

describe("following", () => {
  it("is refused for an archived touchpoint, and parallel follows of the same touchpoint or journey leave one row and one audit entry", async () => {
    const [food, viewer] = await Promise.all([touchpoint("Food"), actorFor(VIEWER)]);
    const results = await Promise.all(Array.from({ length: 6 }, () => setTouchpointFollowing(viewer, { touchpointId: food.id, following: true })));
    expect(results.every((r) => r.following)).toBe(true);
    expect(await db.touchpointFollower.count({ where: { userId: viewer.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "touchpoint.follow", actorId: viewer.id, entityId: food.id } })).toBe(1);

    const journeyId = food.stage.journeyId;
    await Promise.all(Array.from({ length: 6 }, () => setJourneyFollowing(viewer, { journeyId, following: true })));
    expect(await db.journeyFollower.count({ where: { userId: viewer.id } })).toBe(1);

    await Promise.all([setTouchpointFollowing(viewer, { touchpointId: food.id, following: false }), setTouchpointFollowing(viewer, { touchpointId: food.id, following: false })]);
    expect(await db.touchpointFollower.count({ where: { userId: viewer.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "touchpoint.unfollow", actorId: viewer.id } })).toBe(1);

    await db.touchpoint.update({ where: { id: food.id }, data: { archivedAt: new Date() } });
    expect((await refusal(setTouchpointFollowing(viewer, { touchpointId: food.id, following: true }))).code).toBe("not_found");
    expect((await refusal(setJourneyFollowing(viewer, { journeyId: 999_999, following: true }))).code).toBe("not_found");
  });

  it("stops a follower's alerts when they stop following, and leaves out deactivated people", async () => {
    await evaluateAlerts();
    const [food, exec, viewer] = await Promise.all([touchpoint("Food"), actorFor(EXEC), actorFor(VIEWER)]);
    await setTouchpointFollowing(exec, { touchpointId: food.id, following: true });
    await setTouchpointFollowing(exec, { touchpointId: food.id, following: false });
    await setTouchpointFollowing(viewer, { touchpointId: food.id, following: true });
    await db.user.update({ where: { id: viewer.id }, data: { active: false } });
    try {
      await enter("Food", FOOD_LOW);
      await evaluateAlerts();
      const kitchen = await actorFor(KITCHEN);
      const key = `alert:below_warning:touchpoint:${food.id}:1`;
      expect((await db.notification.findMany({ where: { idempotencyKey: { startsWith: `${key}:` } }, select: { userId: true } })).map((n) => n.userId)).toEqual([kitchen.id]);
    } finally {
      await db.user.update({ where: { id: viewer.id }, data: { active: true } });
    }
  });
});

describe("the worker", () => {
  const received: { to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  const ready = (async () => {
    server.listen(0, "127.0.0.1");
    await once(server.server, "listening");
    return `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  })();
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("judges alerts on every pass and delivers the alert email in the same pass", async () => {
    await runWorkerOnce({ workerId: "w", mailer: null });
    await db.outboxMessage.deleteMany();
    await enter("Food", FOOD_LOW);
    const mailer = createMailer({ url: await ready, from: "touchline@localhost" });
    try {
      const pass = await runWorkerOnce({ workerId: "w", mailer });
      expect(pass.alerts).toMatchObject({ triggered: expect.any(Number), baseline: [] });
      expect(pass.sent).toBeGreaterThanOrEqual(1);
    } finally {
      mailer.close();
    }
    const mail = received.find((m) => m.to.includes(KITCHEN));
    expect(mail?.data).toMatch(/^Subject: Food \(Kitchen\) fell below its warning line$/m);
  });

  it("is woken by a save: the worker in this process publishes the alert within moments instead of at its next tick", async () => {
    await evaluateAlerts();
    const worker = startWorker({ log: { info: () => {}, error: () => {} }, tickMs: 3_600_000 });
    try {
      const food = await touchpoint("Food");
      const kitchen = await actorFor(KITCHEN);
      const started = performance.now();
      await enter("Food", FOOD_LOW);
      const hook = `webhook:alert:below_warning:touchpoint:${food.id}:1:${endpointId}`;
      while (!(await db.outboxMessage.count({ where: { idempotencyKey: hook } }))) {
        // The worker's tick is an hour here: only the save's wake-up can publish it.
        expect(performance.now() - started).toBeLessThan(20_000);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await db.notification.count({ where: { userId: kitchen.id, idempotencyKey: { startsWith: `alert:below_warning:touchpoint:${food.id}:` } } })).toBe(1);
    } finally {
      await worker.stop();
    }
  });
});
