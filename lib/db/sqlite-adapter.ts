// The embedded database's driver adapter: PostgreSQL-like isolation on one SQLite file.
//
// Prisma's better-sqlite3 adapter runs everything on one connection, so a query from another
// request made while a transaction is open ran *inside* it: it saw uncommitted rows and its writes
// were rolled back with the transaction (issue 11). This adapter composes two of Prisma's own
// adapters over one file in WAL mode:
//   - a reader connection for statements that only read, outside transactions: in WAL mode each
//     sees the last committed state and never waits for a writer;
//   - a writer connection for transactions and for writes outside them, one at a time behind an
//     async mutex (better-sqlite3 is synchronous, so waiting must happen in JavaScript: SQLite's
//     busy handler would block the event loop that the open transaction needs to finish).
// Transactions begin IMMEDIATE, taking SQLite's write lock at once; when another *process* holds
// it, the wait is an async retry with backoff, never SQLite's synchronous busy handler (which would
// freeze every request of this process). The mutex is one per database file for the whole process
// (Next.js bundles route handlers and pages separately, each with its own Prisma client).
// Guarantees and limits: docs/database.md#the-embedded-database-under-concurrent-use.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { E_TIMEOUT, Mutex, withTimeout, type MutexInterface } from "async-mutex";
import Database from "better-sqlite3";

/** How long a write waits for the one before it (ms); also Prisma's transaction maxWait. */
export const SQLITE_WRITE_WAIT_MS = 30_000;
/**
 * SQLite's own (synchronous, event-loop-blocking) busy wait, per statement (ms): kept short; longer
 * waits for another process are async retries up to the write wait.
 */
const BUSY_TIMEOUT_MS = 25;

/**
 * A write that waited too long, as Prisma knows a timed-out operation: P1008, which the app turns
 * into "unavailable" (HTTP 503; lib/data/prisma-errors.ts asDomainError). Nothing was written.
 */
const databaseBusy = () => new DriverAdapterError({ kind: "SocketTimeout" });

/** One write lock per database file for the whole process, shared by every Prisma client on it. */
const writeLocks: Map<string, Mutex> = ((globalThis as { touchlineSqliteWriteLocks?: Map<string, Mutex> }).touchlineSqliteWriteLocks ??= new Map());
function writeLockFor(file: string): Mutex {
  let lock = writeLocks.get(file);
  if (!lock) writeLocks.set(file, (lock = new Mutex()));
  return lock;
}

/** Distinct statements whose read-only flag is remembered; Prisma's SQL repeats, IN lists vary. */
const CLASSIFIED_STATEMENTS = 2_000;

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** SQLITE_BUSY (another process holds the lock), as Prisma's adapter reports it. */
const isBusy = (error: unknown) => /^SQLITE_BUSY/.test(String((error as { cause?: { originalCode?: unknown } })?.cause?.originalCode ?? ""));

/**
 * Opens the database file in WAL mode and answers "does this SQL only read?" from SQLite itself
 * (sqlite3_stmt_readonly, via better-sqlite3's Statement#readonly), remembering recent answers.
 */
class StatementClassifier {
  readonly #connection: Database.Database;
  readonly #readOnly = new Map<string, boolean>();

  constructor(file: string) {
    // Opened once at start-up, so a longer wait here blocks nothing that is already running.
    this.#connection = new Database(file, { timeout: 5_000 });
    // Persistent in the file: every later connection, in any process, uses the write-ahead log.
    this.#connection.pragma("journal_mode = WAL");
  }

  isReadOnly(sql: string): boolean {
    let readOnly = this.#readOnly.get(sql);
    if (readOnly === undefined) {
      try {
        readOnly = this.#connection.prepare(sql).readonly;
      } catch {
        // Not valid SQL here: let the writer connection report the error.
        readOnly = false;
      }
      if (this.#readOnly.size >= CLASSIFIED_STATEMENTS) this.#readOnly.clear();
      this.#readOnly.set(sql, readOnly);
    }
    return readOnly;
  }

  close() {
    this.#connection.close();
  }
}

class IsolatingSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName = "touchline-sqlite";
  readonly #writeLock: MutexInterface;

  constructor(
    private readonly reader: SqlDriverAdapter,
    private readonly writer: SqlDriverAdapter,
    private readonly classifier: StatementClassifier,
    lock: Mutex,
    private readonly writeWaitMs: number,
  ) {
    this.#writeLock = withTimeout(lock, writeWaitMs);
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.classifier.isReadOnly(query.sql) ? this.reader.queryRaw(query) : this.#write(() => this.writer.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.classifier.isReadOnly(query.sql) ? this.reader.executeRaw(query) : this.#write(() => this.writer.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.#write(() => this.writer.executeScript(script));
  }

