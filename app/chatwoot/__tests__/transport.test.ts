import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ChatwootHttpError,
  ChatwootSchemaError,
  isDuplicateError,
  isNotFound,
  isUnauthorized,
  transient,
} from "../errors";
import { emptyResponseSchema } from "../schemas";
import { createChatwootTransport } from "../transport";
import { startHttpTestServer } from "./http-test-server";
import { TOKEN, testKit } from "./test-kit";

const thing = z.looseObject({ id: z.number(), name: z.string() });

describe("Chatwoot transport: requests and responses", () => {
  it("sends the token in api_access_token and the body as JSON with its content type", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond({ body: { id: 7, name: "Shop" } });
    const transport = createChatwootTransport(testKit(server.url).options);

    // WHEN
    await transport.request({
      method: "POST",
      path: "/api/v1/accounts/3/dashboard_apps",
      body: { title: "Orders" },
      schema: thing,
    });

    // THEN
    const [received] = server.requests;
    expect(received?.method).toBe("POST");
    expect(received?.path).toBe("/api/v1/accounts/3/dashboard_apps");
    expect(received?.headers["api_access_token"]).toBe(TOKEN);
    expect(received?.headers["content-type"]).toBe("application/json");
    expect(received?.body).toEqual({ title: "Orders" });
  });

  it("keeps a sub-path of the base URL and skips undefined query values", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond({ body: { id: 1, name: "a" } });
    const transport = createChatwootTransport(testKit(`${server.url}/chatwoot/`).options);

    // WHEN
    await transport.request({ method: "GET", path: "/api/v1/x", query: { q: "a b", page: undefined }, schema: thing });

    // THEN
    expect(server.requests[0]?.path).toBe("/chatwoot/api/v1/x");
    expect([...(server.requests[0]?.query ?? [])]).toEqual([["q", "a b"]]);
  });

  it("returns the parsed body, extra fields passed through", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond({ body: { id: 7, name: "Shop", features: { crm: true } } });
    const transport = createChatwootTransport(testKit(server.url).options);

    // WHEN
    const result = await transport.request({ method: "GET", path: "/platform/api/v1/accounts/7", schema: thing });

    // THEN
    expect(result).toEqual({ id: 7, name: "Shop", features: { crm: true } });
  });

  it("throws a ChatwootSchemaError with the issues when a 2xx body does not match, without retrying", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond({ body: { id: "7", name: "Shop" } });
    const transport = createChatwootTransport(testKit(server.url).options);

    // WHEN
    const error = await transport.request({ method: "GET", path: "/x", schema: thing }).catch((e: unknown) => e);

    // THEN
    expect(error).toBeInstanceOf(ChatwootSchemaError);
    expect(error).not.toBeInstanceOf(ChatwootHttpError);
    expect((error as ChatwootSchemaError).issues[0]?.path).toEqual(["id"]);
    expect(transient(error)).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it("reports a 422 duplicate as a ChatwootHttpError naming the taken attributes", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond({ status: 422, body: { message: "Email has already been taken", attributes: ["email"] } });
    const transport = createChatwootTransport(testKit(server.url).options);

    // WHEN
    const error = await transport
      .request({ method: "POST", path: "/api/v1/accounts/3/contacts", body: { email: "a@b.c" }, schema: thing })
      .catch((e: unknown) => e);

    // THEN
    expect(error).toBeInstanceOf(ChatwootHttpError);
    expect(error).toMatchObject({ status: 422, method: "POST", path: "/api/v1/accounts/3/contacts" });
    expect((error as Error).message).toBe("POST /api/v1/accounts/3/contacts → 422: Email has already been taken");
    expect(isDuplicateError(error)).toEqual(["email"]);
  });

  it("does not retry a 401", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond({ status: 401, body: { error: "Invalid Access Token" } });
    const kit = testKit(server.url);
    const transport = createChatwootTransport(kit.options);

    // WHEN
    const error = await transport
      .request({ method: "GET", path: "/api/v1/profile", schema: thing })
      .catch((e: unknown) => e);

    // THEN
    expect(isUnauthorized(error)).toBe(true);
    expect(transient(error)).toBe(false);
    expect(server.requests).toHaveLength(1);
    expect(kit.waits).toEqual([]);
  });

  it("recognises the Platform API's bare Rails 404 as not found", async () => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond({ status: 404, body: { status: 404, error: "Not Found" } });
    const transport = createChatwootTransport(testKit(server.url).options);

    // WHEN
    const error = await transport
      .request({ method: "GET", path: "/platform/api/v1/accounts/9", schema: thing })
      .catch((e: unknown) => e);

    // THEN
    expect(isNotFound(error)).toBe(true);
    expect((error as Error).message).toBe("GET /platform/api/v1/accounts/9 → 404: Not Found");
  });

  it.each([
    { status: 204, body: undefined },
    { status: 200, body: undefined },
    { status: 200, body: { message: "deletion queued" } },
  ])("accepts a $status with body $body as an empty success", async ({ status, body }) => {
    // GIVEN
    const server = await startHttpTestServer();
    server.respond({ status, body });
    const transport = createChatwootTransport(testKit(server.url).options);

    // WHEN
    const result = await transport.request({ method: "DELETE", path: "/x/1", schema: emptyResponseSchema });

    // THEN
    expect(result).toBeUndefined();
    expect(server.requests[0]?.headers["content-type"]).toBeUndefined();
  });
});
