// The notification worker: runs scheduled jobs when they fall due (cron expressions in the
// organisation's time zone, parsed by croner) and delivers the outbox. It runs inside the app
// server (instrumentation.ts) or as its own process (npm run worker); docs/notifications.md says
// which to use when. Every job and every message is keyed, so several workers are safe.
import { randomUUID } from "node:crypto";
import os from "node:os";
import { db, type Tx } from "../db";
import { text, time } from "../data/sql-params";
import { getScheduleSettings } from "../data/organisation";
import { pruneSessions } from "../data/sessions";
import { isUniqueViolation } from "../data/prisma-errors";
import { evaluateAlerts, type AlertEvaluation } from "./alerts";
import { BATCH_SIZE, deliverBatch, type DeliveryCounts } from "./deliver";
import { publishDigest } from "./digest";
import { createMailer, mailSettingsFromEnv, type Mailer } from "./mail";
import { enqueueReminders } from "./reminders";
import { dueOccurrence, periodJustEnded } from "./schedule";
import { toPeriodKey } from "../periods";

/** How often the worker looks for due jobs and messages. */
export const TICK_MS = 15_000;
/** How soon after requestAlertCheck() the worker in this process runs a pass (writes in the meantime share it). */
export const WAKE_MS = 250;
/** Batches delivered per tick at most, so one tick cannot run for ever behind a large backlog. */
const BATCHES_PER_TICK = 20;

export type ScheduledJobRun = { job: string; occurrence: string; period: string; reminded?: number; [result: string]: unknown };

type Settings = NonNullable<Awaited<ReturnType<typeof getScheduleSettings>>>;

/**
 * A job run on a schedule: when its latest occurrence at or before now falls due (in the
 * organisation's time zone), `run` does the work for the period that had just ended then.
 */
type ScheduledJob = {
  name: string;
  /** The latest occurrence at or before `now`, less than CATCH_UP_MS old, or null. */
  occurrence(settings: Settings, now: Date): Date | null;
  /** The period the occurrence is about. */
  period(occurrence: Date, settings: Settings): Date;
  run(period: Date, settings: Settings, now: Date): Promise<Record<string, unknown>>;
};

/** Hours → ms. */
const hours = (h: number) => h * 3_600_000;

export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  {
    name: "reminders",
    occurrence: (s, now) => dueOccurrence(s.reminderSchedule, s.timeZone, now),
    period: (occurrence, s) => periodJustEnded(occurrence, s.timeZone, s.periodGranularity),
    run: (period, s, now) => enqueueReminders(period, s.periodGranularity, now, "reminder.missing_figures"),
  },
  {
    // The second nudge: reminderNudgeHours after each reminder occurrence, to the heads still missing figures.
    name: "nudge",
    occurrence(s, now) {
      if (s.reminderNudgeHours <= 0) return null;
      const reminder = dueOccurrence(s.reminderSchedule, s.timeZone, new Date(now.getTime() - hours(s.reminderNudgeHours)));
      return reminder && new Date(reminder.getTime() + hours(s.reminderNudgeHours));
    },
    period: (occurrence, s) => periodJustEnded(new Date(occurrence.getTime() - hours(s.reminderNudgeHours)), s.timeZone, s.periodGranularity),
    run: (period, s, now) => enqueueReminders(period, s.periodGranularity, now, "reminder.nudge"),
  },
  {
    name: "digest",
    occurrence: (s, now) => dueOccurrence(s.digestSchedule, s.timeZone, now),
    period: (occurrence, s) => periodJustEnded(occurrence, s.timeZone, s.periodGranularity),
    run: (period, s, now) => publishDigest(period, s.periodGranularity, now),
  },
];

/** A job's due occurrence under `settings`, or null (none due, or a schedule croner cannot read). */
function occurrenceUnder(job: ScheduledJob, settings: Settings, now: Date): Date | null {
  try {
    return job.occurrence(settings, now);
  } catch {
    return null;
  }
}

/**
 * Records as done, in `tx`, each job's occurrence that the new settings make due at `now` though
 * the old ones did not: a change of settings (a new time zone, an earlier hour, a shorter nudge)
 * applies from the next occurrence, instead of sending at once what the new schedule would have
 * sent earlier today. An occurrence due under both (saved at 10:00:05, before the worker's tick
 * ran the 10:00 reminders) still runs. Returns the jobs it marked.
 */
export async function skipOccurrencesDueAt(tx: Tx, before: Settings, after: Settings, now: Date): Promise<string[]> {
  const marked: string[] = [];
  for (const job of SCHEDULED_JOBS) {
    const occurrence = occurrenceUnder(job, after, now);
    if (!occurrence || occurrence.getTime() === occurrenceUnder(job, before, now)?.getTime()) continue;
    const inserted = await tx.$executeRaw`INSERT INTO "ScheduledRun" ("job", "occurrence", "finishedAt") VALUES (${text(job.name)}, ${time(occurrence)}, ${time(now)}) ON CONFLICT ("job", "occurrence") DO NOTHING`;
    if (inserted) marked.push(job.name);
  }
  return marked;
}

/**
 * Runs each scheduled job whose latest occurrence is due and has not run to the end yet (a
 * ScheduledRun row says it has). Two processes may both run one the same minute; its messages are
 * keyed, so each person still gets one. Returns what ran.
 */
