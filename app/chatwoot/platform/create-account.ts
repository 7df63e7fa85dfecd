import { platformAccountSchema } from "../schemas";
import type { CallOptions, CreateAccountInput, PlatformAccount, PlatformDeps } from "../types";

/**
 * Creates a Chatwoot account, one per Shopify store. Creating it is also what lets our
 * platform app touch it later: the Platform API only reaches accounts the app created
 * (a "permissible" row), anything else answers 401 "Non permissible resource".
 */
export function createAccountFactory({ transport }: PlatformDeps) {
  return async function createAccount(input: CreateAccountInput, options: CallOptions = {}): Promise<PlatformAccount> {
    return transport.request({
      method: "POST",
      path: "/platform/api/v1/accounts",
      body: input,
      schema: platformAccountSchema,
      // Not idempotent: a replay after a lost response would create a second account. Only
      // 429/503, refused before Rails ran, are retried; the caller reconciles the rest.
      idempotent: false,
      signal: options.signal,
    });
  };
}
