import { platformAccountSchema } from "../schemas";
import type { CallOptions, PlatformAccount, PlatformDeps } from "../types";

/**
 * Reads an account the platform app created. A missing one is Rails' bare
 * `{"status":404,"error":"Not Found"}` (see `isNotFound`); one created by someone else is a 401.
 * A deleted account stays readable until Chatwoot's background delete job has run.
 */
export function getAccountFactory({ transport }: PlatformDeps) {
  return async function getAccount(accountId: number, options: CallOptions = {}): Promise<PlatformAccount> {
    return transport.request({
      method: "GET",
      path: `/platform/api/v1/accounts/${accountId}`,
      schema: platformAccountSchema,
      signal: options.signal,
    });
  };
}
