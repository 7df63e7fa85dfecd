import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ChatwootSimulator, startChatwootSimulator } from "../index";
import { call } from "./helpers";

describe("Chatwoot simulator: injected faults", () => {
  let sim: ChatwootSimulator;

  beforeEach(async () => {
    sim = await startChatwootSimulator();
  });
  afterEach(() => sim.stop());

  const createAccount = () =>
    call(sim, "POST", "/platform/api/v1/accounts", { token: sim.platformToken, body: { name: "Shop" } });

  it("answers a status fault the given number of times, then behaves again", async () => {
    // GIVEN two 503s on account creation
    sim.faults.add({
      match: { method: "POST", path: "/platform/api/v1/accounts" },
      kind: "status",
      status: 503,
      times: 2,
    });

    // WHEN three creations are attempted
    const results = [await createAccount(), await createAccount(), await createAccount()];

    // THEN two proxy error pages, then a real account; the failed ones created nothing
    expect(results.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(results[0]?.headers.get("content-type")).toContain("text/html");
    expect(sim.state.accounts).toHaveLength(1);
    expect(sim.faults.list()).toHaveLength(0);
  });

  it("renders a 500 fault as Rails' JSON error and only hits matching requests", async () => {
    // GIVEN a 500 on GETs under /platform
    sim.faults.add({ match: { method: "GET", path: /^\/platform\// }, kind: "status", status: 500, times: Infinity });

    // WHEN a POST and a GET are made
    const post = await createAccount();
    const get = await call(sim, "GET", `/platform/api/v1/accounts/${post.json.id}`, { token: sim.platformToken });

    // THEN only the GET fails
    expect(post.status).toBe(200);
    expect(get.status).toBe(500);
    expect(get.json).toEqual({ status: 500, error: "Internal Server Error" });
  });

  it("adds latency before answering", async () => {
    // GIVEN 120 ms of latency
    sim.faults.add({ kind: "latency", ms: 120 });

    // WHEN a request is timed
    const started = Date.now();
    const response = await call(sim, "GET", "/api");

    // THEN it is answered, late
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("never answers a timeout fault, so the client's own timeout fires", async () => {
    // GIVEN a timeout fault
    sim.faults.add({ kind: "timeout" });

    // WHEN the client waits at most 100 ms
    const attempt = fetch(`${sim.url}/api`, { signal: AbortSignal.timeout(100) });

    // THEN it gives up, and the log shows the unanswered request
    await expect(attempt).rejects.toThrow(/aborted|timeout/i);
    expect(sim.state.requests[0]).toMatchObject({ path: "/api", status: null, fault: "timeout" });
  });

  it("answers a rateLimit fault like rack-attack", async () => {
    // GIVEN a rate-limit fault
    sim.faults.add({ kind: "rateLimit" });

    // WHEN a request is made
    const response = await call(sim, "GET", "/api");

    // THEN 429 text/plain without Retry-After
    expect(response.status).toBe(429);
    expect(response.text).toBe("Retry later\n");
    expect(response.headers.has("retry-after")).toBe(false);
  });

  it("resets the connection for a reset fault", async () => {
    // GIVEN a reset fault
    sim.faults.add({ kind: "reset" });

    // WHEN a request is made, and another after it
    const failed = fetch(`${sim.url}/api`);
    await expect(failed).rejects.toThrow(/fetch failed/);
    const next = await call(sim, "GET", "/api");

    // THEN the first never got an answer and the second is fine
    expect(next.status).toBe(200);
  });

  it("applies a drop fault after doing the work, so the client sees an error but the record exists", async () => {
    // GIVEN a drop on account creation
    sim.faults.add({ match: { method: "POST", path: "/platform/api/v1/accounts" }, kind: "drop" });

    // WHEN an account is created
    await expect(createAccount()).rejects.toThrow(/fetch failed/);

    // THEN Chatwoot kept it, and the log tells what the client missed
    expect(sim.state.accounts).toHaveLength(1);
    expect(sim.state.requests[0]).toMatchObject({ status: null, fault: "drop", droppedStatus: 200 });
  });

  it("lets the first `skip` matching requests through", async () => {
    // GIVEN a 500 on the second account creation only
    sim.faults.add({
      match: { method: "POST", path: "/platform/api/v1/accounts" },
      kind: "status",
      status: 500,
      skip: 1,
    });

    // WHEN three accounts are created
    const statuses = [(await createAccount()).status, (await createAccount()).status, (await createAccount()).status];

    // THEN only the second failed
    expect(statuses).toEqual([200, 500, 200]);
  });

  it("clears all faults", async () => {
    // GIVEN a permanent fault
    sim.faults.add({ kind: "status", status: 502, times: Infinity });

    // WHEN faults are cleared
    sim.faults.clear();

    // THEN requests pass
    expect((await call(sim, "GET", "/api")).status).toBe(200);
  });
});
