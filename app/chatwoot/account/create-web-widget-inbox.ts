import { webWidgetInboxSchema } from "../schemas";
import type { AccountDeps, CallOptions, CreateWebWidgetInboxInput, WebWidgetInbox } from "../types";

/**
 * Creates the storefront chat inbox (administrators only; 402 when the account's inbox
 * limit is reached). The answer carries the public `website_token` for the theme extension
 * and, for administrators, the secret `hmac_token` for identity hashes, which must never
 * reach the storefront.
 */
export function createWebWidgetInboxFactory({ transport, accountId }: AccountDeps) {
  return async function createWebWidgetInbox(
    input: CreateWebWidgetInboxInput,
    options: CallOptions = {},
  ): Promise<WebWidgetInbox> {
    return transport.request({
      method: "POST",
      path: `/api/v1/accounts/${accountId}/inboxes`,
      // The channel kind is fixed by this operation; callers only describe the widget.
      body: { ...input, channel: { ...input.channel, type: "web_widget" } },
      schema: webWidgetInboxSchema,
      // Not idempotent: a replay would create a second inbox with a second website_token.
      idempotent: false,
      signal: options.signal,
    });
  };
}
