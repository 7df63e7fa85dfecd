import { isNotFound, type ChatwootAccountClient } from "~/chatwoot";
import type { Db } from "~/db.server";
import type { Logger } from "~/lib/logger.server";
import {
  deleteContactLink,
  getContactLink,
  resolveContactConflict,
  saveContactLink,
} from "~/models/contact-link.server";
import { getCustomer } from "~/models/customer.server";
import { listCustomerOrders } from "~/models/order.server";
import { getTierThresholds } from "~/models/tier-settings.server";
import { attachOrCreateContact, updateContactAvoidingConflicts } from "./attach-or-create-contact.server";
import { deriveAttributes } from "./derive-attributes";
import { contactPatch, desiredContact, fullContactPatch, parseContactState } from "./desired-contact";
import { refundedInShopMoney, type OrderCurrencies } from "./refunded-in-shop-money";
import { formatMoney, parseMoney, roundToCurrency } from "./money";

export interface SyncContactDeps {
  db: Db;
  logger: Logger;
  /** The store's Application API client (its own service token), or undefined while it is not provisioned. */
  storeClient(shop: string): Promise<ChatwootAccountClient | undefined>;
  now?: () => Date;
}

export type SyncContactOutcome = "created" | "updated" | "unchanged" | "skipped";

/**
 * Brings one customer's Chatwoot contact up to date from the projection. Steady state is one
 * PATCH of the attributes that changed, or no request at all; the contact id is cached in
 * ContactLink so no search is ever needed after the first sync.
 */
export function syncContactFactory(deps: SyncContactDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  return async function syncContact({
    shop,
    customerId,
    full = false,
  }: {
    shop: string;
    customerId: string;
    /** Send everything, not only what changed since the last sync (the merchant's "Resync now"). */
    full?: boolean;
  }): Promise<SyncContactOutcome> {
    const customer = await getCustomer(db, { shop, customerId });
    if (!customer || customer.deletedAt) return "skipped";
    const client = await deps.storeClient(shop);
    if (!client) return "skipped"; // provisioning's completion sweep picks it up
    const orders = await listCustomerOrders(db, { shop, customerId }, { includeDeleted: true });
    const attributes = deriveAttributes({
      shop,
      customer,
      orders: orders.map((o) => ({ ...o, totalRefunded: sumRefunds(o, o.refunds) })),
      thresholds: await getTierThresholds(db, { shop }),
    });
    const desired = desiredContact(customer, attributes);
    const syncedAt = now();
    // What the link remembers is what we asked for: a field Chatwoot refused for a conflict is not
    // retried on every event, only when the customer's value changes again.
    const remember = (contactId: number) =>
      saveContactLink(db, { shop, customerId }, { contactId, syncedAttributes: JSON.stringify(desired), syncedAt });
    // A contested e-mail or phone that Chatwoot has now accepted ends its conflict.
    const accepted = async (body: { email?: unknown; phone_number?: unknown }) => {
      for (const field of ["email", "phone_number"] as const) {
        if (body[field] !== undefined) await resolveContactConflict(db, { shop, customerId, field });
      }
    };

    const link = await getContactLink(db, { shop, customerId });
    if (link) {
      const synced = parseContactState(link.syncedAttributes);
      const patch = full ? fullContactPatch(synced, desired) : contactPatch(synced, desired);
      if (!patch) return "unchanged";
      try {
        const sent = await updateContactAvoidingConflicts(
          { db, client, shop },
          customerId,
          link.contactId,
          withSyncedAt(patch, syncedAt),
        );
        await accepted(sent);
        await remember(link.contactId);
        return "updated";
      } catch (error) {
        if (!isNotFound(error)) throw error;
        // An agent deleted the contact in Chatwoot: start over with a fresh one.
        deps.logger.warn("linked contact is gone; creating it again", { shop, contactId: link.contactId });
        await deleteContactLink(db, { shop, customerId });
      }
    }
    const created = await attachOrCreateContact({ db, client, shop }, customerId, withSyncedAt(desired, syncedAt));
    await accepted(created.state);
    await remember(created.contactId);
    return "created";
  };
}

function withSyncedAt<T extends { custom_attributes?: Record<string, unknown> }>(body: T, at: Date): T {
  return { ...body, custom_attributes: { ...(body.custom_attributes ?? {}), shopify_synced_at: at.toISOString() } };
}

/** An order's refunds, in the store's currency, to the store currency's own decimals. */
function sumRefunds(order: OrderCurrencies, refunds: readonly { amount: string }[]): string {
  const refunded = refunds.reduce((sum, r) => sum + parseMoney(r.amount), 0n);
  return formatMoney(roundToCurrency(refundedInShopMoney(order, refunded), order.currency));
}
