import path from "node:path";
import { orderBody } from "~/sandbox/shopify-webhook-bodies";
import { dbKind, dbSkipReason } from "../support/database";
import { startProcess, userEnvironment, type RunningProcess } from "../support/processes";
import { startSyncHarness, type SyncHarness } from "../support/sync-harness";

const root = path.resolve(import.meta.dirname, "../..");
const COUNT = 30;

async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(dbSkipReason)(`a worker killed mid-batch (${dbKind})`, () => {
  let h: SyncHarness;
  const workers: RunningProcess[] = [];
  afterEach(async () => {
    for (const w of workers) await w.stop();
    await h?.close();
  });

  function startWorker() {
    const key = h.deps.keys[0]!;
    // node --import tsx, not the tsx CLI: the CLI runs the script in a child process, and a SIGKILL
    // of the CLI would leave that child running.
    const worker = startProcess(
      path.join(root, "node_modules/.bin/node"),
      ["--import", "tsx", "tests/support/sync-worker.ts"],
      {
        cwd: root,
        env: userEnvironment({
          DATABASE_URL: h.database.url,
          SIM_URL: h.sim.url,
          WORKER_KEY: `${key.id}:${key.key.toString("base64")}`,
          LOCK_TIMEOUT_MS: "1000",
        }),
      },
    );
    workers.push(worker);
    return worker;
  }

  it("leaves every event applied and no contact duplicated after a SIGKILL and a restart", async () => {
    // GIVEN a backlog of events and a slow Chatwoot; this process only ingests
    h = await startSyncHarness();
    await h.queue.stop();
    h.sim.faults.add({ kind: "latency", ms: 40, match: { path: /\/contacts/ }, times: Infinity });
    for (let i = 0; i < COUNT; i++) {
      const customer = {
        id: String(9100 + i),
        email: `crash${i}@example.com`,
        firstName: "Crash",
        lastName: String(i),
      };
      expect(await h.send("orders/create", orderBody({ id: String(700 + i), number: 1700 + i, customer }))).toBe(200);
    }
    await h.database.db.$disconnect();
    // WHEN a worker is killed with SIGKILL part-way through
    const first = startWorker();
    await first.waitFor(/worker started/, 30_000);
    await until(() => h.sim.state.contacts.length >= 5, 30_000);
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    const createdBeforeKill = h.sim.state.contacts.length;
    expect(createdBeforeKill).toBeLessThan(COUNT);
    // AND a new worker takes over
    const second = startWorker();
    await second.waitFor(/worker started/, 30_000);
    await second.waitFor(/queue drained/, 60_000);
    await second.stop();
    // THEN every event is applied and every customer has exactly one contact
    const identifiers = h.sim.state.contacts.map((c) => c.identifier);
    expect(identifiers).toHaveLength(COUNT);
    expect(new Set(identifiers).size).toBe(COUNT);
    expect(await h.database.db.webhookEvent.count({ where: { status: "applied" } })).toBe(COUNT);
    expect(await h.database.db.contactLink.count()).toBe(COUNT);
    expect(await h.database.db.job.count({ where: { status: { in: ["pending", "running", "dead"] } } })).toBe(0);
  });
});
