// The notification worker as its own process (docs/notifications.md: when to use it).
//   npm run worker                          run until stopped (SIGINT/SIGTERM finish the pass under way)
//   npm run worker -- --once                one pass: due scheduled jobs, alerts, then the outbox; prints what it did
//   npm run worker -- --remind 2026-11-23   queue the reminders for that period now, deliver, exit
//   npm run worker -- --digest 2026-11-23   publish that period's digest now, deliver, exit
// Reads the same environment as the app, .env.local included (DATABASE_URL, SMTP_URL, MAIL_FROM, NEXTAUTH_URL).
// @next/env is how Next.js itself loads .env files (a dependency of next).
import { loadEnvConfig } from "@next/env";
import path from "node:path";
import { parseArgs } from "node:util";

loadEnvConfig(path.resolve(import.meta.dirname, ".."));

const { values } = parseArgs({ options: { once: { type: "boolean", default: false }, remind: { type: "string" }, digest: { type: "string" } } });

async function main() {
  // The app's own server knows its address; a worker on its own only knows what it is told.
  if (!process.env.NEXTAUTH_URL?.trim()) {
    console.warn(`[notifications] NEXTAUTH_URL is not set: links in emails will point at http://localhost:${process.env.PORT ?? 3000}. Set it to the address people open Touchline at.`);
  }
  // After the environment is loaded: lib/db reads DATABASE_URL when first imported.
  const { getScheduleSettings } = await import("../lib/data/organisation");
  const { isEnterablePeriod, parsePeriodKey } = await import("../lib/periods");
  const { createMailer, mailSettingsFromEnv } = await import("../lib/notifications/mail");
  const { enqueueReminders } = await import("../lib/notifications/reminders");
  const { publishDigest } = await import("../lib/notifications/digest");
  const { runWorkerOnce, startWorker } = await import("../lib/notifications/scheduler");
  const { db } = await import("../lib/db");

  async function oneShot(run: (workerId: string, mailer: ReturnType<typeof createMailer> | null) => Promise<unknown>) {
    const settings = mailSettingsFromEnv();
    const mailer = settings ? createMailer(settings) : null;
    try {
      console.log(JSON.stringify(await run(`cli:${process.pid}`, mailer)));
    } finally {
      mailer?.close();
      await db.$disconnect();
    }
  }

  /** The period a --remind or --digest option names, or exit with what it should be. */
  async function periodOption(option: "remind" | "digest", value: string) {
    const settings = await getScheduleSettings();
    const period = parsePeriodKey(value);
    if (!settings) throw new Error(`There is no organisation yet: nothing to ${option === "remind" ? "remind anyone about" : "digest"}.`);
    if (!period || !isEnterablePeriod(period, settings.periodGranularity)) {
      console.error(`--${option} takes the first day of a ${settings.periodGranularity === "WEEK" ? "week (a Monday)" : "month"} that has started, as YYYY-MM-DD; got "${value}".`);
      process.exit(1);
    }
    return { period, granularity: settings.periodGranularity };
  }

  if (values.remind !== undefined) {
    const { period, granularity } = await periodOption("remind", values.remind);
    await oneShot(async (workerId, mailer) => ({ ...(await enqueueReminders(period, granularity)), ...(await runWorkerOnce({ workerId, mailer })) }));
  } else if (values.digest !== undefined) {
    const { period, granularity } = await periodOption("digest", values.digest);
    await oneShot(async (workerId, mailer) => ({ ...(await publishDigest(period, granularity)), ...(await runWorkerOnce({ workerId, mailer })) }));
  } else if (values.once) {
    await oneShot((workerId, mailer) => runWorkerOnce({ workerId, mailer }));
  } else {
    const worker = startWorker();
    // The worker's timer does not hold the process open; this does, until a signal.
    const keepAlive = setInterval(() => {}, 1 << 30);
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, async () => {
        clearInterval(keepAlive);
        await worker.stop();
        await db.$disconnect();
      });
    }
  }
}

void main();
