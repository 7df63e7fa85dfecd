import { upsertShopDetails } from "~/models/shop.server";
import { adminQuery, brandColorOf, SHOP_DETAILS_QUERY, shopDetailsSchema } from "./shopify-admin.server";
import type { StepDefinition } from "./types";

/** Reads what the other steps need from Shopify: names, e-mails, domain, locale and brand colour. */
export const shopDetailsStep: StepDefinition = {
  name: "shop_details",
  label: "Read your store details from Shopify",
  async run({ shop, deps }) {
    const admin = await deps.adminFor(shop);
    const details = await adminQuery(admin, SHOP_DETAILS_QUERY, shopDetailsSchema);
    const primaryLocale = details.shopLocales.find((l) => l.primary)?.locale ?? "en";
    await upsertShopDetails(deps.db, {
      shop,
      name: details.shop.name,
      email: details.shop.contactEmail || details.shop.email,
      ownerEmail: details.shop.email.toLowerCase(),
      ownerName: details.shop.shopOwnerName ?? null,
      primaryDomainUrl: details.shop.primaryDomain.url,
      locale: primaryLocale,
      brandColor: brandColorOf(details) ?? null,
      appInstallationId: details.currentAppInstallation.id,
    });
  },
};
