import { isNotFound, type ChatwootPlatformClient } from "~/chatwoot";
import type { Db } from "~/db.server";
import type { Logger } from "~/lib/logger.server";
import { getChatwootAccount } from "~/models/chatwoot-account.server";
import { addAuditRecord } from "~/models/compliance.server";
import { deleteShopData } from "~/models/shop-data.server";
import { getShop } from "~/models/shop.server";

/** Chatwoot deletes accounts in a background job; until it is gone the redact job retries. */
export class AccountDeletionPendingError extends Error {
  constructor(accountId: number, what = "account") {
    super(`Chatwoot ${what} of account ${accountId} is still being deleted`);
    this.name = "AccountDeletionPendingError";
  }
}

/**
 * shop/redact (48 hours after uninstall): deletes the store's Chatwoot account and the app's
 * service user through the Platform API, waits until Chatwoot has really removed the account, then
 * deletes every local row for the store and keeps an audit record. The merchant's Chatwoot user is
 * left alone: it may administer the merchant's other stores. A store that installed again since
 * the request was triggered is not touched.
 */
export function redactShopFactory(deps: { db: Db; platform: ChatwootPlatformClient; logger: Logger }) {
  return async function redactShop({
    shop,
    triggeredAt,
  }: {
    shop: string;
    triggeredAt: string | null;
  }): Promise<"redacted" | "stale"> {
    const store = await getShop(deps.db, { shop });
    // Installed again after the request was triggered: not this store's end. Shopify sends
    // shop/redact only after 48 hours uninstalled, so a later trigger than the store's latest install
    // counts even when its app/uninstalled never got through; without a trigger time, the store's
    // own state decides.
    const triggered = triggeredAt ? new Date(triggeredAt) : null;
    if (store && (triggered ? triggered < store.installedAt : !store.uninstalledAt)) {
      deps.logger.info("stale shop/redact ignored: the store is installed again", { shop });
      return "stale";
    }
    const account = await getChatwootAccount(deps.db, { shop });
    const ignoreGone = (error: unknown) => {
      if (!isNotFound(error)) throw error;
    };
    if (account?.accountId) {
      await deps.platform.deleteAccount(account.accountId).catch(ignoreGone);
      const stillThere = await deps.platform.getAccount(account.accountId).then(
        () => true,
        (error: unknown) => (ignoreGone(error), false),
      );
      if (stillThere) throw new AccountDeletionPendingError(account.accountId);
    }
    if (account?.serviceUserId) {
      await deps.platform.deleteUser(account.serviceUserId).catch(ignoreGone);
      const userThere = await deps.platform.getUser(account.serviceUserId).then(
        () => true,
        (error: unknown) => (ignoreGone(error), false),
      );
      if (userThere) throw new AccountDeletionPendingError(account.accountId ?? 0, "service user");
    }
    const rows = await deleteShopData(deps.db, { shop });
    await addAuditRecord(deps.db, {
      shop,
      action: "shop/redact",
      subjectHash: null,
      detail: JSON.stringify({
        chatwootAccountDeleted: Boolean(account?.accountId),
        serviceUserDeleted: Boolean(account?.serviceUserId),
        rows,
      }),
    });
    deps.logger.info("store redacted", { shop, rows });
    return "redacted";
  };
}
