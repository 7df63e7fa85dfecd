import type { FakeShop } from "./demo-shops";
import { answerAppMetafields, answerThemes } from "./themes";

export interface StoredMetafield {
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
}

type Answer = { status: number; body: unknown };

/** The Admin GraphQL operations the app sends, answered the way Shopify shapes them. */
export function answerGraphql(
  shop: FakeShop,
  body: { query?: string; variables?: Record<string, unknown> },
  metafields: StoredMetafield[],
): Answer {
  const name = /(?:query|mutation)\s+(\w+)/.exec(body.query ?? "")?.[1];
  if (name === "ProvisioningShopDetails") {
    return {
      status: 200,
      body: {
        data: {
          shop: {
            name: shop.name,
            email: shop.email,
            contactEmail: shop.contactEmail,
            shopOwnerName: shop.ownerName,
            myshopifyDomain: shop.domain,
            primaryDomain: { url: shop.primaryDomain, host: new URL(shop.primaryDomain).host },
            brand: shop.brandColor ? { colors: { primary: [{ background: shop.brandColor }] } } : null,
          },
          shopLocales: [{ locale: shop.locale, primary: true }],
          currentAppInstallation: { id: shop.appInstallationId },
        },
        extensions: { cost: { requestedQueryCost: 3, actualQueryCost: 3 } },
      },
    };
  }
  if (name === "ProvisioningAppInstallation") {
    return { status: 200, body: { data: { currentAppInstallation: { id: shop.appInstallationId } } } };
  }
  if (name === "ProvisioningSetMetafields") {
    const input = (body.variables?.metafields ?? []) as StoredMetafield[];
    const userErrors = input
      .filter((m) => m.ownerId !== shop.appInstallationId)
      .map(() => ({ field: ["metafields", "ownerId"], message: "Owner does not exist", code: "INVALID" }));
    if (userErrors.length === 0) {
      for (const m of input) {
        const at = metafields.findIndex(
          (x) => x.ownerId === m.ownerId && x.namespace === m.namespace && x.key === m.key,
        );
        if (at >= 0) metafields.splice(at, 1);
        metafields.push({ ...m });
      }
    }
    return {
      status: 200,
      body: {
        data: {
          metafieldsSet: { metafields: userErrors.length ? [] : input.map((m) => ({ key: m.key })), userErrors },
        },
      },
    };
  }
  if (name === "WidgetEmbedStatus")
    return { status: 200, body: { data: answerThemes(shop, body.query ?? "", body.variables) } };
  if (name === "WidgetAppMetafields") {
    return { status: 200, body: { data: answerAppMetafields(shop, metafields, body.variables) } };
  }
  return {
    status: 200,
    body: {
      errors: [
        { message: `Field '${name ?? "?"}' doesn't exist on type 'QueryRoot'`, extensions: { code: "undefinedField" } },
      ],
    },
  };
}
