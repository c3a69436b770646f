// The weekly digest on the real database and a real SMTP server (smtp-server, on loopback): who gets
// it, once per occurrence, what it says (the overview's own numbers and sentences), and the
// List-Unsubscribe headers that let a mail client stop it in one click.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as oneClick } from "../../app/unsubscribe/[token]/one-click/route";
import { getOverview } from "../../lib/data/overview";
import { recordProcessChange } from "../../lib/data/process-changes";
import { db } from "../../lib/db";
import { deliverBatch } from "../../lib/notifications/deliver";
import { publishDigest } from "../../lib/notifications/digest";
import { appUrl, createMailer } from "../../lib/notifications/mail";
import { runDueJobs } from "../../lib/notifications/scheduler";
import { parsePeriodKey } from "../../lib/periods";
import { missingPointsNote, shownDrags } from "../../lib/scoring/headline";
import { overviewHeadline, periodPhrase } from "../../lib/scoring/overview-headline";
import { FIVE_HOWS, recordChangeSchema } from "../../lib/validation/process-change";
import { actorFor } from "./helpers";
import { onSeedClock } from "./seed-clock";

onSeedClock();

/** Monday 23 Nov 2026, half a minute after the default digest schedule (Mondays 08:00 UTC): the week of 16 Nov has just ended. */
const DIGEST_TIME = new Date("2026-11-23T08:00:30Z");
const WEEK = parsePeriodKey("2026-11-16")!;
const ADMIN = "admin@touchline.demo";
const EXEC = "exec@touchline.demo";
const KITCHEN = "kitchen@touchline.demo";
const VIEWER = "viewer@touchline.demo";

const removed: { metricId: number; periodStart: Date; value: number }[] = [];

beforeEach(async () => {
  await db.outboxMessage.deleteMany();
  await db.notification.deleteMany();
  await db.scheduledRun.deleteMany();
  await db.notificationPreference.deleteMany();
});

afterEach(async () => {
  await db.metricEntry.createMany({ data: removed.splice(0) });
});

const emailsOf = async () =>
  (await db.outboxMessage.findMany({ where: { kind: "digest", channel: "email" }, select: { recipient: { select: { email: true } } } })).map((m) => m.recipient!.email).sort();

