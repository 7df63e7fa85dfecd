import type { Db } from "~/db.server";
import { getChatwootAccount } from "~/models/chatwoot-account.server";
import { rotateOrderViewTokenVersion } from "~/models/order-view.server";
import { getProvisioningView } from "./get-provisioning-view.server";
import type { RunOutcome } from "./run-provisioning.server";

export type ReplaceLinkOutcome = "replaced" | "not_ready" | "busy" | "failed";

/**
 * "Replace the panel's link": every Order history URL made so far stops working (a token carries
 * the store's token version), and a provisioning run points the store's dashboard app at the new
 * one. For when someone who should no longer see the store's orders may still have the address,
 * an agent who left, say. Refused while the store is not set up or a run is under way.
 */
export function replaceOrderViewLinkFactory(deps: { db: Db; run(shop: string): Promise<RunOutcome> }) {
  return async function replaceOrderViewLink(shop: string): Promise<ReplaceLinkOutcome> {
    const account = await getChatwootAccount(deps.db, { shop });
    if (!account?.dashboardAppId) return "not_ready";
    const { status } = await getProvisioningView(deps.db, shop);
    if (status === "running" || status === "pending") return "busy";
    await rotateOrderViewTokenVersion(deps.db, { shop });
    const outcome = await deps.run(shop);
    return outcome === "provisioned" ? "replaced" : outcome;
  };
}
