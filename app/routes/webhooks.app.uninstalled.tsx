import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { deleteSessionsForShop } from "~/models/session.server";
import { markShopUninstalled } from "~/models/shop.server";
import { authenticate, logger, sessions } from "~/shopify.server";

// Shopify may deliver this more than once, and after the sessions are already gone: every write
// here is safe to repeat. Sessions are deleted (awaited) so a reinstall runs afterAuth again.
export async function action({ request }: ActionFunctionArgs) {
  const { shop, topic, webhookId } = await authenticate.webhook(request);
  await deleteSessionsForShop(db(), { shop });
  sessions.forgetShop(shop);
  await markShopUninstalled(db(), { shop });
  logger.info("app uninstalled", { shop, topic, webhookId });
  return new Response();
}
