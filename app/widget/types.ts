import type { ChatwootAccountClient } from "~/chatwoot";
import type { Db } from "~/db.server";
import type { KeyRing } from "~/lib/crypto.server";
import type { Logger } from "~/lib/logger.server";
import type { ShopifyAdminGraphql } from "~/provisioning/types";

export type { ShopifyAdminGraphql };

/** What the widget capability needs from the app; wired once in app/shopify.server.ts. */
export interface WidgetDeps {
  db: Db;
  keys: KeyRing;
  /** An Application API client acting as the store's own service user. */
  accountClient(accountId: number, userToken: string): ChatwootAccountClient;
  /** The store's Admin API client from its offline session (for pages without an admin request). */
  adminFor(shop: string): Promise<ShopifyAdminGraphql>;
  logger: Logger;
}

/** Whether the chat embed is switched on in the store's live theme. */
export type EmbedStatus =
  | { state: "enabled"; settings: Record<string, unknown> }
  | { state: "disabled"; reason: "never-enabled" | "switched-off" }
  | { state: "unknown"; reason: string };
