import { createPrismaClient } from "~/db.server";
import { createRequestBudget } from "~/jobs/request-budget.server";
import { createTestDatabase, dbKind, dbSkipReason, type TestDatabase } from "../support/database";

/** A clock that only moves when the budget sleeps: waits become exact and instant. */
function fakeClock(start = Date.UTC(2026, 0, 1)) {
  const clock = {
    ms: start,
    waited: 0,
    now: () => new Date(clock.ms),
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      clock.ms += ms;
      clock.waited += ms;
    },
  };
  return clock;
}

describe.skipIf(dbSkipReason)(`shared request budget on ${dbKind}`, () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => database.drop());

  it("lets a burst through at once, then waits for each token at the refill rate", async () => {
    // GIVEN 600 a minute (one token every 100 ms) and a bucket of 3
    const clock = fakeClock();
    const budget = createRequestBudget({ db: database.db, name: "chatwoot", perMinute: 600, burst: 3, ...clock });
    // WHEN
    for (let i = 0; i < 3; i++) await budget.acquire();
    const afterBurst = clock.waited;
    await budget.acquire();
    await budget.acquire();
    // THEN
    expect(afterBurst).toBe(0);
    expect(clock.waited).toBe(200);
    const row = await database.db.rateBudget.findUnique({ where: { name: "chatwoot" } });
    expect(row!.tokens).toBeCloseTo(0, 6);
  });

  it("refills continuously while idle, up to the burst and no further", async () => {
    // GIVEN an empty bucket
    const clock = fakeClock();
    const budget = createRequestBudget({ db: database.db, name: "chatwoot", perMinute: 600, burst: 5, ...clock });
    for (let i = 0; i < 5; i++) await budget.acquire();
    // WHEN 250 ms pass, then ten minutes
    clock.ms += 250;
    await budget.acquire();
    await budget.acquire();
    expect(clock.waited).toBe(0);
    clock.ms += 10 * 60_000;
    for (let i = 0; i < 5; i++) await budget.acquire();
    // THEN the long pause bought five tokens, not six thousand
    expect(clock.waited).toBe(0);
    await budget.acquire();
    expect(clock.waited).toBe(100);
  });

  it("shares the tokens between two instances on the same database", async () => {
    // GIVEN two app instances with budgets of the same name
    const clock = fakeClock();
    const options = { db: database.db, name: "chatwoot", perMinute: 600, burst: 2, ...clock };
    const [first, second] = [createRequestBudget(options), createRequestBudget(options)];
    // WHEN each takes one token, then the first asks again
    await first.acquire();
    await second.acquire();
    await first.acquire();
    // THEN the bucket was one: the third request waited for a refill
    expect(clock.waited).toBe(100);
  });

  it("never lets concurrent callers on two instances exceed the budget", async () => {
    // GIVEN 6000 a minute (one token every 10 ms), a bucket of 5, and real time; on PostgreSQL
    // the second instance has a connection pool of its own (one SQLite file is one process's)
    const secondDb = dbKind === "postgres" ? createPrismaClient(database.url) : database.db;
    const options = { name: "chatwoot", perMinute: 6_000, burst: 5 };
    const budgets = [
      createRequestBudget({ ...options, db: database.db }),
      createRequestBudget({ ...options, db: secondDb }),
    ];
    const start = Date.now();
    // WHEN 25 requests race through both instances
    const grantedAt = await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        await budgets[i % 2]!.acquire();
        return Date.now() - start;
      }),
    );
    // THEN by any moment, at most the bucket plus what refilled since had been granted
    grantedAt.sort((a, b) => a - b);
    grantedAt.forEach((at, index) => expect(index + 1).toBeLessThanOrEqual(5 + Math.floor(at / 10) + 1));
    expect(grantedAt.at(-1)!).toBeGreaterThanOrEqual(190);
    if (secondDb !== database.db) await secondDb.$disconnect();
  });

  it("stops waiting when the caller's signal aborts", async () => {
    // GIVEN an empty bucket
    const budget = createRequestBudget({ db: database.db, name: "chatwoot", perMinute: 1, burst: 1 });
    await budget.acquire();
    // WHEN
    const controller = new AbortController();
    const waiting = budget.acquire(controller.signal);
    setTimeout(() => controller.abort(new Error("request cancelled")), 50);
    // THEN
    await expect(waiting).rejects.toThrow("request cancelled");
  });

  it("keeps budgets of different names apart", async () => {
    // GIVEN
    const clock = fakeClock();
    const shared = { db: database.db, perMinute: 600, burst: 1, ...clock };
    const [a, b] = [createRequestBudget({ ...shared, name: "a" }), createRequestBudget({ ...shared, name: "b" })];
    // WHEN
    await a.acquire();
    await b.acquire();
    // THEN
    expect(clock.waited).toBe(0);
  });
});
