import { afterEach, describe, expect, it } from "vitest";
import { type ChatwootSimulator, startChatwootSimulator } from "../index";
import { call } from "./helpers";

describe("Chatwoot simulator: rack-attack rate limiting", () => {
  let sim: ChatwootSimulator;
  let now = Date.UTC(2026, 0, 1, 12, 0, 0);

  afterEach(() => sim.stop());

  async function statuses(count: number, headers: Record<string, string> = {}) {
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push((await call(sim, "GET", "/api", { headers })).status);
    return out;
  }

  it("answers 429 text/plain 'Retry later' without Retry-After past the per-minute limit", async () => {
    // GIVEN a limit of 3 requests per minute
    sim = await startChatwootSimulator({ rateLimitPerMinute: 3, clock: () => now });

    // WHEN a client sends a fourth request in the same minute
    const allowed = await statuses(3);
    const response = await call(sim, "GET", "/platform/api/v1/accounts", { token: sim.platformToken });

    // THEN it gets rack-attack's answer, whatever the route
    expect(allowed).toEqual([200, 200, 200]);
    expect(response.status).toBe(429);
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(response.text).toBe("Retry later\n");
    expect(response.headers.has("retry-after")).toBe(false);
  });

  it("opens again at the next minute boundary", async () => {
    // GIVEN a client that used up its minute
    now = Date.UTC(2026, 0, 1, 12, 0, 59, 500);
    sim = await startChatwootSimulator({ rateLimitPerMinute: 2, clock: () => now });
    await statuses(3);

    // WHEN the clock crosses into the next minute (only half a second later)
    now += 600;
    const next = await statuses(1);

    // THEN the fixed window has reset
    expect(next).toEqual([200]);
  });

  it("counts per client IP, taken from X-Forwarded-For behind loopback", async () => {
    // GIVEN a limit of 1
    sim = await startChatwootSimulator({ rateLimitPerMinute: 1, clock: () => now });

    // WHEN two clients send one request each, then one sends another
    const first = await statuses(1, { "x-forwarded-for": "203.0.113.1" });
    const second = await statuses(1, { "x-forwarded-for": "203.0.113.2" });
    const again = await statuses(1, { "x-forwarded-for": "203.0.113.1" });

    // THEN only the repeat is throttled
    expect([...first, ...second, ...again]).toEqual([200, 200, 429]);
  });

  it("never throttles the control API", async () => {
    // GIVEN a limit of 1, already used
    sim = await startChatwootSimulator({ rateLimitPerMinute: 1, clock: () => now });
    await statuses(1);

    // WHEN the control API is called repeatedly
    const controls: number[] = [];
    for (let i = 0; i < 3; i++) controls.push((await fetch(`${sim.url}/__sim/state`)).status);

    // THEN it answers, and its calls are not in the request log
    expect(controls).toEqual([200, 200, 200]);
    expect(sim.state.requests).toHaveLength(1);
  });
});
