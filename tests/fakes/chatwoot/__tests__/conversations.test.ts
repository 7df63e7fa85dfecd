import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ChatwootSimulator, startChatwootSimulator } from "../index";
import { call } from "./helpers";

describe("Chatwoot simulator: seeded conversations and messages", () => {
  let sim: ChatwootSimulator;

  beforeEach(async () => {
    sim = await startChatwootSimulator();
  });
  afterEach(() => sim.stop());

  it("pages messages newest-first in pages of 20, walking back with before=", async () => {
    // GIVEN a conversation with 25 messages
    const { account, token, inbox } = sim.seed.workspace();
    const contact = sim.seed.contact(account.id, { identifier: "42", email: "c@x.co" });
    const messages = Array.from({ length: 25 }, (_, i) => ({
      content: `m${i + 1}`,
      messageType: i % 2 === 0 ? ("incoming" as const) : ("outgoing" as const),
      createdAt: 1_700_000_000_000 + i * 1000,
    }));
    const conversation = sim.seedConversation({
      accountId: account.id,
      inboxId: inbox.id,
      contactId: contact.id,
      messages,
    });
    const path = `/api/v1/accounts/${account.id}/conversations/${conversation.displayId}/messages`;

    // WHEN the newest page and the page before it are read
    const newest = await call(sim, "GET", path, { token });
    const older = await call(sim, "GET", `${path}?before=${newest.json.payload[0].id}`, { token });

    // THEN 20 newest in ascending order, then the remaining 5
    expect(newest.json.payload.map((m: { content: string }) => m.content)).toEqual(
      messages.slice(5).map((m) => m.content),
    );
    expect(older.json.payload.map((m: { content: string }) => m.content)).toEqual(["m1", "m2", "m3", "m4", "m5"]);
    expect(older.json.payload[0]).toMatchObject({
      conversation_id: conversation.displayId,
      message_type: 0,
      sender: { type: "contact" },
    });
    expect(newest.json.meta.contact).toMatchObject({ id: contact.id, identifier: "42" });
  });

  it("reads ids from after up to before in pages of 1000, ordered by time as Chatwoot does", async () => {
    // GIVEN 1,005 messages, the last one dated before all others
    const { account, token, inbox } = sim.seed.workspace();
    const contact = sim.seed.contact(account.id, { identifier: "42" });
    const messages = Array.from({ length: 1005 }, (_, i) => ({
      content: `m${i + 1}`,
      createdAt: i === 1004 ? 1_600_000_000_000 : 1_700_000_000_000 + i * 1000,
    }));
    const conversation = sim.seedConversation({
      accountId: account.id,
      inboxId: inbox.id,
      contactId: contact.id,
      messages,
    });
    const path = `/api/v1/accounts/${account.id}/conversations/${conversation.displayId}/messages`;
    const ids = sim.state.messages.filter((m) => m.conversationId === conversation.id).map((m) => m.id);

    // WHEN all ids are asked for, then the ids of m2 up to (not including) m5
    const all = await call(sim, "GET", `${path}?after=0&before=${Number.MAX_SAFE_INTEGER}`, { token });
    const some = await call(sim, "GET", `${path}?after=${ids[1]}&before=${ids[4]}`, { token });

    // THEN the first 1000 by time, the backdated last message first; and m2 to m4
    const contents = (page: typeof all) => page.json.payload.map((m: { content: string }) => m.content);
    expect(contents(all)).toHaveLength(1000);
    expect(contents(all).slice(0, 2)).toEqual(["m1005", "m1"]);
    expect(contents(some)).toEqual(["m2", "m3", "m4"]);
  });

  it("lists a contact's conversations with display ids and hmac_verified", async () => {
    // GIVEN two conversations of one contact, one verified
    const { account, token, inbox } = sim.seed.workspace();
    const contact = sim.seed.contact(account.id, { identifier: "42" });
    sim.seedConversation({
      accountId: account.id,
      inboxId: inbox.id,
      contactId: contact.id,
      messages: [{ content: "hi" }],
    });
    sim.seedConversation({
      accountId: account.id,
      inboxId: inbox.id,
      contactId: contact.id,
      hmacVerified: true,
      status: "resolved",
    });

    // WHEN the contact's conversations are listed
    const response = await call(sim, "GET", `/api/v1/accounts/${account.id}/contacts/${contact.id}/conversations`, {
      token,
    });

    // THEN both, newest first, addressed by display id
    expect(response.json.payload.map((c: { id: number; status: string }) => [c.id, c.status])).toEqual([
      [2, "resolved"],
      [1, "open"],
    ]);
    expect(response.json.payload[0].meta.hmac_verified).toBe(true);
  });

  it("lists only a contact's newest 20 conversations, as Chatwoot does", async () => {
    // GIVEN 21 conversations of one contact
    const { account, token, inbox } = sim.seed.workspace();
    const contact = sim.seed.contact(account.id, { identifier: "43" });
    for (let n = 0; n < 21; n++)
      sim.seedConversation({ accountId: account.id, inboxId: inbox.id, contactId: contact.id });
    // WHEN
    const response = await call(sim, "GET", `/api/v1/accounts/${account.id}/contacts/${contact.id}/conversations`, {
      token,
    });
    // THEN the 20 newest; the first one is not listed
    const ids = response.json.payload.map((c: { id: number }) => c.id);
    expect(ids).toHaveLength(20);
    expect(ids[0]).toBe(21);
    expect(ids).not.toContain(1);
  });

  it("answers 404 for a conversation of another account", async () => {
    // GIVEN conversations numbered per account
    const first = sim.seed.workspace();
    const second = sim.seed.workspace();
    const contact = sim.seed.contact(second.account.id, { email: "a@b.co" });
    sim.seedConversation({ accountId: second.account.id, inboxId: second.inbox.id, contactId: contact.id });

    // WHEN the first account asks for display id 1
    const response = await call(sim, "GET", `/api/v1/accounts/${first.account.id}/conversations/1/messages`, {
      token: first.token,
    });

    // THEN not found
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ error: "Resource could not be found" });
  });
});
