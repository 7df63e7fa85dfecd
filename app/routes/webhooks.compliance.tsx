import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveCompliance, verifyWebhook } from "~/shopify.server";

// customers/data_request, customers/redact and shop/redact. They arrive without an admin session
// (shop/redact comes 48 hours after uninstall), so nothing here depends on one.
export async function action({ request }: ActionFunctionArgs) {
  const { topic, shop, webhookId, triggeredAt, raw } = await verifyWebhook(request);
  return receiveCompliance({ topic, shop, webhookId, raw, triggeredAt });
}
