import { decryptSecret } from "~/lib/crypto.server";
import { ProvisioningStepError } from "./errors.server";
import { adminQuery, SET_METAFIELDS_MUTATION, setMetafieldsSchema } from "./shopify-admin.server";
import type { StepDefinition } from "./types";

/** App-data metafield namespace the theme extension reads (`app.metafields.chatwoot.*`). */
export const METAFIELD_NAMESPACE = "chatwoot";

/**
 * Hands the theme app extension what it needs through app-data metafields on the app
 * installation. Only this app and its extension's Liquid can read them, and Liquid runs on
 * Shopify's servers: the identity secret is used there to compute the shopper's identifier_hash
 * and is never printed into the page.
 */
export const storefrontSettingsStep: StepDefinition = {
  name: "storefront_settings",
  label: "Connect the storefront chat",
  async run({ shop, deps, account, shopRow, save, now }) {
    const store = await shopRow();
    const recorded = await account();
    if (!store.appInstallationId || !recorded.websiteToken || !recorded.hmacTokenCipher) {
      throw new Error("storefront_settings ran before the inbox existed");
    }
    const field = (key: string, type: string, value: string) => ({
      ownerId: store.appInstallationId,
      namespace: METAFIELD_NAMESPACE,
      key,
      type,
      value,
    });
    const admin = await deps.adminFor(shop);
    const result = await adminQuery(admin, SET_METAFIELDS_MUTATION, setMetafieldsSchema, {
      metafields: [
        field("base_url", "single_line_text_field", deps.config.chatwootPublicUrl),
        field("website_token", "single_line_text_field", recorded.websiteToken),
        field("identity_secret", "single_line_text_field", decryptSecret(recorded.hmacTokenCipher, deps.keys)),
        field("widget_color", "color", recorded.widgetColor ?? "#1f2937"),
        field("enabled", "boolean", "true"),
      ],
    });
    const problems = result.metafieldsSet.userErrors;
    if (problems.length) {
      throw new ProvisioningStepError(
        `Shopify refused the storefront settings: ${problems.map((p) => p.message).join("; ")}`,
      );
    }
    await save({ metafieldsSyncedAt: now() });
  },
};
