import { inboxSchema } from "../schemas";
import type { AccountDeps, CallOptions, Inbox } from "../types";

/** One inbox; `hmac_token` is present only when the token's user is an administrator. */
export function getInboxFactory({ transport, accountId }: AccountDeps) {
  return async function getInbox(inboxId: number, options: CallOptions = {}): Promise<Inbox> {
    return transport.request({
      method: "GET",
      path: `/api/v1/accounts/${accountId}/inboxes/${inboxId}`,
      schema: inboxSchema,
      signal: options.signal,
    });
  };
}
