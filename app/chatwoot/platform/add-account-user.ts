import { accountUserSchema } from "../schemas";
import type { AccountUser, AddAccountUserInput, CallOptions, PlatformDeps } from "../types";

/**
 * Gives a user a role in an account. Our integration user needs `administrator`: agents
 * cannot create inboxes and never see an inbox's `hmac_token`.
 *
 * Chatwoot answers with the raw AccountUser row. A role outside agent/administrator is a
 * 500 (the enum raises), not a 422, which is why the input type is closed.
 */
export function addAccountUserFactory({ transport }: PlatformDeps) {
  return async function addAccountUser(
    accountId: number,
    input: AddAccountUserInput,
    options: CallOptions = {},
  ): Promise<AccountUser> {
    return transport.request({
      method: "POST",
      path: `/platform/api/v1/accounts/${accountId}/account_users`,
      body: input,
      schema: accountUserSchema,
      // An upsert on (account, user): calling it again just sets the same role.
      idempotent: true,
      signal: options.signal,
    });
  };
}
