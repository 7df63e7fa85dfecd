import type { Shop } from "@prisma/client";
import type { Db } from "~/db.server";

export type ShopDetails = Pick<
  Shop,
  | "shop"
  | "name"
  | "email"
  | "ownerEmail"
  | "ownerName"
  | "primaryDomainUrl"
  | "locale"
  | "brandColor"
  | "appInstallationId"
>;

export function getShop(db: Db, { shop }: Pick<Shop, "shop">) {
  return db.shop.findUnique({ where: { shop } });
}

/** Records what Shopify says about the store; a reinstall clears uninstalledAt. */
export function upsertShopDetails(db: Db, details: ShopDetails) {
  const { shop, ...rest } = details;
  return db.shop.upsert({
    where: { shop },
    create: { shop, ...rest },
    update: { ...rest, uninstalledAt: null },
  });
}

/** The store's primary domain as shop/update reports it; a store the app does not know is left alone. */
export function updatePrimaryDomain(db: Db, { shop, primaryDomainUrl }: Pick<Shop, "shop" | "primaryDomainUrl">) {
  return db.shop.updateMany({ where: { shop }, data: { primaryDomainUrl } });
}

/** Marks the store installed (first install or reinstall) before anything else runs. */
export function markShopInstalled(db: Db, { shop }: Pick<Shop, "shop">, now = new Date()) {
  return db.shop.upsert({
    where: { shop },
    create: { shop, name: shop.replace(/\.myshopify\.com$/, ""), email: "", installedAt: now },
    update: { uninstalledAt: null, installedAt: now },
  });
}

export function markShopUninstalled(db: Db, { shop }: Pick<Shop, "shop">, now = new Date()) {
  return db.shop.updateMany({ where: { shop }, data: { uninstalledAt: now } });
}
