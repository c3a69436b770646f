// npm run bench:mail — how fast the notification worker sends email: N queued messages delivered
// to an SMTP server on loopback (smtp-server, accepting everything), on a scratch SQLite database
// (data/bench-mail.db) or on DATABASE_URL's PostgreSQL. With WORKERS=n, n workers (each with its
// own database client and SMTP connection) share the outbox, as n `npm run worker` processes would.
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { createPrismaClient } from "../lib/db/client";

const root = path.resolve(import.meta.dirname, "..");
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2_000);
const WORKERS = Number(process.env.WORKERS ?? 1);

async function main() {
  const scratch = path.join(root, "data/bench-mail.db");
  const url = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : `file:${scratch}`;
  if (url.startsWith("file:")) for (const s of ["", "-journal", "-wal", "-shm"]) fs.rmSync(scratch + s, { force: true });
  process.env.DATABASE_URL = url;
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, env: { ...process.env }, stdio: "ignore" });

  // Imported only now, so lib/db picks up the scratch DATABASE_URL.
  const { db } = await import("../lib/db");
  const { enqueue } = await import("../lib/notifications/outbox");
  const { deliverBatch } = await import("../lib/notifications/deliver");
  const { createMailer } = await import("../lib/notifications/mail");

  await db.outboxMessage.deleteMany();
  await db.user.deleteMany({ where: { email: "bench@touchline.demo" } });
  const user = await db.user.create({ data: { email: "bench@touchline.demo", name: "Bench", passwordHash: "-", role: "DEPARTMENT_HEAD" } });
  const body = "Hello,\n\nThese figures for the week of 16 Nov 2026 have not been entered yet:\n\n  • Food: Food rating\n  • Food: Ticket time\n\nhttp://localhost:3000/entry?department=5&period=2026-11-16\n";
  await db.$transaction(async (tx) => {
    for (let i = 0; i < MESSAGES; i += 500) {
      const batch = Array.from({ length: Math.min(500, MESSAGES - i) }, (_, j) => ({ idempotencyKey: `bench:${i + j}`, kind: "reminder" as const, channel: "email" as const, endpointId: null, eventId: null, recipientId: user.id, subject: `Bench ${i + j}`, body, html: `<p>${body}</p>`, href: null }));
      await enqueue(tx, batch);
    }
  });

  let received = 0;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const smtp = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

  const started = performance.now();
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, w) => {
      const client = w === 0 ? db : createPrismaClient(url);
      const mailer = createMailer({ url: smtp, from: "Touchline <bench@localhost>" });
      try {
        while ((await deliverBatch({ workerId: `bench-${w}`, mailer }, client)).claimed > 0);
      } finally {
        mailer.close();
        if (client !== db) await client.$disconnect();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sent = await db.outboxMessage.count({ where: { status: "sent" } });
  const provider = url.startsWith("file:") ? "SQLite" : "PostgreSQL";
  console.log(`${provider}, ${WORKERS} worker(s): ${sent.toLocaleString("en-GB")} of ${MESSAGES.toLocaleString("en-GB")} sent (server received ${received}) in ${seconds.toFixed(2)} s — ${Math.round(sent / seconds)} messages/s`);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.$disconnect();
}

void main();
