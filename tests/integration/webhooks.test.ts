// Webhooks end to end on the real database and a real HTTP server on loopback (node:http): signed
// delivery, retries with backoff, timeouts, redirects, endpoints turned off, racing workers, the
// address rules, and the admin's actions (permissions, audit, parallel requests, test events).
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWebhook, deleteWebhook, getWebhook, listWebhookDeliveries, listWebhooks, rotateWebhookSecret, sendTestWebhook, updateWebhook } from "../../lib/data/webhooks";
import { createPrismaClient } from "../../lib/db/client";
import { db, type Db } from "../../lib/db";
import { deliverBatch } from "../../lib/notifications/deliver";
import { backoffMs } from "../../lib/notifications/outbox";
import { eventId, publish, type EventType } from "../../lib/notifications/publish";
import { verifyWebhookSignature } from "../../lib/notifications/webhook-signature";
import { startWebhookReceiver, type WebhookReceiver } from "../webhook-receiver";
import { actorFor, refusal } from "./helpers";

const ADMIN = "admin@touchline.demo";
const FAST = { timeoutMs: 500 };

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

beforeEach(async () => {
  await db.outboxMessage.deleteMany();
  await db.webhookEndpoint.deleteMany();
  receiver.received.length = 0;
  receiver.answer({ status: 200, body: "ok" });
});

/** An endpoint made as an admin would make it; returns its id and the secret shown once. */
async function endpoint(path = "/hook", events: EventType[] = ["alert.triggered"], url = receiver.origin + path) {
  return createWebhook(await actorFor(ADMIN), { name: `Receiver ${path}`, url, events });
}

/** Publishes an alert with no people in it: only its webhook deliveries are queued. */
const publishAlert = (key: string, type: EventType = "alert.triggered", client: Db = db) =>
  publish(client, { type, key, messages: [], webhook: { text: `Kitchen slipped (${key})`, data: { touchpoint: { id: 12, name: "Food rating" }, score: 61.4 } } });

/** One delivery pass, as the worker makes it, with a short timeout. */
const deliver = (workerId = "w", now = new Date(), client: Db = db) => deliverBatch({ workerId, mailer: null, now, webhooks: FAST }, client);

const delivery = async () => db.outboxMessage.findFirstOrThrow({ where: { channel: "webhook" }, orderBy: { id: "desc" } });

