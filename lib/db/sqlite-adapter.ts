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
// Transactions begin IMMEDIATE, taking SQLite's write lock at once, so a second process writing
// to the same file waits for it (busy_timeout) instead of failing halfway through.
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
import { Mutex, withTimeout, type MutexInterface } from "async-mutex";
import Database from "better-sqlite3";

/** How long a write waits for the one before it (ms); also Prisma's transaction maxWait. */
export const SQLITE_WRITE_WAIT_MS = 30_000;
/** How long SQLite waits for another *process* holding the write lock (ms). */
const BUSY_TIMEOUT_MS = 10_000;
/** Distinct statements whose read-only flag is remembered; Prisma's SQL repeats, IN lists vary. */
const CLASSIFIED_STATEMENTS = 2_000;

export class SqliteWriteWaitTimeout extends Error {
  constructor() {
    super(`The database stayed busy with another write for ${SQLITE_WRITE_WAIT_MS / 1000} s; nothing was written. Try again.`);
    this.name = "SqliteWriteWaitTimeout";
  }
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Opens the database file in WAL mode and answers "does this SQL only read?" from SQLite itself
 * (sqlite3_stmt_readonly, via better-sqlite3's Statement#readonly), remembering recent answers.
 */
class StatementClassifier {
  readonly #connection: Database.Database;
  readonly #readOnly = new Map<string, boolean>();

  constructor(file: string) {
    this.#connection = new Database(file, { timeout: BUSY_TIMEOUT_MS });
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
  readonly #writeLock: MutexInterface = withTimeout(new Mutex(), SQLITE_WRITE_WAIT_MS, new SqliteWriteWaitTimeout());

  constructor(
    private readonly reader: SqlDriverAdapter,
    private readonly writer: SqlDriverAdapter,
    private readonly classifier: StatementClassifier,
  ) {}

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.classifier.isReadOnly(query.sql)
      ? this.reader.queryRaw(query)
      : this.#writeLock.runExclusive(() => this.writer.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.classifier.isReadOnly(query.sql)
      ? this.reader.executeRaw(query)
      : this.#writeLock.runExclusive(() => this.writer.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.#writeLock.runExclusive(() => this.writer.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite transactions are serializable; asking for less is an error, as in Prisma's adapter.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") return this.writer.startTransaction(isolationLevel);
    const release = await this.#writeLock.acquire();
    try {
      await this.writer.executeRaw(statement("BEGIN IMMEDIATE"));
    } catch (error) {
      release();
      throw error;
    }
    return new WriterTransaction(this.writer, release);
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

  async executeRaw(query: SqlQuery) {
    await nextTurn();
    return this.writer.executeRaw(query);
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
 * writes are serialised in this process and across processes. Throws SqliteWriteWaitTimeout from
 * a write that waited more than SQLITE_WRITE_WAIT_MS for the one before it.
 */
export function isolatingSqliteAdapter(file: string): SqlDriverAdapterFactory {
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
      return new IsolatingSqliteAdapter(reader, writer, classifier);
    },
  };
}
