import { inboxSchema } from "../schemas";
import type { AccountDeps, CallOptions, Inbox, UpdateInboxInput } from "../types";

/**
 * Updates inbox fields and, under `channel`, the widget's settings (no `type` needed).
 * There is no way to rotate `website_token` or `hmac_token` here.
 */
export function updateInboxFactory({ transport, accountId }: AccountDeps) {
  return async function updateInbox(
    inboxId: number,
    patch: UpdateInboxInput,
    options: CallOptions = {},
  ): Promise<Inbox> {
    return transport.request({
      method: "PATCH",
      path: `/api/v1/accounts/${accountId}/inboxes/${inboxId}`,
      body: patch,
      schema: inboxSchema,
      // Absolute values only, so a replay lands on the same state.
      idempotent: true,
      signal: options.signal,
    });
  };
}
