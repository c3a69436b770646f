// Notifications end to end on the real database and a real SMTP server (smtp-server, on loopback):
// reminder content, idempotency across restarts and racing workers, leases, backoff, delivery.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { createPrismaClient } from "../../lib/db/client";
import { db } from "../../lib/db";
import { deliverBatch } from "../../lib/notifications/deliver";
import { listNotifications, markNotificationsRead } from "../../lib/notifications/in-app";
import { appUrl, createMailer, mailSettingsFromEnv, NO_MAIL_SERVER } from "../../lib/notifications/mail";
import { backoffMs, claim, complete, enqueue, fail, failAbandoned, MAX_ATTEMPTS, type OutboxMessageInput } from "../../lib/notifications/outbox";
import { listOutbox, retryOutboxMessage } from "../../lib/notifications/outbox-log";
import { runDueJobs, runWorkerOnce } from "../../lib/notifications/scheduler";
import { outboxFiltersSchema } from "../../lib/validation/notifications";
import { actorFor, refusal } from "./helpers";

/** Monday 23 Nov 2026, half a minute after the default schedule (Mondays 10:00 UTC): the week of 16 Nov has just ended. */
const MONDAY = new Date("2026-11-23T10:00:30Z");
const WEEK_JUST_ENDED = new Date("2026-11-16T00:00:00Z");
const KITCHEN = "kitchen@touchline.demo";
const FOH = "foh@touchline.demo";

/** Figures removed by the running test, put back after it. */
const removed: { metricId: number; periodStart: Date; value: number }[] = [];

/** Removes `count` of the figures a head's departments have for the week just ended (the seed fills every past week); returns their names. */
async function removeFigures(email: string, count: number): Promise<string[]> {
  const entries = await db.metricEntry.findMany({
    where: { periodStart: WEEK_JUST_ENDED, metric: { touchpoint: { department: { memberships: { some: { user: { email } } } } } } },
    orderBy: { metricId: "asc" },
    take: count,
    select: { id: true, metricId: true, periodStart: true, value: true, metric: { select: { name: true, touchpoint: { select: { name: true } } } } },
  });
  await db.metricEntry.deleteMany({ where: { id: { in: entries.map((e) => e.id) } } });
  removed.push(...entries.map(({ metricId, periodStart, value }) => ({ metricId, periodStart, value })));
  return entries.map((e) => `${e.metric.touchpoint.name}: ${e.metric.name}`);
}

const message = (key: string, recipientId: number): OutboxMessageInput => ({
  idempotencyKey: key,
  kind: "reminder",
  channel: "email",
  recipientId,
  endpointId: null,
  eventId: null,
  subject: `Subject ${key}`,
  body: `Body ${key}`,
  html: null,
  href: null,
});

beforeAll(async () => {
  // The weekly digest on Fridays: these tests are about Monday's reminders (tests/integration/digest.test.ts has the digest).
  await db.organisation.update({ where: { id: 1 }, data: { digestSchedule: "0 8 * * 5" } });
});

beforeEach(async () => {
  await db.outboxMessage.deleteMany();
  await db.notification.deleteMany();
  await db.scheduledRun.deleteMany();
  await db.notificationPreference.deleteMany();
});

afterEach(async () => {
  await db.metricEntry.createMany({ data: removed.splice(0) });
});

