import { accountUserListSchema } from "../schemas";
import type { AccountUser, CallOptions, PlatformDeps } from "../types";

/** The raw AccountUser rows (user_id, role…) of an account, unpaginated. */
export function listAccountUsersFactory({ transport }: PlatformDeps) {
  return async function listAccountUsers(accountId: number, options: CallOptions = {}): Promise<AccountUser[]> {
    return transport.request({
      method: "GET",
      path: `/platform/api/v1/accounts/${accountId}/account_users`,
      schema: accountUserListSchema,
      signal: options.signal,
    });
  };
}
