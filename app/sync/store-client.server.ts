import type { ChatwootAccountClient } from "~/chatwoot";
import type { Db } from "~/db.server";
import { decryptSecret, type KeyRing } from "~/lib/crypto.server";
import { getChatwootAccount } from "~/models/chatwoot-account.server";
import { getShop } from "~/models/shop.server";

/**
 * The Application API client for one store, built with that store's own service token, so a job
 * for store A can only ever reach store A's account. Undefined until the store was fully
 * provisioned once, and after it uninstalled.
 */
export function storeClientFactory(deps: {
  db: Db;
  keys: KeyRing;
  makeClient(accountId: number, userToken: string): ChatwootAccountClient;
}) {
  return async function storeClient(shop: string): Promise<ChatwootAccountClient | undefined> {
    const [account, store] = await Promise.all([getChatwootAccount(deps.db, { shop }), getShop(deps.db, { shop })]);
    if (!account?.accountId || !account.serviceTokenCipher || !account.metafieldsSyncedAt) return undefined;
    if (store?.uninstalledAt) return undefined;
    return deps.makeClient(account.accountId, decryptSecret(account.serviceTokenCipher, deps.keys));
  };
}