describe("reminders", () => {
  it("sends a head one reminder listing exactly their missing figures, with a link to the grid at that period, and nothing to heads with none missing", async () => {
    const missing = await removeFigures(KITCHEN, 2);
    const kitchen = await actorFor(KITCHEN);

    const run = await runDueJobs(MONDAY);
    expect(run).toEqual([{ job: "reminders", occurrence: "2026-11-23T10:00:00.000Z", period: "2026-11-16", reminded: 1 }]);

    const department = kitchen.departmentIds[0]!;
    const path = `/entry?department=${department}&period=2026-11-16`;
    const notifications = await db.notification.findMany();
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ userId: kitchen.id, kind: "reminder", idempotencyKey: `reminder:2026-11-16:${kitchen.id}`, title: "2 figures missing for the week of 16 Nov 2026", href: path, readAt: null });
    expect(notifications[0]!.body).toBe(`Kitchen: ${missing.join(", ")}`);

    const emails = await db.outboxMessage.findMany();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ idempotencyKey: `email:reminder:2026-11-16:${kitchen.id}`, eventId: expect.stringMatching(/^evt_[0-9a-f]{24}$/), channel: "email", kind: "reminder", recipientId: kitchen.id, status: "pending", attempts: 0, subject: "2 figures missing for the week of 16 Nov 2026", href: appUrl() + path });
    for (const name of missing) expect(emails[0]!.body).toContain(`  • ${name}`);
    expect(emails[0]!.body).toContain(`Kitchen — enter them at ${appUrl()}${path}`);
    expect(emails[0]!.html).toContain(`<a href="${appUrl()}${path.replace("&", "&#38;")}">`);
  });

  it("runs a schedule's occurrence once, even after a restart or with two processes firing the same minute", async () => {
    await removeFigures(KITCHEN, 2);
    const [first, second] = await Promise.all([runDueJobs(MONDAY), runDueJobs(MONDAY)]);
    expect([first[0]?.reminded, second[0]?.reminded].sort()).toEqual([0, 1].sort());

    // A restart: a new worker process runs the whole pass again, later the same morning.
    const restarted = await runWorkerOnce({ workerId: "after-restart", mailer: null, now: new Date("2026-11-23T10:05:00Z") });
    expect(restarted.jobs).toEqual([]);
    // A crash before the run was recorded: the job runs again and adds nothing.
    await db.scheduledRun.deleteMany();
    expect((await runDueJobs(new Date("2026-11-23T10:06:00Z")))[0]?.reminded).toBe(0);

    expect(await db.notification.count()).toBe(1);
    expect(await db.outboxMessage.count()).toBe(1);
  });

  it("lets a head list and mark read only their own notifications", async () => {
    await removeFigures(KITCHEN, 1);
    await removeFigures(FOH, 1);
    await runDueJobs(MONDAY);
    const [kitchen, foh] = await Promise.all([actorFor(KITCHEN), actorFor(FOH)]);
    const own = await listNotifications(kitchen);
    expect(own.unread).toBe(1);
    expect(own.items.map((n) => n.title)).toEqual(["1 figure missing for the week of 16 Nov 2026"]);
    const fohsId = (await listNotifications(foh)).items[0]!.id;

    expect(await markNotificationsRead(kitchen, { ids: [fohsId] })).toEqual({ marked: 0 });
    expect((await listNotifications(foh)).unread).toBe(1);
    expect(await markNotificationsRead(kitchen, { all: true })).toEqual({ marked: 1 });
    expect(await listNotifications(kitchen)).toMatchObject({ unread: 0, items: [{ read: true }] });
    expect((await listNotifications(foh)).unread).toBe(1);
  });
});

