import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ChatwootRateLimitError, ChatwootRetriableError, ChatwootTimeoutError, transient } from "../errors";
import { createChatwootTransport } from "../transport";
import { startHttpTestServer } from "./http-test-server";
import { testKit } from "./test-kit";

const ok = z.looseObject({ ok: z.boolean() });
const retryLater = { status: 429, body: "Retry later\n" }; // rack-attack: text/plain, no Retry-After

describe("Chatwoot transport: retries", () => {
  it("retries a text/plain 429 with exponential full-jitter waits, then succeeds", async () => {
    // GIVEN three throttled answers, random() = 0.5 and a 250 ms base
    const server = await startHttpTestServer();
    server.respond(retryLater, retryLater, retryLater, { body: { ok: true } });
    const kit = testKit(server.url, { retry: { baseDelayMs: 250 } });

    // WHEN
    const result = await createChatwootTransport(kit.options).request({
      method: "POST",
      path: "/x",
      body: {},
      schema: ok,
    });

    // THEN half of 250, 500, 1000
    expect(result).toEqual({ ok: true });
    expect(server.requests).toHaveLength(4);
    expect(kit.waits).toEqual([125, 250, 500]);
  });

  it("caps every wait at maxDelayMs", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond(retryLater, retryLater, retryLater, { body: { ok: true } });
    const kit = testKit(server.url, { random: () => 0.999, retry: { baseDelayMs: 100, maxDelayMs: 300 } });

    // WHEN
    await createChatwootTransport(kit.options).request({ method: "GET", path: "/x", schema: ok });

    // THEN ceilings 100, 200, then 400 capped to 300
    expect(kit.waits).toEqual([99, 199, 299]);
  });

  it("throws a ChatwootRateLimitError without retryAfterMs once retries are exhausted", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond(retryLater, retryLater, retryLater);
    const kit = testKit(server.url, { retry: { maxRetries: 2 } });

    // WHEN
    const error = await createChatwootTransport(kit.options)
      .request({ method: "GET", path: "/x", schema: ok })
      .catch((e: unknown) => e);

    // THEN
    expect(error).toBeInstanceOf(ChatwootRateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: undefined, body: "Retry later\n" });
    expect(transient(error)).toBe(true);
    expect(server.requests).toHaveLength(3);
    expect(kit.waits).toHaveLength(2);
  });

  it("honours a Retry-After a proxy sends, and leaves one longer than maxDelayMs to the caller", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond(
      { status: 503, body: "busy", headers: { "Retry-After": "2" } },
      { status: 429, body: "slow down", headers: { "Retry-After": "60" } },
    );
    const kit = testKit(server.url);

    // WHEN
    const error = await createChatwootTransport(kit.options)
      .request({ method: "GET", path: "/x", schema: ok })
      .catch((e: unknown) => e);

    // THEN
    expect(kit.waits).toEqual([2000]);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 60_000 });
    expect(server.requests).toHaveLength(2);
  });

  it("retries a 503 on a POST: Chatwoot refused it before processing", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond({ status: 503, body: "" }, { body: { ok: true } });
    const kit = testKit(server.url);

    // WHEN
    const result = await createChatwootTransport(kit.options).request({
      method: "POST",
      path: "/x",
      body: {},
      schema: ok,
    });

    // THEN
    expect(result).toEqual({ ok: true });
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
  });

  it.each([500, 502, 504])("does not retry a %i on a POST, which may have been applied", async (status) => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond({ status, body: { error: "boom" } });
    const kit = testKit(server.url);

    // WHEN
    const error = await createChatwootTransport(kit.options)
      .request({ method: "POST", path: "/x", body: {}, schema: ok })
      .catch((e: unknown) => e);

    // THEN
    expect(error).toBeInstanceOf(ChatwootRetriableError);
    expect(error).toMatchObject({ status });
    expect(transient(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    { method: "GET" as const, idempotent: undefined },
    { method: "PATCH" as const, idempotent: true },
  ])("retries 500 and 502 on a $method that is idempotent", async ({ method, idempotent }) => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond(
      { status: 500, body: "" },
      { status: 502, body: "<html>Bad Gateway</html>" },
      { body: { ok: true } },
    );
    const kit = testKit(server.url);

    // WHEN
    const result = await createChatwootTransport(kit.options).request({ method, path: "/x", idempotent, schema: ok });

    // THEN
    expect(result).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
  });

  it("retries a GET that timed out", async () => {
    // GIVEN the first answer comes after the 50 ms timeout
    const server = await startHttpTestServer();
    server.respond({ body: { ok: false }, delayMs: 1_000 }, { body: { ok: true } });
    const kit = testKit(server.url, { timeoutMs: 50 });

    // WHEN
    const result = await createChatwootTransport(kit.options).request({ method: "GET", path: "/x", schema: ok });

    // THEN
    expect(result).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(kit.logs()[0]).toMatchObject({ error: "timeout", attempt: 1 });
  });

  it("gives up on a POST that timed out after one attempt", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond({ body: { ok: true }, delayMs: 1_000 });
    const kit = testKit(server.url, { timeoutMs: 50 });

    // WHEN
    const error = await createChatwootTransport(kit.options)
      .request({ method: "POST", path: "/api/v1/accounts/1/contacts", body: {}, schema: ok })
      .catch((e: unknown) => e);

    // THEN
    expect(error).toBeInstanceOf(ChatwootTimeoutError);
    expect(error).toMatchObject({ method: "POST", path: "/api/v1/accounts/1/contacts", timeoutMs: 50 });
    expect(transient(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(kit.waits).toEqual([]);
  });
});
