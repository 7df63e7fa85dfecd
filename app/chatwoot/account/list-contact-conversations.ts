import { conversationListSchema } from "../schemas";
import type { AccountDeps, CallOptions, Conversation } from "../types";

/**
 * A contact's newest 20 conversations (Chatwoot pages no further here). Their `id` is the per-account display id (the one dashboard
 * apps receive), and `meta.hmac_verified` tells whether the visitor proved to be the customer.
 */
export function listContactConversationsFactory({ transport, accountId }: AccountDeps) {
  return async function listContactConversations(
    contactId: number,
    options: CallOptions = {},
  ): Promise<Conversation[]> {
    const { payload } = await transport.request({
      method: "GET",
      path: `/api/v1/accounts/${accountId}/contacts/${contactId}/conversations`,
      schema: conversationListSchema,
      signal: options.signal,
    });
    return payload;
  };
}
