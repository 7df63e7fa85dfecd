import { z } from "zod";
import { adminQuery } from "~/provisioning/shopify-admin.server";
import { embedStatusFromSettingsData } from "./settings-data";
import type { EmbedStatus, ShopifyAdminGraphql } from "./types";

/** The live (MAIN) theme's settings_data.json, where Shopify records app embeds (needs read_themes). */
export const EMBED_STATUS_QUERY = `#graphql
  query WidgetEmbedStatus {
    themes(first: 1, roles: [MAIN]) {
      nodes {
        id
        name
        files(filenames: ["config/settings_data.json"], first: 1) {
          nodes {
            filename
            body {
              ... on OnlineStoreThemeFileBodyText { content }
              ... on OnlineStoreThemeFileBodyBase64 { contentBase64 }
              ... on OnlineStoreThemeFileBodyUrl { url }
            }
          }
        }
      }
    }
  }
`;

const body = z.object({
  content: z.string().optional(),
  contentBase64: z.string().optional(),
  url: z.string().optional(),
});

const embedStatusSchema = z.object({
  themes: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        files: z.object({ nodes: z.array(z.object({ filename: z.string(), body })) }).nullish(),
      }),
    ),
  }),
});

/**
 * Whether the chat embed is on in the live theme. Failures come back as `unknown` with a reason:
 * the home page still offers the theme editor link, and nothing else depends on this.
 */
export function embedStatusFactory({ fetchUrl = fetch }: { fetchUrl?: typeof fetch } = {}) {
  return async function embedStatus(admin: ShopifyAdminGraphql): Promise<EmbedStatus> {
    let data: z.infer<typeof embedStatusSchema>;
    try {
      data = await adminQuery(admin, EMBED_STATUS_QUERY, embedStatusSchema);
    } catch (error) {
      return { state: "unknown", reason: (error as Error).message };
    }
    const theme = data.themes.nodes[0];
    if (!theme) return { state: "unknown", reason: "the store has no published theme" };
    const file = theme.files?.nodes[0]?.body;
    if (!file) return { state: "disabled", reason: "never-enabled" };
    if (file.content !== undefined) return embedStatusFromSettingsData(file.content);
    if (file.contentBase64 !== undefined) {
      return embedStatusFromSettingsData(Buffer.from(file.contentBase64, "base64").toString("utf8"));
    }
    // Large files come as a short-lived URL instead of inline text.
    const response = await fetchUrl(file.url ?? "").catch(() => undefined);
    if (!response?.ok) return { state: "unknown", reason: "settings_data.json could not be downloaded" };
    return embedStatusFromSettingsData(await response.text());
  };
}
