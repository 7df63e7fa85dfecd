import type { ChatwootAccountClient } from "~/chatwoot";
import type { Db } from "~/db.server";
import type { JobQueue } from "~/jobs/types";
import type { Logger } from "~/lib/logger.server";
import type { OrderViewLocale, OrderViewStrings } from "./strings";

/** Tunables of the order view, in one place. */
export const ORDER_VIEW_DEFAULTS = {
  /** Orders per page. (Default: 20) */
  pageSize: 20,
  /**
   * API requests one token may make per minute, per app process. A token serves every agent of the
   * store, and Chatwoot reloads the panel on each conversation switch, so this is sized for a busy
   * team (ten requests a second), not one person. (Default: 600)
   */
  requestsPerMinute: 600,
  /** How long a Chatwoot contact look-up for an unlinked contact is reused, in ms. (Default: 60000) */
  lookupCacheMs: 60_000,
  /** How long an agent waits for Chatwoot's answer about an unlinked contact, in ms. (Default: 5000) */
  lookupTimeoutMs: 5000,
  /** Highest page number accepted. (Default: 500) */
  maxPage: 500,
} as const;

export interface OrderViewConfig {
  /** Signs and verifies the per-store tokens (APP_SIGNING_SECRET). */
  signingSecret: string;
  /** The Chatwoot URL agents' browsers use (CHATWOOT_PUBLIC_URL, else CHATWOOT_BASE_URL). */
  chatwootUrl: string;
  /** SHOPIFY_APP_URL: the sandbox's Chatwoot-like host page is served from here. */
  appUrl: string;
  /** SANDBOX_SHOP: only this store's order view also accepts the app's own origin as its parent. */
  sandboxShop?: string;
}

export interface OrderViewDeps {
  db: Db;
  queue: Pick<JobQueue, "enqueue">;
  /** The store's Application API client (its own service token); undefined while not provisioned. */
  storeClient(shop: string): Promise<ChatwootAccountClient | undefined>;
  logger: Logger;
  config: OrderViewConfig;
  now?: () => Date;
  /** Overrides of ORDER_VIEW_DEFAULTS (tests and benchmarks). */
  options?: Partial<typeof ORDER_VIEW_DEFAULTS>;
}

/** The store a verified token speaks for. */
export interface OrderViewStore {
  shop: string;
  /** The store's Chatwoot account id. */
  accountId: number;
  /** The store's name, for the page title. */
  name: string;
  /** The store's brand color (or its widget color), when known. */
  brandColor: string | null;
}

// --- the JSON the page receives (GET /order-view/api) ---

export interface OrderViewLineItem {
  title: string;
  variantTitle: string | null;
  quantity: number;
  /** Decimal string, order currency. */
  price: string;
}

export interface OrderViewTracking {
  company: string | null;
  number: string;
  /** Only http(s) URLs; anything else is dropped. */
  url: string | null;
  status: string | null;
}

export interface OrderViewOrder {
  id: string;
  name: string;
  adminUrl: string;
  /** ISO 8601. */
  createdAt: string;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  cancelled: boolean;
  total: string;
  currency: string;
  /** Sum of refunds, or null when nothing was refunded. */
  refunded: string | null;
  lineItems: OrderViewLineItem[];
  tracking: OrderViewTracking[];
}

export interface OrderViewCustomer {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  tier: string;
  orderCount: number;
  /** Net of refunds, in `currency`; cancelled and voided orders do not count. */
  totalSpent: string;
  /** The currency of the newest order, or null without orders. */
  currency: string | null;
  customerSince: string | null;
  tags: string[];
  adminUrl: string;
  /** When the app last brought this customer up to date (ISO 8601). */
  syncedAt: string;
  /** How the contact was matched: our ContactLink, or the Chatwoot contact's identifier. */
  matchedBy: "link" | "identifier";
}

export interface OrderViewPage {
  items: OrderViewOrder[];
  page: number;
  pageSize: number;
  total: number;
  hasMore: boolean;
}

/** A customer with the contact's e-mail address: shown as a suggestion, never with orders. */
export interface OrderViewSuggestion {
  id: string;
  name: string | null;
  email: string;
  adminUrl: string;
}

export type OrderViewPayload =
  | { status: "found"; customer: OrderViewCustomer; orders: OrderViewPage }
  | { status: "suggestion"; suggestion: OrderViewSuggestion }
  | { status: "unknown" };

// --- what the page's inline script is configured with ---

export interface OrderViewClientConfig {
  token: string;
  /** Path of the JSON API, same origin. */
  api: string;
  /** Origins whose appContext messages are accepted (and that fetch-info is sent to). */
  parentOrigins: string[];
  strings: Record<OrderViewLocale, OrderViewStrings>;
  /** Locale until Chatwoot says otherwise. */
  locale: OrderViewLocale;
}