describe("the outbox", () => {
  it("queues a key once", async () => {
    const { id } = await actorFor(KITCHEN);
    expect(await enqueue(db, [message("k1", id), message("k1", id), message("k2", id)])).toBe(2);
    expect(await db.$transaction((tx) => enqueue(tx, [message("k2", id), message("k3", id)]))).toBe(1);
    expect(await db.outboxMessage.count()).toBe(3);
  });

  it("gives each message to exactly one of several workers claiming at once", async () => {
    const { id } = await actorFor(KITCHEN);
    await enqueue(db, Array.from({ length: 40 }, (_, i) => message(`race-${i}`, id)), MONDAY);
    const other = createPrismaClient(process.env.DATABASE_URL);
    try {
      const claimAll = async (workerId: string, client: typeof db) => {
        const mine: number[] = [];
        for (;;) {
          const ids = await claim({ workerId, limit: 3, leaseMs: 60_000, now: MONDAY }, client);
          if (ids.length === 0) return mine;
          mine.push(...ids);
        }
      };
      // Two clients (two pools, as two processes would have) and two workers sharing a client.
      const claimed = await Promise.all([claimAll("a", db), claimAll("b", other), claimAll("c", db), claimAll("d", other)]);
      const all = claimed.flat();
      expect(all).toHaveLength(40);
      expect(new Set(all).size).toBe(40);
      expect(claimed.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
      const rows = await db.outboxMessage.findMany({ select: { id: true, status: true, attempts: true, lockedBy: true } });
      for (const [i, worker] of ["a", "b", "c", "d"].entries()) {
        for (const id of claimed[i]!) expect(rows.find((r) => r.id === id)).toMatchObject({ status: "sending", attempts: 1, lockedBy: worker });
      }
    } finally {
      await other.$disconnect();
    }
  });

  it("hands a message whose lease ran out to another worker, and the first one can no longer settle it", async () => {
    const { id: recipient } = await actorFor(KITCHEN);
    await enqueue(db, [message("lease", recipient)], MONDAY);
    const t = MONDAY.getTime();
    const [id] = await claim({ workerId: "crashed", limit: 10, leaseMs: 1_000, now: MONDAY });
    expect(await claim({ workerId: "other", limit: 10, leaseMs: 1_000, now: new Date(t + 999) })).toEqual([]);
    expect(await claim({ workerId: "other", limit: 10, leaseMs: 1_000, now: new Date(t + 1_000) })).toEqual([id]);
    expect(await complete("crashed", id!)).toBe(false);
    expect(await complete("other", id!)).toBe(true);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "sent", attempts: 2, lockedBy: "other", lockedUntil: null });
  });

  it("retries with exponential backoff, then gives up; a permanent refusal fails at once", async () => {
    expect(Array.from({ length: MAX_ATTEMPTS }, (_, i) => backoffMs(i + 1) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    const { id: recipient } = await actorFor(KITCHEN);
    await enqueue(db, [message("refused", recipient), message("flaky", recipient)], MONDAY);

    // A refusal for good (the server answered 5xx) fails on the first attempt.
    const [refused] = await claim({ workerId: "w", limit: 1, leaseMs: 60_000, now: MONDAY });
    expect(await fail("w", { id: refused!, attempts: 1 }, "550 no such user", { permanent: true, now: MONDAY })).toBe("failed");
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: refused } })).toMatchObject({ idempotencyKey: "refused", status: "failed", lastError: "550 no such user" });

    let now = MONDAY.getTime();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const [id] = await claim({ workerId: "w", limit: 1, leaseMs: 60_000, now: new Date(now) });
      const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ idempotencyKey: "flaky", attempts: attempt });
      const status = await fail("w", row, "421 try again later", { now: new Date(now) });
      expect(status).toBe(attempt < MAX_ATTEMPTS ? "pending" : "failed");
      if (status === "pending") {
        const next = (await db.outboxMessage.findUniqueOrThrow({ where: { id } })).nextAttemptAt.getTime();
        waits.push((next - now) / 60_000);
        // Not due a millisecond early.
        expect(await claim({ workerId: "w", limit: 1, leaseMs: 60_000, now: new Date(next - 1) })).toEqual([]);
        now = next;
      }
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60]);
    expect(await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: "flaky" } })).toMatchObject({ status: "failed", lastError: `Gave up after ${MAX_ATTEMPTS} attempts: 421 try again later` });
  });

  it("fails a message whose last allowed attempt was cut short instead of trying once more", async () => {
    const { id: recipient } = await actorFor(KITCHEN);
    await enqueue(db, [message("abandoned", recipient)], MONDAY);
    await db.outboxMessage.updateMany({ data: { attempts: MAX_ATTEMPTS - 1 } });
    await claim({ workerId: "crashed", limit: 1, leaseMs: 1_000, now: MONDAY });
    const later = new Date(MONDAY.getTime() + 1_000);
    expect(await failAbandoned(later)).toBe(1);
    expect(await claim({ workerId: "other", limit: 1, leaseMs: 1_000, now: later })).toEqual([]);
    expect((await db.outboxMessage.findFirstOrThrow()).status).toBe("failed");
  });
});

