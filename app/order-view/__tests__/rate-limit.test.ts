import { createRateLimiter } from "../rate-limit";

describe("the order view's rate limiter", () => {
  it("allows 120 requests a minute per key, then says how long to wait", () => {
    // GIVEN
    let now = 1_000_000;
    const limiter = createRateLimiter({ limit: 120, now: () => now });
    // WHEN 120 requests spread over 30 s, and one more
    const allowed = Array.from({ length: 120 }, (_, i) => ((now = 1_000_000 + i * 250), limiter.take("a").ok));
    const refused = limiter.take("a");
    // THEN the 121st waits until the first leaves the window
    expect(allowed.every(Boolean)).toBe(true);
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 31 });
    now = 1_000_000 + 60_001;
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
  });

  it("counts each key on its own", () => {
    const limiter = createRateLimiter({ limit: 2, now: () => 0 });
    limiter.take("a");
    limiter.take("a");
    expect(limiter.take("a").ok).toBe(false);
    expect(limiter.take("b").ok).toBe(true);
  });

  it("does not count refused requests against the next window", () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, now: () => now });
    limiter.take("a");
    for (let i = 0; i < 10; i++) limiter.take("a");
    now = 60_001;
    expect(limiter.take("a").ok).toBe(true);
  });

  it("forgets the least recently used key instead of growing without bound", () => {
    // GIVEN a limiter that remembers two keys, both at their limit
    const limiter = createRateLimiter({ limit: 1, maxKeys: 2, now: () => 0 });
    limiter.take("a");
    limiter.take("b");
    expect(limiter.take("a").ok).toBe(false);
    // WHEN a third key arrives
    expect(limiter.take("c").ok).toBe(true);
    // THEN the newer key is still limited, and the one used least recently was forgotten
    expect(limiter.take("b").ok).toBe(false);
    expect(limiter.take("a").ok).toBe(true);
  });
});
