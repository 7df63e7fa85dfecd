import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

/**
 * Sends the Shopify SDK's Admin API traffic (`https://<shop>/admin/...`) to a local fake instead,
 * with the store's host in X-Forwarded-Host. The real SDK still builds, signs and sends every
 * request; only the destination changes. Sandbox and tests only.
 */
export function routeAdminApiTo(origin: string) {
  setAbstractFetchFunc((input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    if (!url.pathname.startsWith("/admin/")) return fetch(input, init);
    const headers = new Headers(init?.headers);
    headers.set("X-Forwarded-Host", url.host);
    return fetch(origin + url.pathname + url.search, { ...init, headers });
  });
}
