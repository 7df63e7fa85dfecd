import { createRequire } from "node:module";
import { PrismaClient } from "@prisma/client";
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

export function createPrismaClient(url: string): Db {
  if (databaseKind(url) === "postgres") {
    // The PostgreSQL client is generated to its own folder (prisma/postgres/schema.prisma).
    // It is loaded at run time so the bundler never has to understand Prisma's CommonJS output.
    const require = createRequire(import.meta.url);
    const { PrismaClient: PgClient } = require(".prisma/client-pg") as { PrismaClient: typeof PrismaClient };
    return new PgClient({ adapter: new PrismaPg({ connectionString: url }) });
  }
  return new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
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
 * logging (readers never block the writer; a commit is one append instead of a journal dance) and
 * a busy timeout instead of failing at once when another connection holds the write lock.
 * PostgreSQL needs nothing.
 */
export async function prepareDatabase(client: Db, url: string): Promise<void> {
  if (databaseKind(url) !== "sqlite") return;
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
}