describe("delivery", () => {
  it("POSTs the event's JSON, signed both ways, to each subscribed endpoint once; the receiver can verify it", async () => {
    const subscribed = await endpoint("/a");
    const other = await endpoint("/b", ["digest.weekly"]);
    expect(await publishAlert("alert:below_warning:touchpoint:12:3")).toMatchObject({ webhook: 1 });
    // Published again (a restart, a second worker): nothing new.
    expect(await publishAlert("alert:below_warning:touchpoint:12:3")).toMatchObject({ webhook: 0 });

    expect(await deliver()).toMatchObject({ claimed: 1, sent: 1 });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request).toMatchObject({ method: "POST", path: "/a" });
    const id = eventId("alert:below_warning:touchpoint:12:3");
    expect(request!.headers).toMatchObject({ "content-type": "application/json", "user-agent": "Touchline-Webhooks/1", "touchline-event-id": id, "touchline-event-type": "alert.triggered", "webhook-id": id });
    expect(verifyWebhookSignature(subscribed.secret, request!.headers["touchline-signature"] as string, request!.body)).toBe(true);
    expect(verifyWebhookSignature(subscribed.secret, request!.headers["touchline-signature"] as string, request!.body.replace("61.4", "99"))).toBe(false);
    // Any Standard Webhooks library accepts it too.
    const payload = new Webhook(subscribed.secret).verify(request!.body, request!.headers as Record<string, string>);
    expect(payload).toEqual({ id, type: "alert.triggered", createdAt: expect.any(String), text: "Kitchen slipped (alert:below_warning:touchpoint:12:3)", data: { touchpoint: { id: 12, name: "Food rating" }, score: 61.4 } });

    const row = await delivery();
    expect(row).toMatchObject({ idempotencyKey: `webhook:alert:below_warning:touchpoint:12:3:${subscribed.id}`, endpointId: subscribed.id, status: "sent", attempts: 1, responseStatus: 200, lastError: null, sentAt: expect.any(Date), lastAttemptAt: expect.any(Date) });
    expect(await db.outboxMessage.count({ where: { endpointId: other.id } })).toBe(0);
  });

  it("retries an endpoint that answers 500 with backoff, then sends; the log keeps the status and the answer", async () => {
    await endpoint();
    await publishAlert("flaky");
    receiver.answer({ status: 500, body: "  database\n  down  " }, { status: 503, body: "x".repeat(500) }, { status: 204 });

    const first = new Date();
    expect(await deliver("w", first)).toMatchObject({ claimed: 1, retrying: 1 });
    let row = await delivery();
    expect(row).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500, lastError: "HTTP 500: database down", lastAttemptAt: first });
    // The backoff: 1 minute after the first failure (settled just after `first`), 2 after the second.
    expect(row.nextAttemptAt.getTime() - first.getTime()).toBeGreaterThanOrEqual(backoffMs(1));
    expect(row.nextAttemptAt.getTime() - first.getTime()).toBeLessThan(backoffMs(1) + 5_000);
    expect(await deliver("w", new Date(row.nextAttemptAt.getTime() - 1))).toMatchObject({ claimed: 0 });

    const second = row.nextAttemptAt;
    expect(await deliver("w", second)).toMatchObject({ claimed: 1, retrying: 1 });
    row = await delivery();
    expect(row).toMatchObject({ status: "pending", attempts: 2, responseStatus: 503, lastError: `HTTP 503: ${"x".repeat(200)}…` });
    expect(row.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(backoffMs(2) - 5_000);

    expect(await deliver("w", row.nextAttemptAt)).toMatchObject({ claimed: 1, sent: 1 });
    expect(await delivery()).toMatchObject({ status: "sent", attempts: 3, responseStatus: 204, lastError: null });
    expect(receiver.received).toHaveLength(3);
    // Every attempt is the same event: same id, same body.
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
  });

  it("retries other refusals (404, 429) but gives up at once on 410 Gone", async () => {
    await endpoint();
    for (const [status, expected] of [[404, "pending"], [429, "pending"], [410, "failed"]] as const) {
      await db.outboxMessage.deleteMany();
      await publishAlert(`refused-${status}`);
      receiver.answer({ status, body: `answer ${status}` });
      await deliver();
      expect(await delivery(), String(status)).toMatchObject({ status: expected, responseStatus: status, lastError: `HTTP ${status}: answer ${status}` });
    }
  });

  it("keeps the words of an HTML error page in the log, not its tags", async () => {
    await endpoint();
    await publishAlert("html");
    // nginx's own error page.
    const page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    receiver.answer({ status: 502, body: page, headers: { "content-type": "text/html" } });
    await deliver();
    expect(await delivery()).toMatchObject({ status: "pending", responseStatus: 502, lastError: "HTTP 502: 502 Bad Gateway 502 Bad Gateway nginx" });
    // Without a content type, a body that starts like a page is read as one.
    await publishAlert("html-untyped");
    receiver.answer({ status: 503, body: "<!DOCTYPE html><p>Down for <b>maintenance</b></p>" });
    await deliver();
    expect(await delivery()).toMatchObject({ lastError: "HTTP 503: Down for maintenance" });
  });

  it("gives up on an endpoint that does not answer within the timeout, and retries it later", async () => {
    await endpoint();
    await publishAlert("slow");
    receiver.answer("hang");
    const started = Date.now();
    expect(await deliver()).toMatchObject({ claimed: 1, retrying: 1 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(3_000);
    expect(receiver.received).toHaveLength(1);
    expect(await delivery()).toMatchObject({ status: "pending", attempts: 1, responseStatus: null, lastError: "No answer within 0.5 s" });
  });

  it("does not follow a redirect: it is a failure, retried, naming where it pointed", async () => {
    await endpoint("/moved");
    await publishAlert("redirect");
    receiver.answer({ status: 302, headers: { location: `${receiver.origin}/elsewhere` } }, { status: 200 });
    expect(await deliver()).toMatchObject({ claimed: 1, retrying: 1 });
    expect(receiver.received.map((r) => r.path)).toEqual(["/moved"]);
    expect(await delivery()).toMatchObject({ status: "pending", responseStatus: 302, lastError: `HTTP 302: redirected to ${receiver.origin}/elsewhere; webhooks do not follow redirects` });
  });

  it("retries when nothing listens at the address", async () => {
    const closed = await startWebhookReceiver();
    await closed.close();
    await endpoint("/x", ["alert.triggered"], `${closed.origin}/x`);
    await publishAlert("refused-connection");
    expect(await deliver()).toMatchObject({ retrying: 1 });
    expect(await delivery()).toMatchObject({ status: "pending", responseStatus: null, lastError: expect.stringMatching(/^Could not connect: connect ECONNREFUSED 127\.0\.0\.1:\d+$/) });
  });

  it("skips, with the reason, what waits for an endpoint turned off or no longer taking the event; queues nothing for one that is off", async () => {
    const admin = await actorFor(ADMIN);
    const off = await endpoint("/off");
    const narrowed = await endpoint("/narrowed", ["alert.triggered", "alert.recovered"]);
    await publishAlert("before-turned-off");
    await updateWebhook(admin, { id: off.id, active: false });
    await updateWebhook(admin, { id: narrowed.id, events: ["alert.recovered"] });
    expect(await publishAlert("after-turned-off")).toMatchObject({ webhook: 0 });

    expect(await deliver()).toMatchObject({ claimed: 2, skipped: 2, sent: 0 });
    expect(receiver.received).toHaveLength(0);
    const rows = await db.outboxMessage.findMany({ orderBy: { endpointId: "asc" }, select: { endpointId: true, status: true, lastError: true } });
    expect(rows).toEqual([
      { endpointId: off.id, status: "skipped", lastError: "not sent: the webhook is turned off" },
      { endpointId: narrowed.id, status: "skipped", lastError: "not sent: the webhook no longer receives alert.triggered" },
    ]);
  });

  it("delivers each message once when two workers on two connections race over the same deliveries", async () => {
    const a = await endpoint("/race-a");
    const b = await endpoint("/race-b");
    for (let i = 0; i < 15; i++) await publishAlert(`race-${i}`);
    expect(await db.outboxMessage.count()).toBe(30);
    const other = createPrismaClient(process.env.DATABASE_URL);
    try {
      const drain = async (workerId: string, client: Db) => {
        let sent = 0;
        for (;;) {
          const counts = await deliverBatch({ workerId, mailer: null, limit: 3, webhooks: FAST }, client);
          if (counts.claimed === 0) return sent;
          sent += counts.sent;
        }
      };
      const sent = await Promise.all([drain("one", db), drain("two", other)]);
      expect(sent[0] + sent[1]).toBe(30);
    } finally {
      await other.$disconnect();
    }
    const seen = receiver.received.map((r) => `${r.path} ${r.headers["touchline-event-id"]}`);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(await db.outboxMessage.groupBy({ by: ["status"], _count: true })).toEqual([{ status: "sent", _count: 30 }]);
    expect(await db.outboxMessage.count({ where: { endpointId: a.id } })).toBe(15);
    expect(await db.outboxMessage.count({ where: { endpointId: b.id } })).toBe(15);
  });
});

