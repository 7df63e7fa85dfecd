import { startCrashWorker } from "../../../tests/support/queue-crash-process";
import { waitFor } from "../../../tests/support/queue-harness";
import { poll, settle, type ContractFixture } from "./contract-fixture";

/** Lifecycle: graceful stop, several workers, and a worker killed mid-job. */
export function lifecycleContract(fx: ContractFixture) {
  const { newQueue, recording, finished } = fx;

  it("waits in stop for a running job to finish", async () => {
    // GIVEN a job in progress
    const queue = newQueue();
    await queue.start({ slow: recording("slow", () => settle(400)) }, poll);
    await queue.enqueue("slow", { n: 1 });
    await waitFor(() => fx.runs.length === 1, { what: "the job to start" });
    // WHEN
    await queue.stop({ timeoutMs: 5_000 });
    // THEN
    expect(finished("slow")).toHaveLength(1);
    expect(queue.isRunning()).toBe(false);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it("aborts in stop a handler that outlives the timeout, and puts its job back in line", async () => {
    // GIVEN a job that only ends when its signal aborts
    const queue = newQueue();
    let sawAbort = false;
    const stubborn = recording("stubborn", (_payload, { signal }) => {
      if (fx.runs.length > 1) return Promise.resolve();
      return new Promise<void>((_resolve, reject) =>
        signal.addEventListener("abort", () => {
          sawAbort = true;
          reject(signal.reason);
        }),
      );
    });
    await queue.start({ stubborn }, poll);
    await queue.enqueue("stubborn", { n: 1 });
    await waitFor(() => fx.runs.length === 1, { what: "the job to start" });
    // WHEN
    await queue.stop({ timeoutMs: 200 });
    // THEN
    expect(sawAbort).toBe(true);
    expect(await queue.stats()).toEqual({ pending: 1, running: 0, dead: 0 });
    const next = newQueue();
    await next.start({ stubborn }, poll);
    await waitFor(() => finished("stubborn").length === 2, { timeoutMs: 15_000, what: "a later worker" });
    await next.stop();
  });

  it("claims each job once across two workers", async () => {
    // GIVEN
    const [a, b] = [newQueue(), newQueue()];
    for (let n = 0; n < 20; n++) await a.enqueue("echo", { n });
    // WHEN
    const handler = recording("echo", () => settle(20));
    await Promise.all([a.start({ echo: handler }, { ...poll, concurrency: 3 }), b.start({ echo: handler }, poll)]);
    await waitFor(() => finished("echo").length >= 20, { what: "twenty runs" });
    await settle(300);
    await Promise.all([a.stop(), b.stop()]);
    // THEN
    const ns = finished("echo").map((r) => r.payload.n);
    expect(ns).toHaveLength(20);
    expect(new Set(ns).size).toBe(20);
  });

  it("runs again, one run per job, the jobs of a worker killed with SIGKILL mid-job", async () => {
    // GIVEN three jobs claimed by a worker in another process
    const queue = newQueue();
    for (const n of [1, 2, 3]) await queue.enqueue("crash.slow", { n });
    const worker = startCrashWorker(fx.h.crashWorkerEnv);
    try {
      await worker.waitFor(/started \d[\s\S]*started \d[\s\S]*started \d/, 20_000);
    } finally {
      // WHEN it dies without any chance to clean up
      await worker.killHard();
    }
    // THEN a new worker runs each job, and never two runs of one job at once
    const active = new Map<number, number>();
    let overlap = false;
    const handler = recording("crash.slow", async ({ n }) => {
      active.set(n!, (active.get(n!) ?? 0) + 1);
      overlap ||= active.get(n!)! > 1;
      await settle(50);
      active.set(n!, active.get(n!)! - 1);
    });
    await queue.start({ "crash.slow": handler }, poll);
    await waitFor(() => finished("crash.slow").length >= 3, { timeoutMs: fx.h.recoveryMs + 10_000, what: "recovery" });
    await settle(300);
    await queue.stop();
    expect(
      finished("crash.slow")
        .map((r) => r.payload.n)
        .sort(),
    ).toEqual([1, 2, 3]);
    expect(finished("crash.slow").every((r) => r.attempt === 2)).toBe(true);
    expect(overlap).toBe(false);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });
}
