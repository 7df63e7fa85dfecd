import type { ChatwootAccountClient } from "~/chatwoot";
import type { Db } from "~/db.server";
import type { Logger } from "~/lib/logger.server";
import { getChatwootAccount } from "~/models/chatwoot-account.server";
import { updatePrimaryDomain } from "~/models/shop.server";
import { withStoreHosts } from "./allowed-domains";

/**
 * shop/update: the store's domains as Shopify has them now. Chatwoot only lets the widget be framed
 * by the inbox's `allowed_domains`, so a store that connects a new primary domain would otherwise
 * show no chat there. Adds the hosts to the inbox (with the store's own token) and records the
 * primary domain.
 */
export function allowStoreDomainsFactory(deps: {
  db: Db;
  logger: Logger;
  storeClient(shop: string): Promise<ChatwootAccountClient | undefined>;
}) {
  return async function allowStoreDomains(shop: string, { primaryHost }: { primaryHost: string }) {
    await updatePrimaryDomain(deps.db, { shop, primaryDomainUrl: `https://${primaryHost}` });
    const [client, account] = await Promise.all([deps.storeClient(shop), getChatwootAccount(deps.db, { shop })]);
    if (!client || !account?.inboxId) return "skipped" as const;
    const inbox = await client.getInbox(account.inboxId);
    const allowed = withStoreHosts(inbox.allowed_domains, [primaryHost, shop]);
    if (allowed === null) return "unchanged" as const;
    await client.updateInbox(account.inboxId, { channel: { allowed_domains: allowed } });
    deps.logger.info("storefront domain allowed for the chat widget", { shop, host: primaryHost });
    return "updated" as const;
  };
}
