import { readFileSync } from "node:fs";
import path from "node:path";
import { appEmbedSchema, defaultSettings, readSchemaJson } from "../block-schema";
import { createShopifyLiquid } from "./shopify-liquid.server";
import {
  appObject,
  customerObject,
  requestObjects,
  type StorefrontCustomer,
  type StoredAppMetafield,
} from "./shopify-objects";

/** The theme app extension, read from the checkout (the server runs from the repository root). */
export const EXTENSION_DIR = path.resolve(process.cwd(), "extensions/chatwoot-widget");

export interface EmbedPageView {
  metafields: readonly StoredAppMetafield[];
  /** The logged-in shopper; undefined when nobody is logged in. */
  customer?: StorefrontCustomer;
  locale: string;
  primaryLocale: string;
  /** `request.page_type`: index, product, cart, customers/account, … */
  pageType: string;
  /** True inside the theme editor. */
  designMode: boolean;
  host: string;
  path: string;
  /** The merchant's block settings; unset ones take the schema defaults. */
  settings?: Record<string, unknown>;
}

/**
 * Renders `blocks/chat-embed.liquid` the way Shopify renders an app embed: the block's settings
 * (schema defaults under the merchant's values) in `block`, and Shopify's global objects.
 */
export function embedRendererFactory({
  extensionDir = EXTENSION_DIR,
  assetBaseUrl,
}: {
  extensionDir?: string;
  assetBaseUrl: string;
}) {
  const engine = createShopifyLiquid({ extensionDir, assetBaseUrl });
  const source = readFileSync(path.join(extensionDir, "blocks/chat-embed.liquid"), "utf8");
  const schema = appEmbedSchema.parse(readSchemaJson(source));
  const defaults = defaultSettings(schema);
  const checkboxes = new Set(schema.settings.flatMap((s) => (s.type === "checkbox" ? [s.id] : [])));
  // Settings given as text (a query string) become what Shopify stores: booleans for checkboxes.
  const coerce = (settings: Record<string, unknown> = {}) =>
    Object.fromEntries(
      Object.entries(settings).map(([id, v]) => [id, checkboxes.has(id) && typeof v === "string" ? v === "true" : v]),
    );

  return async function renderAppEmbed(view: EmbedPageView): Promise<string> {
    const globals = {
      app: appObject(view.metafields),
      customer: customerObject(view.customer),
      ...requestObjects(view),
    };
    const block = {
      id: "sandbox-chat-embed",
      type: "shopify://apps/chatwoot-for-shopify/blocks/chat-embed/sandbox",
      settings: { ...defaults, ...coerce(view.settings) },
      shopify_attributes: "",
    };
    return (await engine.renderFile("chat-embed", { block }, { globals })) as string;
  };
}

export type RenderAppEmbed = ReturnType<typeof embedRendererFactory>;
