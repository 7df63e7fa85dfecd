import { emptyResponseSchema } from "../schemas";
import type { CallOptions, PlatformDeps } from "../types";

/**
 * Queues the deletion of an account. The 200 (empty body) only means "queued": Chatwoot
 * deletes conversations, contacts and inboxes in a background job, and the account keeps
 * working until it has finished. Prefer `updateAccount(id, { status: "suspended" })` when
 * the data may still be wanted.
 */
export function deleteAccountFactory({ transport }: PlatformDeps) {
  return async function deleteAccount(accountId: number, options: CallOptions = {}): Promise<void> {
    await transport.request({
      method: "DELETE",
      path: `/platform/api/v1/accounts/${accountId}`,
      schema: emptyResponseSchema,
      signal: options.signal,
    });
  };
}