export async function runDueJobs(now = new Date()): Promise<ScheduledJobRun[]> {
  const settings = await getScheduleSettings();
  if (!settings) return [];
  const ran: ScheduledJobRun[] = [];
  for (const job of SCHEDULED_JOBS) {
    const occurrence = job.occurrence(settings, now);
    if (!occurrence) continue;
    if (await db.scheduledRun.findUnique({ where: { job_occurrence: { job: job.name, occurrence } }, select: { job: true } })) continue;
    const period = job.period(occurrence, settings);
    const result = await job.run(period, settings, now);
    try {
      await db.scheduledRun.create({ data: { job: job.name, occurrence, finishedAt: now } });
    } catch (error) {
      // Another process finished the same occurrence first: both runs were the same keyed work.
      if (!isUniqueViolation(error)) throw error;
    }
    ran.push({ job: job.name, occurrence: occurrence.toISOString(), period: toPeriodKey(period), ...result });
  }
  return ran;
}

export type WorkerPass = { jobs: ScheduledJobRun[]; alerts: AlertEvaluation | { failed: string } } & DeliveryCounts;

/**
 * One pass of the worker: the scheduled jobs that are due, the alerts (evaluateAlerts), then the
 * outbox, a batch at a time until it holds nothing due (at most BATCHES_PER_TICK batches). An
 * evaluation that fails is reported in the result and does not hold up delivery. Old session rows
 * are pruned on the way (one delete; lib/data/sessions.ts).
 */
export async function runWorkerOnce({ workerId, mailer, now }: { workerId: string; mailer: Mailer | null; now?: Date }): Promise<WorkerPass> {
  await pruneSessions(now);
  const jobs = await runDueJobs(now);
  const alerts = await evaluateAlerts({ now }).catch((error: unknown) => ({ failed: error instanceof Error ? error.message : String(error) }));
  const total: DeliveryCounts = { claimed: 0, sent: 0, skipped: 0, failed: 0, retrying: 0 };
  for (let i = 0; i < BATCHES_PER_TICK; i++) {
    const counts = await deliverBatch({ workerId, mailer, now });
    for (const key of Object.keys(total) as (keyof DeliveryCounts)[]) total[key] += counts[key];
    if (counts.claimed < BATCH_SIZE) break;
  }
  return { jobs, alerts, ...total };
}

export type Worker = {
  id: string;
  /** Runs a pass within WAKE_MS (or right after the one under way) instead of at the next tick. */
  wake(): void;
  stop(): Promise<void>;
};
type Log = Pick<Console, "info" | "error">;

const globalForWorker = globalThis as unknown as { touchlineWorker?: Worker };

/**
 * Starts the worker loop in this process (once: a second call returns the running worker). A
 * failing pass is logged and the loop goes on; the timer does not keep the process alive.
 */
export function startWorker({ log = console, tickMs = TICK_MS }: { log?: Log; tickMs?: number } = {}): Worker {
  if (globalForWorker.touchlineWorker) return globalForWorker.touchlineWorker;
  const id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const settings = mailSettingsFromEnv();
  const mailer = settings ? createMailer(settings) : null;
  let timer: NodeJS.Timeout | undefined;
  let dueAt = 0;
  let running = false;
  let wokenWhileRunning = false;
  let stopped = false;
  let pass: Promise<void> = Promise.resolve();
  let lastError = "";
  const schedule = (ms: number) => {
    clearTimeout(timer);
    dueAt = Date.now() + ms;
    timer = setTimeout(tick, ms).unref();
  };

  const tick = () => {
    running = true;
    pass = runWorkerOnce({ workerId: id, mailer })
      .then((result) => {
        lastError = "";
        const alerted = "failed" in result.alerts || result.alerts.triggered || result.alerts.recovered;
        if (result.jobs.length || result.claimed || alerted) log.info(`[notifications] ${JSON.stringify(result)}`);
      })
      .catch((error: unknown) => {
        // The same error every tick (say, a database without the latest migration) is logged once.
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastError) log.error(`[notifications] worker pass failed: ${message}`);
        lastError = message;
      })
      .finally(() => {
        running = false;
        if (!stopped) schedule(wokenWhileRunning ? WAKE_MS : tickMs);
        wokenWhileRunning = false;
      });
  };
  schedule(0);
  log.info(`[notifications] worker ${id} started; ${mailer ? "sending email" : "no SMTP_URL: email is skipped"}`);

  const worker: Worker = {
    id,
    wake() {
      if (stopped) return;
      if (running) wokenWhileRunning = true;
      // A pass already due sooner is not put off: a stream of writes cannot postpone it for ever.
      else if (dueAt - Date.now() > WAKE_MS) schedule(WAKE_MS);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
      mailer?.close();
      if (globalForWorker.touchlineWorker === worker) delete globalForWorker.touchlineWorker;
    },
  };
  return (globalForWorker.touchlineWorker = worker);
}

/**
 * After figures were written: has the worker in this process (if it runs one) evaluate alerts and
 * deliver what they publish within WAKE_MS. Without a worker here (NOTIFICATIONS_WORKER=off) the
 * worker process's next tick does it. Never throws.
 */
export function requestAlertCheck(): void {
  globalForWorker.touchlineWorker?.wake();
}
