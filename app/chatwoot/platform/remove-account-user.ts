import { emptyResponseSchema } from "../schemas";
import type { CallOptions, PlatformDeps } from "../types";

/**
 * Removes a user from an account (Chatwoot then unassigns their conversations in the
 * background). The route is the collection itself, with no id in the path, so the user is
 * named by `user_id`.
 */
export function removeAccountUserFactory({ transport }: PlatformDeps) {
  return async function removeAccountUser(accountId: number, userId: number, options: CallOptions = {}): Promise<void> {
    await transport.request({
      method: "DELETE",
      path: `/platform/api/v1/accounts/${accountId}/account_users`,
      // Rails reads params from both; the query survives proxies that drop DELETE bodies,
      // the body is what the documented API shows.
      query: { user_id: userId },
      body: { user_id: userId },
      schema: emptyResponseSchema,
      signal: options.signal,
    });
  };
}