describe("email delivery", () => {
  type Received = { from: string; to: string[]; data: string };
  const received: Received[] = [];
  const REFUSED = "refused@touchline.demo";
  // A real SMTP server on loopback: no TLS, no auth; refuses one recipient as a mail server does.
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED) return callback(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  let smtpUrl = "";
  const ready = (async () => {
    server.listen(0, "127.0.0.1");
    await once(server.server, "listening");
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  })();
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(async () => {
    await ready;
    received.length = 0;
  });

  /** The text part as sent: quoted-printable soft breaks joined and escapes decoded. */
  const decoded = (data: string) => {
    const joined = data.replace(/=\r?\n/g, "");
    return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
  };

  it("delivers reminders through SMTP; a recipient the server refuses fails alone, the others are sent", async () => {
    await removeFigures(KITCHEN, 2);
    await removeFigures(FOH, 1);
    await db.user.update({ where: { email: FOH }, data: { email: REFUSED } });
    onTestFinished(() => db.user.update({ where: { email: REFUSED }, data: { email: FOH } }).then(() => undefined));
    await runDueJobs(MONDAY);
    const kitchen = await actorFor(KITCHEN);

    const mailer = createMailer(mailSettingsFromEnv({ SMTP_URL: smtpUrl, MAIL_FROM: "Touchline <reminders@touchline.demo>" })!);
    try {
      const counts = await deliverBatch({ workerId: "smtp", mailer });
      expect(counts).toMatchObject({ claimed: 2, sent: 1, failed: 1, skipped: 0, retrying: 0 });
    } finally {
      mailer.close();
    }

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.from).toBe("reminders@touchline.demo");
    expect(mail!.to).toEqual([KITCHEN]);
    expect(mail!.data).toMatch(/^To: kitchen@touchline\.demo$/m);
    expect(mail!.data).toMatch(/^Subject: 2 figures missing for the week of 16 Nov 2026$/m);
    expect(decoded(mail!.data)).toContain(`${appUrl()}/entry?department=${kitchen.departmentIds[0]}&period=2026-11-16`);

    const rows = await db.outboxMessage.findMany({ orderBy: { id: "asc" }, select: { recipient: { select: { email: true } }, status: true, lastError: true, sentAt: true } });
    expect(rows).toEqual([
      { recipient: { email: KITCHEN }, status: "sent", lastError: null, sentAt: expect.any(Date) },
      { recipient: { email: REFUSED }, status: "failed", lastError: expect.stringContaining("550"), sentAt: null },
    ]);
  });

  it("retries later when the mail server cannot be reached", async () => {
    await removeFigures(KITCHEN, 1);
    await runDueJobs(MONDAY);
    // A port nothing listens on: connection refused, a passing failure.
    const closed = new SMTPServer({ disabledCommands: ["STARTTLS", "AUTH"], logger: false });
    closed.listen(0, "127.0.0.1");
    await once(closed.server, "listening");
    const port = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const mailer = createMailer({ url: `smtp://127.0.0.1:${port}`, from: "touchline@localhost" });
    try {
      expect(await deliverBatch({ workerId: "w", mailer })).toMatchObject({ claimed: 1, retrying: 1, sent: 0, failed: 0 });
    } finally {
      mailer.close();
    }
    expect(await db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });
  });

  it("without SMTP_URL, marks email skipped with the reason and still puts the reminder in the app", async () => {
    await removeFigures(KITCHEN, 1);
    expect(mailSettingsFromEnv({ MAIL_FROM: "x@example.com" })).toBeNull();
    const pass = await runWorkerOnce({ workerId: "w", mailer: null, now: MONDAY });
    expect(pass).toMatchObject({ jobs: [{ job: "reminders", reminded: 1 }], claimed: 1, skipped: 1, sent: 0 });
    expect(await db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "skipped", lastError: NO_MAIL_SERVER });
    expect(await db.notification.count()).toBe(1);
    expect(received).toHaveLength(0);
  });
});

describe("the second nudge", () => {
  it("goes reminderNudgeHours after the reminders, once, only to heads still missing figures, and says it is the last", async () => {
    await removeFigures(KITCHEN, 2);
    await removeFigures(FOH, 1);
    const [kitchen, foh] = await Promise.all([actorFor(KITCHEN), actorFor(FOH)]);
    expect((await runDueJobs(MONDAY)).map((r) => r.job)).toEqual(["reminders"]);
    // Front of house enters its figure the same day; the kitchen does not.
    await db.metricEntry.createMany({ data: removed.splice(-1) });

    // The default is 24 hours: nothing a minute early.
    expect(await runDueJobs(new Date("2026-11-24T09:59:00Z"))).toEqual([]);
    const [first, second] = await Promise.all([runDueJobs(new Date("2026-11-24T10:00:30Z")), runDueJobs(new Date("2026-11-24T10:00:30Z"))]);
    const runs = [...first, ...second];
    expect(runs.map((r) => r.job)).toEqual(["nudge", "nudge"]);
    expect(runs.map((r) => r.reminded).sort()).toEqual([0, 1]);
    expect(runs[0]).toMatchObject({ occurrence: "2026-11-24T10:00:00.000Z", period: "2026-11-16" });

    const nudges = await db.notification.findMany({ where: { kind: "nudge" } });
    expect(nudges).toEqual([expect.objectContaining({ userId: kitchen.id, title: "Still missing: 2 figures for the week of 16 Nov 2026" })]);
    expect(await db.notification.count({ where: { userId: foh.id, kind: "nudge" } })).toBe(0);
    const email = await db.outboxMessage.findFirstOrThrow({ where: { kind: "nudge" } });
    expect(email.body).toContain("This is the second and last reminder for this period.");
  });

  it("is off when the organisation sets it to 0 hours", async () => {
    await db.organisation.update({ where: { id: 1 }, data: { reminderNudgeHours: 0 } });
    try {
      await removeFigures(KITCHEN, 1);
      await runDueJobs(MONDAY);
      expect(await runDueJobs(new Date("2026-11-24T10:00:30Z"))).toEqual([]);
    } finally {
      await db.organisation.update({ where: { id: 1 }, data: { reminderNudgeHours: 24 } });
    }
  });
});

