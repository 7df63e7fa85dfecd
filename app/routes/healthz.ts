import { json } from "@remix-run/node";
import { db } from "~/db.server";
import { runtimeHeartbeat } from "~/server/runtime.server";

/** Liveness and readiness for load balancers: database, pending work, background loop. */
export async function loader() {
  const heartbeat = runtimeHeartbeat();
  let database = true;
  let queueDepth: number | null = null;
  try {
    queueDepth = await db().provisioning.count({ where: { status: { in: ["pending", "running"] } } });
  } catch {
    database = false;
  }
  const workerAlive = heartbeat.running && Date.now() - heartbeat.lastTickAt < 60_000;
  const ok = database && workerAlive;
  return json(
    {
      ok,
      database,
      queueDepth,
      workerAlive,
      lastWorkerPassAt: heartbeat.lastTickAt ? new Date(heartbeat.lastTickAt).toISOString() : null,
    },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
