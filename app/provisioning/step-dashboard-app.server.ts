import { signOrderViewToken } from "~/order-view/token.server";
import type { StepDefinition } from "./types";

export const DASHBOARD_APP_TITLE = "Order history";

/** The order-view URL for a store's Chatwoot account, carrying the store's signed token. */
export function orderViewUrl(
  appUrl: string,
  token: { shop: string; version: number; accountId: number },
  secret: string,
): string {
  return `${appUrl}/order-view?token=${encodeURIComponent(signOrderViewToken(token, secret))}`;
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
    if (!recorded.accountId) throw new Error("dashboard_app ran before the account existed");
    const url = orderViewUrl(
      deps.config.appUrl,
      { shop, version: recorded.orderViewTokenVersion, accountId: recorded.accountId },
      deps.config.signingSecret,
    );
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
