import { messageListSchema } from "../schemas";
import type { AccountDeps, CallOptions, MessageList } from "../types";

/**
 * The latest messages of a conversation with its `meta` (contact, assignee, labels).
 * Conversations are addressed by display id in the Application API, not by database id.
 */
export function listConversationMessagesFactory({ transport, accountId }: AccountDeps) {
  return async function listConversationMessages(
    conversationDisplayId: number,
    options: CallOptions = {},
  ): Promise<MessageList> {
    return transport.request({
      method: "GET",
      path: `/api/v1/accounts/${accountId}/conversations/${conversationDisplayId}/messages`,
      schema: messageListSchema,
      signal: options.signal,
    });
  };
}
