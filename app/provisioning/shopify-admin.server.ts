import { z } from "zod";
import type { ShopifyAdminGraphql } from "./types";

/** A Shopify Admin API call that failed; the message is safe to show a merchant. */
export class ShopifyAdminError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ShopifyAdminError";
  }
}

const graphqlEnvelope = z.object({
  data: z.unknown().optional(),
  errors: z.array(z.object({ message: z.string() }).loose()).optional(),
});

/** Runs one Admin GraphQL operation and zod-parses its `data`. */
export async function adminQuery<T>(
  admin: ShopifyAdminGraphql,
  query: string,
  schema: z.ZodType<T>,
  variables?: Record<string, unknown>,
): Promise<T> {
  let response: Response;
  try {
    response = await admin.graphql(query, variables ? { variables } : undefined);
  } catch (error) {
    // The SDK throws on non-2xx responses and on GraphQL errors; keep its message for the logs.
    const status = (error as { response?: { code?: number } }).response?.code;
    throw new ShopifyAdminError(`Shopify Admin API request failed: ${(error as Error).message}`, status, error);
  }
  if (!response.ok) throw new ShopifyAdminError(`Shopify Admin API answered ${response.status}`, response.status);
  const envelope = graphqlEnvelope.parse(await response.json());
  if (envelope.errors?.length) {
    throw new ShopifyAdminError(`Shopify Admin API: ${envelope.errors.map((e) => e.message).join("; ")}`);
  }
  const parsed = schema.safeParse(envelope.data);
  if (!parsed.success)
    throw new ShopifyAdminError("Shopify Admin API answered in an unexpected shape", undefined, parsed.error.issues);
  return parsed.data;
}

export const SHOP_DETAILS_QUERY = `#graphql
  query ProvisioningShopDetails {
    shop {
      name
      email
      contactEmail
      shopOwnerName
      myshopifyDomain
      primaryDomain { url host }
      brand { colors { primary { background } } }
    }
    shopLocales(published: true) { locale primary }
    currentAppInstallation { id }
  }
`;

export const APP_INSTALLATION_QUERY = `#graphql
  query ProvisioningAppInstallation {
    currentAppInstallation { id }
  }
`;

export const appInstallationSchema = z.object({ currentAppInstallation: z.object({ id: z.string() }) });

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/);

export const shopDetailsSchema = z.object({
  shop: z.object({
    name: z.string(),
    email: z.string(),
    contactEmail: z.string().nullish(),
    shopOwnerName: z.string().nullish(),
    myshopifyDomain: z.string(),
    primaryDomain: z.object({ url: z.string(), host: z.string() }),
    brand: z
      .object({
        colors: z.object({ primary: z.array(z.object({ background: z.string().nullish() })).nullish() }).nullish(),
      })
      .nullish(),
  }),
  shopLocales: z.array(z.object({ locale: z.string(), primary: z.boolean() })),
  currentAppInstallation: z.object({ id: z.string() }),
});

export type ShopDetailsResult = z.infer<typeof shopDetailsSchema>;

/** The store's brand colour when it is a usable hex colour. */
export function brandColorOf(details: ShopDetailsResult): string | undefined {
  const candidate = details.shop.brand?.colors?.primary?.[0]?.background ?? undefined;
  return candidate && hexColor.safeParse(candidate).success ? candidate.toLowerCase() : undefined;
}

export const SET_METAFIELDS_MUTATION = `#graphql
  mutation ProvisioningSetMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { key }
      userErrors { field message code }
    }
  }
`;

export const setMetafieldsSchema = z.object({
  metafieldsSet: z.object({
    metafields: z.array(z.object({ key: z.string() })).nullish(),
    userErrors: z.array(z.object({ message: z.string(), field: z.array(z.string()).nullish() }).loose()),
  }),
});
