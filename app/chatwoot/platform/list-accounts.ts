import { platformAccountListSchema } from "../schemas";
import type { CallOptions, PlatformAccount, PlatformDeps } from "../types";

/**
 * Every account the platform app created (undocumented in the swagger, present in the code).
 * Chatwoot maps the app's permission rows to accounts and never deletes those rows, so once
 * an account was deleted its entry is `null`, dropped here, or the view fails with a 500:
 * keep our own store → account mapping and treat this as a best-effort lookup.
 */
export function listAccountsFactory({ transport }: PlatformDeps) {
  return async function listAccounts(options: CallOptions = {}): Promise<PlatformAccount[]> {
    const accounts = await transport.request({
      method: "GET",
      path: "/platform/api/v1/accounts",
      schema: platformAccountListSchema,
      signal: options.signal,
    });
    return accounts.filter((account): account is PlatformAccount => account !== null);
  };
}
