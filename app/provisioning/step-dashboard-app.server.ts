import { signOrderViewToken } from "~/order-view/token.server";
import type { StepDefinition } from "./types";

export const DASHBOARD_APP_TITLE = "Order history";

/** The order-view URL for a store, carrying the store's signed token. */
export function orderViewUrl(appUrl: string, shop: string, version: number, secret: string): string {
  return `${appUrl}/order-view?token=${encodeURIComponent(signOrderViewToken({ shop, version }, secret))}`;
}

/**
 * The "Order history" tab beside each conversation. Any agent can edit dashboard apps through the
 * API, so a re-run also repairs the URL when it no longer matches.
 */
export const dashboardAppStep: StepDefinition = {
  name: "dashboard_app",
  label: "Add the Order history panel for agents",
  async run({ shop, deps, save, account, storeClient }) {
    const client = await storeClient();
    const recorded = await account();
    const url = orderViewUrl(deps.config.appUrl, shop, recorded.orderViewTokenVersion, deps.config.signingSecret);
    const content = [{ type: "frame" as const, url }];
    const apps = await client.listDashboardApps();
    const existing =
      apps.find((a) => a.id === recorded.dashboardAppId) ?? apps.find((a) => a.title === DASHBOARD_APP_TITLE);
    if (!existing) {
      const created = await client.createDashboardApp({ title: DASHBOARD_APP_TITLE, content });
      await save({ dashboardAppId: created.id });
      return;
    }
    if (existing.title !== DASHBOARD_APP_TITLE || existing.content[0]?.url !== url || existing.content.length !== 1) {
      await client.updateDashboardApp(existing.id, { title: DASHBOARD_APP_TITLE, content });
    }
    await save({ dashboardAppId: existing.id });
  },
};
