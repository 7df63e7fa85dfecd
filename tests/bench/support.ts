import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startProcess, type RunningProcess } from "../support/processes";

export const root = path.resolve(import.meta.dirname, "../..");
export const PG_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
export const API_SECRET = "bench-api-secret";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export function ensureBuild() {
  execFileSync(path.join(root, "node_modules/.bin/remix"), ["vite:build"], { cwd: root, stdio: "ignore" });
}

/** A fresh, migrated database: a SQLite file, or a PostgreSQL database (undefined when unreachable). */
export async function freshDatabase(kind: "sqlite" | "postgres"): Promise<string | undefined> {
  if (kind === "sqlite") {
    const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "cw-bench-")), "bench.sqlite")}`;
    execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: "ignore",
    });
    return url;
  }
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `cwbench_${process.pid}_${Date.now() % 100000}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = PG_URL.replace(/\/[^/]*$/, `/${name}`);
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy", "--config", "prisma.pg.config.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  return url;
}

export async function dropDatabase(url: string) {
  if (!url.startsWith("postgres")) return;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${url.slice(url.lastIndexOf("/") + 1)} WITH (FORCE)`);
  await admin.end();
}

/** The production server (app/server/main.ts) in its own process, on loopback. */
export async function startApp(env: Record<string, string>): Promise<{ url: string; app: RunningProcess }> {
  const port = await freePort();
  const app = startProcess(path.join(root, "node_modules/.bin/node"), ["--import", "tsx", "app/server/main.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: String(port),
      SHOPIFY_API_KEY: "bench-api-key",
      SHOPIFY_API_SECRET: API_SECRET,
      SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
      ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 3).toString("base64")}`,
      APP_SIGNING_SECRET: "bench-signing-secret-bench-signing-secret",
      LOG_LEVEL: "warn",
      ...env,
    } as NodeJS.ProcessEnv,
  });
  await app.waitFor(/app listening/, 60_000);
  return { url: `http://127.0.0.1:${port}`, app };
}

export function printTable(title: string, headers: string[], rows: (string | number)[][]) {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  console.log(`\n${title}`);
  for (const [i, row] of cells.entries()) {
    console.log("  " + row.map((c, j) => c.padEnd(widths[j]!)).join("  "));
    if (i === 0) console.log("  " + widths.map((w) => "-".repeat(w)).join("  "));
  }
}
