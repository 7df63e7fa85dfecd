import type { ChatwootAccount, Shop } from "@prisma/client";
import type { Db } from "~/db.server";
import type { KeyRing } from "~/lib/crypto.server";
import type { Logger } from "~/lib/logger.server";
import type { ChatwootAccountPatch } from "~/models/chatwoot-account.server";
import type { ChatwootAccountClient, ChatwootPlatformClient } from "~/chatwoot";

/** The slice of the Shopify Admin client provisioning uses (the SDK's `admin.graphql`). */
export interface ShopifyAdminGraphql {
  graphql(query: string, options?: { variables?: Record<string, unknown> }): Promise<Response>;
}

export interface ProvisioningConfig {
  /** The app's public URL; the order-view dashboard app points here. */
  appUrl: string;
  /** The Chatwoot URL browsers use (widget script, sign-in links). */
  chatwootPublicUrl: string;
  /** Domain of the per-store service users' e-mail addresses. */
  serviceUserEmailDomain: string;
  /** Signs the order-view URL token. */
  signingSecret: string;
}

export interface ProvisioningDeps {
  db: Db;
  platform: ChatwootPlatformClient;
  accountClient(accountId: number, userToken: string): ChatwootAccountClient;
  /** Admin API access for a store, from its offline session. */
  adminFor(shop: string): Promise<ShopifyAdminGraphql>;
  keys: KeyRing;
  config: ProvisioningConfig;
  logger: Logger;
  /** Called after a run ends provisioned: events kept while the store was provisioning get applied. */
  onProvisioned?(shop: string): Promise<void>;
  /** Identifies this process in the provisioning lease. */
  instanceId: string;
  /** How long a claimed run may go without progress before another instance may take over. (Default: 60000) */
  leaseMs?: number;
  now?: () => Date;
}

/** What every step gets: the store, what is recorded so far, and a way to record more. */
export interface StepContext {
  shop: string;
  deps: ProvisioningDeps;
  logger: Logger;
  shopRow: () => Promise<Shop>;
  account: () => Promise<ChatwootAccount>;
  save(patch: ChatwootAccountPatch): Promise<ChatwootAccount>;
  /** The Application API client for the store's account, with its own service token. */
  storeClient(): Promise<ChatwootAccountClient>;
  now(): Date;
}

export type StepName =
  | "shop_details"
  | "account"
  | "service_user"
  | "merchant"
  | "inbox"
  | "attributes"
  | "dashboard_app"
  | "storefront_settings";

export interface StepDefinition {
  name: StepName;
  /** Shown to the merchant in the checklist. */
  label: string;
  run(ctx: StepContext): Promise<void>;
}

export type ProvisioningStatus = "pending" | "running" | "provisioned" | "failed";

export interface ProvisioningView {
  shop: string;
  status: ProvisioningStatus;
  /** 0..1, the share of steps done in the current or last run. */
  progress: number;
  steps: {
    name: StepName;
    label: string;
    status: "pending" | "running" | "done" | "failed";
    reason: string | null;
  }[];
  finishedAt: string | null;
}
