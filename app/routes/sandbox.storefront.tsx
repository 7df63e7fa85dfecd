import { widget } from "~/shopify.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getShop } from "~/models/shop.server";
import { db } from "~/db.server";
import { requireSandboxShop } from "~/sandbox/guard.server";

/**
 * Sandbox storefront: a theme-like page with the chat embed's real Liquid at the end of <body>,
 * against the store's Chatwoot and the app-data metafields the (fake) Admin API holds.
 *
 *   /sandbox/storefront                     a guest
 *   /sandbox/storefront?customer=ada        a logged-in demo customer (ada, grace)
 *   ?widget=none|official|ours              no chat, Chatwoot's own snippet, or our embed (default)
 *   ?locale=nl  ?page=cart  ?design_mode=1  request.locale / request.page_type / the theme editor
 *   ?position=left&load_mode=idle&…         block settings, by their schema id
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const shop = requireSandboxShop();
  const store = await getShop(db(), { shop });
  return widget.storefrontPreview(shop, store?.name ?? shop, new URL(request.url));
}
