import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { sandboxHostPageFactory } from "~/order-view/sandbox/host-page.server";
import { requireSandboxShop } from "~/sandbox/guard.server";

/**
 * Sandbox only: a Chatwoot-like conversation page that frames the demo store's order view and
 * answers its fetch-info the way Chatwoot's dashboard does, for the demo store's synced contacts.
 *
 *   /sandbox/chatwoot?contact=<Chatwoot contact id>&verified=0|1&locale=en|nl
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const shop = requireSandboxShop();
  const config = env();
  const hostPage = sandboxHostPageFactory({
    db: db(),
    config: {
      signingSecret: config.APP_SIGNING_SECRET,
      chatwootUrl: config.CHATWOOT_PUBLIC_URL ?? config.CHATWOOT_BASE_URL,
      appUrl: config.SHOPIFY_APP_URL,
      sandboxShop: shop,
    },
  });
  return hostPage(shop, new URL(request.url));
}
