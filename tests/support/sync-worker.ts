import { createChatwootAccountClient } from "~/chatwoot";
import { createPrismaClient } from "~/db.server";
import { createDatabaseQueue } from "~/jobs/database/create-database-queue.server";
import { createLogger } from "~/lib/logger.server";
import { createSync } from "~/sync/index.server";
import { storeClientFactory } from "~/sync/store-client.server";

/**
 * A sync worker in its own process, for crash tests: the test SIGKILLs it mid-batch and starts
 * another. Configuration comes from the environment the test passes.
 */
const { DATABASE_URL, SIM_URL, WORKER_KEY, LOCK_TIMEOUT_MS } = process.env;
if (!DATABASE_URL || !SIM_URL || !WORKER_KEY) throw new Error("DATABASE_URL, SIM_URL and WORKER_KEY are required");
const [id, key] = WORKER_KEY.split(":");
const db = createPrismaClient(DATABASE_URL);
const logger = createLogger({ level: "warn" });
const queue = createDatabaseQueue({
  db,
  logger,
  backoff: { baseMs: 20, maxMs: 200 },
  lockTimeoutMs: Number(LOCK_TIMEOUT_MS ?? 1000),
});
const transport = { logger, timeoutMs: 2000, retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 } };
const sync = createSync({
  db,
  queue,
  logger,
  storeClient: storeClientFactory({
    db,
    keys: [{ id: id!, key: Buffer.from(key!, "base64") }],
    makeClient: (accountId, userToken) =>
      createChatwootAccountClient({ baseUrl: SIM_URL, accountId, userToken, ...transport }),
  }),
  adminFor: () => Promise.reject(new Error("no Admin API in the crash test")),
  authenticate: () => Promise.reject(new Error("the worker does not ingest")),
  suspendStore: () => Promise.resolve(false),
  platform: undefined as never,
  coalesceMs: 50,
});
await queue.start(sync.taskHandlers, { concurrency: 4, pollIntervalMs: 20 });
console.log("worker started");
// Tells the test when nothing is left, read from this process so the test never touches the
// database while the worker writes to it.
const drainCheck = setInterval(() => {
  queue
    .stats()
    .then((stats) => {
      if (stats.pending + stats.running === 0) {
        console.log("queue drained");
        clearInterval(drainCheck);
      }
    })
    .catch((error: unknown) => console.error("stats failed", error));
}, 100);
process.once("SIGTERM", () => void queue.stop({ timeoutMs: 2000 }).then(() => process.exit(0)));
