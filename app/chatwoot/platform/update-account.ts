import { platformAccountSchema } from "../schemas";
import type { CallOptions, PlatformAccount, PlatformDeps, UpdateAccountInput } from "../types";

/**
 * Updates an account, e.g. `{ status: "suspended" }` when the store uninstalls (effective at
 * once, data kept) and `{ status: "active" }` when it comes back.
 *
 * `custom_attributes` and `limits` are replaced wholesale, not merged, and Chatwoot keeps its
 * own keys in `custom_attributes`: read the account first and send the merged hash.
 */
export function updateAccountFactory({ transport }: PlatformDeps) {
  return async function updateAccount(
    accountId: number,
    patch: UpdateAccountInput,
    options: CallOptions = {},
  ): Promise<PlatformAccount> {
    return transport.request({
      method: "PATCH",
      path: `/platform/api/v1/accounts/${accountId}`,
      body: patch,
      schema: platformAccountSchema,
      // Every field is an absolute value (hashes included, since they are replaced), so
      // applying the same PATCH twice is harmless.
      idempotent: true,
      signal: options.signal,
    });
  };
}
