import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ChatwootSimulator, identifierHash, startChatwootSimulator } from "../index";
import { call } from "./helpers";

describe("Chatwoot simulator: web widget identity", () => {
  let sim: ChatwootSimulator;
  let workspace: ReturnType<ChatwootSimulator["seed"]["workspace"]>;

  beforeEach(async () => {
    sim = await startChatwootSimulator();
    workspace = sim.seed.workspace({ inbox: { channel: { allowed_domains: "demo.myshopify.com" } } });
  });
  afterEach(() => sim.stop());

  const websiteToken = () => workspace.inbox.channel.websiteToken;
  const setUser = (authToken: string, body: Record<string, unknown>) =>
    call(sim, "PATCH", `/api/v1/widget/contact/set_user?website_token=${websiteToken()}`, {
      body,
      headers: { "x-auth-token": authToken },
    });

  it("serves the widget page with a visitor token, framed only by the allowed domains", async () => {
    // WHEN the storefront iframe loads /widget
    const response = await call(sim, "GET", `/widget?website_token=${websiteToken()}`);

    // THEN an HTML page carrying a fresh anonymous visitor
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBe("frame-ancestors demo.myshopify.com");
    expect(response.text).toMatch(/window\.authToken = "[\w-]+\.[\w-]+\.[\w-]+"/);
    expect(sim.state.contactInboxes.filter((ci) => ci.inboxId === workspace.inbox.id)).toHaveLength(1);
  });

  it("answers 404 for an unknown website token and 401 once the account is suspended", async () => {
    // GIVEN a suspended account
    const unknown = await call(sim, "GET", "/widget?website_token=nope");
    await call(sim, "PATCH", `/platform/api/v1/accounts/${workspace.account.id}`, {
      token: sim.platformToken,
      body: { status: "suspended" },
    });

    // WHEN the widget page and the widget API are called
    const page = await call(sim, "GET", `/widget?website_token=${websiteToken()}`);
    const api = await setUser("anything", { identifier: "1", email: "a@b.co" });

    // THEN
    expect(unknown.status).toBe(404);
    expect(page.status).toBe(401);
    expect(page.json).toEqual({ error: "Account is suspended" });
    expect(api.status).toBe(401);
    expect(api.json).toEqual({ error: "Account is suspended" });
  });

  it("verifies a correct identifier_hash and merges the visitor into the synced contact", async () => {
    // GIVEN a contact our sync created and a visitor session
    const synced = sim.seed.contact(workspace.account.id, { identifier: "7012345678901", email: "ada@example.com" });
    const session = sim.seed.widgetSession(websiteToken());
    const hash = identifierHash(workspace.inbox.channel.hmacToken, "7012345678901");

    // WHEN the storefront calls setUser with the hash
    const response = await setUser(session.authToken, {
      identifier: "7012345678901",
      identifier_hash: hash,
      name: "Ada",
    });

    // THEN the visitor became the synced contact, verified
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ id: synced.id, email: "ada@example.com", name: "Ada" });
    expect(sim.state.contacts.some((c) => c.id === session.contactId)).toBe(false);
    expect(sim.state.widgetCalls.at(-1)).toMatchObject({
      kind: "set_user",
      status: 200,
      contactId: synced.id,
      hmacVerified: true,
    });
  });

  it("rejects a wrong or uppercase identifier_hash with 401", async () => {
    // GIVEN a visitor session
    const session = sim.seed.widgetSession(websiteToken());
    const hash = identifierHash(workspace.inbox.channel.hmacToken, "42");

    // WHEN the hash is for another identifier, or uppercase hex
    const wrong = await setUser(session.authToken, { identifier: "43", identifier_hash: hash, email: "a@b.co" });
    const upper = await setUser(session.authToken, {
      identifier: "42",
      identifier_hash: hash.toUpperCase(),
      email: "a@b.co",
    });

    // THEN both fail and are recorded
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ error: "HMAC failed: Invalid Identifier Hash Provided" });
    expect(upper.status).toBe(401);
    expect(sim.state.widgetCalls.map((c) => c.status)).toEqual([401, 401]);
  });

  it("requires the hash when the inbox has hmac_mandatory, but not for setCustomAttributes", async () => {
    // GIVEN an inbox with hmac_mandatory and a visitor
    await call(sim, "PATCH", `/api/v1/accounts/${workspace.account.id}/inboxes/${workspace.inbox.id}`, {
      token: workspace.token,
      body: { channel: { hmac_mandatory: true } },
    });
    const session = sim.seed.widgetSession(websiteToken());

    // WHEN setUser has no hash, and the contact update path claims an identifier anyway
    const setUserWithoutHash = await setUser(session.authToken, { identifier: "42", email: "a@b.co" });
    const update = await call(sim, "PATCH", `/api/v1/widget/contact?website_token=${websiteToken()}`, {
      body: { identifier: "42", custom_attributes: { vip: true } },
      headers: { "x-auth-token": session.authToken },
    });

    // THEN only setUser is guarded
    expect(setUserWithoutHash.status).toBe(401);
    expect(update.status).toBe(200);
    expect(sim.state.contacts.find((c) => c.id === session.contactId)).toMatchObject({
      identifier: "42",
      customAttributes: { vip: true },
    });
  });

  it("answers 404 to setUser without a widget session token", async () => {
    // WHEN no X-Auth-Token is sent
    const response = await call(sim, "PATCH", `/api/v1/widget/contact/set_user?website_token=${websiteToken()}`, {
      body: { identifier: "1", email: "a@b.co" },
    });

    // THEN there is no contact to identify
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ error: "Resource could not be found" });
  });
});
