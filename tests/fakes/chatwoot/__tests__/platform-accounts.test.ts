import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ChatwootSimulator, startChatwootSimulator } from "../index";
import { call, provision, sleep } from "./helpers";

describe("Chatwoot simulator: Platform API accounts", () => {
  let sim: ChatwootSimulator;
  const [appA, appB] = ["platform-token-a", "platform-token-b"];

  beforeEach(async () => {
    sim = await startChatwootSimulator({ platformTokens: [appA, appB], accountDeleteDelayMs: 30 });
  });
  afterEach(() => sim.stop());

  it("answers 401 Non permissible resource when another platform app reads the account", async () => {
    // GIVEN an account created by app A
    const created = await call(sim, "POST", "/platform/api/v1/accounts", { token: appA, body: { name: "Shop A" } });

    // WHEN app B reads, updates or deletes it
    const read = await call(sim, "GET", `/platform/api/v1/accounts/${created.json.id}`, { token: appB });
    const update = await call(sim, "PATCH", `/platform/api/v1/accounts/${created.json.id}`, {
      token: appB,
      body: { name: "x" },
    });

    // THEN both are refused, and app A still reads it
    expect(read.status).toBe(401);
    expect(read.json).toEqual({ error: "Non permissible resource" });
    expect(update.status).toBe(401);
    expect((await call(sim, "GET", `/platform/api/v1/accounts/${created.json.id}`, { token: appA })).status).toBe(200);
  });

  it("answers 401 Invalid access_token for an unknown or a user token", async () => {
    // GIVEN a provisioned user token
    const { userToken } = await provision(sim, "Shop", appA);

    // WHEN those tokens call the Platform API
    const unknown = await call(sim, "GET", "/platform/api/v1/accounts/1", { token: "nope" });
    const asUser = await call(sim, "GET", "/platform/api/v1/accounts/1", { token: userToken });

    // THEN both are rejected with the platform message
    expect(unknown.status).toBe(401);
    expect(unknown.json).toEqual({ error: "Invalid access_token" });
    expect(asUser.json).toEqual({ error: "Invalid access_token" });
  });

  it("rejects a missing name with 422 and a bad locale with a Rails 500", async () => {
    // WHEN creating without a name, and with an unknown locale
    const noName = await call(sim, "POST", "/platform/api/v1/accounts", { token: appA, body: { locale: "en" } });
    const badLocale = await call(sim, "POST", "/platform/api/v1/accounts", {
      token: appA,
      body: { name: "S", locale: "xx" },
    });

    // THEN Chatwoot's validation body, then Rails' error page as JSON; nothing was stored
    expect(noName.status).toBe(422);
    expect(noName.json).toEqual({ message: "Name can't be blank", attributes: ["name"] });
    expect(badLocale.status).toBe(500);
    expect(badLocale.json).toEqual({ status: 500, error: "Internal Server Error" });
    expect(sim.state.accounts).toHaveLength(0);
  });

  it("ignores a JSON body sent without the JSON content type", async () => {
    // WHEN the body is JSON but the header says text/plain
    const response = await fetch(`${sim.url}/platform/api/v1/accounts`, {
      method: "POST",
      headers: { api_access_token: appA, "content-type": "text/plain" },
      body: JSON.stringify({ name: "Shop" }),
    });

    // THEN Rails never saw a name
    expect(response.status).toBe(422);
  });

  it("replaces custom_attributes and limits wholesale on PATCH", async () => {
    // GIVEN an account with two custom attributes
    const created = await call(sim, "POST", "/platform/api/v1/accounts", {
      token: appA,
      body: { name: "Shop", custom_attributes: { plan_name: "pro", shop: "a.myshopify.com" }, limits: { inboxes: 3 } },
    });

    // WHEN one attribute is patched
    const patched = await call(sim, "PATCH", `/platform/api/v1/accounts/${created.json.id}`, {
      token: appA,
      body: { custom_attributes: { shop: "b.myshopify.com" }, limits: { agents: 2 } },
    });

    // THEN the other one is gone
    expect(patched.json.custom_attributes).toEqual({ shop: "b.myshopify.com" });
    expect(patched.json.limits).toEqual({ agents: 2 });
  });

  it("rejects limits with unknown keys or non-numeric values", async () => {
    // WHEN limits carry a string
    const response = await call(sim, "POST", "/platform/api/v1/accounts", {
      token: appA,
      body: { name: "S", limits: { inboxes: "1" } },
    });

    // THEN 422 on limits
    expect(response.status).toBe(422);
    expect(response.json).toEqual({ message: "Limits : Invalid data", attributes: ["limits"] });
  });

  it("keeps a deleted account readable until the delete job runs, then answers Rails' 404", async () => {
    // GIVEN a provisioned account
    const { accountId, userToken } = await provision(sim, "Shop", appA);

    // WHEN it is deleted
    const deleted = await call(sim, "DELETE", `/platform/api/v1/accounts/${accountId}`, { token: appA });
    const rightAfter = await call(sim, "GET", `/platform/api/v1/accounts/${accountId}`, { token: appA });
    const appApiRightAfter = await call(sim, "GET", `/api/v1/accounts/${accountId}/inboxes`, { token: userToken });
    await sleep(120);
    const later = await call(sim, "GET", `/platform/api/v1/accounts/${accountId}`, { token: appA });
    const list = await call(sim, "GET", "/platform/api/v1/accounts", { token: appA });

    // THEN 200 with an empty body, still usable at first, then gone; the permissible row stays
    expect(deleted.status).toBe(200);
    expect(deleted.text).toBe("");
    expect(rightAfter.status).toBe(200);
    expect(appApiRightAfter.status).toBe(200);
    expect(later.status).toBe(404);
    expect(later.json).toEqual({ status: 404, error: "Not Found" });
    expect(sim.state.permissibles.some((p) => p.permissibleType === "Account" && p.permissibleId === accountId)).toBe(
      true,
    );
    expect(list.status).toBe(500);
  });

  it("suspends the Application API at once when status becomes suspended", async () => {
    // GIVEN a provisioned account
    const { accountId, userToken } = await provision(sim, "Shop", appA);

    // WHEN it is suspended
    await call(sim, "PATCH", `/platform/api/v1/accounts/${accountId}`, { token: appA, body: { status: "suspended" } });
    const response = await call(sim, "GET", `/api/v1/accounts/${accountId}/contacts`, { token: userToken });

    // THEN the Application API refuses it
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: "Account is suspended" });
  });
});
