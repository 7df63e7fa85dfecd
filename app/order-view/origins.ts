import type { OrderViewConfig } from "./types";

/**
 * Which pages may frame the order view and post it the conversation context. In production that is
 * exactly one origin: the Chatwoot agents use. The sandbox's Chatwoot-like host page is served by the
 * app itself, so there (SANDBOX_SHOP set) and for the sandbox store's token only, the app's own origin
 * is accepted too. Production never sets SANDBOX_SHOP, so it stays strict.
 */
export function parentOrigins(config: OrderViewConfig, shop: string | undefined): string[] {
  const chatwoot = new URL(config.chatwootUrl).origin;
  const sandbox = config.sandboxShop && shop === config.sandboxShop ? new URL(config.appUrl).origin : undefined;
  return sandbox && sandbox !== chatwoot ? [chatwoot, sandbox] : [chatwoot];
}

/** The CSP directive for those origins. */
export function frameAncestors(origins: readonly string[]): string {
  return `frame-ancestors ${origins.join(" ")}`;
}
