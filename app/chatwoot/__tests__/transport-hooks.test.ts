import { createServer } from "node:http";
import { describe, expect, it, onTestFinished } from "vitest";
import { z } from "zod";
import { ChatwootNetworkError, transient } from "../errors";
import { createChatwootTransport } from "../transport";
import type { AttemptContext } from "../types";
import { startHttpTestServer, unusedUrl } from "./http-test-server";
import { TOKEN, testKit } from "./test-kit";

const ok = z.looseObject({ ok: z.boolean() });

describe("Chatwoot transport: network failures, hooks and logs", () => {
  it("retries a GET whose connection was refused, and succeeds once Chatwoot is up", async () => {
    // GIVEN nothing listens on the port until the first backoff wait
    const url = await unusedUrl();
    const kit = testKit(url, {
      sleep: async () => {
        const server = createServer((_req, res) =>
          res.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}'),
        );
        onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
        await new Promise<void>((resolve) => server.listen(Number(new URL(url).port), "127.0.0.1", resolve));
      },
    });

    // WHEN
    const result = await createChatwootTransport(kit.options).request({ method: "GET", path: "/x", schema: ok });

    // THEN
    expect(result).toEqual({ ok: true });
    expect(kit.logs()[0]).toMatchObject({ method: "GET", path: "/x", attempt: 1 });
    expect(String(kit.logs()[0]?.error)).toContain("ECONNREFUSED");
  });

  it("does not retry a POST whose connection failed", async () => {
    // GIVEN
    const kit = testKit(await unusedUrl());

    // WHEN
    const error = await createChatwootTransport(kit.options)
      .request({ method: "POST", path: "/x", body: {}, schema: ok })
      .catch((e: unknown) => e);

    // THEN
    expect(error).toBeInstanceOf(ChatwootNetworkError);
    expect(error).toMatchObject({ method: "POST", path: "/x" });
    expect(transient(error)).toBe(true);
    expect(kit.waits).toEqual([]);
  });

  it("awaits beforeRequest before every attempt, retries included", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond({ status: 503, body: "" }, { body: { ok: true } });
    const seen: Array<AttemptContext & { requestsSoFar: number }> = [];
    const kit = testKit(server.url, {
      beforeRequest: async (context) => void seen.push({ ...context, requestsSoFar: server.requests.length }),
    });

    // WHEN
    await createChatwootTransport(kit.options).request({ method: "GET", path: "/x", schema: ok });

    // THEN
    expect(seen).toEqual([
      { method: "GET", path: "/x", attempt: 1, requestsSoFar: 0 },
      { method: "GET", path: "/x", attempt: 2, requestsSoFar: 1 },
    ]);
  });

  it("sends nothing when beforeRequest refuses (an exhausted budget)", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    const kit = testKit(server.url, {
      beforeRequest: () => {
        throw new Error("budget exhausted");
      },
    });

    // WHEN
    const call = createChatwootTransport(kit.options).request({ method: "GET", path: "/x", schema: ok });

    // THEN
    await expect(call).rejects.toThrow("budget exhausted");
    expect(server.requests).toEqual([]);
  });

  it("logs each retry with method, path, status, attempt and delay, never the token or the query", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond({ status: 429, body: "Retry later\n" }, { body: { ok: true } });
    const kit = testKit(server.url);

    // WHEN
    await createChatwootTransport(kit.options).request({
      method: "GET",
      path: "/api/v1/accounts/1/contacts/search",
      query: { q: "jane@example.com" },
      schema: ok,
    });

    // THEN
    expect(kit.logs()).toEqual([
      expect.objectContaining({
        level: "warn",
        method: "GET",
        path: "/api/v1/accounts/1/contacts/search",
        status: 429,
        attempt: 1,
        delayMs: 125,
      }),
    ]);
    expect(kit.lines.join("\n")).not.toContain(TOKEN);
    expect(kit.lines.join("\n")).not.toContain("jane@example.com");
  });

  it("stops waiting and sends no more requests once the caller aborts", async () => {
    // GIVEN a long real backoff and a caller that gives up after 20 ms
    const server = await startHttpTestServer();
    server.respond({ status: 503, body: "" });
    const { sleep: _fakeSleep, ...options } = testKit(server.url, { retry: { baseDelayMs: 60_000 } }).options;
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("job cancelled")), 20);

    // WHEN
    const call = createChatwootTransport(options).request({
      method: "GET",
      path: "/x",
      schema: ok,
      signal: controller.signal,
    });

    // THEN
    await expect(call).rejects.toThrow("job cancelled");
    expect(server.requests).toHaveLength(1);
  });
});
