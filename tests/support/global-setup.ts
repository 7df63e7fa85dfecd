import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

export const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: string;
    dbSkipReason: string;
  }
}

// Migrations run once per test run with the real `prisma migrate deploy`, into a template that
// every test file then copies (a file copy for SQLite, CREATE DATABASE … TEMPLATE for PostgreSQL).
const prismaBin = path.resolve("node_modules/.bin/prisma");

function migrate(url: string, config?: string) {
  const args = ["migrate", "deploy", ...(config ? ["--config", config] : [])];
  execFileSync(prismaBin, args, { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

async function postgresReachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${PG_ADMIN_URL} is not reachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

export default async function setup(project: TestProject) {
  const kind = project.config.env?.TEST_DATABASE ?? "sqlite";
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "cw-test-"));
    const file = path.join(dir, "template.sqlite");
    migrate(`file:${file}`);
    project.provide("dbTemplate", file);
    project.provide("dbSkipReason", "");
    return () => rmSync(dir, { recursive: true, force: true });
  }

  const reason = await postgresReachable();
  if (reason) {
    console.warn(`\n[postgres] SKIPPING the PostgreSQL suites: ${reason}\n`);
    project.provide("dbTemplate", "");
    project.provide("dbSkipReason", reason);
    return;
  }
  const template = `cwtest_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  migrate(PG_ADMIN_URL.replace(/\/[^/]*$/, `/${template}`), "prisma.pg.config.ts");
  project.provide("dbTemplate", template);
  project.provide("dbSkipReason", "");
  return async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `cwtest_%_${process.pid}%`,
    ]);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.end();
  };
}
