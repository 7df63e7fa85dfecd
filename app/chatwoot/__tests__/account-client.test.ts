import { describe, expect, it } from "vitest";
import { ChatwootRetriableError, createChatwootAccountClient } from "../index";
import { startHttpTestServer } from "./http-test-server";
import { TOKEN, testKit } from "./test-kit";

async function setUp() {
  const server = await startHttpTestServer();
  const { token, ...options } = testKit(server.url).options;
  return { server, client: createChatwootAccountClient({ ...options, accountId: 3, userToken: token }) };
}

const contact = { id: 99, name: "Jane", email: "jane@x.io", identifier: "701", custom_attributes: { a: 1 } };
const inbox = { id: 4, name: "Chat", channel_type: "Channel::WebWidget", website_token: "wt" };

describe("Chatwoot Application API client", () => {
  it("creates a web widget inbox, adding the channel type, and accepts an answer without hmac_token", async () => {
    // GIVEN an agent-level answer: no hmac_token field at all
    const { server, client } = await setUp();
    server.respond({ body: inbox });

    // WHEN
    const created = await client.createWebWidgetInbox({
      name: "Chat",
      channel: { website_url: "https://s.io", hmac_mandatory: true },
    });

    // THEN
    expect(created).toMatchObject({ id: 4, website_token: "wt" });
    expect(created.hmac_token).toBeUndefined();
    expect(server.requests[0]).toMatchObject({
      path: "/api/v1/accounts/3/inboxes",
      headers: { api_access_token: TOKEN },
      body: { name: "Chat", channel: { type: "web_widget", website_url: "https://s.io", hmac_mandatory: true } },
    });
  });

  it("unwraps the inbox list", async () => {
    // GIVEN
    const { server, client } = await setUp();
    server.respond({ body: { payload: [{ ...inbox, hmac_token: "secret" }] } });

    // WHEN
    const inboxes = await client.listInboxes();

    // THEN
    expect(inboxes).toEqual([expect.objectContaining({ id: 4, hmac_token: "secret" })]);
  });

  it("lists attribute definitions for one model, or all when none is given", async () => {
    // GIVEN
    const { server, client } = await setUp();
    server.respond({ body: [] }, { body: [] });

    // WHEN
    await client.listAttributeDefinitions("contact_attribute");
    await client.listAttributeDefinitions();

    // THEN
    expect(server.requests.map((r) => r.query.toString())).toEqual(["attribute_model=contact_attribute", ""]);
  });

  it("unwraps a created contact from payload.contact", async () => {
    // GIVEN
    const { server, client } = await setUp();
    server.respond({ body: { payload: { contact, contact_inbox: { inbox: null, source_id: null } } } });

    // WHEN
    const created = await client.createContact({ name: "Jane", identifier: "701" });

    // THEN
    expect(created).toMatchObject({ id: 99, identifier: "701" });
  });

  it("retries an idempotent contact PATCH after a 502 but not a contact POST", async () => {
    // GIVEN
    const { server, client } = await setUp();
    server.respond({ status: 502, body: "" }, { body: { payload: contact } }, { status: 502, body: "" });

    // WHEN
    const updated = await client.updateContact(99, { custom_attributes: { a: 1 } });
    const error = await client.createContact({ name: "Jane" }).catch((e: unknown) => e);

    // THEN
    expect(updated.id).toBe(99);
    expect(error).toBeInstanceOf(ChatwootRetriableError);
    expect(server.requests.map((r) => r.method)).toEqual(["PATCH", "PATCH", "POST"]);
  });

  it("filters contacts with the last query_operator null and the others defaulting to OR", async () => {
    // GIVEN
    const { server, client } = await setUp();
    server.respond({ body: { meta: { count: 1, current_page: "2" }, payload: [contact] } });

    // WHEN
    const page = await client.filterContacts(
      [
        { attribute_key: "identifier", filter_operator: "equal_to", values: ["701"] },
        { attribute_key: "email", filter_operator: "equal_to", values: ["jane@x.io"], query_operator: "AND" },
      ],
      2,
    );

    // THEN
    expect(page.meta).toMatchObject({ count: 1, current_page: 2 });
    expect(server.requests[0]?.query.get("page")).toBe("2");
    expect(server.requests[0]?.body).toEqual({
      payload: [
        { attribute_key: "identifier", filter_operator: "equal_to", values: ["701"], query_operator: "OR" },
        { attribute_key: "email", filter_operator: "equal_to", values: ["jane@x.io"], query_operator: null },
      ],
    });
  });

  it("searches contacts by q and page", async () => {
    // GIVEN
    const { server, client } = await setUp();
    server.respond({ body: { meta: { count: 1, current_page: 1, has_more: false }, payload: [contact] } });

    // WHEN
    const page = await client.searchContacts("jane", 1);

    // THEN
    expect(page.payload).toHaveLength(1);
    expect(server.requests[0]?.path).toBe("/api/v1/accounts/3/contacts/search");
    expect(server.requests[0]?.query.toString()).toBe("q=jane&page=1");
  });

  it("removes custom attribute keys through destroy_custom_attributes", async () => {
    // GIVEN
    const { server, client } = await setUp();
    server.respond({ body: { payload: { ...contact, custom_attributes: {} } } });

    // WHEN
    const updated = await client.destroyContactCustomAttributes(99, ["a"]);

    // THEN
    expect(updated.custom_attributes).toEqual({});
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      path: "/api/v1/accounts/3/contacts/99/destroy_custom_attributes",
      body: { custom_attributes: ["a"] },
    });
  });

  it("creates and deletes a dashboard app (204)", async () => {
    // GIVEN
    const { server, client } = await setUp();
    const content = [{ type: "frame" as const, url: "https://app.example/orders" }];
    server.respond({ body: { id: 8, title: "Orders", content } }, { status: 204 });

    // WHEN
    const app = await client.createDashboardApp({ title: "Orders", content });
    await client.deleteDashboardApp(app.id);

    // THEN
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /api/v1/accounts/3/dashboard_apps",
      "DELETE /api/v1/accounts/3/dashboard_apps/8",
    ]);
  });

  it("reads the profile, a contact's conversations and a conversation's messages", async () => {
    // GIVEN
    const { server, client } = await setUp();
    server.respond(
      { body: { id: 5, email: "bot@x.io", accounts: [{ id: 3, role: "administrator" }] } },
      { body: { payload: [{ id: 42, inbox_id: 4, status: "open", meta: { hmac_verified: true } }] } },
      { body: { meta: {}, payload: [{ id: 1, content: "Hi", message_type: 0 }] } },
    );

    // WHEN
    const profile = await client.getProfile();
    const conversations = await client.listContactConversations(99);
    const messages = await client.listConversationMessages(42);

    // THEN
    expect(profile.accounts?.[0]?.role).toBe("administrator");
    expect(conversations[0]?.meta?.hmac_verified).toBe(true);
    expect(messages.payload[0]?.content).toBe("Hi");
    expect(server.requests.map((r) => r.path)).toEqual([
      "/api/v1/profile",
      "/api/v1/accounts/3/contacts/99/conversations",
      "/api/v1/accounts/3/conversations/42/messages",
    ]);
  });
});
