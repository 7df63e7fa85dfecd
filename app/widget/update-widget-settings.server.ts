import { getChatwootAccount, saveChatwootAccount } from "~/models/chatwoot-account.server";
import { getShop } from "~/models/shop.server";
import { adminQuery, SET_METAFIELDS_MUTATION, setMetafieldsSchema } from "~/provisioning/shopify-admin.server";
import { METAFIELD_NAMESPACE } from "~/provisioning/step-storefront-settings.server";
import type { WidgetSettings } from "./settings-form";
import type { StoreInbox } from "./store-inbox.server";
import type { ShopifyAdminGraphql, WidgetDeps } from "./types";

export type UpdateWidgetSettingsResult = { ok: true } | { ok: false; error: string };

/**
 * Pushes the Widget page's settings to the store's inbox (PATCH with the store's own service
 * token). A new colour also goes to the `widget_color` app-data metafield, which the storefront
 * launcher uses before Chatwoot's widget has loaded, so the two always match. "New" is measured
 * against the colour last written to that metafield, not Chatwoot's: a colour changed in Chatwoot
 * directly, or a metafield write that failed after Chatwoot took the colour, is written on save.
 */
export function updateWidgetSettingsFactory({
  db,
  logger,
  storeInbox,
}: Pick<WidgetDeps, "db" | "logger"> & { storeInbox(shop: string): Promise<StoreInbox | undefined> }) {
  return async function updateWidgetSettings(
    shop: string,
    admin: ShopifyAdminGraphql,
    settings: WidgetSettings,
  ): Promise<UpdateWidgetSettingsResult> {
    const inbox = await storeInbox(shop);
    if (!inbox) return { ok: false, error: "Your Chatwoot account is not ready yet." };
    await inbox.client.updateInbox(inbox.inboxId, {
      greeting_enabled: settings.greeting_enabled,
      greeting_message: settings.greeting_message,
      channel: {
        welcome_title: settings.welcome_title,
        welcome_tagline: settings.welcome_tagline,
        reply_time: settings.reply_time,
        widget_color: settings.widget_color,
      },
    });
    const account = await getChatwootAccount(db, { shop });
    if (account?.widgetColor?.toLowerCase() === settings.widget_color) return { ok: true };

    const store = await getShop(db, { shop });
    if (!store?.appInstallationId)
      return { ok: false, error: "The store's app installation is unknown; reload and retry." };
    const result = await adminQuery(admin, SET_METAFIELDS_MUTATION, setMetafieldsSchema, {
      metafields: [
        {
          ownerId: store.appInstallationId,
          namespace: METAFIELD_NAMESPACE,
          key: "widget_color",
          type: "color",
          value: settings.widget_color,
        },
      ],
    });
    const problems = result.metafieldsSet.userErrors.map((e) => e.message);
    if (problems.length) {
      logger.warn("widget colour metafield refused", { shop, problems });
      return { ok: false, error: `Chatwoot was updated, but Shopify refused the colour: ${problems.join("; ")}` };
    }
    await saveChatwootAccount(db, { shop }, { widgetColor: settings.widget_color });
    return { ok: true };
  };
}
