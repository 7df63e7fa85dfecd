import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ChatwootSimulator, startChatwootSimulator } from "../index";
import { call, provision } from "./helpers";

describe("Chatwoot simulator: custom attribute definitions and dashboard apps", () => {
  let sim: ChatwootSimulator;
  let ctx: Awaited<ReturnType<typeof provision>>;
  let defs: string;
  let apps: string;

  beforeEach(async () => {
    sim = await startChatwootSimulator();
    ctx = await provision(sim);
    defs = `/api/v1/accounts/${ctx.accountId}/custom_attribute_definitions`;
    apps = `/api/v1/accounts/${ctx.accountId}/dashboard_apps`;
  });
  afterEach(() => sim.stop());

  it("makes a definition sent without attribute_model a conversation attribute", async () => {
    // WHEN a definition is created without a model
    const response = await call(sim, "POST", defs, {
      token: ctx.userToken,
      body: { attribute_display_name: "Orders", attribute_key: "shopify_orders_count", attribute_display_type: 1 },
    });

    // THEN it is a conversation attribute, and the integer type comes back as its name
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      attribute_model: "conversation_attribute",
      attribute_display_type: "number",
    });
  });

  it("keeps keys unique per model and rejects standard keys", async () => {
    // GIVEN a contact attribute "tier"
    const body = { attribute_display_name: "Tier", attribute_key: "tier", attribute_model: "contact_attribute" };
    await call(sim, "POST", defs, { token: ctx.userToken, body });

    // WHEN "tier" is created again for contacts, once for conversations, and "email" for contacts
    const again = await call(sim, "POST", defs, { token: ctx.userToken, body });
    const otherModel = await call(sim, "POST", defs, {
      token: ctx.userToken,
      body: { ...body, attribute_model: "conversation_attribute" },
    });
    const standard = await call(sim, "POST", defs, { token: ctx.userToken, body: { ...body, attribute_key: "email" } });

    // THEN duplicates and standard keys are 422, the other model is fine
    expect(again.status).toBe(422);
    expect(again.json).toEqual({ message: "Attribute key has already been taken", attributes: ["attribute_key"] });
    expect(otherModel.status).toBe(200);
    expect(standard.status).toBe(422);
    expect(standard.json.message).toContain("might conflict with default attributes");
  });

  it("filters the list by attribute_model name or number", async () => {
    // GIVEN one definition per model
    const make = (key: string, model: string) =>
      call(sim, "POST", defs, {
        token: ctx.userToken,
        body: { attribute_display_name: key, attribute_key: key, attribute_model: model },
      });
    await make("a", "contact_attribute");
    await make("b", "conversation_attribute");

    // WHEN listing contact attributes both ways, and everything
    const byName = await call(sim, "GET", `${defs}?attribute_model=contact_attribute`, { token: ctx.userToken });
    const byNumber = await call(sim, "GET", `${defs}?attribute_model=1`, { token: ctx.userToken });
    const all = await call(sim, "GET", defs, { token: ctx.userToken });

    // THEN
    expect(byName.json.map((d: { attribute_key: string }) => d.attribute_key)).toEqual(["a"]);
    expect(byNumber.json).toEqual(byName.json);
    expect(all.json).toHaveLength(2);
  });

  it("needs nesting when the body is form encoded", async () => {
    // WHEN flat form fields are sent
    const flat = await call(sim, "POST", defs, {
      token: ctx.userToken,
      form: { attribute_display_name: "X", attribute_key: "x" },
    });
    const nested = await call(sim, "POST", defs, {
      token: ctx.userToken,
      form: {
        "custom_attribute_definition[attribute_display_name]": "X",
        "custom_attribute_definition[attribute_key]": "x",
      },
    });

    // THEN only the nested form is understood
    expect(flat.status).toBe(422);
    expect(flat.json).toEqual({ error: "param is missing or the value is empty: custom_attribute_definition" });
    expect(nested.status).toBe(200);
  });

  it("deletes a definition with 204", async () => {
    // GIVEN a definition
    const created = await call(sim, "POST", defs, {
      token: ctx.userToken,
      body: { attribute_display_name: "X", attribute_key: "x" },
    });

    // WHEN deleted
    const response = await call(sim, "DELETE", `${defs}/${created.json.id}`, { token: ctx.userToken });

    // THEN no content, and gone
    expect(response.status).toBe(204);
    expect(sim.state.attributeDefinitions).toHaveLength(0);
  });

  it("creates a dashboard app with a frame URL and rejects invalid content", async () => {
    // WHEN a valid app and invalid ones are created
    const valid = await call(sim, "POST", apps, {
      token: ctx.userToken,
      body: { title: "Orders", content: [{ type: "frame", url: "https://app.example.com/orders?t=abc" }] },
    });
    const badUrl = await call(sim, "POST", apps, {
      token: ctx.userToken,
      body: { title: "X", content: [{ type: "frame", url: "ftp://x" }] },
    });
    const badType = await call(sim, "POST", apps, {
      token: ctx.userToken,
      body: { title: "X", content: [{ type: "link", url: "https://x" }] },
    });

    // THEN the valid one is stored; the others get Chatwoot's content error
    expect(valid.status).toBe(200);
    expect(valid.json).toMatchObject({
      title: "Orders",
      content: [{ type: "frame", url: "https://app.example.com/orders?t=abc" }],
    });
    expect(badUrl.status).toBe(422);
    expect(badUrl.json).toEqual({ message: "Content : Invalid data", attributes: ["content"] });
    expect(badType.json).toEqual({ message: "Content : Invalid data", attributes: ["content"] });
  });

  it("lets an agent change a dashboard app and deletes with 204", async () => {
    // GIVEN an app made by the administrator and an agent in the account
    const app = await call(sim, "POST", apps, {
      token: ctx.userToken,
      body: { title: "Orders", content: [{ type: "frame", url: "https://a.example" }] },
    });
    const agent = sim.seed.user();
    sim.seed.accountUser(ctx.accountId, agent.id, "agent");

    // WHEN the agent renames it, then deletes it
    const renamed = await call(sim, "PATCH", `${apps}/${app.json.id}`, {
      token: agent.accessToken,
      body: { title: "Renamed" },
    });
    const deleted = await call(sim, "DELETE", `${apps}/${app.json.id}`, { token: agent.accessToken });

    // THEN no policy stops it
    expect(renamed.json.title).toBe("Renamed");
    expect(deleted.status).toBe(204);
    expect(sim.state.dashboardApps).toHaveLength(0);
  });
});
