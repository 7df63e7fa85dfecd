import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveShopUpdate, verifyWebhook } from "~/shopify.server";

// shop/update: a new primary domain must be allowed to frame the chat widget (a job does it).
export async function action({ request }: ActionFunctionArgs) {
  const { shop, webhookId, payload } = await verifyWebhook(request);
  return receiveShopUpdate({ shop, webhookId, payload });
}
