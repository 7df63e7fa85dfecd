import type { LoaderFunctionArgs } from "@remix-run/node";
import { orderView } from "~/shopify.server";

/**
 * The page Chatwoot's "Order history" dashboard app frames beside each conversation:
 * `${SHOPIFY_APP_URL}/order-view?token=<per-store token>`. Plain HTML with an inline script, outside
 * the Shopify admin and without the Remix client bundle.
 */
export const loader = ({ request }: LoaderFunctionArgs) => orderView.page(request);
