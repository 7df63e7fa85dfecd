import { emptyResponseSchema } from "../schemas";
import type { CallOptions, PlatformDeps } from "../types";

/**
 * Queues the deletion of a user. Like accounts, the 200 only means "queued"; the user's
 * token keeps working until Chatwoot's background job has run.
 */
export function deleteUserFactory({ transport }: PlatformDeps) {
  return async function deleteUser(userId: number, options: CallOptions = {}): Promise<void> {
    await transport.request({
      method: "DELETE",
      path: `/platform/api/v1/users/${userId}`,
      schema: emptyResponseSchema,
      signal: options.signal,
    });
  };
}