  /** A write outside a transaction: its own short IMMEDIATE transaction, so it waits like one. */
  async #write<T>(run: () => Promise<T>): Promise<T> {
    const tx = await this.#begin();
    try {
      const result = await run();
      await tx.executeRaw(statement("COMMIT"));
      await tx.commit();
      return result;
    } catch (error) {
      await tx.executeRaw(statement("ROLLBACK")).catch(() => undefined);
      await tx.rollback();
      throw error;
    }
  }

  /** Takes this process's write lock, then SQLite's (BEGIN IMMEDIATE), retrying with backoff while another process holds it. */
  async #begin(): Promise<WriterTransaction> {
    const deadline = Date.now() + this.writeWaitMs;
    const release = await this.#writeLock.acquire().catch((error: unknown) => {
      throw error === E_TIMEOUT ? databaseBusy() : error;
    });
    try {
      for (let delay = 5; ; delay = Math.min(delay * 2, 250)) {
        try {
          await this.writer.executeRaw(statement("BEGIN IMMEDIATE"));
          return new WriterTransaction(this.writer, release);
        } catch (error) {
          if (!isBusy(error)) throw error;
          if (Date.now() + delay > deadline) throw databaseBusy();
          await sleep(delay);
        }
      }
    } catch (error) {
      release();
      throw error;
    }
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite transactions are serializable; asking for less is an error, as in Prisma's adapter.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") return this.writer.startTransaction(isolationLevel);
    return this.#begin();
  }

  async dispose(): Promise<void> {
    this.classifier.close();
    await Promise.all([this.reader.dispose(), this.writer.dispose()]);
  }
}

/**
 * A transaction on the writer connection, which it holds until it ends. Prisma sends COMMIT or
 * ROLLBACK itself (usePhantomQuery: false), then calls commit() or rollback() to release it.
 */
class WriterTransaction implements Transaction {
  readonly provider = "sqlite" as const;
  readonly adapterName = "touchline-sqlite";
  readonly options = { usePhantomQuery: false };
  #release: (() => void) | null;

  constructor(
    private readonly writer: SqlDriverAdapter,
    release: () => void,
  ) {
    this.#release = release;
  }

  // better-sqlite3 answers synchronously and Prisma chains the statements as microtasks, so a long
  // transaction would hold the event loop until it ends: one turn of it before each statement
  // lets other requests (reads on the reader connection) run meanwhile.
  async queryRaw(query: SqlQuery) {
    await nextTurn();
    return this.writer.queryRaw(query);
  }

  /**
   * Prisma ends a transaction by sending COMMIT or ROLLBACK here, and calls commit() or rollback()
   * (which release the lock) only when that succeeded. When it fails — SQLite already rolled back
   * after SQLITE_FULL, say — the transaction is over anyway: make sure of it and release the lock,
   * or every later write would wait for it forever.
   */
  async executeRaw(query: SqlQuery) {
    await nextTurn();
    const ending = /^\s*(COMMIT|ROLLBACK)\s*$/i.test(query.sql);
    try {
      return await this.writer.executeRaw(query);
    } catch (error) {
      if (ending) {
        await this.writer.executeRaw(statement("ROLLBACK")).catch(() => undefined);
        await this.#end();
      }
      throw error;
    }
  }

  #end(): Promise<void> {
    this.#release?.();
    this.#release = null;
    return Promise.resolve();
  }

  commit() {
    return this.#end();
  }

  rollback() {
    return this.#end();
  }
}

/**
 * A Prisma driver adapter factory for a SQLite file (an absolute path) giving each request
 * PostgreSQL-like isolation: reads outside transactions see committed data only and never wait;
 * writes are serialised in this process and across processes. A write that waited more than
 * `writeWaitMs` (default SQLITE_WRITE_WAIT_MS) for the ones before it fails with Prisma's P1008
 * (operation timed out), nothing written.
 */
export function isolatingSqliteAdapter(file: string, { writeWaitMs = SQLITE_WRITE_WAIT_MS } = {}): SqlDriverAdapterFactory {
  // Dates as integer milliseconds: compact, and compared numerically by SQLite.
  const options = { timestampFormat: "unixepoch-ms" as const };
  const config = { url: `file:${file}`, timeout: BUSY_TIMEOUT_MS };
  return {
    provider: "sqlite",
    adapterName: "touchline-sqlite",
    async connect() {
      const classifier = new StatementClassifier(file);
      const [reader, writer] = await Promise.all([
        new PrismaBetterSQLite3({ ...config, readonly: true }, options).connect(),
        new PrismaBetterSQLite3(config, options).connect(),
      ]);
      // better-sqlite3 builds SQLite with synchronous = NORMAL under WAL: a commit could be lost to
      // a power cut. FULL syncs the log on every commit, so an acknowledged write survives one.
      await writer.executeRaw(statement("PRAGMA synchronous = FULL"));
      return new IsolatingSqliteAdapter(reader, writer, classifier, writeLockFor(file), writeWaitMs);
    },
  };
}
