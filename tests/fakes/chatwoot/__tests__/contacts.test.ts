import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ChatwootSimulator, startChatwootSimulator } from "../index";
import { call, provision } from "./helpers";

describe("Chatwoot simulator: contacts", () => {
  let sim: ChatwootSimulator;
  let ctx: Awaited<ReturnType<typeof provision>>;
  let base: string;

  beforeEach(async () => {
    sim = await startChatwootSimulator({ contactSearchPerMinute: 3 });
    ctx = await provision(sim);
    base = `/api/v1/accounts/${ctx.accountId}/contacts`;
  });
  afterEach(() => sim.stop());

  const create = (body: unknown) => call(sim, "POST", base, { token: ctx.userToken, body });

  it("creates a contact with a lowercased email and answers the payload/contact shape", async () => {
    // WHEN a contact is created
    const response = await create({
      name: "Ada",
      email: "Ada@Example.com",
      identifier: "7012345678901",
      phone_number: "+4915112345678",
    });

    // THEN the email is stored lowercased and no inbox link was made
    expect(response.status).toBe(200);
    expect(response.json.payload.contact).toMatchObject({
      email: "ada@example.com",
      identifier: "7012345678901",
      contact_inboxes: [],
    });
    expect(response.json.payload.contact_inbox).toEqual({ inbox: null, source_id: null });
  });

  it("answers 422 on duplicate email, phone and identifier with the messages joined", async () => {
    // GIVEN an existing contact
    await create({ email: "ada@example.com", identifier: "1", phone_number: "+4915112345678" });

    // WHEN another one reuses all three (email in another case)
    const response = await create({ email: "ADA@example.com", identifier: "1", phone_number: "+4915112345678" });

    // THEN one 422 naming each field
    expect(response.status).toBe(422);
    expect(response.json).toEqual({
      message: "Email has already been taken, Identifier has already been taken, Phone number has already been taken",
      attributes: ["email", "identifier", "phone_number"],
    });
  });

  it("rejects a phone number that is not E.164 and an invalid email", async () => {
    // WHEN the phone has no plus sign and the email no @
    const response = await create({ email: "nope", phone_number: "015112345678" });

    // THEN both are reported
    expect(response.status).toBe(422);
    expect(response.json.message).toBe("Email Invalid email, Phone number should be in e164 format");
  });

  it("merges custom_attributes at the top level only on PATCH", async () => {
    // GIVEN a contact with a nested attribute and a plain one
    const created = await create({
      email: "a@b.co",
      custom_attributes: { orders: { count: 2, total: 10 }, tier: "gold", keep: 1 },
    });
    const id = created.json.payload.contact.id;

    // WHEN a patch sends part of the nested object, a new key and a null
    const patched = await call(sim, "PATCH", `${base}/${id}`, {
      token: ctx.userToken,
      body: { custom_attributes: { orders: { count: 3 }, tier: null, added: true } },
    });

    // THEN untouched keys stay, the nested object is replaced, null is kept as null
    expect(patched.json.payload.custom_attributes).toEqual({ orders: { count: 3 }, tier: null, keep: 1, added: true });
  });

  it("removes keys only through destroy_custom_attributes", async () => {
    // GIVEN a contact with two attributes
    const created = await create({ email: "a@b.co", custom_attributes: { a: 1, b: 2 } });
    const id = created.json.payload.contact.id;

    // WHEN one is destroyed
    const response = await call(sim, "POST", `${base}/${id}/destroy_custom_attributes`, {
      token: ctx.userToken,
      body: { custom_attributes: ["a"] },
    });

    // THEN only the other is left
    expect(response.json.payload.custom_attributes).toEqual({ b: 2 });
  });

  it("searches by substring, 15 per page with has_more, and needs q", async () => {
    // GIVEN 16 contacts whose identifiers contain 123, and one that does not
    for (let i = 0; i < 16; i++) sim.seed.contact(ctx.accountId, { identifier: `9${i}123${i}` });
    sim.seed.contact(ctx.accountId, { identifier: "555" });

    // WHEN searching page 1 and page 2, and without q
    const page1 = await call(sim, "GET", `${base}/search?q=123`, { token: ctx.userToken });
    const page2 = await call(sim, "GET", `${base}/search?q=123&page=2`, { token: ctx.userToken });
    const noQuery = await call(sim, "GET", `${base}/search`, { token: ctx.userToken });

    // THEN the pages and the 422
    expect(page1.json.meta).toEqual({ count: 15, current_page: 1, has_more: true });
    expect(page2.json.meta).toEqual({ count: 1, current_page: "2", has_more: false });
    expect(noQuery.status).toBe(422);
    expect(noQuery.json).toEqual({ error: "Specify search string with parameter q" });
  });

  it("throttles contact search per account like rack-attack", async () => {
    // WHEN the account searches one time more than its limit of 3
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await call(sim, "GET", `${base}/search?q=a`, { token: ctx.userToken })).status);
    const otherPath = await call(sim, "GET", base, { token: ctx.userToken });

    // THEN the fourth is 429 and other endpoints still work
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(otherPath.status).toBe(200);
  });

  it("filters by identifier with equal_to, comparing lowercased", async () => {
    // GIVEN two contacts
    sim.seed.contact(ctx.accountId, { identifier: "Gid-7" });
    sim.seed.contact(ctx.accountId, { identifier: "gid-77" });

    // WHEN filtering on identifier equal_to
    const response = await call(sim, "POST", `${base}/filter`, {
      token: ctx.userToken,
      body: {
        payload: [
          { attribute_key: "identifier", filter_operator: "equal_to", values: ["gid-7"], query_operator: null },
        ],
      },
    });

    // THEN exactly the one contact
    expect(response.json.meta).toEqual({ count: 1, current_page: 1 });
    expect(response.json.payload[0].identifier).toBe("Gid-7");
  });

  it("rejects a filter on an undefined custom attribute with 422", async () => {
    // WHEN filtering on a key with no contact_attribute definition
    const response = await call(sim, "POST", `${base}/filter`, {
      token: ctx.userToken,
      body: {
        payload: [
          { attribute_key: "shopify_orders_count", filter_operator: "equal_to", values: [1], query_operator: null },
        ],
      },
    });

    // THEN the filter error
    expect(response.status).toBe(422);
    expect(response.json.error).toMatch(/^Invalid attribute key - \[shopify_orders_count\]/);
  });

  it("lets only administrators delete contacts", async () => {
    // GIVEN a contact and an agent
    const contact = sim.seed.contact(ctx.accountId, { email: "x@y.co" });
    const agent = sim.seed.user();
    sim.seed.accountUser(ctx.accountId, agent.id, "agent");

    // WHEN the agent, then the administrator, deletes it
    const byAgent = await call(sim, "DELETE", `${base}/${contact.id}`, { token: agent.accessToken });
    const byAdmin = await call(sim, "DELETE", `${base}/${contact.id}`, { token: ctx.userToken });

    // THEN only the administrator succeeds
    expect(byAgent.status).toBe(401);
    expect(byAdmin.status).toBe(200);
    expect(sim.state.contacts).toHaveLength(0);
  });
});
