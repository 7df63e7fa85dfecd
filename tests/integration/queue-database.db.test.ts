import { createPrismaClient, type Db } from "~/db.server";
import { queueContract } from "~/jobs/__tests__/contract";
import { createTestDatabase, dbKind, dbSkipReason } from "../support/database";
import { buildDatabaseQueue, QUEUE_TEST_TIMINGS } from "../support/queue-harness";

// The embedded adapter on the app's own Job table: SQLite in the sqlite project, PostgreSQL in the
// postgres project.
describe.skipIf(dbSkipReason)(`embedded job queue on ${dbKind}`, () => {
  queueContract("JobQueue contract", async () => {
    const database = await createTestDatabase();
    // On PostgreSQL every queue instance gets a pool of its own, like separate app instances. One
    // SQLite file belongs to one process, so there the instances share the client.
    const extraClients: Db[] = [];
    let instances = 0;
    const clientFor = () => {
      if (database.kind === "sqlite" || instances++ === 0) return database.db;
      const client = createPrismaClient(database.url);
      extraClients.push(client);
      return client;
    };
    return {
      makeQueue: () => buildDatabaseQueue(clientFor()),
      readJobs: () => database.db.job.findMany({ orderBy: { createdAt: "asc" } }),
      maxRetryDelayMs: QUEUE_TEST_TIMINGS.backoff.maxMs,
      recoveryMs: QUEUE_TEST_TIMINGS.lockTimeoutMs * 2,
      crashWorkerEnv: { QUEUE_ADAPTER: "database", QUEUE_DATABASE_URL: database.url },
      close: async () => {
        await Promise.all(extraClients.map((client) => client.$disconnect()));
        await database.drop();
      },
    };
  });
});
