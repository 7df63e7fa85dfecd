import { createChatwootAccountClient } from "~/chatwoot";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { logger, unauthenticated } from "~/shopify.server";
import { createWidget, type Widget } from "./index.server";

let instance: Widget | undefined;

/**
 * The widget capability with the app's real dependencies, built on first use. It belongs in
 * app/shopify.server.ts beside `provisioning`; it lives here until the lead moves it.
 */
export function widget(): Widget {
  const config = env();
  instance ??= createWidget({
    db: db(),
    keys: config.ENCRYPTION_KEYS,
    accountClient: (accountId, userToken) =>
      createChatwootAccountClient({
        baseUrl: config.CHATWOOT_BASE_URL,
        accountId,
        userToken,
        timeoutMs: config.CHATWOOT_TIMEOUT_MS,
        logger: logger.child({ component: "chatwoot" }),
      }),
    adminFor: async (shop) => (await unauthenticated.admin(shop)).admin,
    logger: logger.child({ component: "widget" }),
  });
  return instance;
}
