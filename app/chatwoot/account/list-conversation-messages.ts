import { messageListSchema } from "../schemas";
import type { AccountDeps, CallOptions, MessageList } from "../types";

/**
 * Messages of a conversation with its `meta` (contact, assignee, labels). Without `after`, the
 * latest 20; with `after` (a message id, 0 for the start), up to 100 oldest-first after it, which
 * is how a whole conversation is read. Conversations are addressed by display id in the
 * Application API, not by database id.
 */
export function listConversationMessagesFactory({ transport, accountId }: AccountDeps) {
  return async function listConversationMessages(
    conversationDisplayId: number,
    options: CallOptions & { after?: number } = {},
  ): Promise<MessageList> {
    return transport.request({
      method: "GET",
      path: `/api/v1/accounts/${accountId}/conversations/${conversationDisplayId}/messages`,
      query: { after: options.after },
      schema: messageListSchema,
      signal: options.signal,
    });
  };
}