describe("preferences and unsubscribe", () => {
  it("leaves out the channels a head turned off, and every email carries a working one-click unsubscribe link", async () => {
    await removeFigures(KITCHEN, 1);
    await removeFigures(FOH, 1);
    const [kitchen, foh] = await Promise.all([actorFor(KITCHEN), actorFor(FOH)]);
    await db.notificationPreference.create({ data: { userId: foh.id, event: "reminder", channel: "email", enabled: false } });
    await runDueJobs(MONDAY);

    expect((await db.notification.findMany({ orderBy: { userId: "asc" }, select: { userId: true } })).map((n) => n.userId).sort()).toEqual([kitchen.id, foh.id].sort());
    const emails = await db.outboxMessage.findMany({ select: { recipientId: true, body: true } });
    expect(emails.map((e) => e.recipientId)).toEqual([kitchen.id]);
    const link = /Stop reminders of missing figures by email: (\S+)/.exec(emails[0]!.body)?.[1];
    expect(link).toMatch(new RegExp(`^${appUrl()}/unsubscribe/${kitchen.id}\\.reminder\\.[A-Za-z0-9_-]{43}$`));
  });
});

describe("the outbox as admins see it", () => {
  it("lists messages newest first with their recipient and reason, counts them by status, and filters by status and channel", async () => {
    await removeFigures(KITCHEN, 1);
    await removeFigures(FOH, 1);
    await runWorkerOnce({ workerId: "w", mailer: null, now: MONDAY });
    const admin = await actorFor("admin@touchline.demo");
    const log = await listOutbox(admin, { page: 1 });
    expect(log.total).toBe(2);
    expect(log.counts).toEqual({ pending: 0, sending: 0, sent: 0, failed: 0, skipped: 2 });
    expect(log.entries[0]).toMatchObject({ kind: "reminder", channel: "email", status: "skipped", lastError: NO_MAIL_SERVER, attempts: 1, to: expect.stringMatching(/ <(kitchen|foh)@touchline\.demo>$/) });
    expect((await listOutbox(admin, { page: 1, status: "sent" })).entries).toEqual([]);
    expect((await listOutbox(admin, { page: 1, status: "skipped", channel: "email" })).total).toBe(2);
    expect((await listOutbox(admin, { page: 1, channel: "webhook" })).total).toBe(0);
    expect(outboxFiltersSchema.parse({ status: ["failed", "sent"], channel: "fax", page: "-3" })).toEqual({ status: "failed", page: 1 });
  });

  it("lets an admin send a skipped message again, once, audited; not a sent one, and not anyone else", async () => {
    await removeFigures(KITCHEN, 1);
    await runWorkerOnce({ workerId: "w", mailer: null, now: MONDAY });
    const message = await db.outboxMessage.findFirstOrThrow({ select: { id: true } });
    const [admin, head] = await Promise.all([actorFor("admin@touchline.demo"), actorFor(KITCHEN)]);

    expect((await refusal(retryOutboxMessage(head, { id: message.id }))).code).toBe("forbidden");
    await expect(listOutbox(head, { page: 1 })).rejects.toMatchObject({ code: "forbidden" });

    const results = await Promise.allSettled([retryOutboxMessage(admin, message), retryOutboxMessage(admin, message)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "invalid", message: "This message is already queued to be sent." } });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "pending", attempts: 0, lastError: null });
    expect(await db.auditEvent.count({ where: { action: "outbox.retry", entityId: message.id } })).toBe(1);

    await db.outboxMessage.update({ where: { id: message.id }, data: { status: "sent" } });
    expect((await refusal(retryOutboxMessage(admin, message))).message).toBe("This message was sent already.");
    expect((await refusal(retryOutboxMessage(admin, { id: 999_999 }))).code).toBe("not_found");
  });
});
