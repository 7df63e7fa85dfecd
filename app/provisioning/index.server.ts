import { markShopInstalled } from "~/models/shop.server";
import { ensureProvisioning, listResumableProvisionings } from "~/models/provisioning.server";
import { getProvisioningView } from "./get-provisioning-view.server";
import { replaceOrderViewLinkFactory } from "./replace-order-view-link.server";
import { openChatwootFactory } from "./open-chatwoot.server";
import { runProvisioningFactory, type RunOutcome } from "./run-provisioning.server";
import { startAfterAuthFactory } from "./start-after-auth.server";
import type { ProvisioningDeps } from "./types";

export type { ProvisioningDeps, ProvisioningConfig, ShopifyAdminGraphql, StepName } from "./types";
export type { ProvisioningView } from "./types";
export type { RunOutcome } from "./run-provisioning.server";
export { PROVISIONING_STEPS } from "./steps.server";

export type Provisioning = ReturnType<typeof createProvisioning>;

/** Provisioning as the rest of the app sees it. */
export function createProvisioning(deps: ProvisioningDeps) {
  const run = runProvisioningFactory(deps);
  const inBackground = (shop: string): Promise<RunOutcome> =>
    run(shop).catch((error: unknown) => {
      // The run records step failures itself; this only catches database trouble.
      deps.logger.error("provisioning run crashed", { shop, error });
      return "failed" as const;
    });

  /**
   * Records the install, then provisions in the background so the merchant's first admin load is
   * not held up; the home page shows progress.
   */
  const startFromInstall = async ({ shop }: { shop: string }): Promise<{ done: Promise<RunOutcome> }> => {
    await markShopInstalled(deps.db, { shop }, (deps.now ?? (() => new Date()))());
    await ensureProvisioning(deps.db, { shop });
    return { done: inBackground(shop) };
  };

  return {
    run,
    startFromInstall,
    /** Shopify's afterAuth hook: provisions on install and reinstall, not on a token renewal. */
    afterAuth: startAfterAuthFactory({ db: deps.db, logger: deps.logger, startFromInstall }),
    /** The admin's Retry button. */
    retry(shop: string): Promise<RunOutcome> {
      return inBackground(shop);
    },
    /** Picks up runs that never finished: the app restarted, or an instance died holding a lease. */
    async resumeInterrupted(): Promise<RunOutcome[]> {
      const pending = await listResumableProvisionings(deps.db, { now: (deps.now ?? (() => new Date()))() });
      const outcomes: RunOutcome[] = [];
      for (const { shop } of pending) outcomes.push(await inBackground(shop));
      return outcomes;
    },
    view: (shop: string) => getProvisioningView(deps.db, shop),
    /** The home page's "Replace the panel's link": old Order history URLs stop working. */
    replaceOrderViewLink: replaceOrderViewLinkFactory({ db: deps.db, run: inBackground }),
    /** The merchant's way into Chatwoot: a one-click link, or the sign-in page. */
    openChatwoot: openChatwootFactory({
      db: deps.db,
      platform: deps.platform,
      chatwootUrl: deps.config.chatwootPublicUrl,
    }),
  };
}
