// The embedded database's adapter under the conditions a production server meets (issue 11, found
// by trying to break it): several Prisma clients in one process (Next.js bundles route handlers and
// pages apart), another process holding SQLite's write lock, a write that waits too long, and a
// transaction that SQLite itself ended (disk full). SQLite only: PostgreSQL has none of these.
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "../../lib/db/client";
import { PrismaClient } from "../../lib/db/generated/sqlite/client";
import { asDomainError } from "../../lib/data/prisma-errors";
import { isolatingSqliteAdapter } from "../../lib/db/sqlite-adapter";

const sqlite = inject("provider") === "sqlite";
const file = () => process.env.DATABASE_URL!.slice("file:".length);

/** How late timers fire while `work` runs: a frozen event loop shows as a large lag. */
async function timerLag<T>(work: Promise<T>): Promise<{ result: T; worstLagMs: number }> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  try {
    return { result: await work, worstLagMs: worst };
  } finally {
    clearInterval(timer);
  }
}

describe.runIf(sqlite)("the SQLite adapter", () => {
  // A waiting write that blocked the event loop would stall timers for the whole hold; one that waits
  // without blocking lags them only by the machine's load. Half the hold tells the two apart even on
  // a busy 2-core machine (lags of ~650 ms were seen under load; a blocked loop lags ≥ 2000 ms).
  const HOLD_MS = 2_000;

  it("serialises writes from two clients in one process without freezing it", async () => {
    const a = createPrismaClient(process.env.DATABASE_URL);
    const b = createPrismaClient(process.env.DATABASE_URL);
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const inside = new Promise<void>((resolve) => (started = resolve));
      const transaction = a.$transaction(async (tx) => {
        await tx.organisation.update({ where: { id: 1 }, data: { name: "From client A" } });
        started();
        await held;
      });
      await inside;
      const write = b.organisation.update({ where: { id: 1 }, data: { name: "From client B" } });
      setTimeout(release, HOLD_MS);
      const { worstLagMs } = await timerLag(Promise.all([transaction, write]));
      expect(worstLagMs).toBeLessThan(HOLD_MS / 2);
      expect((await a.organisation.findUniqueOrThrow({ where: { id: 1 } })).name).toBe("From client B");
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  });

  it("waits for another process's write lock with the event loop free, then writes", async () => {
    const other = new Database(file());
    const client = createPrismaClient(process.env.DATABASE_URL);
    try {
      await client.organisation.findFirst(); // connected before the other process takes the lock
      other.prepare("BEGIN IMMEDIATE").run();
      setTimeout(() => other.prepare("COMMIT").run(), HOLD_MS);
      const { result, worstLagMs } = await timerLag(client.organisation.update({ where: { id: 1 }, data: { name: "After the other process" } }));
      expect(result.name).toBe("After the other process");
      expect(worstLagMs).toBeLessThan(HOLD_MS / 2);
    } finally {
      other.close();
      await client.$disconnect();
    }
  });

  it("refuses a write that waited too long with 'unavailable', having written nothing", async () => {
    const other = new Database(file());
    const impatient = new PrismaClient({ adapter: isolatingSqliteAdapter(file(), { writeWaitMs: 200 }), transactionOptions: { maxWait: 200 } });
    try {
      await impatient.organisation.findFirst();
      other.prepare("BEGIN IMMEDIATE").run();
      const refused = await impatient.organisation.update({ where: { id: 1 }, data: { name: "Never saved" } }).catch((e: unknown) => e);
      // Prisma's "operation timed out", which the app answers with 503 "unavailable".
      expect(refused).toMatchObject({ code: "P1008" });
      expect(asDomainError(refused)).toMatchObject({ code: "unavailable", message: expect.stringContaining("Nothing was saved") });
      const refusedTx = await impatient.$transaction((tx) => tx.organisation.update({ where: { id: 1 }, data: { name: "Never saved" } })).catch((e: unknown) => e);
      expect(asDomainError(refusedTx)).toMatchObject({ code: "unavailable" });
      other.prepare("COMMIT").run();
      expect((await impatient.organisation.findUniqueOrThrow({ where: { id: 1 } })).name).not.toBe("Never saved");
    } finally {
      other.close();
      await impatient.$disconnect();
    }
  });

  it("frees the write lock when SQLite itself ended the transaction, so later writes go on", async () => {
    // After SQLITE_FULL SQLite rolls back on its own, and Prisma's ROLLBACK then fails ("no
    // transaction is active"). The same happens when the transaction was ended by hand, as here.
    const client = createPrismaClient(process.env.DATABASE_URL);
    try {
      const ended = await client
        .$transaction(async (tx) => {
          await tx.department.create({ data: { name: "Ended early", slug: "ended-early", colour: "#000000" } });
          await tx.$executeRawUnsafe("ROLLBACK");
          throw new Error("fails after SQLite ended the transaction");
        })
        .catch((e: unknown) => e);
      expect(ended).toBeInstanceOf(Error);
      const started = performance.now();
      await client.organisation.update({ where: { id: 1 }, data: { name: "Written after" } });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(await client.department.count({ where: { name: "Ended early" } })).toBe(0);
    } finally {
      await client.$disconnect();
    }
  });
});
