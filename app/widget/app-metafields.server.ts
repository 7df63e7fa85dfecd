import { z } from "zod";
import { adminQuery } from "~/provisioning/shopify-admin.server";
import { METAFIELD_NAMESPACE } from "~/provisioning/step-storefront-settings.server";
import type { StoredAppMetafield } from "./sandbox/shopify-objects";
import type { ShopifyAdminGraphql } from "./types";

/** The app-data metafields the theme extension reads as `app.metafields.chatwoot.*`. */
export const APP_METAFIELDS_QUERY = `#graphql
  query WidgetAppMetafields($namespace: String!) {
    currentAppInstallation {
      metafields(first: 20, namespace: $namespace) {
        nodes { namespace key type value }
      }
    }
  }
`;

const appMetafieldsSchema = z.object({
  currentAppInstallation: z.object({
    metafields: z.object({
      nodes: z.array(z.object({ namespace: z.string(), key: z.string(), type: z.string(), value: z.string() })),
    }),
  }),
});

export async function readAppMetafields(admin: ShopifyAdminGraphql): Promise<StoredAppMetafield[]> {
  const data = await adminQuery(admin, APP_METAFIELDS_QUERY, appMetafieldsSchema, { namespace: METAFIELD_NAMESPACE });
  return data.currentAppInstallation.metafields.nodes;
}
