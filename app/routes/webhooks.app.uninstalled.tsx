import type { ActionFunctionArgs } from "@remix-run/node";
import { uninstallStore, verifyWebhook } from "~/shopify.server";

// Shopify may deliver this more than once, after the sessions are gone, or (a retry) after the
// store already installed again: every step is safe to repeat, and a stale delivery changes nothing.
export async function action({ request }: ActionFunctionArgs) {
  const { shop, triggeredAt } = await verifyWebhook(request);
  await uninstallStore(shop, triggeredAt ? new Date(triggeredAt) : undefined);
  return new Response();
}
