import { messageListSchema } from "../schemas";
import type { AccountDeps, CallOptions, MessageList } from "../types";

/**
 * Messages of a conversation with its `meta` (contact, assignee, labels), oldest first. Chatwoot
 * filters by message id and orders by creation time:
 * - neither option: the latest 20;
 * - `after` (a message id): up to 100 with a larger id;
 * - `before`: the 20 latest with a smaller id;
 * - both: up to 1000 with `after` <= id < `before`, which is how a whole conversation is read.
 * Conversations are addressed by display id in the Application API, not by database id.
 */
export function listConversationMessagesFactory({ transport, accountId }: AccountDeps) {
  return async function listConversationMessages(
    conversationDisplayId: number,
    options: CallOptions & { after?: number; before?: number } = {},
  ): Promise<MessageList> {
    return transport.request({
      method: "GET",
      path: `/api/v1/accounts/${accountId}/conversations/${conversationDisplayId}/messages`,
      query: { after: options.after, before: options.before },
      schema: messageListSchema,
      signal: options.signal,
    });
  };
}
