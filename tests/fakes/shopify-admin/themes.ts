import type { FakeShop } from "./demo-shops";
import type { StoredMetafield } from "./graphql";

/** A theme as the Admin API's OnlineStoreTheme shows it; files by name, as text. */
export interface FakeTheme {
  id: string;
  name: string;
  role: "MAIN" | "UNPUBLISHED" | "DEVELOPMENT" | "DEMO";
  files: Record<string, string>;
}

// Shopify writes this banner above the JSON of settings_data.json.
const BANNER = `/*
 * ------------------------------------------------------------
 * IMPORTANT: The contents of this file are auto-generated.
 * ------------------------------------------------------------
 */
`;

/** A freshly installed store: the live theme has never had the app embed switched on. */
export function themesOf(shop: FakeShop): FakeTheme[] {
  shop.themes ??= [
    {
      id: "gid://shopify/OnlineStoreTheme/140000000001",
      name: "Dawn",
      role: "MAIN",
      files: {
        "config/settings_data.json": `${BANNER}${JSON.stringify({ current: { blocks: {} }, presets: {} }, null, 2)}`,
      },
    },
  ];
  return shop.themes;
}

/** What the theme editor saves when the merchant switches our app embed on or off. */
export function setAppEmbed(
  shop: FakeShop,
  enabled: boolean,
  settings: Record<string, unknown> = {},
  handle = "chat-embed",
): void {
  const main = themesOf(shop).find((t) => t.role === "MAIN");
  if (!main) throw new Error(`${shop.domain} has no live theme`);
  const file = main.files["config/settings_data.json"] ?? "{}";
  const data = JSON.parse(file.replace(/^\s*\/\*[\s\S]*?\*\/\s*/, "")) as {
    current: { blocks?: Record<string, unknown> };
  };
  data.current.blocks ??= {};
  data.current.blocks["17120000000000000001"] = {
    type: `shopify://apps/chatwoot-for-shopify/blocks/${handle}/0b6c8e58-5a5f-4c1e-9c57-0f5e1f4a8d2b`,
    disabled: !enabled,
    settings,
  };
  main.files["config/settings_data.json"] = `${BANNER}${JSON.stringify(data, null, 2)}`;
}

/** `themes(first:, roles: [...]) { nodes { files(filenames: [...]) { nodes { filename body } userErrors } } }` */
export function answerThemes(shop: FakeShop, query: string, variables: Record<string, unknown> = {}) {
  const roles = /roles:\s*\[([A-Z_,\s]*)\]/
    .exec(query)?.[1]
    ?.split(/[\s,]+/)
    .filter(Boolean);
  const filenames = JSON.parse(/filenames:\s*(\[[^\]]*\])/.exec(query)?.[1] ?? "[]") as string[];
  const first = Number(/themes\(first:\s*(\d+)/.exec(query)?.[1] ?? variables.first ?? 10);
  const themes = themesOf(shop)
    .filter((t) => !roles?.length || roles.includes(t.role))
    .slice(0, first);
  return {
    themes: {
      nodes: themes.map((t) => ({
        id: t.id,
        name: t.name,
        role: t.role,
        files: {
          nodes: filenames
            .filter((f) => t.files[f] !== undefined)
            .map((f) => ({ filename: f, body: { __typename: "OnlineStoreThemeFileBodyText", content: t.files[f] } })),
          userErrors: filenames
            .filter((f) => t.files[f] === undefined)
            .map((f) => ({ code: "NOT_FOUND", filename: f })),
        },
      })),
    },
  };
}

/** `currentAppInstallation { metafields(first:, namespace:) { nodes { namespace key type value } } }` */
export function answerAppMetafields(
  shop: FakeShop,
  metafields: StoredMetafield[],
  variables: Record<string, unknown> = {},
) {
  const nodes = metafields
    .filter((m) => m.ownerId === shop.appInstallationId)
    .filter((m) => variables.namespace === undefined || m.namespace === variables.namespace)
    .map(({ namespace, key, type, value }) => ({ namespace, key, type, value }));
  return { currentAppInstallation: { id: shop.appInstallationId, metafields: { nodes } } };
}
