import type { SimCore } from "./core";

/**
 * The storefront stand-in for Chatwoot's `/packs/js/sdk.js` (window.chatwootSDK.run, $chatwoot.setUser,
 * the iframe to `/widget`). It is written in a later task; until then the route answers 404 like a
 * Chatwoot whose assets were not built. Return the script source here to serve it.
 */
export function sdkScript(_core: SimCore): string | undefined {
  return undefined;
}
