import { createChatwootAccountClient } from "~/chatwoot";
import { silentLogger } from "~/lib/logger.server";
import { readConversationMessages } from "~/privacy/read-conversation-messages.server";
import { type ChatwootSimulator, startChatwootSimulator } from "../../../tests/fakes/chatwoot";

describe("reading a whole conversation for a data export", () => {
  let sim: ChatwootSimulator;
  beforeEach(async () => {
    sim = await startChatwootSimulator();
  });
  afterEach(() => sim.stop());

  const START = 1_700_000_000_000;

  function conversationOf(count: number) {
    const { account, token, inbox } = sim.seed.workspace();
    const contact = sim.seed.contact(account.id, { identifier: "42" });
    const conversation = sim.seedConversation({
      accountId: account.id,
      inboxId: inbox.id,
      contactId: contact.id,
      messages: Array.from({ length: count }, (_, n) => ({ content: `line ${n}`, createdAt: START + n * 1000 })),
    });
    const client = createChatwootAccountClient({
      baseUrl: sim.url,
      accountId: account.id,
      userToken: token,
      logger: silentLogger,
    });
    return { client, conversation, account, inbox, contact };
  }

  it("reads a conversation of more than two full pages whole and in order", async () => {
    // GIVEN 2,345 messages, with messages of another conversation between them in the id sequence
    const { client, conversation, account, inbox, contact } = conversationOf(1200);
    const other = sim.seedConversation({ accountId: account.id, inboxId: inbox.id, contactId: contact.id });
    for (let n = 0; n < 300; n++) sim.seed.message(other.id, { content: "elsewhere", createdAt: START });
    for (let n = 1200; n < 2345; n++) {
      sim.seed.message(conversation.id, { content: `line ${n}`, createdAt: START + n * 1000 });
    }
    // WHEN
    const messages = await readConversationMessages(client, conversation.displayId);
    // THEN
    expect(messages.map((m) => m.content)).toEqual(Array.from({ length: 2345 }, (_, n) => `line ${n}`));
  });

  it("keeps a message whose time is earlier than its id suggests, as an imported one is", async () => {
    // GIVEN 1,500 messages, then 3 imported ones dated before all of them
    const { client, conversation } = conversationOf(1500);
    for (let n = 0; n < 3; n++) {
      sim.seed.message(conversation.id, { content: `imported ${n}`, createdAt: START - (3 - n) * 60_000 });
    }
    // WHEN
    const messages = await readConversationMessages(client, conversation.displayId);
    // THEN every message is there once, the imported ones first by their time
    expect(messages.map((m) => m.content)).toEqual([
      "imported 0",
      "imported 1",
      "imported 2",
      ...Array.from({ length: 1500 }, (_, n) => `line ${n}`),
    ]);
  });

  it("reads a short conversation with one request", async () => {
    // GIVEN
    const { client, conversation } = conversationOf(7);
    const before = sim.state.requests.length;
    // WHEN
    const messages = await readConversationMessages(client, conversation.displayId);
    // THEN
    expect(messages).toHaveLength(7);
    expect(sim.state.requests.length - before).toBe(1);
  });
});
