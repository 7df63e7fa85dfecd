import { json } from "@remix-run/node";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { runtimeHeartbeat } from "~/server/runtime.server";
import { queue } from "~/shopify.server";

/** Liveness and readiness for load balancers: database, queue depth, background worker. */
export async function loader() {
  const heartbeat = runtimeHeartbeat();
  let database = true;
  let queueDepth: number | null = null;
  let deadJobs: number | null = null;
  try {
    await db().$queryRawUnsafe("SELECT 1");
    const stats = await queue.stats();
    queueDepth = stats.pending + stats.running;
    deadJobs = stats.dead;
  } catch {
    database = false;
  }
  const loopAlive = heartbeat.running && Date.now() - heartbeat.lastTickAt < 60_000;
  const workerAlive = loopAlive && (!env().RUN_WORKER || queue.isRunning());
  const ok = database && workerAlive;
  return json(
    { ok, database, queueDepth, deadJobs, workerAlive, runsWorker: env().RUN_WORKER },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
