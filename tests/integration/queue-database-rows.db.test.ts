import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createPrismaClient, type Db } from "~/db.server";
import { claimJobsFactory } from "~/jobs/database/claim-jobs.server";
import { createDatabaseQueue } from "~/jobs/database/create-database-queue.server";
import { reapExpiredLocksFactory } from "~/jobs/database/reap-expired-locks.server";
import type { DatabaseQueueContext } from "~/jobs/database/types";
import type { JobQueue, TaskHandler } from "~/jobs/types";
import { silentLogger } from "~/lib/logger.server";
import { createTestDatabase, dbKind, dbSkipReason, type TestDatabase } from "../support/database";
import { waitFor } from "../support/queue-harness";

// The embedded adapter's rows, read back under a clock the test controls: what the contract suite
// cannot see through the port.
const T0 = new Date(Date.UTC(2026, 0, 1, 12));
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);
const MINUTE = 60_000;

describe.skipIf(dbSkipReason)(`embedded job queue rows on ${dbKind}`, () => {
  let database: TestDatabase;
  let db: Db;
  let queues: JobQueue[];
  const extraClients: Db[] = [];

  const context = (overrides: Partial<DatabaseQueueContext> = {}): DatabaseQueueContext => ({
    db,
    logger: silentLogger,
    owner: "test-worker",
    now: () => T0,
    random: () => 0.5,
    backoff: {},
    lockTimeoutMs: MINUTE,
    doneRetentionMs: 24 * 60 * MINUTE,
    abortGraceMs: 100,
    ...overrides,
  });
  /** A queue on the frozen clock T0: nothing becomes due by itself. */
  const frozenQueue = (options: Partial<Parameters<typeof createDatabaseQueue>[0]> = {}) => {
    const queue = createDatabaseQueue({ db, logger: silentLogger, now: () => T0, random: () => 0.5, ...options });
    queues.push(queue);
    return queue;
  };
  /** Another instance's connection on PostgreSQL; the same client on SQLite (one process per file). */
  const anotherClient = () => {
    if (database.kind === "sqlite") return db;
    const client = createPrismaClient(database.url);
    extraClients.push(client);
    return client;
  };
  const failing = (message: unknown) =>
    (async () => {
      throw message;
    }) as TaskHandler<never>;
  const row = async (id: string) => (await db.job.findUnique({ where: { id } }))!;

  beforeEach(async () => {
    database = await createTestDatabase();
    db = database.db;
    queues = [];
  });
  afterEach(async () => {
    const leftRunning = queues.filter((q) => q.isRunning());
    await Promise.all(queues.map((q) => q.stop({ timeoutMs: 100 })));
    await Promise.all(extraClients.splice(0).map((client) => client.$disconnect()));
    await database.drop();
    expect(leftRunning, "a test left a worker running").toHaveLength(0);
  });

  it("reschedules a failed job with the attempt counted, its error kept and runAt inside the backoff window", async () => {
    // GIVEN
    const queue = frozenQueue({ backoff: { baseMs: 1_000, maxMs: MINUTE } });
    const { id } = await queue.enqueue("contact.sync", { customerId: "1" }, { maxAttempts: 5 });
    // WHEN its handler fails
    await queue.start({ "contact.sync": failing(new Error("Chatwoot answered 503")) }, { pollIntervalMs: 10 });
    await waitFor(async () => (await row(id)).lastError !== null, { what: "the failure" });
    await queue.stop();
    // THEN: full jitter at 0.5 of graphile's e^1 s
    expect(await row(id)).toMatchObject({
      status: "pending",
      attempts: 1,
      maxAttempts: 5,
      lastError: "Chatwoot answered 503",
      runAt: at(Math.floor(0.5 * Math.E * 1_000)),
      lockedAt: null,
      lockedBy: null,
    });
  });

  it("buries a job on its last attempt with a readable, truncated error", async () => {
    // GIVEN
    const queue = frozenQueue();
    const long = await queue.enqueue("a", {}, { maxAttempts: 1 });
    const odd = await queue.enqueue("b", {}, { maxAttempts: 1 });
    // WHEN
    await queue.start({ a: failing(new Error("x".repeat(5_000))), b: failing("plain string") }, { pollIntervalMs: 10 });
    await waitFor(async () => (await queue.stats()).dead === 2, { what: "both dead" });
    await queue.stop();
    // THEN
    const [a, b] = [await row(long.id), await row(odd.id)];
    expect(a).toMatchObject({ status: "dead", attempts: 1, finishedAt: T0 });
    expect(a.lastError).toHaveLength(2_000);
    expect(b).toMatchObject({ status: "dead", lastError: "plain string" });
  });

  it("takes back running jobs whose lock expired, burying the one that used its last attempt", async () => {
    // GIVEN three running jobs: two of a worker that died two minutes ago, one of a live worker
    const running = { queue: "t", task: "t", payload: "{}", status: "running", lockedBy: "dead-worker" };
    const lost = await db.job.create({ data: { ...running, attempts: 1, lockedAt: at(-2 * MINUTE) } });
    const spent = await db.job.create({ data: { ...running, attempts: 3, maxAttempts: 3, lockedAt: at(-2 * MINUTE) } });
    const live = await db.job.create({ data: { ...running, lockedBy: "live-worker", lockedAt: at(-10_000) } });
    // WHEN
    const reclaimed = await reapExpiredLocksFactory(context())();
    // THEN
    expect(reclaimed).toBe(2);
    expect(await row(lost.id)).toMatchObject({ status: "pending", runAt: T0, lockedBy: null, attempts: 1 });
    expect((await row(lost.id)).lastError).toMatch(/lock expired: worker dead-worker/);
    expect(await row(spent.id)).toMatchObject({ status: "dead", finishedAt: T0, lockedBy: null });
    expect(await row(live.id)).toMatchObject({ status: "running", lockedBy: "live-worker" });
  });

  it("does not claim a pending job whose coalesceKey has a running job", async () => {
    // GIVEN a running job of the key and a newer pending one
    const pending = { queue: "t", task: "t", payload: "{}", coalesceKey: "contact:1", runAt: at(-1) };
    await db.job.create({ data: { ...pending, status: "running", lockedBy: "other", lockedAt: T0 } });
    const waiting = await db.job.create({ data: pending });
    // WHEN
    const claimed = await claimJobsFactory(context())(4);
    // THEN
    expect(claimed).toEqual([]);
    expect(await row(waiting.id)).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("lets at most one of two racing workers run a coalesceKey's jobs", async () => {
    // GIVEN two pending jobs of one key (a retry and a newer event), claimed by two instances at once
    const pending = { queue: "t", task: "t", payload: "{}", coalesceKey: "contact:1", runAt: at(-1) };
    const claimers = [
      claimJobsFactory(context({ owner: "worker-a" })),
      claimJobsFactory(context({ owner: "worker-b", db: anotherClient() })),
    ];
    let everClaimed = 0;
    for (let round = 0; round < 15; round++) {
      await db.job.deleteMany();
      await db.job.create({ data: pending });
      await db.job.create({ data: pending });
      // WHEN
      const claimed = (await Promise.all(claimers.map((claim) => claim(2)))).flat();
      // THEN
      expect(claimed.length).toBeLessThanOrEqual(1);
      expect(await db.job.count({ where: { status: "running" } })).toBe(claimed.length);
      everClaimed += claimed.length;
    }
    expect(everClaimed).toBeGreaterThan(0);
  });

  it("answers every racing enqueue of a coalesceKey with a job that is still pending", async () => {
    // GIVEN two instances on their own connections
    const instances = [frozenQueue(), frozenQueue({ db: anotherClient() })];
    for (let round = 0; round < 20; round++) {
      const coalesceKey = `contact:${round}`;
      // WHEN twelve enqueues of one key race
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, n) => instances[n % 2]!.enqueue("contact.sync", { n }, { coalesceKey })),
      );
      // THEN at least one job is pending, and every answer names one of them
      const pending = await db.job.findMany({ where: { coalesceKey, status: "pending" } });
      expect(pending.length).toBeGreaterThanOrEqual(1);
      const ids = new Set(pending.map((job) => job.id));
      expect(results.filter((result) => !ids.has(result.id))).toEqual([]);
    }
  });

  it("deletes done jobs after the retention, and dedupes their key until then", async () => {
    // GIVEN
    const done = { queue: "t", task: "t", payload: "{}", status: "done" };
    await db.job.create({ data: { ...done, key: "webhook-old", finishedAt: at(-25 * 60 * MINUTE) } });
    await db.job.create({ data: { ...done, key: "webhook-recent", finishedAt: at(-60 * MINUTE) } });
    const queue = frozenQueue();
    // WHEN the worker does its housekeeping
    await queue.start({}, { pollIntervalMs: 10 });
    await waitFor(async () => (await db.job.count({ where: { key: "webhook-old" } })) === 0, { what: "the purge" });
    await queue.stop();
    // THEN
    expect((await queue.enqueue("t", {}, { key: "webhook-recent" })).deduped).toBe(true);
    expect((await queue.enqueue("t", {}, { key: "webhook-old" })).deduped).toBe(false);
  });

  it("keeps the lock of a job that runs longer than the lock timeout, so no other worker takes it", async () => {
    // GIVEN two workers with a 1.5 s lock timeout (a heartbeat every 500 ms) and a job that runs 4 s
    let runs = 0;
    const slow = (async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 4_000));
    }) as TaskHandler<never>;
    const [a, b] = [
      createDatabaseQueue({ db, logger: silentLogger, lockTimeoutMs: 1_500 }),
      createDatabaseQueue({ db: anotherClient(), logger: silentLogger, lockTimeoutMs: 1_500 }),
    ];
    queues.push(a, b);
    const { id } = await a.enqueue("slow", {});
    // WHEN
    await a.start({ slow }, { pollIntervalMs: 20 });
    await waitFor(() => runs === 1, { what: "the start" });
    await b.start({ slow }, { pollIntervalMs: 20 });
    await waitFor(async () => (await row(id)).status === "done", { what: "the end" });
    await Promise.all([a.stop(), b.stop()]);
    // THEN
    expect(runs).toBe(1);
    expect(await row(id)).toMatchObject({ status: "done", attempts: 1 });
  });

  it("keeps polling when the database fails for a while", async () => {
    // GIVEN a Job table whose reads fail three times
    const flaky = failingJobTable(db, "findMany", 3);
    const flakyDb = flaky.db;
    let ran = false;
    const queue = createDatabaseQueue({ db: flakyDb, logger: silentLogger });
    queues.push(queue);
    await queue.enqueue("t", {}, { delayMs: 0 });
    // WHEN
    await queue.start({ t: (async () => void (ran = true)) as TaskHandler<never> }, { pollIntervalMs: 10 });
    await waitFor(() => ran, { what: "the job after the outage" });
    // THEN
    expect(flaky.failuresLeft()).toBe(0);
    expect(queue.isRunning()).toBe(true);
    await queue.stop();
  });

  it("runs the jobs a claim pass already took when the database fails later in that pass", async () => {
    // GIVEN a plain job and a coalesced one, and a database whose next count fails (the coalesced
    // claim's check that no other job of its key is running)
    const flaky = failingJobTable(db, "count", 1);
    const flakyDb = flaky.db;
    const queue = createDatabaseQueue({ db: flakyDb, logger: silentLogger });
    queues.push(queue);
    const plain = await queue.enqueue("t", { n: 1 });
    const coalesced = await queue.enqueue("t", { n: 2 }, { coalesceKey: "contact:1" });
    const ran: number[] = [];
    // WHEN
    await queue.start(
      { t: (async ({ n }: { n: number }) => void ran.push(n)) as TaskHandler<never> },
      { pollIntervalMs: 10 },
    );
    await waitFor(() => ran.length === 2, { timeoutMs: 5_000, what: "both jobs (long before the lock timeout)" });
    await queue.stop();
    // THEN each ran once, and the failed pass cost neither an attempt
    expect(ran.sort()).toEqual([1, 2]);
    expect(flaky.failuresLeft()).toBe(0);
    for (const { id } of [plain, coalesced]) expect(await row(id)).toMatchObject({ status: "done", attempts: 1 });
  });

  it(
    "keeps answering HTTP while it works through a backlog of jobs that only touch the database",
    {
      timeout: 90_000,
    },
    async () => {
      // GIVEN 500 jobs whose handler only reads the database (on SQLite every such call settles
      // without a turn of the event loop) and an HTTP server in the same process
      const queue = createDatabaseQueue({ db, logger: silentLogger });
      queues.push(queue);
      await queue.enqueueMany(Array.from({ length: 500 }, (_, n) => ({ task: "db.only", payload: { n } })));
      const server = createServer((_req, res) => res.end("ok"));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as AddressInfo;
      try {
        // WHEN the worker starts on the backlog and a request comes in
        await queue.start({ "db.only": (async () => void (await db.job.count())) as TaskHandler<never> });
        const answer = await fetch(`http://127.0.0.1:${port}/`);
        const waitingWhenAnswered = await db.job.count({ where: { status: { not: "done" } } });
        // THEN the request was answered while jobs were still waiting, and the backlog still drains
        expect(await answer.text()).toBe("ok");
        expect(waitingWhenAnswered).toBeGreaterThan(0);
        await waitFor(async () => (await db.job.count({ where: { status: "done" } })) === 500, {
          timeoutMs: 80_000,
          what: "the backlog",
        });
      } finally {
        await queue.stop();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  );
});

/** The database with its Job table's `method` failing the next `times` calls, as a dropped connection would. */
function failingJobTable(db: Db, method: string, times: number) {
  let failures = times;
  const job = new Proxy(db.job, {
    get(target, property) {
      if (property === method && failures > 0) {
        return () => (failures--, Promise.reject(new Error("connection reset")));
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return {
    db: new Proxy(db, { get: (target, property) => (property === "job" ? job : Reflect.get(target, property)) }),
    failuresLeft: () => failures,
  };
}