describe("the weekly digest", () => {
  it("goes out once per occurrence: by email to executives and admins by default, to a head who opted in, not to an executive who opted out", async () => {
    const [exec, kitchen] = await Promise.all([actorFor(EXEC), actorFor(KITCHEN)]);
    // By default: the executive and the admin.
    const [first, second] = await Promise.all([runDueJobs(DIGEST_TIME), runDueJobs(DIGEST_TIME)]);
    const runs = [...first, ...second];
    expect(runs.map((r) => [r.job, r.occurrence, r.period])).toEqual([
      ["digest", "2026-11-23T08:00:00.000Z", "2026-11-16"],
      ["digest", "2026-11-23T08:00:00.000Z", "2026-11-16"],
    ]);
    expect(runs.map((r) => r.recipients).sort()).toEqual([0, 2]);
    expect(await emailsOf()).toEqual([ADMIN, EXEC].sort());
    // Nobody gets it in the app by default: it would repeat the overview.
    expect(await db.notification.count()).toBe(0);
    const row = await db.outboxMessage.findFirstOrThrow({ where: { recipientId: exec.id } });
    expect(row).toMatchObject({ idempotencyKey: `email:digest:2026-11-16:${exec.id}`, kind: "digest", subject: "Touchline digest for the week of 16 Nov 2026", status: "pending" });

    // The next week: the executive opts out, the kitchen head opts in (by email and in the app).
    await db.notificationPreference.createMany({
      data: [
        { userId: exec.id, event: "digest", channel: "email", enabled: false },
        { userId: kitchen.id, event: "digest", channel: "email", enabled: true },
        { userId: kitchen.id, event: "digest", channel: "in_app", enabled: true },
      ],
    });
    await db.outboxMessage.deleteMany();
    const next = await runDueJobs(new Date("2026-11-30T08:00:30Z"));
    expect(next).toEqual([expect.objectContaining({ job: "digest", period: "2026-11-23", recipients: 2 })]);
    expect(await emailsOf()).toEqual([ADMIN, KITCHEN].sort());
    expect(await db.notification.findMany({ select: { userId: true, kind: true, title: true, href: true } })).toEqual([
      { userId: kitchen.id, kind: "digest", title: "Touchline digest for the week of 23 Nov 2026", href: expect.stringMatching(/^\/overview\?journey=\d+&view=week&period=2026-11-23$/) },
    ]);
    // A later tick, or a restart that lost the ScheduledRun row, adds nothing.
    expect(await runDueJobs(new Date("2026-11-30T08:05:00Z"))).toEqual([]);
    await db.scheduledRun.deleteMany();
    expect((await runDueJobs(new Date("2026-11-30T08:06:00Z")))[0]).toMatchObject({ job: "digest", recipients: 0 });
    expect(await db.outboxMessage.count({ where: { kind: "digest" } })).toBe(2);
  });

  it("says for the seeded demo what the overview says: the same headline, score, target, at-risk touchpoints and links", async () => {
    const kitchen = await actorFor(KITCHEN);
    // Two of the kitchen's figures not in yet, and a change that took effect in the week.
    const entries = await db.metricEntry.findMany({ where: { periodStart: WEEK, metric: { touchpoint: { departmentId: kitchen.departmentIds[0]! } } }, take: 2, orderBy: { metricId: "asc" } });
    await db.metricEntry.deleteMany({ where: { id: { in: entries.map((e) => e.id) } } });
    removed.push(...entries.map(({ metricId, periodStart, value }) => ({ metricId, periodStart, value })));
    const food = await db.touchpoint.findFirstOrThrow({ where: { name: "Food" }, select: { id: true } });
    const change = await recordProcessChange(
      kitchen,
      recordChangeSchema.parse({ title: "Second pass at the grill", effectiveDate: "2026-11-18", touchpointIds: [food.id], answers: Object.fromEntries(FIVE_HOWS.map((h) => [h.key, { noImpact: true }])) }),
    );

    await publishDigest(WEEK, "WEEK", DIGEST_TIME);
    const exec = await actorFor(EXEC);
    const email = await db.outboxMessage.findFirstOrThrow({ where: { recipientId: exec.id, kind: "digest" } });

    const overview = await getOverview({ view: "WEEK", period: WEEK });
    expect(overview.journeys.map((j) => j.name)).toEqual(["Dine-in", "Online order"]);
    for (const { id } of overview.journeys) {
      const journey = (await getOverview({ view: "WEEK", period: WEEK, journeyId: id })).journey!;
      const headline = overviewHeadline(journey, periodPhrase("Week of 16 Nov 2026"));
      // The overview's headline, then (when more points are missing than its gap) what the page's "Why … missing" note says.
      const note = missingPointsNote(journey.score, journey.targetScore, shownDrags(journey.departments.map((d) => d.drag)).total);
      expect(email.body).toContain(`\n${journey.name.toUpperCase()}\n${[headline.sentence, headline.drag, note].filter(Boolean).join(" ")}\n`);
      expect(email.html).toContain(headline.sentence);
      expect(email.body).toContain(`Open the overview: ${appUrl()}/overview?journey=${id}&view=week&period=2026-11-16`);
      expect(email.body).toContain(journey.atRisk.length ? `At risk (${journey.atRisk.length}):` : "Nothing is below its warning line or falling steadily.");
      for (const t of journey.atRisk.slice(0, 5)) expect(email.body).toContain(`  • ${t.name} (${t.department.name}): `);
    }
    const dineIn = overview.journey!;
    expect(email.body).toMatch(new RegExp(`Score ${dineIn.score!.toFixed(1).replace(".", "\\.")}, target \\d+\\.\\d, [▲▼] \\d+\\.\\d vs previous week\\.`));
    expect(email.body).toContain(`A process change that took effect this week:\n  • Second pass at the grill (18 Nov 2026): ${appUrl()}/changes/${change.id}`);
    expect(email.body).toContain("MISSING FIGURES\n2 figures missing: Kitchen 2.");
    expect(email.body).toMatch(/Stop the weekly digest by email: \S+\/unsubscribe\/\d+\.digest\.[\w-]{43}/);
  });

  it("says a week with too few figures is not judged yet, as the overview does", async () => {
    // Every figure of the week but one department's gone: under half the journey's weight reported.
    const keep = await db.department.findFirstOrThrow({ where: { name: "Kitchen" }, select: { id: true } });
    const entries = await db.metricEntry.findMany({ where: { periodStart: WEEK, metric: { touchpoint: { departmentId: { not: keep.id } } } } });
    await db.metricEntry.deleteMany({ where: { id: { in: entries.map((e) => e.id) } } });
    removed.push(...entries.map(({ metricId, periodStart, value }) => ({ metricId, periodStart, value })));

    await publishDigest(WEEK, "WEEK", DIGEST_TIME);
    const email = await db.outboxMessage.findFirstOrThrow({ where: { kind: "digest", recipient: { email: EXEC } } });
    expect(email.body).toMatch(/\nOnly \d+ of \d+ touchpoints reported for the week of 16 Nov 2026, too few to judge Dine-in against its target\.\n/);
    expect(email.body).toContain("no change shown until more figures are in");
    expect(email.body).toContain("Not judged yet: too few figures are in for this week. The last complete week, Week of 9 Nov 2026, shows what was at risk then.");
    expect(email.body).toContain(`Last complete week: ${appUrl()}/overview?journey=`);
    expect(email.subject).toBe("Touchline digest for the week of 16 Nov 2026");
  });

  it("does not go to a deactivated person, nor to a viewer who did not ask for it", async () => {
    const admin = await actorFor(ADMIN);
    await db.user.update({ where: { email: EXEC }, data: { active: false } });
    try {
      expect(await publishDigest(WEEK, "WEEK", DIGEST_TIME)).toEqual({ recipients: 1 });
    } finally {
      await db.user.update({ where: { email: EXEC }, data: { active: true } });
    }
    expect(await db.outboxMessage.findMany({ where: { kind: "digest" }, select: { recipientId: true } })).toEqual([{ recipientId: admin.id }]);
    expect(await emailsOf()).not.toContain(VIEWER);
  });
});

