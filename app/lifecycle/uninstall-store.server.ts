import type { Db } from "~/db.server";
import { enqueueTask, TASKS_STOPPED_BY_UNINSTALL } from "~/jobs/tasks.server";
import type { JobQueue } from "~/jobs/types";
import type { Logger } from "~/lib/logger.server";
import { deleteSessionsForShop } from "~/models/session.server";
import { getChatwootAccount } from "~/models/chatwoot-account.server";
import { getShop, markShopUninstalled } from "~/models/shop.server";

export type UninstallOutcome = "uninstalled" | "stale";

/**
 * app/uninstalled: the store's sessions go (so a reinstall runs afterAuth again), its pending sync
 * jobs stop (privacy requests still run), and its Chatwoot account is suspended by a job (widget and API stop at once; the data stays
 * until shop/redact). A delivery triggered before the store's latest install is stale (a retry
 * that outlived a reinstall) and changes nothing.
 */
export function uninstallStoreFactory(deps: {
  db: Db;
  queue: Pick<JobQueue, "enqueue" | "cancelForShop">;
  logger: Logger;
  forgetSessions(shop: string): void;
}) {
  return async function uninstallStore(shop: string, triggeredAt?: Date): Promise<UninstallOutcome> {
    const store = await getShop(deps.db, { shop });
    if (store && triggeredAt && triggeredAt < store.installedAt) {
      deps.logger.info("stale app/uninstalled ignored: the store installed again since", { shop });
      return "stale";
    }
    await deleteSessionsForShop(deps.db, { shop });
    deps.forgetSessions(shop);
    await markShopUninstalled(deps.db, { shop });
    let cancelled = 0;
    for (const task of TASKS_STOPPED_BY_UNINSTALL) cancelled += await deps.queue.cancelForShop(shop, { task });
    await enqueueTask(deps.queue, "shop.suspend", { shop }, { shop, key: `suspend:${shop}:${Date.now()}` });
    deps.logger.info("app uninstalled", { shop, cancelledJobs: cancelled });
    return "uninstalled";
  };
}

/** The job: suspends the store's Chatwoot account unless the store came back in the meantime. */
export function suspendStoreFactory(deps: {
  db: Db;
  platform: { updateAccount(id: number, patch: { status: "suspended" }): Promise<unknown> };
}) {
  return async function suspendStore(shop: string): Promise<boolean> {
    const [store, account] = await Promise.all([getShop(deps.db, { shop }), getChatwootAccount(deps.db, { shop })]);
    if (!store?.uninstalledAt || !account?.accountId) return false;
    await deps.platform.updateAccount(account.accountId, { status: "suspended" });
    return true;
  };
}
