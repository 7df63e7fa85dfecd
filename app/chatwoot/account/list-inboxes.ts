import { inboxListSchema } from "../schemas";
import type { AccountDeps, CallOptions, Inbox } from "../types";

/**
 * All inboxes the token's user can see: every inbox for an administrator, only those it is a
 * member of for an agent. `hmac_token` is included for administrators only.
 */
export function listInboxesFactory({ transport, accountId }: AccountDeps) {
  return async function listInboxes(options: CallOptions = {}): Promise<Inbox[]> {
    const { payload } = await transport.request({
      method: "GET",
      path: `/api/v1/accounts/${accountId}/inboxes`,
      schema: inboxListSchema,
      signal: options.signal,
    });
    return payload;
  };
}
