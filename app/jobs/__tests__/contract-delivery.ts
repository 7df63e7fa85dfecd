import { waitFor } from "../../../tests/support/queue-harness";
import { poll, settle, type ContractFixture } from "./contract-fixture";

/** Delivery: at-least-once, key dedupe, coalescing and its serialisation. */
export function deliveryContract(fx: ContractFixture) {
  const { newQueue, recording, finished } = fx;

  it("runs every enqueued job at least once, with its payload", async () => {
    // GIVEN
    const queue = newQueue();
    for (const n of [1, 2, 3, 4, 5]) await queue.enqueue("echo", { n });
    // WHEN
    await queue.start({ echo: recording("echo") }, poll);
    await waitFor(() => finished("echo").length >= 5, { what: "five runs" });
    await queue.stop();
    // THEN
    expect(
      finished("echo")
        .map((r) => r.payload.n)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it("dedupes by key: 4 enqueues with the same key leave one job and one run", async () => {
    // GIVEN
    const queue = newQueue();
    // WHEN four deliveries of one webhook arrive at once
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => queue.enqueue("webhook", { n }, { key: "webhook-id-1" })),
    );
    // THEN
    expect(results.filter((r) => !r.deduped)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    if (fx.h.readJobs) expect((await fx.h.readJobs()).filter((j) => j.key === "webhook-id-1")).toHaveLength(1);
    await queue.start({ webhook: recording("webhook") }, poll);
    await waitFor(() => finished("webhook").length >= 1, { what: "the run" });
    await settle(300);
    await queue.stop();
    expect(finished("webhook")).toHaveLength(1);
  });

  it("enqueues a batch with the same dedupe as one by one: new keys run once, taken keys and repeats dedupe", async () => {
    // GIVEN a job already stored under key-a, and a second instance that enqueues in batches
    const queue = newQueue();
    const stored = await queue.enqueue("webhook", { n: 1 }, { key: "key-a" });
    const batcher = newQueue();
    // WHEN one batch holds the taken key, two new keys (one of them twice) and an unkeyed job
    const results = await batcher.enqueueMany([
      { task: "webhook", payload: { n: 2 }, options: { key: "key-a" } },
      { task: "webhook", payload: { n: 3 }, options: { key: "key-b" } },
      { task: "webhook", payload: { n: 4 }, options: { key: "key-c", shop: "shop-1.myshopify.com" } },
      { task: "webhook", payload: { n: 5 }, options: { key: "key-b" } },
      { task: "webhook", payload: { n: 6 } },
    ]);
    // THEN the results follow the items' order
    expect(results[0]).toEqual({ id: stored.id, deduped: true });
    expect(results.slice(1, 3).map((r) => r.deduped)).toEqual([false, false]);
    expect(results[3]).toEqual({ id: results[1]!.id, deduped: true });
    expect(results[4]!.deduped).toBe(false);
    expect(new Set(results.map((r) => r.id)).size).toBe(4);
    // AND each stored job runs once with the payload of its first enqueue
    await queue.start({ webhook: recording("webhook") }, poll);
    await waitFor(() => finished("webhook").length >= 4, { what: "four runs" });
    await settle(300);
    await queue.stop();
    expect(
      finished("webhook")
        .map((r) => r.payload.n)
        .sort(),
    ).toEqual([1, 3, 4, 6]);
    // AND a later batch with the same keys adds nothing: the keys stay taken after their jobs ran
    const again = await batcher.enqueueMany([
      { task: "webhook", payload: { n: 7 }, options: { key: "key-b" } },
      { task: "webhook", payload: { n: 8 }, options: { key: "key-c" } },
    ]);
    expect(again.map((r) => r.deduped)).toEqual([true, true]);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it("enqueues overlapping batches from two instances at the same time, each key once and none refused", async () => {
    // GIVEN two instances, and rounds of 40 keys sent by both at once in opposite orders
    const one = newQueue();
    const two = newQueue();
    for (let round = 0; round < 10; round++) {
      const items = Array.from({ length: 40 }, (_, n) => ({
        task: "webhook",
        payload: { n },
        options: { key: `round-${round}-key-${n}` },
      }));
      // WHEN
      const [first, second] = await Promise.all([one.enqueueMany(items), two.enqueueMany([...items].reverse())]);
      // THEN both succeed, and each key has one job that exactly one of them added
      const ids = new Map(first.map((r, i) => [items[i]!.options.key, r]));
      for (const [i, r] of second.entries()) {
        const other = ids.get(items[items.length - 1 - i]!.options.key)!;
        expect(r.id).toBe(other.id);
        expect(r.deduped || other.deduped).toBe(true);
        expect(r.deduped && other.deduped).toBe(false);
      }
    }
    expect((await one.stats()).pending).toBe(400);
  });

  it("coalesces a burst: 10 enqueues with one coalesceKey inside the window become one run after the window", async () => {
    // GIVEN
    const queue = newQueue();
    const enqueuedAt = Date.now();
    // WHEN
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        queue.enqueue("contact", { n }, { coalesceKey: "contact:shop:1", delayMs: 600 }),
      ),
    );
    const later = await queue.enqueue("contact", { n: 10 }, { coalesceKey: "contact:shop:1", delayMs: 600 });
    await queue.start({ contact: recording("contact") }, poll);
    await waitFor(() => finished("contact").length >= 1, { what: "the coalesced run" });
    await settle(300);
    await queue.stop();
    // THEN one run, after the window, and nothing left behind. (Enqueues that race each other
    // may each add a job; the adapter still runs the key once.)
    expect(later.deduped).toBe(true);
    expect(results.map((r) => r.id)).toContain(later.id);
    expect(finished("contact")).toHaveLength(1);
    expect(finished("contact")[0]!.startedAt - enqueuedAt).toBeGreaterThanOrEqual(550);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it("brings a coalesced job forward when a later enqueue of its key asks for less delay", async () => {
    // GIVEN a job of the key that waits an hour (like a retry deep in its backoff)
    const queue = newQueue();
    const first = await queue.enqueue("contact", { n: 1 }, { coalesceKey: "contact:shop:2", delayMs: 3_600_000 });
    // WHEN a new event of the key asks for no delay
    const second = await queue.enqueue("contact", { n: 2 }, { coalesceKey: "contact:shop:2" });
    await queue.start({ contact: recording("contact") }, poll);
    await waitFor(() => finished("contact").length === 1, { what: "the run" });
    await queue.stop();
    // THEN the one job ran now
    expect(second).toEqual({ id: first.id, deduped: true });
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it("runs a job enqueued for a coalesceKey while one is running after it, never beside it", async () => {
    // GIVEN a running job that holds its key until the test releases it
    const queue = newQueue();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let active = 0;
    let maxActive = 0;
    const handler = recording("contact", async (payload) => {
      maxActive = Math.max(maxActive, ++active);
      if (payload.n === 1) await gate;
      active--;
    });
    await queue.start({ contact: handler }, { ...poll, concurrency: 4 });
    await queue.enqueue("contact", { n: 1 }, { coalesceKey: "contact:shop:7" });
    await waitFor(() => fx.runs.length === 1, { what: "the first job to start" });
    // WHEN
    const second = await queue.enqueue("contact", { n: 2 }, { coalesceKey: "contact:shop:7" });
    await settle(1_200);
    // THEN
    expect(second.deduped).toBe(false);
    expect(fx.runs).toHaveLength(1);
    release();
    await waitFor(() => finished("contact").length === 2, { what: "the second job" });
    await queue.stop();
    const [first, next] = finished("contact");
    expect([first!.payload.n, next!.payload.n]).toEqual([1, 2]);
    expect(next!.startedAt).toBeGreaterThanOrEqual(first!.endedAt!);
    expect(maxActive).toBe(1);
  });
}
