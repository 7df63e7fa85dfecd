import type { SimCore } from "./core";
import { gravatar, unix } from "./format";
import type { ConversationRecord, MessageRecord, MessageType } from "./types";
import { contactPush } from "./views-contact";

const MESSAGE_TYPE_CODES: Record<MessageType, number> = { incoming: 0, outgoing: 1, activity: 2, template: 3 };

function sender(core: SimCore, message: MessageRecord) {
  if (message.senderType === "Contact") {
    const contact = core.state.contacts.find((c) => c.id === message.senderId);
    return contact ? contactPush(contact) : undefined;
  }
  if (message.senderType === "User") {
    const user = core.state.users.find((u) => u.id === message.senderId);
    if (!user) return undefined;
    const avatar = gravatar(user.email);
    const name = user.displayName || user.name;
    return {
      id: user.id,
      name: user.name,
      available_name: name,
      avatar_url: avatar,
      type: "user",
      availability_status: "offline",
      thumbnail: avatar,
    };
  }
  return undefined;
}

/** api/v1/models/_message.json.jbuilder: `conversation_id` is the display id, `message_type` the integer. */
export function messageJson(core: SimCore, message: MessageRecord) {
  const conversation = core.state.conversations.find((c) => c.id === message.conversationId);
  const from = sender(core, message);
  return {
    id: message.id,
    content: message.content,
    account_id: message.accountId,
    inbox_id: message.inboxId,
    conversation_id: conversation?.displayId ?? null,
    message_type: MESSAGE_TYPE_CODES[message.messageType],
    content_type: message.contentType,
    status: message.status,
    content_attributes: message.contentAttributes,
    created_at: unix(message.createdAt),
    private: message.private,
    source_id: message.sourceId,
    sender_type: message.senderType,
    sender_id: message.senderId,
    ...(from ? { sender: from } : {}),
  };
}

export function conversationMessages(core: SimCore, conversation: ConversationRecord): MessageRecord[] {
  return core.state.messages
    .filter((m) => m.conversationId === conversation.id)
    .sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
}

/** The conversation list item (conversations/partials/_conversation.json.jbuilder); `id` is the display id. */
export function conversationJson(core: SimCore, conversation: ConversationRecord) {
  const contact = core.state.contacts.find((c) => c.id === conversation.contactId);
  const link = core.state.contactInboxes.find((ci) => ci.id === conversation.contactInboxId);
  const messages = conversationMessages(core, conversation);
  const last = messages.at(-1);
  const lastNonActivity = messages.filter((m) => m.messageType !== "activity").at(-1);
  return {
    meta: {
      sender: contact ? contactPush(contact) : null,
      channel: "Channel::WebWidget",
      assignee: null,
      hmac_verified: link?.hmacVerified ?? false,
    },
    id: conversation.displayId,
    messages: last ? [messageJson(core, last)] : [],
    account_id: conversation.accountId,
    uuid: conversation.uuid,
    additional_attributes: conversation.additionalAttributes,
    agent_last_seen_at: 0,
    assignee_last_seen_at: 0,
    can_reply: true,
    contact_last_seen_at: 0,
    custom_attributes: conversation.customAttributes,
    inbox_id: conversation.inboxId,
    labels: conversation.labels,
    muted: false,
    snoozed_until: null,
    status: conversation.status,
    created_at: unix(conversation.createdAt),
    updated_at: conversation.lastActivityAt / 1000,
    timestamp: unix(conversation.lastActivityAt),
    first_reply_created_at: null,
    unread_count: 0,
    last_non_activity_message: lastNonActivity ? messageJson(core, lastNonActivity) : null,
    last_activity_at: unix(conversation.lastActivityAt),
    priority: null,
    waiting_since: 0,
    sla_policy_id: null,
  };
}