describe("digest email delivery", () => {
  type Received = { to: string[]; data: string };
  const received: Received[] = [];
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
  let smtpUrl = "";
  const ready = (async () => {
    server.listen(0, "127.0.0.1");
    await once(server.server, "listening");
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  })();
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("reaches the SMTP server with List-Unsubscribe headers whose one-click POST turns that person's digest email off", async () => {
    await ready;
    const exec = await actorFor(EXEC);
    await publishDigest(WEEK, "WEEK", DIGEST_TIME);
    const mailer = createMailer({ url: smtpUrl, from: "Touchline <digest@touchline.demo>" });
    try {
      expect(await deliverBatch({ workerId: "smtp", mailer })).toMatchObject({ claimed: 2, sent: 2, failed: 0 });
    } finally {
      mailer.close();
    }
    const mail = received.find((m) => m.to.includes(EXEC))!;
    // Header lines as a mail client reads them: long ones may be folded onto a second line (RFC 5322).
    const headers = mail.data.slice(0, mail.data.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, " ");
    expect(headers).toMatch(/^Subject: Touchline digest for the week of 16 Nov 2026$/m);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const url = new RegExp(`^List-Unsubscribe: <(${appUrl()}/unsubscribe/${exec.id}\\.digest\\.[\\w-]{43})>$`, "m").exec(headers)?.[1];
    expect(url).toBeDefined();
    expect(mail.data).toContain("multipart/alternative");

    // What a mail provider does with it (RFC 8058): POST the URL with that body (proxy.ts sends it to this handler).
    const token = url!.split("/").at(-1)!;
    const response = await oneClick(new Request(`${url}/one-click`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }), { params: Promise.resolve({ token }) });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("Unsubscribed: you will no longer get the weekly digest by email.");
    expect(await db.notificationPreference.findMany({ where: { userId: exec.id }, select: { event: true, channel: true, enabled: true } })).toEqual([{ event: "digest", channel: "email", enabled: false }]);
  });
});
