import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ChatwootSimulator, startChatwootSimulator } from "../index";
import { call, provision } from "./helpers";

describe("Chatwoot simulator: Application API authentication", () => {
  let sim: ChatwootSimulator;

  beforeEach(async () => {
    sim = await startChatwootSimulator();
  });
  afterEach(() => sim.stop());

  it("tells a missing header, an unknown token and a platform token apart", async () => {
    // GIVEN a provisioned account
    const { accountId } = await provision(sim);
    const path = `/api/v1/accounts/${accountId}/inboxes`;

    // WHEN called without a token, with a wrong one, and with the platform token
    const none = await call(sim, "GET", path);
    const unknown = await call(sim, "GET", path, { token: "not-a-token" });
    const platform = await call(sim, "GET", path, { token: sim.platformToken });

    // THEN three different 401s
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ errors: ["You need to sign in or sign up before continuing."] });
    expect(unknown.json).toEqual({ error: "Invalid Access Token" });
    expect(platform.json).toEqual({ error: "Access to this endpoint is not authorized for bots" });
  });

  it("refuses a user token on an account the user is not a member of", async () => {
    // GIVEN two provisioned accounts
    const first = await provision(sim, "First");
    const second = await provision(sim, "Second");

    // WHEN the first user reads the second account
    const response = await call(sim, "GET", `/api/v1/accounts/${second.accountId}/contacts`, {
      token: first.userToken,
    });

    // THEN 401 for the account
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: "You are not authorized to access this account" });
  });

  it("accepts the token in the dashed header name too", async () => {
    // GIVEN a provisioned user
    const { userToken } = await provision(sim);

    // WHEN the profile is read with `api-access-token`
    const response = await call(sim, "GET", "/api/v1/profile", { headers: { "api-access-token": userToken } });

    // THEN it is the user, with the account it administers
    expect(response.status).toBe(200);
    expect(response.json.accounts).toEqual([expect.objectContaining({ role: "administrator" })]);
  });

  it("answers 404 Resource could not be found for an unknown account or record", async () => {
    // GIVEN a provisioned user
    const { accountId, userToken } = await provision(sim);

    // WHEN reading an account and a contact that do not exist
    const account = await call(sim, "GET", "/api/v1/accounts/999/contacts", { token: userToken });
    const contact = await call(sim, "GET", `/api/v1/accounts/${accountId}/contacts/999`, { token: userToken });

    // THEN the Application API's own 404 body
    expect(account.status).toBe(404);
    expect(account.json).toEqual({ error: "Resource could not be found" });
    expect(contact.json).toEqual({ error: "Resource could not be found" });
  });

  it("answers 400 for a malformed JSON body, after authentication", async () => {
    // GIVEN a provisioned user
    const { accountId, userToken } = await provision(sim);
    const send = (token: string) =>
      fetch(`${sim.url}/api/v1/accounts/${accountId}/contacts`, {
        method: "POST",
        headers: { api_access_token: token, "content-type": "application/json" },
        body: '{"name": ',
      });

    // WHEN the body cannot be parsed, with a good and a bad token
    const good = await send(userToken);
    const bad = await send("wrong");

    // THEN Rails' 400 only once the token passed
    expect(good.status).toBe(400);
    expect(await good.json()).toEqual({ status: 400, error: "Bad Request" });
    expect(bad.status).toBe(401);
  });

  it("answers Rails' HTML 404 for a path no route matches", async () => {
    // WHEN calling an endpoint Chatwoot does not have
    const response = await call(sim, "GET", "/api/v1/accounts/1/nothing_here", { token: "x" });

    // THEN an HTML page, not JSON
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  it("logs every request with its token and status", async () => {
    // WHEN two requests are made
    await call(sim, "GET", "/api/v1/profile", { token: "abc" });
    await call(sim, "GET", "/platform/api/v1/accounts?page=2", { token: sim.platformToken });

    // THEN the log has both
    expect(sim.state.requests.map((r) => [r.method, r.path, r.query, r.status, r.token])).toEqual([
      ["GET", "/api/v1/profile", "", 401, "abc"],
      ["GET", "/platform/api/v1/accounts", "page=2", 200, sim.platformToken],
    ]);
  });
});