describe("the address rules", () => {
  it("refuses for good, without connecting, an address that is never allowed, whatever is stored", async () => {
    const { id } = await endpoint();
    // Past validation (say, saved before the rule): the delivery still refuses it.
    await db.webhookEndpoint.update({ where: { id }, data: { url: "http://169.254.169.254/latest/meta-data/" } });
    await publishAlert("metadata");
    expect(await deliver()).toMatchObject({ failed: 1 });
    expect(await delivery()).toMatchObject({ status: "failed", attempts: 1, responseStatus: null, lastError: "Not sent: 169.254.169.254 is a link-local address, where cloud metadata services answer" });
  });

  it("checks every address a name resolves to, at connection time: with private ranges closed, localhost is refused", async () => {
    await endpoint("/private", ["alert.triggered"], `${receiver.origin.replace("127.0.0.1", "localhost")}/private`);
    await publishAlert("private");
    await deliverBatch({ workerId: "w", mailer: null, webhooks: { ...FAST, policy: { allowPrivate: false } } });
    expect(receiver.received).toHaveLength(0);
    expect(await delivery()).toMatchObject({ status: "failed", lastError: expect.stringMatching(/^Not sent: localhost resolves only to refused addresses \((127\.0\.0\.1|::1) is a loopback address/) });

    // The same name with private ranges open (the default) is delivered.
    await publishAlert("private-allowed");
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(receiver.received.map((r) => r.path)).toEqual(["/private"]);
  });
});

describe("managing endpoints", () => {
  it("shows the secret once: lists and the audit log have only its first characters or nothing", async () => {
    const admin = await actorFor(ADMIN);
    const created = await endpoint();
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const [listed] = await listWebhooks(admin);
    expect(listed).toMatchObject({ id: created.id, secretHint: created.secret.slice(0, 10), events: ["alert.triggered"], active: true, createdBy: "Avery Admin", lastDelivery: null });
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(10, 20));

    const rotated = await rotateWebhookSecret(admin, { id: created.id });
    expect(rotated.secret).not.toBe(created.secret);
    await updateWebhook(admin, { id: created.id, name: "Ops channel", url: `${receiver.origin}/new`, events: ["alert.triggered", "digest.weekly"], active: true });
    await deleteWebhook(admin, { id: created.id });

    const audit = await db.auditEvent.findMany({ where: { entity: "WebhookEndpoint", entityId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["webhook.create", "webhook.rotate", "webhook.update", "webhook.delete"]);
    expect(JSON.parse(audit[2]!.before!)).toEqual({ name: "Receiver /hook", url: `${receiver.origin}/hook`, events: "alert.triggered", active: true });
    expect(JSON.parse(audit[2]!.after!)).toEqual({ name: "Ops channel", url: `${receiver.origin}/new`, events: "alert.triggered,digest.weekly", active: true });
    for (const entry of audit) {
      for (const secret of [created.secret, rotated.secret]) expect(`${entry.before}${entry.after}`).not.toContain(secret.slice(6, 16));
    }
  });

  it("signs deliveries still waiting with the secret as it is when they are sent", async () => {
    const admin = await actorFor(ADMIN);
    const { id } = await endpoint();
    await publishAlert("after-rotation");
    const { secret } = await rotateWebhookSecret(admin, { id });
    await deliver();
    expect(verifyWebhookSignature(secret, receiver.received[0]!.headers["touchline-signature"] as string, receiver.received[0]!.body)).toBe(true);
  });

  it("refuses everyone but admins, and writes nothing for them", async () => {
    const { id } = await endpoint();
    const before = { outbox: await db.outboxMessage.count(), audit: await db.auditEvent.count(), endpoints: await db.webhookEndpoint.findMany() };
    for (const email of ["exec@touchline.demo", "kitchen@touchline.demo", "viewer@touchline.demo"]) {
      const actor = await actorFor(email);
      for (const call of [
        sendTestWebhook(actor, { id }, FAST),
        createWebhook(actor, { name: "x", url: `${receiver.origin}/x`, events: ["alert.triggered"] }),
        updateWebhook(actor, { id, active: false }),
        rotateWebhookSecret(actor, { id }),
        deleteWebhook(actor, { id }),
        listWebhooks(actor),
        listWebhookDeliveries(actor, id),
      ]) {
        const error = await refusal(call);
        expect(error.code, email).toBe("forbidden");
      }
    }
    expect(receiver.received).toHaveLength(0);
    expect({ outbox: await db.outboxMessage.count(), audit: await db.auditEvent.count(), endpoints: await db.webhookEndpoint.findMany() }).toEqual(before);
  });

  it("creates every one of many endpoints added at once, each with its own secret and audit entry", async () => {
    const admin = await actorFor(ADMIN);
    const auditBefore = await db.auditEvent.count({ where: { action: "webhook.create" } });
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => createWebhook(admin, { name: `Parallel ${i}`, url: `${receiver.origin}/p${i}`, events: ["alert.triggered"] })));
    expect(new Set(created.map((c) => c.id)).size).toBe(8);
    expect(new Set(created.map((c) => c.secret)).size).toBe(8);
    expect((await listWebhooks(admin)).map((w) => w.name).sort()).toEqual(created.map((c) => c.name).sort());
    expect(await db.auditEvent.count({ where: { action: "webhook.create" } })).toBe(auditBefore + 8);
    // Each stored secret is the one handed back for it.
    for (const c of created) expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: c.id } })).secret).toBe(c.secret);
  });

  it("keeps one of several secrets rotated at once, and each rotation in the audit log; an edit racing a delete is not found or lost with it", async () => {
    const admin = await actorFor(ADMIN);
    const { id } = await endpoint();
    const rotations = await Promise.all(Array.from({ length: 5 }, () => rotateWebhookSecret(admin, { id })));
    const stored = (await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).secret;
    expect(rotations.map((r) => r.secret)).toContain(stored);
    expect(await db.auditEvent.count({ where: { action: "webhook.rotate", entityId: id } })).toBe(5);

    const [edit, removal] = await Promise.allSettled([updateWebhook(admin, { id, name: "Renamed" }), deleteWebhook(admin, { id })]);
    expect(removal.status).toBe("fulfilled");
    if (edit.status === "rejected") expect(edit.reason).toMatchObject({ code: "not_found" });
    expect(await db.webhookEndpoint.count({ where: { id } })).toBe(0);
    expect((await refusal(getWebhook(admin, id))).code).toBe("not_found");
  });

  it("lists an endpoint's deliveries newest first, a page at a time, with each one's outcome", async () => {
    const admin = await actorFor(ADMIN);
    const { id } = await endpoint();
    for (let i = 0; i < 23; i++) await publishAlert(`page-${i}`);
    await db.outboxMessage.updateMany({ data: { createdAt: new Date("2026-11-23T10:00:00Z") } });
    const first = await listWebhookDeliveries(admin, id);
    expect(first.total).toBe(23);
    expect(first.deliveries).toHaveLength(20);
    const second = await listWebhookDeliveries(admin, id, 2);
    expect(second.deliveries).toHaveLength(3);
    const ids = [...first.deliveries, ...second.deliveries].map((d) => d.id);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect(second.deliveries.at(-1)).toMatchObject({ type: "alert.triggered", eventId: eventId("page-0"), status: "pending", attempts: 0, responseStatus: null, nextAttemptAt: expect.any(Date) });
  });
});

