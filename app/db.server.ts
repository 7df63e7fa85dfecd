import { createRequire } from "node:module";
import { PrismaClient, type Prisma } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "./env.server";

/**
 * The app's database. SQLite (libsql adapter) by default; PostgreSQL through the pg adapter when
 * DATABASE_URL is a postgres URL. Both clients are generated from the same models, so they share
 * one type.
 */
export type Db = PrismaClient;
export type DbKind = "sqlite" | "postgres";

export function databaseKind(url: string): DbKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

const clientKinds = new WeakMap<Db, DbKind>();

export function createPrismaClient(url: string): Db {
  const client = newPrismaClient(url);
  clientKinds.set(client, databaseKind(url));
  return client;
}

/**
 * Runs a statement built with `Prisma.sql` on either client. The PostgreSQL client carries its own
 * copy of Prisma's runtime, whose $queryRaw does not recognise @prisma/client's Sql objects, so
 * the statement goes in as text with the placeholders each database expects.
 */
export function queryRaw<T>(db: Db, query: Prisma.Sql): Promise<T> {
  const kind = clientKinds.get(db);
  if (!kind) throw new Error("queryRaw needs a client made by createPrismaClient");
  return db.$queryRawUnsafe<T>(kind === "postgres" ? query.text : query.sql, ...query.values);
}

function newPrismaClient(url: string): Db {
  if (databaseKind(url) === "postgres") {
    // The PostgreSQL client is generated to its own folder (prisma/postgres/schema.prisma).
    // It is loaded at run time so the bundler never has to understand Prisma's CommonJS output.
    const require = createRequire(import.meta.url);
    const { PrismaClient: PgClient } = require(".prisma/client-pg") as { PrismaClient: typeof PrismaClient };
    return new PgClient({ adapter: new PrismaPg({ connectionString: url }) });
  }
  return new PrismaClient({ adapter: new LibSQLWithBusyTimeout({ url }) });
}

/** How long a SQLite statement waits for another connection's write lock before it fails. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * The libsql adapter with a busy timeout on every connection. SQLite's busy timeout belongs to a
 * connection, and the libsql client hands its connection to each transaction and opens a new one
 * for what follows; without this, everything after the first transaction would fail at once with
 * "database is locked" whenever another process (a CLI, a migration) held the write lock.
 *
 * The client drops its connection inside `transaction()` before that call's promise settles, so the
 * wrapper marks the next connection as new at once, and whichever call comes next (from any caller)
 * first sets the timeout on it. A failed PRAGMA fails that call and is tried again by the next one.
 */
class LibSQLWithBusyTimeout extends PrismaLibSQL {
  override createClient(config: Parameters<PrismaLibSQL["createClient"]>[0]) {
    const client = super.createClient(config);
    const pragma = `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`;
    const { execute, batch, executeMultiple, transaction } = {
      execute: client.execute.bind(client),
      batch: client.batch.bind(client),
      executeMultiple: client.executeMultiple.bind(client),
      transaction: client.transaction.bind(client),
    };
    let freshConnection = true;
    const withTimeout = async () => {
      if (!freshConnection) return;
      await execute(pragma);
      freshConnection = false;
    };
    client.execute = (async (...args: Parameters<typeof execute>) => {
      await withTimeout();
      return execute(...args);
    }) as typeof client.execute;
    client.batch = async (...args) => {
      await withTimeout();
      return batch(...args);
    };
    client.executeMultiple = async (...args) => {
      await withTimeout();
      return executeMultiple(...args);
    };
    client.transaction = async (mode?: "write" | "read" | "deferred") => {
      await withTimeout();
      const pending = transaction(mode);
      freshConnection = true; // the client has already let go of the connection it hands the transaction
      return pending;
    };
    return client;
  }
}

declare global {
  var prismaGlobal: Db | undefined;
}

let client: Db | undefined;

/** The one PrismaClient of the process; in development it survives dev-server reloads. */
export function db(): Db {
  if (process.env.NODE_ENV === "development") {
    globalThis.prismaGlobal ??= createPrismaClient(env().DATABASE_URL);
    return globalThis.prismaGlobal;
  }
  client ??= createPrismaClient(env().DATABASE_URL);
  return client;
}

/**
 * SQLite settings the embedded default needs under load, applied once at start-up: write-ahead
 * logging (readers never block the writer; a commit is one append instead of a journal dance). It
 * is stored in the database file. Every connection also gets a busy timeout (see
 * LibSQLWithBusyTimeout). PostgreSQL needs nothing.
 */
export async function prepareDatabase(client: Db, url: string): Promise<void> {
  if (databaseKind(url) !== "sqlite") return;
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
}
