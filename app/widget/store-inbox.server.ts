import { decryptSecret } from "~/lib/crypto.server";
import { getChatwootAccount } from "~/models/chatwoot-account.server";
import type { WidgetDeps } from "./types";

/**
 * The store's web-widget inbox, reached with the store's own service token: every widget write
 * goes to that store's Chatwoot account and no other. Undefined until provisioning created it.
 */
export function storeInboxFactory({ db, keys, accountClient }: Pick<WidgetDeps, "db" | "keys" | "accountClient">) {
  return async function storeInbox(shop: string) {
    const account = await getChatwootAccount(db, { shop });
    if (!account?.accountId || !account.serviceTokenCipher || !account.inboxId) return undefined;
    const client = accountClient(account.accountId, decryptSecret(account.serviceTokenCipher, keys));
    return { client, inboxId: account.inboxId };
  };
}

export type StoreInbox = NonNullable<Awaited<ReturnType<ReturnType<typeof storeInboxFactory>>>>;
