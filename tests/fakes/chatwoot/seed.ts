import { grantPermissible } from "./auth";
import { linkContactInbox } from "./contacts";
import { insertContact } from "./contact-writes";
import type { SimCore } from "./core";
import { HttpFailure } from "./http";
import { insertInbox } from "./inboxes";
import { insertAccount } from "./platform-accounts";
import { upsertAccountUser } from "./platform-account-users";
import { insertUser } from "./platform-users";
import { uuid } from "./tokens";
import type {
  AccountRecord,
  ConversationRecord,
  InboxRecord,
  JsonObject,
  MessageRecord,
  MessageType,
  Role,
  UserRecord,
} from "./types";
import { openWidgetSession } from "./widget-identify";

export interface SeedMessageInput {
  content: string | null;
  /** (Default: "incoming", sent by the conversation's contact) */
  messageType?: MessageType;
  /** Author of an outgoing message; none means a bot/system message. */
  senderUserId?: number;
  private?: boolean;
  contentType?: string;
  contentAttributes?: JsonObject;
  /** Epoch ms. (Default: the simulator clock) */
  createdAt?: number;
}

export interface SeedConversationInput {
  accountId: number;
  inboxId: number;
  contactId: number;
  /** (Default: "open") */
  status?: ConversationRecord["status"];
  labels?: string[];
  customAttributes?: JsonObject;
  additionalAttributes?: JsonObject;
  /** Marks the contact's link to the inbox as verified by identifier_hash. (Default: false) */
  hmacVerified?: boolean;
  messages?: SeedMessageInput[];
}

export interface SeedWorkspace {
  account: AccountRecord;
  user: UserRecord;
  /** The user's Application API token (an administrator of the account). */
  token: string;
  inbox: InboxRecord;
}

/** Seeds go through the same validation as HTTP; a rejection becomes a plain Error naming the body. */
function unwrap<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof HttpFailure) throw new Error(`seed rejected (${error.reply.status}): ${error.reply.body}`);
    throw error;
  }
}

/**
 * Direct writes for tests, for what the app never creates itself: conversations and messages
 * (the widget makes them in real Chatwoot), or a ready account to aim a client at.
 */
