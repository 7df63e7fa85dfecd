import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ChatwootSimulator, startChatwootSimulator } from "../index";
import { call, provision } from "./helpers";

describe("Chatwoot simulator: web widget inboxes", () => {
  let sim: ChatwootSimulator;
  let ctx: Awaited<ReturnType<typeof provision>>;
  const widget = {
    name: "Demo Store chat",
    channel: { type: "web_widget", website_url: "https://demo.myshopify.com" },
  };

  beforeEach(async () => {
    sim = await startChatwootSimulator({ publicUrl: "https://chat.example.com" });
    ctx = await provision(sim);
  });
  afterEach(() => sim.stop());

  async function addAgent() {
    const agent = sim.seed.user();
    sim.seed.accountUser(ctx.accountId, agent.id, "agent");
    return agent;
  }

  it("creates a web widget with Chatwoot's defaults and fresh tokens", async () => {
    // WHEN an administrator creates a widget inbox
    const response = await call(sim, "POST", `/api/v1/accounts/${ctx.accountId}/inboxes`, {
      token: ctx.userToken,
      body: widget,
    });

    // THEN defaults are filled in and both tokens exist
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      channel_type: "Channel::WebWidget",
      widget_color: "#1f93ff",
      hmac_mandatory: false,
    });
    expect(response.json.website_token).toMatch(/^[1-9A-HJ-NP-Za-km-z]{24}$/);
    expect(response.json.hmac_token).toMatch(/^[1-9A-HJ-NP-Za-km-z]{24}$/);
    expect(response.json.web_widget_script).toContain('"https://chat.example.com"');
    expect(response.json.web_widget_script).toContain(response.json.website_token);
  });

  it("requires website_url and a name without symbols", async () => {
    // WHEN the URL is missing, then the name ends with a symbol
    const noUrl = await call(sim, "POST", `/api/v1/accounts/${ctx.accountId}/inboxes`, {
      token: ctx.userToken,
      body: { name: "Chat", channel: { type: "web_widget" } },
    });
    const badName = await call(sim, "POST", `/api/v1/accounts/${ctx.accountId}/inboxes`, {
      token: ctx.userToken,
      body: { ...widget, name: "Shop @ Home!" },
    });

    // THEN 422 with Chatwoot's messages
    expect(noUrl.status).toBe(422);
    expect(noUrl.json).toEqual({ message: "Website url can't be blank", attributes: ["website_url"] });
    expect(badName.status).toBe(422);
    expect(badName.json.attributes).toEqual(["name"]);
  });

  it("hides hmac_token from agents and shows agents only their inboxes", async () => {
    // GIVEN two inboxes and an agent who is a member of one
    const first = sim.seed.inbox(ctx.accountId, { name: "First" });
    sim.seed.inbox(ctx.accountId, { name: "Second" });
    const agent = await addAgent();
    sim.seed.inboxMember(first.id, agent.id);

    // WHEN the agent and the administrator list inboxes
    const asAgent = await call(sim, "GET", `/api/v1/accounts/${ctx.accountId}/inboxes`, { token: agent.accessToken });
    const asAdmin = await call(sim, "GET", `/api/v1/accounts/${ctx.accountId}/inboxes`, { token: ctx.userToken });

    // THEN the agent sees one inbox and no hmac_token key at all
    expect(asAgent.json.payload.map((i: { name: string }) => i.name)).toEqual(["First"]);
    expect(asAgent.json.payload[0]).not.toHaveProperty("hmac_token");
    expect(asAdmin.json.payload).toHaveLength(2);
    expect(asAdmin.json.payload[0].hmac_token).toBe(first.channel.hmacToken);
  });

  it("lets only administrators create inboxes", async () => {
    // GIVEN an agent
    const agent = await addAgent();

    // WHEN the agent creates an inbox
    const response = await call(sim, "POST", `/api/v1/accounts/${ctx.accountId}/inboxes`, {
      token: agent.accessToken,
      body: widget,
    });

    // THEN Pundit's 401
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: "You are not authorized to do this action" });
  });

  it("answers 402 once the account's inbox limit is reached", async () => {
    // GIVEN an account limited to one inbox, which it has
    await call(sim, "PATCH", `/platform/api/v1/accounts/${ctx.accountId}`, {
      token: sim.platformToken,
      body: { limits: { inboxes: 1 } },
    });
    sim.seed.inbox(ctx.accountId);

    // WHEN another one is created
    const response = await call(sim, "POST", `/api/v1/accounts/${ctx.accountId}/inboxes`, {
      token: ctx.userToken,
      body: widget,
    });

    // THEN payment required
    expect(response.status).toBe(402);
    expect(response.json).toEqual({ error: "Account limit exceeded. Upgrade to a higher plan" });
  });

  it("updates channel attributes with PATCH", async () => {
    // GIVEN an inbox
    const inbox = sim.seed.inbox(ctx.accountId);

    // WHEN the channel is patched
    const response = await call(sim, "PATCH", `/api/v1/accounts/${ctx.accountId}/inboxes/${inbox.id}`, {
      token: ctx.userToken,
      body: { greeting_enabled: true, channel: { hmac_mandatory: true, widget_color: "#008060" } },
    });

    // THEN the widget follows
    expect(response.json).toMatchObject({ greeting_enabled: true, hmac_mandatory: true, widget_color: "#008060" });
    expect(sim.state.inboxes[0]?.channel.hmacMandatory).toBe(true);
  });
});
