import { z } from "zod";
import type { Db } from "~/db.server";
import { upsertCustomerIfNewer } from "~/models/customer.server";
import { adminQuery } from "~/provisioning/shopify-admin.server";
import type { ShopifyAdminGraphql } from "~/provisioning/types";

export const RESYNC_CUSTOMER_QUERY = `#graphql
  query ResyncCustomer($id: ID!) {
    customer(id: $id) {
      firstName
      lastName
      state
      tags
      createdAt
      updatedAt
      defaultEmailAddress { emailAddress marketingState }
      defaultPhoneNumber { phoneNumber }
    }
  }
`;

const resyncSchema = z.object({
  customer: z
    .object({
      firstName: z.string().nullish(),
      lastName: z.string().nullish(),
      state: z.string().nullish(),
      tags: z.array(z.string()),
      createdAt: z.string(),
      updatedAt: z.string(),
      defaultEmailAddress: z.object({ emailAddress: z.string(), marketingState: z.string().nullish() }).nullish(),
      defaultPhoneNumber: z.object({ phoneNumber: z.string() }).nullish(),
    })
    .nullable(),
});

/**
 * Reads one customer from the Admin API and stores what webhooks no longer carry since API
 * 2025-01 (tags, marketing consent). Runs in the worker: "Resync now" in the admin and the order
 * view. Returns false when Shopify has no such customer.
 */
export function resyncCustomerFactory(deps: { db: Db; adminFor(shop: string): Promise<ShopifyAdminGraphql> }) {
  return async function resyncCustomer({ shop, customerId }: { shop: string; customerId: string }): Promise<boolean> {
    const admin = await deps.adminFor(shop);
    const { customer } = await adminQuery(admin, RESYNC_CUSTOMER_QUERY, resyncSchema, {
      id: `gid://shopify/Customer/${customerId}`,
    });
    if (!customer) return false;
    await upsertCustomerIfNewer(
      deps.db,
      { shop, customerId },
      {
        email: customer.defaultEmailAddress?.emailAddress.toLowerCase() ?? null,
        phone: customer.defaultPhoneNumber?.phoneNumber ?? null,
        firstName: customer.firstName ?? null,
        lastName: customer.lastName ?? null,
        state: customer.state?.toLowerCase() ?? null,
        tags: customer.tags.join(", "),
        acceptsMarketing: customer.defaultEmailAddress?.marketingState === "SUBSCRIBED",
        shopifyCreatedAt: new Date(customer.createdAt),
      },
      new Date(customer.updatedAt),
    );
    return true;
  };
}
