import { queueContract } from "~/jobs/__tests__/contract";
import { createPgBossQueue } from "~/jobs/pgboss/create-pgboss-queue.server";
import type { TaskHandler } from "~/jobs/types";
import { silentLogger } from "~/lib/logger.server";
import { createTestDatabase, dbKind, dbSkipReason, type TestDatabase } from "../support/database";
import { buildPgBossQueue, QUEUE_TEST_TIMINGS, waitFor } from "../support/queue-harness";

// pg-boss needs PostgreSQL: this file runs in the postgres project and says why it is skipped in
// the sqlite one.
const skipReason =
  dbSkipReason || (dbKind === "postgres" ? "" : "pg-boss runs on PostgreSQL only; see the postgres project");
if (skipReason) console.warn(`[queue-pgboss] skipped on ${dbKind}: ${skipReason}`);

describe.skipIf(skipReason)(`pg-boss job queue (${skipReason ? `skipped: ${skipReason}` : dbKind})`, () => {
  // One database and one pg-boss schema for the file; every test gets queues of its own.
  let database: TestDatabase;
  let queues = 0;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  queueContract("JobQueue contract", async () => {
    const queueName = `contract_${++queues}`;
    return {
      makeQueue: () => buildPgBossQueue(database.url, queueName),
      maxRetryDelayMs: 1_000,
      recoveryMs: QUEUE_TEST_TIMINGS.pgBossExpireInSeconds * 1_000 + 3_000,
      crashWorkerEnv: { QUEUE_ADAPTER: "pgboss", QUEUE_DATABASE_URL: database.url, QUEUE_PGBOSS_NAME: queueName },
      close: async () => {},
    };
  });

  it("runs a job with nothing but a connection string and a logger", async () => {
    // GIVEN the defaults the app starts with
    const queue = createPgBossQueue({ connectionString: database.url, logger: silentLogger });
    let ran = false;
    try {
      // WHEN
      await queue.start({ hello: (async () => void (ran = true)) as TaskHandler<never> });
      await queue.enqueue("hello", { n: 1 }, { shop: "a.myshopify.com" });
      await waitFor(() => ran, { what: "the job" });
      // THEN
      await waitFor(async () => (await queue.stats("a.myshopify.com")).running === 0, { what: "completion" });
      expect(await queue.stats("a.myshopify.com")).toEqual({ pending: 0, running: 0, dead: 0 });
    } finally {
      await queue.stop();
    }
    expect(queue.isRunning()).toBe(false);
  });
});