describe("send test event", () => {
  it("delivers a signed test event at once and returns the outcome; it is in the log and the audit", async () => {
    const admin = await actorFor(ADMIN);
    const { id, secret } = await endpoint();
    const result = await sendTestWebhook(admin, { id }, FAST);
    expect(result).toMatchObject({ type: "test", status: "sent", responseStatus: 200, attempts: 1, lastError: null });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(verifyWebhookSignature(secret, request!.headers["touchline-signature"] as string, request!.body)).toBe(true);
    expect(JSON.parse(request!.body)).toMatchObject({ id: result.eventId, type: "test", text: "Test event from Touchline: the webhook “Receiver /hook” is set up and receiving.", data: { webhook: { id, name: "Receiver /hook" } } });
    expect((await listWebhookDeliveries(admin, id)).deliveries).toEqual([result]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "webhook.test" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: admin.id, entityId: id });

    // Each test is a new event.
    const again = await sendTestWebhook(admin, { id }, FAST);
    expect(again.eventId).not.toBe(result.eventId);
  });

  it("leaves a failed test event in the log for the worker to retry, and no worker takes it while the request sends it", async () => {
    const admin = await actorFor(ADMIN);
    const { id } = await endpoint();
    receiver.answer({ status: 500, body: "not yet" }, { status: 200 });
    const [result, racing] = await Promise.all([sendTestWebhook(admin, { id }, FAST), deliver("worker")]);
    expect(racing.claimed).toBe(0);
    expect(result).toMatchObject({ status: "pending", responseStatus: 500, lastError: "HTTP 500: not yet", nextAttemptAt: expect.any(Date) });
    expect(await deliver("worker", result.nextAttemptAt!)).toMatchObject({ claimed: 1, sent: 1 });
    expect(await delivery()).toMatchObject({ kind: "test", status: "sent", attempts: 2 });
  });

  it("is refused for an endpoint that is turned off or gone", async () => {
    const admin = await actorFor(ADMIN);
    const { id } = await endpoint();
    await updateWebhook(admin, { id, active: false });
    expect(await refusal(sendTestWebhook(admin, { id }, FAST))).toMatchObject({ code: "conflict", message: "“Receiver /hook” is turned off. Turn it on to send it a test event." });
    expect((await refusal(sendTestWebhook(admin, { id: id + 1000 }, FAST))).code).toBe("not_found");
    expect(await db.outboxMessage.count()).toBe(0);
    expect(receiver.received).toHaveLength(0);
  });
});
