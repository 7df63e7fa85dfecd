import type { Job } from "@prisma/client";
import { waitFor } from "../../../tests/support/queue-harness";
import { PermanentJobError } from "../types";
import { poll, type ContractFixture } from "./contract-fixture";

/** Failures: retries with backoff, the dead letter, replay, and cancelling a store's jobs. */
export function failureContract(fx: ContractFixture) {
  const { newQueue, recording, finished } = fx;

  it("retries a failing job with backoff, then succeeds", async () => {
    // GIVEN a job that fails twice
    const queue = newQueue();
    const failedAt: number[] = [];
    const rows: (Job | undefined)[] = [];
    const handler = recording("flaky", async (_payload, helpers) => {
      if (fx.h.readJobs) rows.push((await fx.h.readJobs()).find((j) => j.id === helpers.jobId));
      if (helpers.attempt < 3) {
        failedAt.push(Date.now());
        throw new Error(`boom ${helpers.attempt}`);
      }
    });
    // WHEN
    await queue.enqueue("flaky", { n: 1 }, { maxAttempts: 5 });
    await queue.start({ flaky: handler }, poll);
    await waitFor(() => finished("flaky").length === 3, { what: "three attempts" });
    await queue.stop();
    // THEN
    expect(finished("flaky").map((r) => r.attempt)).toEqual([1, 2, 3]);
    const [one, two, three] = finished("flaky");
    const slack = 1_500;
    expect(two!.startedAt - one!.endedAt!).toBeLessThanOrEqual(fx.h.maxRetryDelayMs + slack);
    expect(three!.startedAt - two!.endedAt!).toBeLessThanOrEqual(fx.h.maxRetryDelayMs + slack);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
    if (fx.h.readJobs) {
      // Seen from inside attempts 2 and 3: the claim counted, the last error and the backoff window.
      for (const [i, row] of [rows[1], rows[2]].entries()) {
        expect(row).toMatchObject({ attempts: i + 2, maxAttempts: 5, lastError: `boom ${i + 1}` });
        expect(row!.runAt.getTime()).toBeGreaterThanOrEqual(failedAt[i]!);
        expect(row!.runAt.getTime()).toBeLessThanOrEqual(failedAt[i]! + fx.h.maxRetryDelayMs + 100);
      }
      const [done] = await fx.h.readJobs();
      expect(done).toMatchObject({ status: "done", attempts: 3, lockedAt: null, lockedBy: null });
    }
  });

  it("moves an exhausted job to the dead letter with its last error, and replay runs it again", async () => {
    // GIVEN a job that fails until it is fixed
    const queue = newQueue();
    let broken = true;
    const handler = recording("fragile", async () => {
      if (broken) throw new Error("still broken");
    });
    await queue.enqueue("fragile", { n: 9 }, { maxAttempts: 2, shop: "a.myshopify.com" });
    await queue.start({ fragile: handler }, poll);
    // WHEN its attempts run out
    await waitFor(async () => (await queue.stats()).dead === 1, { what: "the dead letter" });
    // THEN it stays visible with its last error
    const [dead, ...others] = await queue.listDead({ shop: "a.myshopify.com" });
    expect(others).toHaveLength(0);
    expect(dead).toMatchObject({ task: "fragile", shop: "a.myshopify.com", attempts: 2, payload: { n: 9 } });
    expect(dead!.lastError).toContain("still broken");
    expect(dead!.failedAt).toBeInstanceOf(Date);
    expect(await queue.stats("a.myshopify.com")).toEqual({ pending: 0, running: 0, dead: 1 });
    // WHEN it is fixed and replayed
    broken = false;
    expect(await queue.replay(dead!.id, { shop: "other.myshopify.com" })).toBe(false);
    expect(await queue.replay(dead!.id, { shop: "a.myshopify.com" })).toBe(true);
    await waitFor(() => finished("fragile").length === 3, { what: "the replayed run" });
    await queue.stop();
    // THEN
    expect(finished("fragile").at(-1)!.attempt).toBe(1);
    expect(await queue.listDead()).toEqual([]);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it("sends a job that throws PermanentJobError straight to the dead letter", async () => {
    // GIVEN
    const queue = newQueue();
    const handler = recording("uninstalled", async () => {
      throw new PermanentJobError("store uninstalled");
    });
    // WHEN
    await queue.enqueue("uninstalled", { n: 1 }, { maxAttempts: 25 });
    await queue.start({ uninstalled: handler }, poll);
    await waitFor(async () => (await queue.stats()).dead === 1, { what: "the dead letter" });
    await queue.stop();
    // THEN
    expect(finished("uninstalled")).toHaveLength(1);
    const [dead] = await queue.listDead();
    expect(dead).toMatchObject({ task: "uninstalled", attempts: 1 });
    expect(dead!.lastError).toContain("store uninstalled");
  });

  it("sends a job of an unknown task to the dead letter with a clear error", async () => {
    // GIVEN
    const queue = newQueue();
    await queue.enqueue("no.such.task", { n: 1 });
    // WHEN
    await queue.start({ echo: recording("echo") }, poll);
    await waitFor(async () => (await queue.stats()).dead === 1, { what: "the dead letter" });
    await queue.stop();
    // THEN
    const [dead] = await queue.listDead();
    expect(dead).toMatchObject({ task: "no.such.task", attempts: 1 });
    expect(dead!.lastError).toMatch(/unknown task "no\.such\.task"/);
  });

  it("cancels a store's pending jobs and nothing else", async () => {
    // GIVEN
    const queue = newQueue();
    const later = { delayMs: 60_000 };
    await queue.enqueue("contact", { n: 1 }, { ...later, shop: "a.myshopify.com" });
    await queue.enqueue("contact", { n: 2 }, { ...later, shop: "a.myshopify.com" });
    await queue.enqueue("order", { n: 3 }, { ...later, shop: "a.myshopify.com" });
    await queue.enqueue("contact", { n: 4 }, { ...later, shop: "b.myshopify.com" });
    // WHEN
    const orders = await queue.cancelForShop("a.myshopify.com", { task: "order" });
    const rest = await queue.cancelForShop("a.myshopify.com");
    // THEN
    expect([orders, rest]).toEqual([1, 2]);
    expect(await queue.stats("a.myshopify.com")).toEqual({ pending: 0, running: 0, dead: 0 });
    expect(await queue.stats("b.myshopify.com")).toEqual({ pending: 1, running: 0, dead: 0 });
  });
}
