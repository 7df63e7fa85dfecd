import type { Db } from "~/db.server";
import type { Logger } from "~/lib/logger.server";
import { getProvisioningStatus } from "~/models/provisioning.server";
import { getShop } from "~/models/shop.server";
import { adminQuery, APP_INSTALLATION_QUERY, appInstallationSchema } from "./shopify-admin.server";
import type { RunOutcome } from "./run-provisioning.server";
import type { ShopifyAdminGraphql } from "./types";

export type AfterAuthOutcome = { started: true; done: Promise<RunOutcome> } | { started: false };

/**
 * Shopify's afterAuth runs after every offline token exchange: on install and reinstall, and also
 * whenever a merchant opens the app after the store's expiring offline token (an hour) ran out.
 * Only an install provisions. Re-running provisioning on every renewal would reset the merchant's
 * checklist, re-promote an owner who was demoted in Chatwoot and lift an operator's suspension.
 *
 * An install is a store the app does not know, one marked uninstalled, or one whose provisioning
 * never finished. A store that looks installed is asked for its app installation: a different id
 * than the one provisioning recorded is a reinstall whose app/uninstalled has not arrived yet.
 */
export function startAfterAuthFactory(deps: {
  db: Db;
  logger: Logger;
  startFromInstall(input: { shop: string }): Promise<{ done: Promise<RunOutcome> }>;
}) {
  return async function startAfterAuth({
    shop,
    admin,
  }: {
    shop: string;
    admin: ShopifyAdminGraphql;
  }): Promise<AfterAuthOutcome> {
    const install = async () => ({ started: true as const, ...(await deps.startFromInstall({ shop })) });
    const [store, provisioning] = await Promise.all([
      getShop(deps.db, { shop }),
      getProvisioningStatus(deps.db, { shop }),
    ]);
    if (!store || store.uninstalledAt || !store.appInstallationId || provisioning?.status !== "provisioned") {
      return install();
    }
    let installationId: string;
    try {
      ({
        currentAppInstallation: { id: installationId },
      } = await adminQuery(admin, APP_INSTALLATION_QUERY, appInstallationSchema));
    } catch (error) {
      // The store is installed and provisioned as far as the app knows: keep it as it is.
      deps.logger.warn("could not read the app installation after a token exchange", { shop, error });
      return { started: false };
    }
    if (installationId !== store.appInstallationId) {
      deps.logger.info("the store reinstalled the app before its app/uninstalled arrived", { shop });
      return install();
    }
    return { started: false };
  };
}