export function createSeeders(core: SimCore) {
  const { state } = core;
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`seed: ${what} does not exist`);
    return value;
  };

  const seeders = {
    /** Created by platform app 1 (or `platformAppId`), so that app may reach it. */
    account(input: JsonObject & { platformAppId?: number } = {}): AccountRecord {
      const { platformAppId = 1, ...params } = input;
      const account = unwrap(() => insertAccount(core, { name: "Seeded account", ...params }));
      grantPermissible(state, platformAppId, "Account", account.id);
      return account;
    },
    user(input: JsonObject & { platformAppId?: number } = {}): UserRecord {
      const { platformAppId = 1, ...params } = input;
      const n = state.users.length + 1;
      const user = unwrap(() =>
        insertUser(core, {
          name: `Seeded user ${n}`,
          email: `user${n}-${uuid().slice(0, 8)}@example.test`,
          password: "Passw0rd!",
          ...params,
        }),
      );
      grantPermissible(state, platformAppId, "User", user.id);
      return user;
    },
    accountUser(accountId: number, userId: number, role: Role = "administrator") {
      need(
        state.accounts.find((a) => a.id === accountId),
        `account ${accountId}`,
      );
      return unwrap(() => upsertAccountUser(core, accountId, userId, role));
    },
    /** A web widget inbox; `params` are the inbox fields plus `channel` attributes, as over HTTP. */
    inbox(accountId: number, params: JsonObject = {}): InboxRecord {
      const account = need(
        state.accounts.find((a) => a.id === accountId),
        `account ${accountId}`,
      );
      const channel = {
        type: "web_widget",
        website_url: "https://shop.example.test",
        ...((params.channel as JsonObject) ?? {}),
      };
      return unwrap(() => insertInbox(core, account, { name: "Seeded inbox", ...params, channel }));
    },
    inboxMember(inboxId: number, userId: number): void {
      if (!state.inboxMembers.some((m) => m.inboxId === inboxId && m.userId === userId))
        state.inboxMembers.push({ inboxId, userId });
    },
    /** Contact params in Chatwoot's snake_case, as over HTTP (`custom_attributes`, `phone_number`, ...). */
    contact(accountId: number, params: JsonObject = {}) {
      need(
        state.accounts.find((a) => a.id === accountId),
        `account ${accountId}`,
      );
      return unwrap(() => insertContact(core, accountId, params));
    },
    conversation(input: SeedConversationInput): ConversationRecord {
      const inbox = need(
        state.inboxes.find((i) => i.id === input.inboxId && i.accountId === input.accountId),
        `inbox ${input.inboxId} in account ${input.accountId}`,
      );
      const contact = need(
        state.contacts.find((c) => c.id === input.contactId && c.accountId === input.accountId),
        `contact ${input.contactId} in account ${input.accountId}`,
      );
      const link = linkContactInbox(core, contact, inbox);
      if (input.hmacVerified) link.hmacVerified = true;
      const now = core.now();
      const conversation: ConversationRecord = {
        id: state.nextId("conversations"),
        displayId: state.nextId(`conversationDisplayIds:${input.accountId}`),
        accountId: input.accountId,
        inboxId: inbox.id,
        contactId: contact.id,
        contactInboxId: link.id,
        uuid: uuid(),
        status: input.status ?? "open",
        labels: input.labels ?? [],
        customAttributes: input.customAttributes ?? {},
        additionalAttributes: input.additionalAttributes ?? {},
        createdAt: input.messages?.[0]?.createdAt ?? now,
        lastActivityAt: now,
      };
      state.conversations.push(conversation);
      for (const message of input.messages ?? []) seeders.message(conversation.id, message);
      return conversation;
    },
    /** Appends a message; `conversationId` is the database id the seed returned (not the display id). */
    message(conversationId: number, input: SeedMessageInput): MessageRecord {
      const conversation = need(
        state.conversations.find((c) => c.id === conversationId),
        `conversation ${conversationId}`,
      );
      const type = input.messageType ?? "incoming";
      const byContact = type === "incoming";
      const message: MessageRecord = {
        id: state.nextId("messages"),
        accountId: conversation.accountId,
        inboxId: conversation.inboxId,
        conversationId: conversation.id,
        content: input.content,
        messageType: type,
        contentType: input.contentType ?? "text",
        contentAttributes: input.contentAttributes ?? {},
        private: input.private ?? false,
        status: "sent",
        sourceId: null,
        senderType: byContact ? "Contact" : input.senderUserId !== undefined ? "User" : null,
        senderId: byContact ? conversation.contactId : (input.senderUserId ?? null),
        createdAt: input.createdAt ?? core.now(),
      };
      state.messages.push(message);
      conversation.lastActivityAt = Math.max(conversation.lastActivityAt, message.createdAt);
      return message;
    },
    /** What the widget iframe gets from `GET /widget`: a fresh visitor and its X-Auth-Token. */
    widgetSession(websiteToken: string) {
      const inbox = need(
        state.inboxes.find((i) => i.channel.websiteToken === websiteToken),
        `inbox with website_token ${websiteToken}`,
      );
      const session = openWidgetSession(core, inbox);
      return { authToken: session.token, sourceId: session.link.sourceId, contactId: session.contact.id };
    },
    /** Account + administrator user (with token) + web widget inbox: the provisioned end state. */
    workspace(input: { accountName?: string; email?: string; role?: Role; inbox?: JsonObject } = {}): SeedWorkspace {
      const account = seeders.account({ name: input.accountName ?? "Seeded store" });
      const user = seeders.user(input.email ? { email: input.email } : {});
      seeders.accountUser(account.id, user.id, input.role ?? "administrator");
      const inbox = seeders.inbox(account.id, input.inbox ?? {});
      return { account, user, token: user.accessToken, inbox };
    },
  };
  return seeders;
}

export type SeedHelpers = ReturnType<typeof createSeeders>;
