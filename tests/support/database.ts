import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db, type DbKind } from "~/db.server";
import { PG_ADMIN_URL } from "./global-setup";

export interface TestDatabase {
  db: Db;
  url: string;
  kind: DbKind;
  /** Disconnects and deletes the database. */
  drop(): Promise<void>;
}

/** Why the database suites of this project are skipped, or "" when they run. */
export const dbSkipReason: string = inject("dbSkipReason") ?? "";
export const dbKind: DbKind = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";

/** A fresh, fully migrated database of the project's kind (SQLite or PostgreSQL). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("dbTemplate");
  if (!template) throw new Error(`no database template: ${dbSkipReason || "global setup did not run"}`);
  if (dbKind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "cw-db-"));
    const file = path.join(dir, "test.sqlite");
    copyFileSync(template, file);
    const url = `file:${file}`;
    const db = createPrismaClient(url);
    return {
      db,
      url,
      kind: "sqlite",
      drop: async () => {
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `cwtest_${randomBytes(4).toString("hex")}_${template.split("_").pop()}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const db = createPrismaClient(url);
  return {
    db,
    url,
    kind: "postgres",
    drop: async () => {
      await db.$disconnect();
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
