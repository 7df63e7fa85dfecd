import { db, prepareDatabase } from "~/db.server";
import { env } from "~/env.server";
import { logger, provisioning, queue, taskHandlers } from "~/shopify.server";

/**
 * Background work of one app process: the job worker (unless RUN_WORKER=false) and resuming
 * provisioning runs that an earlier process left unfinished. Health reports whether they are alive.
 */
export interface Runtime {
  stop(): Promise<void>;
}

const state = { startedAt: 0, lastTickAt: 0, running: false };

/** When the background loop last completed a pass; 0 when it is not running in this process. */
export function runtimeHeartbeat() {
  return { ...state };
}

export function startRuntime({ intervalMs = 15_000 }: { intervalMs?: number } = {}): Runtime {
  const log = logger.child({ component: "runtime" });
  let stopped = false;
  let pass: Promise<void> = Promise.resolve();
  const tick = () => {
    pass = provisioning
      .resumeInterrupted()
      .then(() => void (state.lastTickAt = Date.now()))
      .catch((error: unknown) => log.error("background pass failed", { error }));
  };
  state.startedAt = Date.now();
  state.running = true;
  const worker = prepareDatabase(db(), env().DATABASE_URL)
    .catch((error: unknown) => log.warn("could not apply the database settings", { error }))
    .then(() => (env().RUN_WORKER ? queue.start(taskHandlers, { concurrency: env().WORKER_CONCURRENCY }) : undefined));
  tick();
  const timer = setInterval(() => !stopped && tick(), intervalMs);
  log.info("background runtime started", { intervalMs });
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await worker;
      await queue.stop({ timeoutMs: 10_000 });
      await pass;
      state.running = false;
      await db().$disconnect();
    },
  };
}
