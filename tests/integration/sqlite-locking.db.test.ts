import { spawn } from "node:child_process";
import { createTestDatabase, dbKind, dbSkipReason, type TestDatabase } from "../support/database";

// Another process takes SQLite's write lock, holds it for a moment and commits.
const HOLD_LOCK = `
const Database = require("libsql");
const db = new Database(process.argv[1]);
db.exec("BEGIN IMMEDIATE");
process.stdout.write("locked\\n");
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
db.exec("COMMIT");
`;

function holdWriteLock(file: string, ms: number) {
  const child = spawn(process.execPath, ["-e", HOLD_LOCK, file, String(ms)], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve());
    child.once("exit", (code) => reject(new Error(`lock holder exited (${code}) before taking the lock`)));
  });
  return { locked, exited };
}

// SQLite's file locks only; PostgreSQL's concurrent writers are covered by the queue and sync suites.
const skipReason = dbSkipReason || (dbKind === "sqlite" ? "" : "SQLite's file locking; the sqlite project runs it");
if (skipReason) console.warn(`[sqlite-locking] skipped on ${dbKind}: ${skipReason}`);

describe.skipIf(skipReason)(`the embedded SQLite database${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => database.drop());

  it("waits for another process's write lock instead of failing, also after a transaction", async () => {
    // GIVEN the app's client has run a transaction (the libsql client then opens a new connection)
    await database.db.$transaction(async (tx) => tx.shop.count());
    // AND another process holds the write lock for 500 ms
    const holder = holdWriteLock(database.url.replace(/^file:/, ""), 500);
    await holder.locked;
    // WHEN the app writes meanwhile
    await database.db.webhookEvent.create({
      data: { shop: "a.myshopify.com", webhookId: "during-lock", topic: "orders/create", status: "queued" },
    });
    // THEN the write waited for the lock and is stored
    expect(await holder.exited).toBe(0);
    expect(await database.db.webhookEvent.count({ where: { webhookId: "during-lock" } })).toBe(1);
  });
});
